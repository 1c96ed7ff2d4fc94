#!/usr/bin/env python3
"""Stance, hedged, topic and confidence figures on the train tuning labels.

    scripts/stance_train_eval.py [-v] [--tune | --held-out] [--labels FILE] [BIN]
        (BIN defaults to target/release/claimdb)

Runs `BIN extract --format jsonl` on the labelled train articles, pairs each
label with the statement whose content starts at the same code point, and
prints accuracy, macro-F1, hedged accuracy, topic overlap (shared content
word, as ../shared/eval/labels.py counts it) and the accuracy of the
statements at each confidence. Tuning only: dev is measured with labels.py.

--tune keeps the articles of the first three of five parts (by a hash of the
article's name, as scripts/stance_calibrate.py splits them) and --held-out
the other two: read the misses (-v) of the tuning part only, and check that a
change helps the held-out part as well before trusting it.

--labels FILE scores another label file of the same columns, such as
scripts/stance-heldout-labels.tsv: statements from articles with no tuning
label, which no rule was written for, to confirm that a change generalises.
"""
import csv, hashlib, json, os, re, subprocess, sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXT = os.path.join(ROOT, "..", "shared", "eval", "polnear-train", "text")
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "eval"))
labels_path = sys.argv[sys.argv.index("--labels") + 1] if "--labels" in sys.argv else os.path.join(ROOT, "scripts", "stance-train-labels.tsv")
args = [a for a in sys.argv[1:] if not a.startswith("-") and a != labels_path]
binary = args[0] if args else os.path.join(ROOT, "target", "release", "claimdb")
with open(labels_path, encoding="utf-8") as f:
    labels = list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))


def part(doc):
    return int(hashlib.md5(doc.encode()).hexdigest(), 16) % 5


if "--tune" in sys.argv:
    labels = [l for l in labels if part(l["doc"]) < 3]
elif "--held-out" in sys.argv:
    labels = [l for l in labels if part(l["doc"]) >= 3]
docs = sorted({l["doc"] for l in labels})
out = subprocess.run([binary, "extract", "--format", "jsonl"] + [os.path.join(TEXT, d + ".txt") for d in docs],
                     capture_output=True, text=True, check=True).stdout
by_key = {}
for line in out.splitlines():
    row = json.loads(line)
    span = row["content_span"]
    start = span[0][0] if isinstance(span[0], list) else span[0]
    by_key[(os.path.basename(row["doc"])[:-4], start)] = row

def content_words(text):
    stop = set("a an the and or but of to in on at by for from with is are was were be it its this that he his she her they their we our you your i my not no s".split())
    out = set()
    for w in re.findall(r"[a-z0-9]+", re.sub(r"'s\b", "", str(text or "").lower().replace("\u2019", "'"))):
        if w in stop:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        out.add(w)
    return out

n = ok = hok = tok = 0
confusion = defaultdict(Counter)
by_conf = defaultdict(lambda: [0, 0])
misses = []
for l in labels:
    row = by_key.get((l["doc"], int(l["content_start"])))
    if row is None:
        continue
    n += 1
    got = row["stance"]
    confusion[l["stance"]][got] += 1
    right = got == l["stance"]
    ok += right
    hok += bool(row["hedged"]) == (l["hedged"] == "true")
    tok += bool(content_words(row.get("topic")) & content_words(l["topic"]))
    c = round(float(row.get("confidence", 0)), 2)
    by_conf[c][0] += right
    by_conf[c][1] += 1
    if not right and "-v" in sys.argv:
        misses.append(f"{l['stance']:>7} got {got:<7} | {row['cue']} | {row['content'][:150]}")
f1 = {}
for c in ("support", "oppose", "neutral"):
    tp = confusion[c][c]
    p = tp / max(1, sum(confusion[g][c] for g in confusion))
    r = tp / max(1, sum(confusion[c].values()))
    f1[c] = round(2 * p * r / (p + r), 3) if p + r else 0.0
high = [v for k, v in by_conf.items() if k >= 0.8]
print(json.dumps({
    "labels": len(labels), "matched": n,
    "stance_accuracy": round(ok / max(1, n), 3),
    "macro_f1": round(sum(f1.values()) / 3, 3), "f1": f1,
    "confusion": {g: dict(confusion[g]) for g in confusion},
    "hedged_accuracy": round(hok / max(1, n), 3),
    "topic_overlap": round(tok / max(1, n), 3),
    "accuracy_at_confidence": {str(k): f"{v[0]}/{v[1]}" for k, v in sorted(by_conf.items())},
    "accuracy_at_or_above_0.8": f"{sum(v[0] for v in high)}/{sum(v[1] for v in high)}",
}))
for m in misses:
    print(m)
