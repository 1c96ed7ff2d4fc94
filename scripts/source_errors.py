#!/usr/bin/env python3
"""Source spans of `claimdb extract` that differ from PolNeAR's, by kind.

    scripts/source_errors.py GOLD_DIR PRED.jsonl [--examples N]

Pairs gold and predicted statements as ../shared/eval/score.py does (it is
imported from beside GOLD_DIR) and keeps the pairs whose content matches
(token Dice >= 0.5) and whose cues share a word: the source is then the only
thing left to disagree about. Each source that differs gets one kind, the
first that fits; kinds marked "wrong" share no word with the gold source and
cost an attribution in score.py, the others are boundary errors the speaker
resolver still pays for. Tune on train; dev is for measuring.
"""
import argparse
import os
import re
import sys
from collections import Counter, defaultdict

NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|half|third|quarter)\b", re.I)


def words(text, spans):
    return " ".join(text[s:e] for s, e in spans).strip()


def kind_of(text, gold_spans, pred_spans, gold_set, pred_set):
    """The first kind that fits a differing source."""
    if not pred_set:
        return "missing (gold has a source)"
    if not gold_set:
        return "extra (gold has none)"
    gold = words(text, gold_spans)
    pred = words(text, pred_spans)
    if not gold_set & pred_set:
        if pred.isupper() or re.fullmatch(r"([A-Z][a-z]{0,3}\.){1,3}", pred):
            return "wrong: dateline or place"
        return "wrong: other words"
    if pred_set < gold_set:
        g0 = min(s for s, _ in gold_spans)
        p0 = min(s for s, _ in pred_spans)
        lost = text[g0:p0] if p0 > g0 else ""
        if NUMBER.search(lost) and re.search(r"\b(in|of|out of)\s*$", lost):
            return "cut: number phrase"
        if re.search(r"[’']s\b", lost):
            return "cut: possessive"
        if re.search(r",", lost):
            return "cut: name lost before an appositive"
        if p0 > g0:
            return "cut: other words lost at the start"
        return "cut: words lost at the end"
    if pred_set > gold_set:
        g1 = max(e for _, e in gold_spans)
        p1 = max(e for _, e in pred_spans)
        extra = text[g1:p1] if p1 > g1 else ""
        if re.match(r"\s*,\s*(who|which|whose)\b", extra):
            return "long: relative clause"
        if p1 > g1:
            return "long: extra words at the end"
        return "long: extra words at the start"
    if re.search(r"\b(who|which|whose)\b", text[min(s for s, _ in pred_spans):max(e for _, e in pred_spans)]):
        return "shifted: into a relative clause"
    return "shifted: overlapping"


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
    kinds, examples = Counter(), defaultdict(list)
    compared = 0
    for stem, doc in docs.items():
        text = doc["text"]
        toks = S.tokens_of(text)
        gold = [{k: S.token_set(toks, g[k]) for k in ("content", "source", "cue")} | {"raw": g} for g in doc["gold"]]
        gold = [g for g in gold if g["content"]]
        pred = [{k: S.token_set(toks, p[k]) for k in ("content", "source", "cue")} | {"raw": p} for p in preds.get(stem, [])]
        pred = [p for p in pred if p["content"]]
        for gi, (pi, d) in S.pair_up(gold, pred).items():
            g, p = gold[gi], pred[pi]
            if d < 0.5 or not (g["cue"] & p["cue"]):
                continue
            compared += 1
            if g["source"] == p["source"]:
                continue
            kind = kind_of(text, g["raw"]["source"], p["raw"]["source"], g["source"], p["source"])
            kinds[kind] += 1
            examples[kind].append(
                f"{stem}: gold [{words(text, g['raw']['source'])}]  pred [{words(text, p['raw']['source'])}]"
                f"  cue [{words(text, g['raw']['cue'])}]"
            )
    differ = sum(kinds.values())
    print(f"pairs with content and cue right {compared}  source differs {differ}")
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"{n:6d}  {kind}")
        for line in examples[kind][: args.examples]:
            print(f"          {line}")


if __name__ == "__main__":
    main()
