#!/usr/bin/env python3
"""Draw train statements to label with their canonical speaker.

    scripts/speaker_sample.py JSONL N SEED [LABELS...]
        (JSONL: `claimdb extract --format jsonl` of polnear-train; articles
        already in a LABELS file are skipped, so a new sample stays held out)

Prints N statements (contents of >= 4 words, at most 2 per article, articles
in an order shuffled with SEED) as JSON lines: document, content start,
claimdb's speaker and mention, the gold Source span of the best-overlapping
gold attribution, and the text before the source, to be labelled by hand into
scripts/speaker-train-labels.tsv (the labels file keeps no corpus text).
"""
import json, os, random, re, sys
from collections import defaultdict
from speaker_sampling import EVAL, arguments
import score
path, n, seed, labelled = arguments(sys.argv)
by_doc = defaultdict(list)
for line in open(path, encoding="utf-8"):
    row = json.loads(line)
    span = row["content_span"]
    start = span[0][0] if isinstance(span[0], list) else span[0]
    doc = os.path.basename(row["doc"])[:-4]
    if doc in labelled:
        continue
    if len(re.findall(r"\w+", row["content"])) < 4:
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
gold = score.load_gold(os.path.join(EVAL, "polnear-train"), {d for d, _, _ in picked})
out = []
for doc, start, row in picked[:n]:
    g = gold.get(doc)
    text = g["text"] if g else open(os.path.join(EVAL, "polnear-train", "text", doc + ".txt"), encoding="utf-8").read()
    cs = row["content_span"]; cs = cs if isinstance(cs[0], list) else [cs]
    cset = set()
    for s, e in cs: cset |= set(range(s, e))
    best, bo = None, 0
    for a in (g["gold"] if g else []):
        aset = set()
        for s, e in a["content"]: aset |= set(range(s, e))
        o = len(aset & cset) / max(1, len(aset | cset))
        if o > bo: best, bo = a, o
    src = " / ".join(text[s:e] for s, e in best["source"]) if best and bo > 0.3 else ""
    last = re.findall(r"[A-Z][\w'-]+", src)
    full = sorted({m.group(0) for m in re.finditer(r"(?:[A-Z][\w.'-]+ ){1,3}" + re.escape(last[-1]) + r"\b", text)}) if last else []
    ss = row["source_span"]; s0 = (ss[0][0] if isinstance(ss[0], list) else ss[0]) if ss else start
    ctx = " ".join(text[max(0, s0 - 300): s0 + 120].split())
    out.append(dict(doc=doc, start=start, pred=row["speaker"], mention=row["speaker_mention"], gold_src=src, overlap=round(bo, 2), fulls=full[:6], ctx=ctx))
for o in out:
    print(json.dumps(o, ensure_ascii=False))
