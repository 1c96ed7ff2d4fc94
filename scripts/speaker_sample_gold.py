#!/usr/bin/env python3
"""Draw train statements to label as the dev labels are drawn: from gold attributions.

    scripts/speaker_sample_gold.py JSONL N SEED [LABELS...]
        (JSONL: `claimdb extract --format jsonl` of polnear-train; articles
        already in a LABELS file are skipped, so a new sample stays held out)

Articles are shuffled with SEED; of each, up to 2 gold attributions whose
content has >= 4 words and which claimdb matches (score.py's pairing, content
Dice >= 0.5) are drawn, until N. Prints JSON lines: document, claimdb's
content start (the key of scripts/speaker-train-labels.tsv), claimdb's speaker
and mention, the gold Source span and the text before it, to be labelled by
hand (the labels file keeps no corpus text). Unlike speaker_sample.py, which
draws claimdb's statements, this draws what the annotators marked, so the
mix of speakers (pronouns, bylines, documents) is the dev labels' mix.
"""
import json, os, random, re, sys
from collections import defaultdict
from speaker_sampling import EVAL, arguments
import score
path, n, seed, labelled = arguments(sys.argv)
gold_dir = os.path.join(EVAL, "polnear-train")
docs_all = sorted(f[:-4] for f in os.listdir(os.path.join(gold_dir, "text")) if f.endswith(".txt"))
docs_all = [d for d in docs_all if d not in labelled]
rng = random.Random(seed); rng.shuffle(docs_all)
cand = docs_all[:n * 2]
docs = score.load_gold(gold_dir, set(cand))
preds, _ = score.load_pred(path, docs)
out = []
for d in cand:
    if d not in docs: continue
    doc = docs[d]; text = doc["text"]
    toks = score.tokens_of(text)
    gold = [{k: score.token_set(toks, g[k]) for k in ("content", "source", "cue")} for g in doc["gold"]]
    pred = [{k: score.token_set(toks, p[k]) for k in ("content", "source", "cue")} | {"row": p["row"]} for p in preds.get(d, [])]
    match = score.pair_up(gold, pred)
    ok = []
    for gi, g in enumerate(doc["gold"]):
        content = " ".join(text[s:e] for s, e in g["content"])
        if len(re.findall(r"\w+", content)) < 4: continue
        if gi in match and match[gi][1] >= 0.5:
            ok.append((gi, g))
    for gi, g in rng.sample(ok, min(2, len(ok))):
        row = pred[match[gi][0]]["row"]
        cs = row["content_span"]; start = cs[0][0] if isinstance(cs[0], list) else cs[0]
        src = " / ".join(text[s:e] for s, e in g["source"])
        s0 = min([s for s, _ in g["source"]] or [min(s for s, _ in g["content"])])
        ctx = " ".join(text[max(0, s0 - 350): s0 + 100].split())
        out.append(dict(doc=d, start=start, pred=row["speaker"], mention=row["speaker_mention"], gold_src=src, ctx=ctx))
    if len(out) >= n: break
for o in out[:n]:
    print(json.dumps(o, ensure_ascii=False))
