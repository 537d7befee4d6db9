#!/usr/bin/env python3
"""Verdict accuracy on real quotations (issue 4's measure).

Builds, in a temporary directory, a statements file from the direct quotes of
a gold corpus (PolNeAR by default) and a set of one-line articles that quote
them four ways, then runs `quotecheck check` and compares its verdicts:

  verbatim            "TEXT," SPEAKER said.          -> quote.verified
  one word changed    "TEXT'," SPEAKER said.         -> quote.altered
  another speaker     "TEXT," OTHER said.            -> quote.misattributed
  not on record       "TEXT2," SPEAKER said.         -> quote.unverified
                      (TEXT2 from the half of the quotes not imported)

Nothing is written into the project; the corpus text stays in /tmp.
usage: eval_verdicts.py [--gold FILE] [--program build/quotecheck] [--n 400]"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "his", "her"}
WORD = re.compile(r"[A-Za-z]{4,}")


def speaker_name(raw):
    name = raw.split(",")[0].split(" \u2026 ")[0].strip()
    words = name.split()
    if not words or words[0].lower() in PRONOUNS or len(words) < 2 or len(words) > 4:
        return None
    if not all(w[0].isupper() for w in words):
        return None
    return name


def clean(text):
    t = text.strip().strip("\"'\u201c\u201d\u2018\u2019` ").strip()
    t = t.rstrip(",")
    if '"' in t or "\u201c" in t or "\u201d" in t or "''" in t or "\n" in t:
        return None
    return t if len(t.split()) >= 8 else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora",
                                                   "polnear.dev.jsonl"))
    ap.add_argument("--program", default="build/quotecheck")
    ap.add_argument("--n", type=int, default=400, help="quotations per case")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    quotes = []
    seen = set()
    for line in open(a.gold, encoding="utf-8"):
        d = json.loads(line)
        for q in d["quotes"]:
            if q["kind"] != "direct" or not q.get("speaker"):
                continue
            name, text = speaker_name(q["speaker"]), clean(q["text"])
            if name and text and text not in seen:
                seen.add(text)
                quotes.append((name, text))
    rng.shuffle(quotes)
    half = len(quotes) // 2
    stored, held = quotes[:half], quotes[half:]
    speakers = sorted({n for n, _ in stored})
    tmp = tempfile.mkdtemp(prefix="qc-verdicts-")
    with open(os.path.join(tmp, "statements.jsonl"), "w", encoding="utf-8") as f:
        for name, text in stored:
            f.write(json.dumps({"speaker": name, "text": text, "date": "2015-01-01", "source": "gold"}) + "\n")
    db = os.path.join(tmp, "eval.db")
    subprocess.run([a.program, "db", "import", "--db", db, os.path.join(tmp, "statements.jsonl")], check=True,
                   stdout=subprocess.DEVNULL)
    cases = []
    sample = stored[: a.n]
    for i, (name, text) in enumerate(sample):
        cases.append(("verified", name, text))
        words = text.split()
        idx = [k for k, w in enumerate(words) if WORD.fullmatch(w.strip(".,;:!?")) and len(w) > 4]
        if idx:
            k = rng.choice(idx)
            words = words[:k] + ["banana"] + words[k + 1:]
            cases.append(("altered", name, " ".join(words)))
        other = rng.choice([s for s in speakers if s.split()[-1] != name.split()[-1]])
        cases.append(("misattributed", other, text))
    for name, text in held[: a.n]:
        cases.append(("unverified", name, text))
    with open(os.path.join(tmp, "articles.jsonl"), "w", encoding="utf-8") as f:
        for i, (_, name, text) in enumerate(cases):
            f.write(json.dumps({"id": "case-%d" % i, "date": "2016-06-01",
                                "text": "\u201c%s,\u201d %s said.\n" % (text, name)}) + "\n")
    out = subprocess.run([a.program, "check", "--db", db, "--input-format", "jsonl", "--format", "jsonl",
                          "--fail-on", "never", os.path.join(tmp, "articles.jsonl")],
                         check=True, capture_output=True, text=True).stdout
    got = {}
    for line in out.splitlines():
        d = json.loads(line)
        v = None
        for q in d["quotes"]:
            if q.get("verdict"):
                v = q["verdict"]["rule"].split(".", 1)[1]
                break
        got[d["id"]] = v or "none"
    per = {}
    confusion = {}
    for i, (want, _, _) in enumerate(cases):
        have = got.get("case-%d" % i, "none")
        ok = have == want
        per.setdefault(want, [0, 0])
        per[want][0] += 1
        per[want][1] += ok
        confusion[(want, have)] = confusion.get((want, have), 0) + 1
    total = sum(n for n, _ in per.values())
    right = sum(k for _, k in per.values())
    print("quotations: %d stored, %d held out; cases: %d" % (len(stored), len(held), total))
    for want, (n, k) in sorted(per.items()):
        print("%-14s %5d  accuracy %.3f" % (want, n, k / n))
    print("overall        %5d  accuracy %.3f" % (total, right / total))
    print("confusion (expected -> got):", ", ".join("%s->%s %d" % (w, h, c) for (w, h), c in sorted(confusion.items()) if w != h))
    return 0


if __name__ == "__main__":
    sys.exit(main())
