#!/usr/bin/env python3
"""Topic overlap on the train labels: the tuning set and the held-out set.

    scripts/topic_train_eval.py [BIN] [-v] [--held-out] [--causes]

Runs `BIN extract --format jsonl` (BIN defaults to target/release/claimdb) on
the articles of scripts/stance-train-labels.tsv (topics the tuning looked at)
and of scripts/topic-train-labels.tsv (held out: confirm, don't tune), pairs
each label with the statement whose content starts at the same code point and
prints the share whose predicted topic shares a content word with the label,
counted as ../shared/eval/labels.py counts it. With -v, the misses of the
tuning set (of the held-out set too with --held-out), as `label | got | content`.
With --causes, each set's misses counted by cause: `main` (the topic names
nothing in the content: the article's main topic, its most given one, taken
as a fallback), `elsewhere` (names nothing in the content, not the main
topic), `wrong` (found in the content, the label's words are not there),
`phrase` (found in the content, which holds a word of the label too: another
phrase of it was the right one), `none` (no topic).
"""
import csv, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXT = os.path.join(ROOT, "..", "shared", "eval", "polnear-train", "text")
STOP = set("""
a an the and or but nor of to in on at by for from with without into onto over under about
against between among through during before after above below up down out off as than then
so such via per vs versus is are was were be been being am do does did has have had having
it its it's this that these those there here he him his she her hers they them their theirs
we us our ours you your yours i me my mine who whom whose which what when where why how
not no none any all some more most other another each every both either neither own same
new s re
""".split())


def stem(word):
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text):
    text = re.sub(r"'s\b", "", str(text or "").lower().replace("\u2019", "'"))
    return {stem(w) for w in re.findall(r"[a-z0-9]+", text) if w not in STOP}


def read_labels(name):
    with open(os.path.join(ROOT, "scripts", name), encoding="utf-8") as f:
        return list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))


args = [a for a in sys.argv[1:] if not a.startswith("-")]
binary = args[0] if args else os.path.join(ROOT, "target", "release", "claimdb")
sets = {"tuning": read_labels("stance-train-labels.tsv"), "held_out": read_labels("topic-train-labels.tsv")}
docs = sorted({l["doc"] for labels in sets.values() for l in labels})
out = subprocess.run([binary, "extract", "--format", "jsonl"] + [os.path.join(TEXT, d + ".txt") for d in docs],
                     capture_output=True, text=True, check=True).stdout
by_key = {}
doc_topics = {}
for line in out.splitlines():
    row = json.loads(line)
    doc_topics.setdefault(os.path.basename(row["doc"])[:-4], []).append(row.get("topic"))
    span = row["content_span"]
    start = span[0][0] if isinstance(span[0], list) else span[0]
    by_key[(os.path.basename(row["doc"])[:-4], start)] = row

def main_topic(doc):
    counts = {}
    for topic in doc_topics.get(doc, []):
        if topic is not None:
            counts[topic] = counts.get(topic, 0) + 1
    return max(counts, key=lambda t: counts[t]) if counts else None


def cause(doc, got, label, content):
    if got is None:
        return "none"
    said = content_words(content)
    if not content_words(got) & said:
        return "main" if got == main_topic(doc) else "elsewhere"
    return "phrase" if content_words(label) & said else "wrong"


figures = {}
for name, labels in sets.items():
    matched = right = untagged = 0
    causes = {}
    for l in labels:
        row = by_key.get((l["doc"], int(l["content_start"])))
        if row is None:
            continue
        matched += 1
        ok = bool(content_words(row.get("topic")) & content_words(l["topic"]))
        right += ok
        if not ok:
            kind = cause(l["doc"], row.get("topic"), l["topic"], row["content"])
            causes[kind] = causes.get(kind, 0) + 1
        untagged += row.get("topic") is None
        show = "-v" in sys.argv and (name == "tuning" or "--held-out" in sys.argv)
        if not ok and show:
            kind = cause(l["doc"], row.get("topic"), l["topic"], row["content"]) if "--causes" in sys.argv else ""
            print(f"{kind:<9} " * bool(kind) + f"{l['topic'][:40]:<40} | {str(row.get('topic'))[:30]:<30} | {' '.join(row['content'].split())[:110]}")
    figures[name] = {"labels": len(labels), "matched": matched, "untagged": untagged,
                     "topic_overlap": round(right / max(1, matched), 3)}
    if "--causes" in sys.argv:
        figures[name]["miss_causes"] = dict(sorted(causes.items()))
print(json.dumps(figures))
