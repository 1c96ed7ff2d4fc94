#!/usr/bin/env python3
"""Learn reporting cues from an annotated PolNeAR split: regenerates
data/cues_learned.txt.

    scripts/learn_cues.py [GOLD_DIR] [--min-count N] [--min-precision P] [--out FILE]
                          [--yield-from PRED.jsonl [--min-yield Y] [--min-right N]]

GOLD_DIR (default ../shared/eval/polnear-train) holds text/NAME.txt and
attributions/NAME_ANNOTATOR.ann (brat standoff). For every cue the
annotators marked (lower case, one to three words), count how often it is
marked as a cue and how often it occurs in the texts as whole words: its
precision when matched is the ratio. Cues marked at least N times with a
precision of at least P are kept, except those the hand-written lexicon
(data/cues.txt, data/cue_phrases.txt) already covers; the file lists them
with their figures so a reviewer can see why each is there.

A word marked rarely in the texts may still be a good cue where the rules
find it a subject and a clause ("backing", "plans to"): with --yield-from,
cues of a precision down to --yield-floor are candidates too. It reads the
extraction of the same split made with every candidate compiled in (write
the list once with --min-precision set to the floor, build, extract) and
keeps such a cue only where at least --min-right of its statements pair
with a gold one whose source it got right and they make at least
--min-yield of its statements (score.py's pairing).

Only the training split may be used: dev and test are for measuring.
Standard library only.
"""
import argparse
import os
import re
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"[a-z’']+")
# Words a marked cue may start with that belong to the verb group, not to
# the cue ("has said", "is expected", "to call for"): left out, so the
# learned cue is the word or phrase that reports.
LEADING = {"has", "have", "had", "is", "are", "was", "were", "am", "be", "been", "will", "would", "can", "could",
           "to", "also", "did", "does", "do", "not", "just", "later", "now", "still", "then"}


def core_of(cue):
    words = cue.split()
    while len(words) > 1 and words[0] in LEADING:
        words.pop(0)
    return " ".join(words)


# Words that open the clause a verb reports ("plans to", "fears that"): a
# cue too often a noun on its own ("plans", "fears") may be a good one
# followed by one of them, so the pair is a candidate as well.
CLAUSE_OPENERS = {"to", "that", "whether"}


def gold_cue_frames(gold_dir):
    """The lower-cased core of every marked cue of one or two words followed
    in the text by a clause opener, with that word: "plans to"."""
    texts = {}
    for doc, parts in marked_cues(gold_dir):
        if ";" in parts[1]:
            continue
        if doc not in texts:
            with open(os.path.join(gold_dir, "text", doc + ".txt"), encoding="utf-8") as f:
                texts[doc] = f.read()
        core = core_of(" ".join(parts[2].lower().split()))
        after = re.match(r"\s+([a-z]+)\b", texts[doc][int(parts[1].split()[2]):].lower())
        if len(core.split()) <= 2 and after and after.group(1) in CLAUSE_OPENERS:
            yield f"{core} {after.group(1)}"


def gold_cues(gold_dir):
    """(document name, lower-cased cue text) for every cue of every article,
    the first annotator's file where there are several (as score.py does)."""
    for doc, parts in marked_cues(gold_dir):
        if ";" in parts[1]:
            continue  # a discontinuous cue is no phrase to match
        yield doc, " ".join(parts[2].lower().split())


