#!/usr/bin/env python3
"""Gold attributions that `claimdb extract` misses, grouped by frame.

    scripts/miss_frames.py GOLD_DIR PRED.jsonl [--examples N] [--cues N]

A miss is a gold attribution with no predicted content at token Dice >= 0.5
(paired as ../shared/eval/score.py pairs them). Its frame says where the
source stands relative to the cue: before it ("X said"), after it ("said X"),
inside "according to X", a possessive ("X's claim"), in another sentence,
none at all, or no cue either. Within each frame the most common cue words are
listed, so the largest groups the rules do not build show first. Tune on
train; dev is for measuring.
"""
import argparse
import random
import re
from collections import Counter, defaultdict

from miss_pairs import paired_documents

BELIEF = {"believe", "believes", "believed", "want", "wants", "wanted", "think", "thinks", "thought", "plan", "plans",
          "planned", "hope", "hopes", "hoped", "expect", "expects", "expected", "feel", "feels", "felt", "fear", "fears",
          "feared", "know", "knows", "knew", "intend", "intends", "seek", "seeks", "sought", "see", "sees", "saw"}


def frame_of(text, g):
    cue, src = g["cue"], g["source"]
    if not cue:
        return "no cue" + ("" if src else ", no source")
    cs, ce = cue[0][0], cue[-1][1]
    cue_words = text[cs:ce].lower()
    if "according" in cue_words:
        return "according to"
    if not src:
        return "cue, no source"
    ss, se = src[0][0], src[-1][1]
    between = text[min(se, cs):max(ss, ce)]
    if re.search(r"[.!?][\"”’]?\s", between) or "\n" in between:
        return "source in another sentence"
    word = re.findall(r"\w+", cue_words)
    if word and word[-1] in BELIEF:
        return "belief/intention"
    if se <= cs:
        tail = text[ss:se]
        if re.search(r"['’]s$", tail.strip()) or text[se:cs].strip() in ("'s", "’s"):
            return "possessive"
        gap = text[se:cs]
        if re.search(r"\b(was|were|is|are|been|be)\b", gap) or re.search(r"\b(was|were|is|are|been)\b", cue_words):
            return "source before, passive/aux"
        return "source before cue"
    return "source after cue"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("pred")
    ap.add_argument("--examples", type=int, default=0, help="show N examples of each frame")
    ap.add_argument("--cues", type=int, default=15, help="show the N most common cues of each frame")
    args = ap.parse_args()

    frames, cues, examples = Counter(), defaultdict(Counter), defaultdict(list)
    for stem, text, gold, pred, match in paired_documents(args.gold_dir, args.pred):
        for gi, g in enumerate(gold):
            if gi in match and match[gi][1] >= 0.5:
                continue
            raw = g["raw"]
            frame = frame_of(text, raw)
            frames[frame] += 1
            cue = " ".join(text[s:e] for s, e in sorted(raw["cue"])).lower().replace("\n", " ")
            cues[frame][cue or "-"] += 1
            span = lambda rs: " | ".join(text[s:e] for s, e in sorted(rs)).replace("\n", " ")[:140]
            examples[frame].append(f"    [{span(raw['source'])}] <{span(raw['cue'])}> {span(raw['content'])}")
    print(f"misses {sum(frames.values())}")
    for frame, n in frames.most_common():
        common = ", ".join(f"{w} ({c})" for w, c in cues[frame].most_common(args.cues))
        print(f"{frame:28} {n:5}   {common}")
        for ex in random.Random(1).sample(examples[frame], min(args.examples, len(examples[frame]))):
            print(ex)


if __name__ == "__main__":
    main()
