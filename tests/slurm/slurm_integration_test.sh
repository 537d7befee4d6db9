#!/usr/bin/env bash
# Slurm integration test: a one-node Slurm cluster on loopback runs the audit
# as a 4-shard job array (scripts/slurm/submit-audit.sh) and the merge job;
# the merged findings must equal a single-process audit's, line for line
# after sorting. On the way, one task is made to fail: the merge must be
# cancelled, and resubmitting with --resume must finish the audit.
#
#   tests/slurm/slurm_integration_test.sh PROGRAM SOURCE_DIR     (ctest -L slurm)
#
# Needs root: it apt-get installs munge, slurmctld, slurmd and slurm-client
# when missing and runs their daemons. Not root: exits 77 (ctest: skipped).
# Everything lives in a temporary directory; the daemons are stopped by their
# pid files when the test ends, whether it passes or fails. On failure the
# daemon and job logs are printed and the directory is kept (QC_SLURM_KEEP=1
# keeps it on success too).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 PROGRAM SOURCE_DIR" >&2
  exit 2
fi
prog=$(realpath "$1")
src=$(realpath "$2")

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: the Slurm integration test needs root (it installs packages and runs slurmctld, slurmd and munged)"
  exit 77
fi

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# --- packages -------------------------------------------------------------
packages=(munge slurmctld slurmd slurm-client)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
fi

# --- temporary directory and cleanup ---------------------------------------
# munged insists that every directory above its socket be searchable by all.
tmp=$(mktemp -d /tmp/qc-slurm-test.XXXXXX)
chmod 0711 "$tmp"
mkdir -m 0755 "$tmp/munge"
mkdir "$tmp/state" "$tmp/spool" "$tmp/corpus"
export SLURM_CONF=$tmp/slurm.conf
jobs_submitted=()

