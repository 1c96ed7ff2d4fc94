#!/usr/bin/env python3
"""Draw train statements to label with topics, from articles no other label file uses.

    scripts/topic_sample.py JSONL N SEED      (JSONL: `claimdb extract --format jsonl` of polnear-train)

Prints N statements (contents of >= 4 words, at most 2 per article, articles in
a shuffled order drawn with SEED, none of the articles of
scripts/stance-train-labels.tsv) with the article's first line and the text
before the content, to be labelled by hand with the topic in the wording of
the guideline at the top of ../shared/eval/polnear-dev-labels.tsv and kept in
scripts/topic-train-labels.tsv (doc, content_start, topic; no corpus text).
"""
import csv, json, os, random, re, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXT = os.path.join(ROOT, "..", "shared", "eval", "polnear-train", "text")
path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(os.path.join(ROOT, "scripts", "stance-train-labels.tsv"), encoding="utf-8") as f:
    tuned_docs = {l["doc"] for l in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")}
by_doc = defaultdict(list)
for line in open(path, encoding="utf-8"):
    row = json.loads(line)
    span = row["content_span"]
    start = span[0][0] if isinstance(span[0], list) else span[0]
    doc = os.path.basename(row["doc"])[:-4]
    if doc in tuned_docs or len(re.findall(r"\w+", row["content"])) < 4:
        continue
    by_doc[doc].append((start, row))
rng = random.Random(seed)
docs = sorted(by_doc)
rng.shuffle(docs)
picked = []
for doc in docs:
    rows = by_doc[doc]
    for start, row in sorted(rng.sample(rows, min(2, len(rows))), key=lambda p: p[0]):
        picked.append((doc, start, row))
    if len(picked) >= n:
        break
for doc, start, row in picked[:n]:
    text = open(os.path.join(TEXT, doc + ".txt"), encoding="utf-8").read()
    before = " ".join(text[max(0, start - 300):start].split())
    content = " ".join(row["content"].split())[:300]
    print(f"== {doc}\t{start}\tgot={row['topic']}\n   HEAD: {text.strip().splitlines()[0][:120]}\n   ...{before}\n   [{row['speaker']} | {row['cue']}] {content}\n")
