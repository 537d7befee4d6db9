#!/usr/bin/env bash
# Submits a corpus audit to Slurm: an array of N shard tasks (audit.sbatch),
# then a merge job (merge.sbatch) that starts when every task has succeeded.
#
#   scripts/slurm/submit-audit.sh --shards N --db FILE --out DIR [options] CORPUS...
#
#   --shards N           number of array tasks, one shard each (required)
#   --db FILE            statements database, copied to each node (required)
#   --out DIR            output directory on a shared filesystem (required);
#                        shards go to DIR/shard-K, the result to DIR/merged,
#                        the Slurm logs to DIR/logs
#   --quotecheck PATH    the program, visible on every node (default: quotecheck on PATH)
#   --cpus-per-task C    cores per task, passed to audit --jobs (default 1)
#   --max-running M      run at most M tasks at once (sbatch --array=1-N%M)
#   --audit-args "ARGS"  extra audit options, e.g. "--resume --input-format jsonl"
#   CORPUS...            files, directories or quoted globs, on a shared filesystem
#
# Prints "ARRAY_JOB_ID MERGE_JOB_ID" on stdout. Partition, account and time
# limit come from sbatch's own variables (SBATCH_PARTITION, SBATCH_ACCOUNT,
# SBATCH_TIMELIMIT). See scripts/slurm/README.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# usage [CODE]: print the options above; exit CODE (default 2, a usage error).
usage() {
  sed -n '5,20p' "$0" >&2
  exit "${1:-2}"
}

shards="" db="" out="" quotecheck="" cpus=1 max_running="" audit_args=""
while [ $# -gt 0 ]; do
  case $1 in
  --shards) shards=$2; shift 2 ;;
  --db) db=$2; shift 2 ;;
  --out) out=$2; shift 2 ;;
  --quotecheck) quotecheck=$2; shift 2 ;;
  --cpus-per-task) cpus=$2; shift 2 ;;
  --max-running) max_running=$2; shift 2 ;;
  --audit-args) audit_args=$2; shift 2 ;;
  -h | --help) usage 0 ;;
  --) shift; break ;;
  -*) echo "submit-audit: unknown option '$1'" >&2; usage ;;
  *) break ;;
  esac
done
if [ -z "$shards" ] || [ -z "$db" ] || [ -z "$out" ] || [ $# -eq 0 ]; then
  usage
fi
if ! [[ $shards =~ ^[1-9][0-9]*$ ]]; then
  echo "submit-audit: --shards must be a positive number, got '$shards'" >&2
  exit 2
fi
if [ ! -f "$db" ]; then
  echo "submit-audit: no database '$db'" >&2
  exit 2
fi
# The tasks copy the database file alone and open it immutable: changes still
# in a write-ahead log beside it would be silently missed.
if [ -s "$db-wal" ]; then
  echo "submit-audit: '$db-wal' is not empty; run: sqlite3 '$db' 'PRAGMA wal_checkpoint(TRUNCATE)'" >&2
  exit 2
fi

# Absolute paths: the jobs may start in another directory on another node.
db=$(realpath "$db")
mkdir -p "$out/logs"
out=$(realpath "$out")
corpus=()
for c in "$@"; do
  case $c in
  /*) corpus+=("$c") ;;
  *) corpus+=("$PWD/$c") ;; # keeps a glob a glob, for audit to expand
  esac
done
if [ -n "$quotecheck" ]; then
  # A path with a slash is made absolute; a bare name is looked up on PATH on the node.
  case $quotecheck in */*) quotecheck=$(realpath "$quotecheck") ;; esac
  export QUOTECHECK=$quotecheck
fi
export QUOTECHECK_AUDIT_ARGS=$audit_args

array=1-$shards
[ -n "$max_running" ] && array+="%$max_running"

array_job=$(sbatch --parsable --array="$array" --cpus-per-task="$cpus" \
  --output="$out/logs/audit-%A_%a.out" \
  "$here/audit.sbatch" "$out" "$db" "${corpus[@]}")
array_job=${array_job%%;*} # --parsable prints "ID" or "ID;CLUSTER"

# afterok on an array job waits for all of its tasks; if one fails the
# dependency can never be met and Slurm cancels the merge job.
merge_job=$(sbatch --parsable --dependency="afterok:$array_job" --kill-on-invalid-dep=yes \
  --output="$out/logs/merge-%j.out" \
  "$here/merge.sbatch" "$out" "$shards")
merge_job=${merge_job%%;*}

echo "submit-audit: array job $array_job ($shards shards), merge job $merge_job; logs in $out/logs" >&2
echo "$array_job $merge_job"
