#!/usr/bin/env python3
"""Draw train statements to label for stance tuning and calibration.

    scripts/stance_sample.py JSONL N SEED [--new-articles]
        (JSONL: `claimdb extract --format jsonl` of polnear-train)

Prints N statements not yet in scripts/stance-train-labels.tsv or any
scripts/stance-heldout*-labels.tsv (contents of
>= 4 words, at most 2 per article, articles in a shuffled order drawn with
SEED) as `doc  content_start  cue | content` lines, to be labelled by hand
following the guideline at the top of ../shared/eval/polnear-dev-labels.tsv
and appended to the labels file with stance, hedged and topic columns.
--new-articles draws only from articles with no label in any of these files, for a
held-out set that no rule was written for.
"""
import csv, json, os, random, re, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
path, n, seed = args[0], int(args[1]), int(args[2])
known = set()
for name in ("stance-train-labels.tsv", "stance-heldout-labels.tsv", "stance-heldout2-labels.tsv", "stance-heldout3-labels.tsv", "stance-heldout4-labels.tsv", "stance-heldout5-labels.tsv"):
    if not os.path.exists(os.path.join(ROOT, "scripts", name)):
        continue
    with open(os.path.join(ROOT, "scripts", name), encoding="utf-8") as f:
        known |= {(l["doc"], int(l["content_start"])) for l in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")}
labelled_docs = {doc for doc, _ in known} if "--new-articles" in sys.argv else set()
by_doc = defaultdict(list)
for line in open(path, encoding="utf-8"):
    row = json.loads(line)
    span = row["content_span"]
    start = span[0][0] if isinstance(span[0], list) else span[0]
    doc = os.path.basename(row["doc"])[:-4]
    if (doc, start) in known or doc in labelled_docs or len(re.findall(r"\w+", row["content"])) < 4:
        continue
    by_doc[doc].append((start, row))
rng = random.Random(seed)
docs = sorted(by_doc)
rng.shuffle(docs)
picked = []
for doc in docs:
    rows = by_doc[doc]
    for start, row in rng.sample(rows, min(2, len(rows))):
        picked.append((doc, start, row))
    if len(picked) >= n:
        break
for doc, start, row in picked[:n]:
    content = " ".join(row["content"].split())[:260]
    print(f"{doc}\t{start}\t{row['speaker']} | {row['cue']} | {content}")
