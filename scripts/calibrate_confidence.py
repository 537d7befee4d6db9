#!/usr/bin/env python3
"""Calibration of speaker confidence: for each confidence value quotecheck
emits (each value is one attribution route, see attribution/src/attribute.cpp),
the share of matched quotes whose speaker score.py judges correct.

usage: calibrate_confidence.py GOLD.jsonl PRED.jsonl [--speech-only|--direct-only]

A well-calibrated route has accuracy close to its confidence. Uses the
scorer's own matching and speaker judgement (../shared/eval/score.py)."""
import collections
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
import score as S  # noqa: E402


def main():
    gold_path, pred_path = sys.argv[1], sys.argv[2]
    speech = "--speech-only" in sys.argv
    direct = "--direct-only" in sys.argv
    preds = {}
    for line in open(pred_path, encoding="utf-8"):
        d = json.loads(line)
        preds[d["id"]] = d
    buckets = collections.defaultdict(lambda: [0, 0])
    for line in open(gold_path, encoding="utf-8"):
        g = json.loads(line)
        doc = S.GoldDoc(g)
        text = g["text"]
        p = preds.get(g["id"], {"quotes": []})
        spans = [(q, S.norm_span(text, q["start"], q["end"])) for q in p["quotes"]]
        for q in g["quotes"]:
            if not q.get("speaker"):
                continue
            if speech and not S.is_speech_cue(q.get("cue")):
                continue
            if direct and q["kind"] not in ("direct", "mixed"):
                continue
            a, b = S.norm_span(text, q["start"], q["end"])
            best, best_j = None, 0.0
            for pq, (c, d) in spans:
                inter = max(0, min(b, d) - max(a, c))
                union = max(b, d) - min(a, c)
                j = inter / union if union else 0.0
                if j > best_j:
                    best, best_j = pq, j
            if best is None or best_j < 0.5 or not best.get("speaker"):
                continue
            conf = round(best["speaker"]["confidence"], 2)
            buckets[conf][0] += 1
            buckets[conf][1] += 1 if doc.speaker_ok(q, best)[0] else 0
    print("confidence      n  accuracy")
    for conf in sorted(buckets):
        n, ok = buckets[conf]
        print("%10.2f %6d  %.3f" % (conf, n, ok / n))


if __name__ == "__main__":
    main()
