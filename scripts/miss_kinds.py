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
from collections import Counter, defaultdict

from miss_pairs import load_score, miss_kind, paired_documents


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("pred")
    ap.add_argument("--cues", type=int, default=12, help="show the N most common cues of each kind")
    args = ap.parse_args()

    kinds, cues = Counter(), defaultdict(Counter)
    S = load_score(args.gold_dir)
    for stem, text, gold, pred, match in paired_documents(args.gold_dir, args.pred):
        for gi, g in enumerate(gold):
            kind = miss_kind(gi, g, pred, match)
            if kind is None:
                continue
            direct = any(c in S.QUOTES for s, e in g["raw"]["content"] for c in text[s:e])
            key = ("direct " if direct else "indirect ") + kind
            kinds[key] += 1
            cues[key][" ".join(text[s:e] for s, e in g["raw"]["cue"]).lower()] += 1
    for key, n in kinds.most_common():
        common = ", ".join(f"{c} ({m})" for c, m in cues[key].most_common(args.cues))
        print(f"{key:38} {n:6}   {common}")


if __name__ == "__main__":
    main()
