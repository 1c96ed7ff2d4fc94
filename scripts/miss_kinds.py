#!/usr/bin/env python3
"""Why each gold attribution is not counted right, split direct / indirect.

    scripts/miss_kinds.py GOLD_DIR PRED.jsonl [--cues N]

Pairs gold and predicted statements as ../shared/eval/score.py does and
sorts every gold attribution the headline metric misses into one kind:

  nothing                       no predicted content shares a word with it
  cue found, content elsewhere  a statement on its cue has other content
  boundary                      paired, but content Dice < 0.5
  source wrong                  content right, source wrong (or one is
                                missing where the other has one)

Recall lost to "nothing" needs new cues or frames; the other kinds need the
rules that already fire to build better spans. The most common gold cues of
each kind are listed. Tune on train; dev is for measuring.
"""
import argparse
import os
import sys
from collections import Counter, defaultdict


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("pred")
    ap.add_argument("--cues", type=int, default=12, help="show the N most common cues of each kind")
    args = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(args.gold_dir.rstrip("/"))))
    import score as S

    docs = S.load_gold(args.gold_dir)
    preds, _ = S.load_pred(args.pred, docs)
    kinds, cues = Counter(), defaultdict(Counter)
    for stem, doc in docs.items():
        text = doc["text"]
        toks = S.tokens_of(text)
        gold = [{k: S.token_set(toks, g[k]) for k in ("content", "source", "cue")} | {"raw": g} for g in doc["gold"]]
        gold = [g for g in gold if g["content"]]
        pred = [{k: S.token_set(toks, p[k]) for k in ("content", "source", "cue")} for p in preds.get(stem, [])]
        pred = [p for p in pred if p["content"]]
        match = S.pair_up(gold, pred)
        for gi, g in enumerate(gold):
            if gi in match and match[gi][1] >= 0.5:
                p = pred[match[gi][0]]
                if (g["source"] & p["source"]) if g["source"] else not p["source"]:
                    continue
                kind = "source wrong"
            elif gi in match:
                kind = "boundary"
            elif any(g["cue"] & p["cue"] for p in pred):
                kind = "cue found, content elsewhere"
            else:
                kind = "nothing"
            direct = any(c in S.QUOTES for s, e in g["raw"]["content"] for c in text[s:e])
            key = ("direct " if direct else "indirect ") + kind
            kinds[key] += 1
            cues[key][" ".join(text[s:e] for s, e in g["raw"]["cue"]).lower()] += 1
    for key, n in kinds.most_common():
        common = ", ".join(f"{c} ({m})" for c, m in cues[key].most_common(args.cues))
        print(f"{key:38} {n:6}   {common}")


if __name__ == "__main__":
    main()
