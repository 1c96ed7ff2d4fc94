#!/usr/bin/env python3
"""Content boundary errors of `claimdb extract` against PolNeAR, by kind.

    scripts/boundary_errors.py GOLD_DIR PRED.jsonl [--examples N]

Pairs gold and predicted statements as ../shared/eval/score.py does (it is
imported from beside GOLD_DIR) and, for every pair whose content matches
(token Dice >= 0.5) but not exactly, says where it differs: words the
prediction has or lacks at the start and at the end, or inside (a piece
missing or extra between the two ends), with the words most often involved.
Misses are split by whether a predicted cue overlaps the gold cue. Tune on
train; dev is for measuring.
"""
import argparse
import os
import random
import sys
from collections import Counter, defaultdict


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("pred")
    ap.add_argument("--examples", type=int, default=0, help="show N examples of each kind")
    args = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(args.gold_dir.rstrip("/"))))
    import score as S

    docs = S.load_gold(args.gold_dir)
    preds, _ = S.load_pred(args.pred, docs)
    kinds, words, examples = Counter(), defaultdict(Counter), defaultdict(list)
    misses = Counter()
    for stem, doc in docs.items():
        text = doc["text"]
        toks = S.tokens_of(text)
        gold = [{k: S.token_set(toks, g[k]) for k in ("content", "source", "cue")} | {"raw": g} for g in doc["gold"]]
        gold = [g for g in gold if g["content"]]
        pred = [{k: S.token_set(toks, p[k]) for k in ("content", "source", "cue")} | {"raw": p} for p in preds.get(stem, [])]
        pred = [p for p in pred if p["content"]]
        match = S.pair_up(gold, pred)
        word = lambda i: text[toks[i][0] : toks[i][1]].lower()
        span = lambda rs: " | ".join(text[s:e] for s, e in rs).replace("\n", " ")
        for gi, g in enumerate(gold):
            if gi not in match or match[gi][1] < 0.5:
                found = bool(g["cue"]) and any(p["cue"] & g["cue"] for p in pred)
                misses["cue found, content wrong" if found else "no cue found"] += 1
                continue
            p = pred[match[gi][0]]
            if g["content"] == p["content"]:
                continue
            gc, pc = sorted(g["content"]), sorted(p["content"])
            found = []
            if pc[0] < gc[0]:
                found.append(("start: extra words", " ".join(word(i) for i in range(pc[0], min(gc[0], pc[0] + 2)))))
            elif pc[0] > gc[0]:
                found.append(("start: missing words", " ".join(word(i) for i in range(gc[0], min(pc[0], gc[0] + 2)))))
            if pc[-1] > gc[-1]:
                found.append(("end: extra words", " ".join(word(i) for i in range(gc[-1] + 1, min(pc[-1] + 1, gc[-1] + 3)))))
            elif pc[-1] < gc[-1]:
                found.append(("end: missing words", " ".join(word(i) for i in range(pc[-1] + 1, min(gc[-1] + 1, pc[-1] + 3)))))
            if not found:
                found.append(("inside: a piece differs", ""))
            for kind, what in found:
                kinds[kind] += 1
                words[kind][what] += 1
                examples[kind].append(f"    gold: {span(g['raw']['content'])[:160]}\n    pred: {span(p['raw']['content'])[:160]}")
    print("misses:", ", ".join(f"{k} {n}" for k, n in misses.most_common()))
    for kind, n in kinds.most_common():
        common = ", ".join(f"{w or '-'} ({c})" for w, c in words[kind].most_common(12))
        print(f"{kind:26} {n:5}   {common}")
        for ex in random.Random(1).sample(examples[kind], min(args.examples, len(examples[kind]))):
            print(ex)


if __name__ == "__main__":
    main()
