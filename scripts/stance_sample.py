#!/usr/bin/env python3
"""Draw train statements to label for stance tuning and calibration.

    scripts/stance_sample.py JSONL N SEED      (JSONL: `claimdb extract --format jsonl` of polnear-train)

Prints N statements not yet in scripts/stance-train-labels.tsv (contents of
>= 4 words, at most 2 per article, articles in a shuffled order drawn with
SEED) as `doc  content_start  cue | content` lines, to be labelled by hand
following the guideline at the top of ../shared/eval/polnear-dev-labels.tsv
and appended to the labels file with stance, hedged and topic columns.
"""
import csv, json, os, random, re, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(os.path.join(ROOT, "scripts", "stance-train-labels.tsv"), encoding="utf-8") as f:
    known = {(l["doc"], int(l["content_start"])) for l in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")}
by_doc = defaultdict(list)
for line in open(path, encoding="utf-8"):
    row = json.loads(line)
    span = row["content_span"]
    start = span[0][0] if isinstance(span[0], list) else span[0]
    doc = os.path.basename(row["doc"])[:-4]
    if (doc, start) in known or len(re.findall(r"\w+", row["content"])) < 4:
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
