#!/usr/bin/env python3
"""Speaker accuracy of claimdb on hand-labelled train statements.

    scripts/speaker_train_eval.py JSONL [--errors] [--labels FILE]

JSONL is `claimdb extract --format jsonl` of ../shared/eval/polnear-train/text.
Labels are scripts/speaker-train-labels.tsv (rules are tuned on these) or
FILE, such as scripts/speaker-heldout-labels.tsv (to confirm on), keyed by document and the first
code point of claimdb's content span. A prediction is right as
../shared/eval/labels.py decides: the label is contained in the predicted
speaker as whole words (case, punctuation and possessive 's ignored), or, for
a person, the last words of the two names agree. UNRESOLVABLE labels are left
out; a labelled statement claimdb no longer extracts counts as missing.
"""
import csv, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval")
path, show = sys.argv[1], "--errors" in sys.argv
labels_path = sys.argv[sys.argv.index("--labels") + 1] if "--labels" in sys.argv else os.path.join(ROOT, "scripts", "speaker-train-labels.tsv")
sys.argv = [sys.argv[0]]
sys.path.insert(0, EVAL)


def load_rules():
    """speaker_right and its helpers from labels.py, without running its script part."""
    source = open(os.path.join(EVAL, "labels.py"), encoding="utf-8").read()
    rules = source[source.index("STANCES ="): source.index("gold_dir, labels_path")]
    scope = {}
    exec("import re\n" + rules, scope)
    return scope["speaker_right"]


speaker_right = load_rules()
with open(labels_path, encoding="utf-8") as f:
    labels = list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))
predicted = {}
for line in open(path, encoding="utf-8"):
    row = json.loads(line)
    span = row["content_span"]
    start = span[0][0] if isinstance(span[0], list) else span[0]
    predicted[(os.path.basename(row["doc"])[:-4], start)] = row
counted = right = missing = 0
for label in labels:
    if label["speaker"].strip().upper() == "UNRESOLVABLE":
        continue
    counted += 1
    row = predicted.get((label["doc"], int(label["content_start"])))
    if row is None:
        missing += 1
    elif speaker_right(label["speaker"], row.get("speaker")):
        right += 1
    elif show:
        print(f"{label['doc']}\t{label['content_start']}\twant {label['speaker']!r}\tgot {row.get('speaker')!r} (mention {row.get('speaker_mention')!r})", file=sys.stderr)
print(json.dumps({"labels": counted, "missing": missing, "right": right,
                  "speaker_accuracy": round(right / counted, 3) if counted else 0.0}))