# stop_daemon NAME: SIGTERM to the pid in $tmp/NAME.pid, wait up to 30 s for
# it to exit, then SIGKILL.
stop_daemon() {
  local pidfile=$tmp/$1.pid pid
  [ -s "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "$1 (pid $pid) did not stop in 30 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

print_logs() {
  local f
  for f in "$tmp"/*.log "$tmp"/out/logs/*; do
    [ -f "$f" ] || continue
    echo "----- $f (last 40 lines)"
    tail -n 40 "$f"
  done
}

cleanup() {
  local rc=$?
  set +e
  # Cancel what is still queued or running, so no job step outlives slurmd.
  if [ ${#jobs_submitted[@]} -gt 0 ] && [ -s "$tmp/slurmctld.pid" ]; then
    scancel "${jobs_submitted[@]}" 2>/dev/null
    for _ in $(seq 60); do
      [ -z "$(squeue -h 2>/dev/null)" ] && break
      sleep 0.5
    done
  fi
  stop_daemon slurmd
  stop_daemon slurmctld
  stop_daemon munged
  if [ $rc -ne 0 ]; then
    print_logs
    echo "slurm test: failed (exit $rc); files kept in $tmp" >&2
  elif [ "${QC_SLURM_KEEP:-0}" = 1 ]; then
    echo "slurm test: files kept in $tmp"
  else
    rm -rf "$tmp"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for SECONDS WHAT COMMAND...: run COMMAND every half second until it
# succeeds; fail after SECONDS.
wait_for() {
  local seconds=$1 what=$2 i
  shift 2
  for ((i = 0; i < seconds * 2; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  fail "timed out after ${seconds} s waiting for $what"
}

# --- munge ------------------------------------------------------------------
mungekey --create --keyfile="$tmp/munge.key"
munged --socket="$tmp/munge/munge.sock" --key-file="$tmp/munge.key" \
  --pid-file="$tmp/munged.pid" --log-file="$tmp/munged.log" --seed-file="$tmp/munged.seed"
wait_for 20 "munged" bash -c "munge -n -S '$tmp/munge/munge.sock' | unmunge -S '$tmp/munge/munge.sock'"

# --- slurm.conf: one node, on loopback, two free ports -----------------------
read -r ctld_port slurmd_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
cat >"$SLURM_CONF" <<EOF
# Written by tests/slurm/slurm_integration_test.sh (Slurm 22.05, Debian 12).
ClusterName=quotecheck-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.sock
# No cgroups: plain process tracking, no task binding, no accounting.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SwitchType=switch/none
MpiDefault=none
ReturnToService=2
# Keep finished jobs visible to scontrol for 10 minutes.
MinJobAge=600
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N localhost
node_idle() { [ "$(sinfo -h -n localhost -o %T)" = idle ]; }
wait_for 60 "the node to be idle in sinfo" node_idle
echo "slurm is up: $(sinfo -h -o '%P %D %T %c CPUs')"

# --- statements database and corpus -----------------------------------------
# Statements and articles we write; the corpus also takes the first 200
# PolNeAR documents when ../shared/corpora sits beside the repository.
cat >"$tmp/statements.jsonl" <<'JSON'
{"speaker": "Mara Quist", "text": "The ferry will run every hour from May, and fares will stay frozen.", "date": "2026-03-01", "source": "Council press release"}
{"speaker": "Tomas Berg", "text": "We will not sign a deal that leaves the islands without a doctor.", "date": "2026-02-10", "source": "Radio interview"}
{"speaker": "Ines Halvorsen", "text": "The harbour wall must be repaired before the winter storms.", "date": "2026-01-20", "source": "Harbour board minutes"}
JSON
"$prog" db import --db "$tmp/statements.db" "$tmp/statements.jsonl" >/dev/null

python3 - "$tmp/corpus/written.jsonl" <<'PY'
import json, sys
quotes = [
    ('"The ferry will run every hour from May, and fares will stay frozen," Mara Quist said.', 0),
    ('"The ferry will run every day from May, and fares will stay frozen," Mara Quist said.', 1),
    ('"We will not sign a deal that leaves the islands without a doctor," Mara Quist told reporters.', 2),
    ('Tomas Berg said: "We will not sign a deal that leaves the islands without a doctor."', 3),
    ('"The harbour wall must be repaired before the storms," said Ines Halvorsen.', 4),
    ('"Nobody asked the fishermen," a spokesman said.', 5),
    ('"This is an unbalanced quotation, Berg said.', 6),
]
with open(sys.argv[1], "w") as f:
    for i in range(140):
        q, _ = quotes[i % len(quotes)]
        text = f"Report {i} from the island council.\n\n{q}\n\nThe meeting ended at {i % 12 + 1} o'clock."
        f.write(json.dumps({"id": f"written-{i}", "date": "2026-04-01", "outlet": f"outlet-{i % 3}", "text": text}) + "\n")
        if i == 70:
            f.write('{"id": "written-broken", "text": "a line that is not JSON\n')
PY
polnear=$src/../shared/corpora/polnear.dev.jsonl
if [ -f "$polnear" ]; then
  head -n 200 "$polnear" | gzip >"$tmp/corpus/polnear-head.jsonl.gz"
else
  echo "note: $polnear not found; the corpus is the written articles only"
fi

# --- the reference: one process --------------------------------------------
"$prog" audit "$tmp/corpus" --db "$tmp/statements.db" --jobs 2 --out "$tmp/single" ||
  fail "single-process audit exited $?"
[ -s "$tmp/single/findings.jsonl" ] || fail "single-process audit wrote no findings.jsonl"

# --- the same audit as a 4-task array and a merge job -------------------------
# job_state ID: the state of a job (of every task, for an array), one a line.
job_state() { scontrol -o show job "$1" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2; }
tasks_summary() { job_state "$array_job" | sort | uniq -c | xargs; }

# submit_and_wait [SUBMIT-AUDIT OPTION...]: submit the 4-shard audit, wait up
# to 600 s for its merge job to end; sets array_job, merge_job and merge_state.
submit_and_wait() {
  local ids i
  ids=$("$src/scripts/slurm/submit-audit.sh" --shards 4 --db "$tmp/statements.db" \
    --out "$tmp/out" --quotecheck "$prog" "$@" "$tmp/corpus")
  read -r array_job merge_job <<<"$ids"
  [[ $array_job =~ ^[0-9]+$ && $merge_job =~ ^[0-9]+$ ]] || fail "submit-audit printed '$ids'"
  jobs_submitted+=("$array_job" "$merge_job")
  for ((i = 0; ; i++)); do
    merge_state=$(job_state "$merge_job")
    case $merge_state in
    PENDING | CONFIGURING | RUNNING | COMPLETING) ;;
    *) break ;;
    esac
    ((i < 1200)) || fail "timed out after 600 s waiting for merge job $merge_job ($merge_state; tasks: $(tasks_summary))"
    sleep 0.5
  done
}

# First run: shard 3 cannot write its output (a file is in the way of its
# directory), so its task fails and Slurm cancels the merge.
mkdir -p "$tmp/out"
echo "in the way" >"$tmp/out/shard-3"
submit_and_wait
[ "$merge_state" = CANCELLED ] || fail "with task 3 failing the merge job should be cancelled, it is $merge_state"
[ "$(tasks_summary)" = "3 COMPLETED 1 FAILED" ] || fail "expected 3 tasks COMPLETED and 1 FAILED: $(tasks_summary)"
[ ! -e "$tmp/out/merged" ] || fail "the cancelled merge wrote $tmp/out/merged"
echo "array job $array_job: task 3 failed as arranged, merge job $merge_job cancelled"

# Second run, as scripts/slurm/README.md tells a user: the same command with
# --resume; the three finished shards have nothing left to do.
rm "$tmp/out/shard-3"
submit_and_wait --audit-args --resume
[ "$merge_state" = COMPLETED ] || fail "merge job $merge_job ended $merge_state; tasks: $(tasks_summary)"
[ "$(job_state "$array_job" | sort -u)" = COMPLETED ] || fail "array tasks: $(tasks_summary)"
echo "array job $array_job (--resume) and merge job $merge_job completed"

# --- checks -----------------------------------------------------------------
merged=$tmp/out/merged
for f in findings.jsonl summary.json report.html; do
  [ -s "$merged/$f" ] || fail "merge wrote no $f"
done
# Every shard did a share of the work, and every task used its own node-local,
# immutable copy of the database, removed when the task ended.
for k in 1 2 3 4; do
  [ -s "$tmp/out/shard-$k/findings.jsonl" ] || fail "shard $k wrote no findings"
  log=$tmp/out/logs/audit-${array_job}_$k.out
  [ -f "$log" ] || fail "no log $log for task $k"
  copy=$(sed -n 's/.*database copied to \(.*\)$/\1/p' "$log")
  [ -n "$copy" ] || fail "task $k did not report its database copy: $(cat "$log")"
  grep -q -- "--db $copy --db-immutable" "$log" || fail "task $k did not open $copy immutable"
  [ ! -e "$copy" ] || fail "task $k left $copy behind"
done
shard_lines=$(cat "$tmp"/out/shard-*/findings.jsonl | wc -l)
single_lines=$(wc -l <"$tmp/single/findings.jsonl")
[ "$shard_lines" -eq "$single_lines" ] ||
  fail "the shards wrote $shard_lines findings lines, the single process $single_lines"

# The bad line is one failure, reported as the single process reports it.
[ "$(wc -l <"$tmp/single/failures.jsonl")" -eq 1 ] ||
  fail "the single-process audit should report the one bad line: $(cat "$tmp/single/failures.jsonl")"
cmp -s <(sort "$tmp/single/failures.jsonl") <(sort "$merged/failures.jsonl") ||
  fail "merged failures differ: $(diff <(sort "$tmp/single/failures.jsonl") <(sort "$merged/failures.jsonl"))"

# The merged summary counts what the single process counted (its run
# metadata, such as start time, shard and database path, may differ).
python3 - "$tmp/single/summary.json" "$merged/summary.json" <<'PY' || fail "merged summary.json differs"
import json, sys
single, merged = (json.load(open(p)) for p in sys.argv[1:])
keys = ["documents", "failed", "quotes", "quotes_by_kind", "findings_by_rule", "top_speakers",
        "quotations_in_several_documents", "altered", "misattributed"]
bad = [k for k in keys if single.get(k) != merged.get(k)]
for k in bad:
    print(f"summary.json {k}: single {single.get(k)!r:.300}\n  merged {merged.get(k)!r:.300}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY

# The contract: the merged findings are the single process's, in any order.
sort "$tmp/single/findings.jsonl" >"$tmp/single.sorted"
sort "$merged/findings.jsonl" >"$tmp/merged.sorted"
cmp -s "$tmp/single.sorted" "$tmp/merged.sorted" ||
  fail "merged findings differ from the single-process audit's:
$(diff "$tmp/single.sorted" "$tmp/merged.sorted" | head -c 2000)"
echo "PASS: merged findings of 4 Slurm shards = single-process audit ($single_lines documents)"
