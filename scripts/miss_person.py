#!/usr/bin/env python3
"""Recall on the statements users ask about: a named person or a pronoun
as source, content of four or more words; misses grouped by frame.

    scripts/miss_person.py GOLD_DIR PRED.jsonl [--examples N] [--frame F] [--cues N]

A gold attribution is in the subset when its source is a personal pronoun
("he", "she", "they", "I", "we", "who") or holds a capitalised word that is
a first name (data/first_names.tsv) or follows an honorific or title
("Mr.", "Sen."), and its content has at least four word tokens. It is found
when a prediction has content Dice >= 0.5 (paired as
../shared/eval/score.py pairs them) and right when the source overlaps too.
Each miss gets a kind (as scripts/miss_kinds.py) and a frame: where the
source stands relative to the cue and what joins them, so the largest
groups of one construction show first. Tune on train; dev is for measuring.
"""
import argparse
import os
import random
import re
from collections import Counter, defaultdict

from miss_pairs import miss_kind, paired_documents

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRONOUNS = {"he", "she", "they", "i", "we", "who", "his", "her", "their", "him", "them", "my", "our", "me", "us"}
TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "senator", "governor", "secretary", "judge",
          "mayor", "speaker", "gen", "lt", "candidate", "rev"}


def first_names():
    out = set()
    with open(os.path.join(ROOT, "data", "first_names.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            out.add(line.split("\t")[0].strip().lower())
    return out


def is_person(src, names):
    words = re.findall(r"[\w’']+", src)
    if not words:
        return False
    if len(words) <= 2 and words[0].lower() in PRONOUNS:
        return True
    for i, w in enumerate(words[:8]):
        if not w[0].isupper():
            continue
        if w.lower() in names and i + 1 < len(words) and words[i + 1][0].isupper():
            return True
        if i > 0 and words[i - 1].lower() in TITLES:
            return True
    # "Trump", "Clinton": a lone capitalised surname as the whole source.
    return len(words) <= 2 and all(w[0].isupper() for w in words) and words[0].lower() not in {"the", "a"}


def frame_of(text, g):
    cue, src = sorted(g["cue"]), sorted(g["source"])
    if not cue:
        return "no cue"
    cs, ce = cue[0][0], cue[-1][1]
    cue_words = text[cs:ce].lower()
    if "according" in cue_words:
        return "according to"
    ss, se = src[0][0], src[-1][1]
    s_text = text[ss:se].strip().lower()
    between = text[min(se, cs):max(ss, ce)]
    if re.search(r"[.!?][\"”’]?\s", between) or "\n" in between:
        return "source in another sentence"
    if se <= cs:
        gap = text[se:cs]
        if s_text == "who":
            return "who + cue"
        if re.search(r"['’]s$", text[ss:se].strip()) or gap.strip() in ("'s", "’s"):
            return "possessive X's cue"
        if cue_words.endswith("ing") and "," in gap:
            return "participle after comma"
        if re.search(r"\b(and|but)\b", gap):
            return "second clause, shared subject"
        if re.search(r"\b(has|have|had|is|are|was|were|will|would|could|can|did|does|do|to)\b", gap + " " + cue_words):
            return "X aux/modal cue"
        if "," in gap:
            return "X, apposition, cue"
        if gap.strip():
            return "X adverb cue"
        return "X cue"
    gap = text[ce:ss]
    if re.search(r"\bby\b", gap) or cue_words.startswith(("was ", "were ", "is ")):
        return "passive by X"
    return "cue X (inverted)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("pred")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--frame", default=None, help="only this frame's examples")
    ap.add_argument("--cues", type=int, default=10)
    args = ap.parse_args()

    names = first_names()
    total = found = right = exact = 0
    kinds, frames, cues, examples = Counter(), Counter(), defaultdict(Counter), defaultdict(list)
    for stem, text, gold, pred, match in paired_documents(args.gold_dir, args.pred):
        for gi, g in enumerate(gold):
            raw = g["raw"]
            if not raw["source"] or len(g["content"]) < 4:
                continue
            src = " ".join(text[s:e] for s, e in sorted(raw["source"]))
            if not is_person(src, names):
                continue
            total += 1
            found += gi in match and match[gi][1] >= 0.5
            kind = miss_kind(gi, g, pred, match)
            if kind is None:
                right += 1
                exact += g["content"] == pred[match[gi][0]]["content"]
                continue
            kinds[kind] += 1
            if kind == "source wrong":
                continue
            frame = frame_of(text, raw)
            frames[frame] += 1
            cue = " ".join(text[s:e] for s, e in sorted(raw["cue"])).lower().replace("\n", " ")
            cues[frame][cue or "-"] += 1
            span = lambda rs: " | ".join(text[s:e] for s, e in sorted(rs)).replace("\n", " ")[:160]
            lo = min(s for s, _ in raw["source"] + raw["cue"] + raw["content"])
            hi = max(e for _, e in raw["source"] + raw["cue"] + raw["content"])
            examples[frame].append(f"  {stem} {kind}: [{span(raw['source'])}] <{span(raw['cue'])}> {span(raw['content'])}\n      ctx: {text[max(0, lo - 60):hi + 20]!r}"[:700])
    print(f"person-source subset {total}: found {found} ({found / total:.3f}), right {right} ({right / total:.3f}), exact {exact} ({exact / total:.3f})")
    for k, n in kinds.most_common():
        print(f"  {k:30} {n}")
    for frame, n in frames.most_common():
        common = ", ".join(f"{w} ({c})" for w, c in cues[frame].most_common(args.cues))
        print(f"{frame:32} {n:5}   {common}")
        if args.frame and args.frame != frame:
            continue
        for ex in random.Random(1).sample(examples[frame], min(args.examples, len(examples[frame]))):
            print(ex)


if __name__ == "__main__":
    main()