def marked_cues(gold_dir):
    """(document name, annotation fields) for every cue line of every
    article, the first annotator's file where there are several (as
    score.py does)."""
    seen = set()
    for name in sorted(os.listdir(os.path.join(gold_dir, "attributions"))):
        doc = name.rsplit("_", 1)[0]
        if doc in seen:
            continue
        seen.add(doc)
        with open(os.path.join(gold_dir, "attributions", name), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3 and parts[0].startswith("T") and parts[1].startswith("Cue "):
                    yield doc, parts


def covered_by_lexicon():
    """The forms the hand-written lexicon matches, roughly: enough to leave
    them out of the learned list."""
    forms = set()
    with open(os.path.join(ROOT, "data", "cues.txt"), encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            if words[0] == "=":
                forms.update(words[1:])
                continue
            lemma = words[0]
            forms.update(words)
            stem = lemma[:-1] if lemma.endswith("e") else lemma
            forms.update({lemma + "s", lemma + "es", lemma + "d", lemma + "ed", stem + "ing"})
            if lemma.endswith("y"):
                forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    with open(os.path.join(ROOT, "data", "cue_phrases.txt"), encoding="utf-8") as f:
        for line in f:
            if "\t" in line and not line.startswith("#"):
                forms.add(line.split("\t", 1)[1].strip().lower())
    return forms


def count_in_texts(gold_dir, phrases):
    """How often each phrase stands in the texts as whole words."""
    by_length = {}
    for p in phrases:
        by_length.setdefault(len(p.split()), set()).add(p)
    counts = Counter()
    text_dir = os.path.join(gold_dir, "text")
    for name in sorted(os.listdir(text_dir)):
        with open(os.path.join(text_dir, name), encoding="utf-8") as f:
            words = WORD.findall(f.read().lower())
        for n, wanted in by_length.items():
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                if gram in wanted:
                    counts[gram] += 1
    return counts


def extractor_yield(gold_dir, pred_path):
    """{cue as written, lower case: (statements right, statements)} over the
    extraction in pred_path, right as score.py's attribution figure counts."""
    from miss_pairs import load_score
    S = load_score(gold_dir)
    docs = S.load_gold(gold_dir)
    preds, _ = S.load_pred(pred_path, docs)
    counts = {}
    for stem, doc in docs.items():
        toks = S.tokens_of(doc["text"])
        gold = [{k: S.token_set(toks, g[k]) for k in ("content", "source", "cue")} for g in doc["gold"]]
        gold = [g for g in gold if g["content"]]
        pred = [{k: S.token_set(toks, p[k]) for k in ("content", "source", "cue")} | {"row": p["row"]} for p in preds.get(stem, [])]
        pred = [p for p in pred if p["content"]]
        paired = {pi: (gi, d) for gi, (pi, d) in S.pair_up(gold, pred).items()}
        for pi, p in enumerate(pred):
            cue = " ".join(str(p["row"].get("cue") or "").lower().split())
            right, n = counts.get(cue, (0, 0))
            if pi in paired and paired[pi][1] >= 0.5:
                g = gold[paired[pi][0]]
                right += bool(g["source"] & p["source"]) if g["source"] else not p["source"]
            counts[cue] = (right, n + 1)
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir", nargs="?", default=os.path.join(ROOT, "..", "shared", "eval", "polnear-train"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-precision", type=float, default=0.45)
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "cues_learned.txt"))
    ap.add_argument("--yield-from", help="extraction of GOLD_DIR made with every candidate cue compiled in")
    ap.add_argument("--yield-floor", type=float, default=0.08, help="the least precision of a cue --yield-from may admit")
    ap.add_argument("--min-yield", type=float, default=0.55)
    ap.add_argument("--min-right", type=int, default=3)
    args = ap.parse_args()
    if "dev" in os.path.basename(os.path.normpath(args.gold_dir)) or "test" in os.path.basename(os.path.normpath(args.gold_dir)):
        ap.error("learn from the training split only")

    marked = Counter(core_of(cue) for _, cue in gold_cues(args.gold_dir))
    marked.update(gold_cue_frames(args.gold_dir))
    candidates = {c for c, n in marked.items() if n >= args.min_count and 1 <= len(c.split()) <= 3 and WORD.fullmatch(c.replace(" ", "")) is not None}
    in_text = count_in_texts(args.gold_dir, candidates)
    known = covered_by_lexicon()
    # An adjective of attitude has a rule of its own ("eager to", "confident
    # that"); as the core of a learned frame it would be read as a verb.
    with open(os.path.join(ROOT, "data", "attitudes.txt"), encoding="utf-8") as f:
        attitudes = {w for line in f if not line.startswith("#") for w in line.split()}
    kept = []
    for cue in sorted(candidates):
        found = in_text.get(cue, 0)
        frame = cue.split()[-1] in CLAUSE_OPENERS
        core = cue.rsplit(" ", 1)[0] if frame else cue
        if found == 0 or cue in known or core in known or frame and core in attitudes or any(w in known for w in cue.split()):
            continue  # the lexicon finds it already ("has said" holds "said")
        precision = min(1.0, marked[cue] / found)
        if precision >= args.min_precision or args.yield_from and precision >= args.yield_floor:
            kept.append((cue, marked[cue], found, precision))
    if args.yield_from:
        counts = extractor_yield(args.gold_dir, args.yield_from)
        right = lambda cue: counts.get(cue, (0, 0))[0]
        share = lambda cue: right(cue) / max(1, counts.get(cue, (0, 0))[1])
        kept = [k for k in kept if k[3] >= args.min_precision or right(k[0]) >= args.min_right and share(k[0]) >= args.min_yield]
    # "adamant that" adds nothing where "adamant" is kept.
    plain = {k[0] for k in kept}
    kept = [k for k in kept if k[0].split()[-1] not in CLAUSE_OPENERS or k[0].rsplit(" ", 1)[0] not in plain]
    kept.sort(key=lambda k: (-k[1], k[0]))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Reporting cues learned from PolNeAR train by scripts/learn_cues.py\n")
        used = f"--min-count {args.min_count} --min-precision {args.min_precision}"
        if args.yield_from:
            used += f" --yield-from EXTRACTION --yield-floor {args.yield_floor} --min-yield {args.min_yield} --min-right {args.min_right}"
        f.write(f"# ({used}); regenerate, do not edit.\n")
        f.write("# cue<TAB>times marked as a cue<TAB>times in the texts<TAB>precision\n")
        for cue, n, found, precision in kept:
            f.write(f"{cue}\t{n}\t{found}\t{precision:.2f}\n")
    print(f"{len(kept)} cues kept of {len(candidates)} marked at least {args.min_count} times -> {args.out}")


if __name__ == "__main__":
    main()
