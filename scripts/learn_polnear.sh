#!/usr/bin/env bash
# `db learn` over PolNeAR (issue 4): the articles become the record, then the
# quotations that two or more outlets printed in different words are listed.
# The corpus text stays in a temporary directory, never in the project.
# usage: scripts/learn_polnear.sh [OUT_DIR]   (default: /tmp/qc-learn)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/qc-learn}
corpus=${POLNEAR:-$here/../shared/corpora/polnear.dev.jsonl}
mkdir -p "$out"
# PolNeAR keeps outlet and date in "meta"; the input contract wants them on top.
python3 - "$corpus" "$out/articles.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as dst:
    for line in src:
        d = json.loads(line)
        m = d.get("meta") or {}
        dst.write(json.dumps({"id": d["id"], "text": d["text"], "date": m.get("publication_date", ""),
                              "outlet": m.get("publisher", ""), "url": ""}) + "\n")
PY
rm -f "$out/record.db"
"$here/build/quotecheck" db learn --db "$out/record.db" "$out/articles.jsonl"
"$here/build/quotecheck" db variants --db "$out/record.db" > "$out/variants.txt"
"$here/build/quotecheck" db variants --db "$out/record.db" --format jsonl > "$out/variants.jsonl"
echo "variants: $(wc -l < "$out/variants.jsonl") quotations in two or more outlets with different wording -> $out/variants.txt"
