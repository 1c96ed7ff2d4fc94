#!/usr/bin/env python3
"""Calibrate the stance confidence on the train labels, and show how it holds.

    scripts/stance_calibrate.py [--write] [BIN]    fit on the train label files pooled
    scripts/stance_calibrate.py --dev [BIN]        measure on ../shared/eval/polnear-dev-labels.tsv
    scripts/stance_calibrate.py --held-out [BIN]   fit on four fifths of train, measure on the rest
    scripts/stance_calibrate.py --labels FILE [BIN]  measure on a held-out train label file

BIN defaults to target/release/claimdb. Each statement's stance is judged with
evidence points (src/extract/stance/confidence.rs). To read the points, the
binary is run with a probe table (CLAIMDB_STANCE_CONFIDENCE) whose every
(stance, points) row has a code of its own as confidence. Per stance, the
share of right stances is made to rise with the points (pooling adjacent
rows that break the order). The fit pools the tuning file
(scripts/stance-train-labels.tsv) and held-out files 1 to 4 (FIT_LABELS;
held-out 5 stays a check no fit has seen). A row reaches 0.8 only when
it is right nine times in ten and the lower end of its 90 % interval
(Wilson) is 0.8 or more: the rules were written on the tuning file, and
on news no rule was written for, shares of a handful of statements did
not hold. Below 0.8 the shares are not smoothed: shrinking them toward a
half cost more than it gained.
--write puts the result in data/stance_confidence.tsv (rebuild to use it).
--held-out splits the train articles into five parts by a hash of their
names, fits on four and reads the fifth, each part in turn: the buckets it
prints are what the table does on statements it was not fitted on.

Printed, train: the fitted table (stance, points, right/all, confidence),
then, as for --dev with the built-in table, the statements by confidence
bucket (count, accuracy) and the share of support/oppose statements at 0.8
or above. Dev is for measuring only: never fit on it. --labels FILE measures
the built-in table the same way on a file of train labels no rule or fit
used (scripts/stance-heldout-labels.tsv, scripts/stance-heldout2-labels.tsv,
scripts/stance-heldout3-labels.tsv, scripts/stance-heldout4-labels.tsv,
scripts/stance-heldout5-labels.tsv):
the check that >= 0.8 holds on new articles, not only on the labels the
rules were written for.
"""
import csv, hashlib, json, math, os, subprocess, sys, tempfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, "..", "shared", "eval")
STANCES = ("support", "oppose", "neutral")
POINTS = range(-6, 9)
labels_file = sys.argv[sys.argv.index("--labels") + 1] if "--labels" in sys.argv else None
args = [a for a in sys.argv[1:] if not a.startswith("--") and a != labels_file]
binary = args[0] if args else os.path.join(ROOT, "target", "release", "claimdb")
dev = "--dev" in sys.argv


def read_labels(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))


def extract(texts, table=None):
    env = dict(os.environ)
    env.pop("CLAIMDB_STANCE_CONFIDENCE", None)
    if table:
        env["CLAIMDB_STANCE_CONFIDENCE"] = table
    out = subprocess.run([binary, "extract", "--format", "jsonl"] + texts,
                         capture_output=True, text=True, check=True, env=env).stdout
    return [json.loads(line) for line in out.splitlines()]


def start_of(row):
    span = row["content_span"]
    return span[0][0] if isinstance(span[0], list) else span[0]


def train_pairs(table=None, path=os.path.join(ROOT, "scripts", "stance-train-labels.tsv")):
    """(label, statement) for each train label whose content start is found."""
    labels = read_labels(path)
    docs = sorted({l["doc"] for l in labels})
    rows = extract([os.path.join(EVAL, "polnear-train", "text", d + ".txt") for d in docs], table)
    by_key = {(os.path.basename(r["doc"])[:-4], start_of(r)): r for r in rows}
    return [(l, by_key[k]) for l in labels if (k := (l["doc"], int(l["content_start"]))) in by_key]


def dev_pairs():
    """(label, statement) for each dev label matched as labels.py matches it."""
    sys.path.insert(0, EVAL)
    import score
    labels = read_labels(os.path.join(EVAL, "polnear-dev-labels.tsv"))
    gold_dir = os.path.join(EVAL, "polnear-dev")
    docs = score.load_gold(gold_dir, {l["doc"] for l in labels})
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for row in extract([os.path.join(gold_dir, "text", d + ".txt") for d in sorted(docs)]):
            f.write(json.dumps(row) + "\n")
    preds, _ = score.load_pred(f.name, docs)
    os.unlink(f.name)
    pairs = []
    for l in labels:
        doc = docs[l["doc"]]
        toks = score.tokens_of(doc["text"])
        gold = [{k: score.token_set(toks, g[k]) for k in ("content", "source", "cue")}
                | {"start": min(s for s, _ in g["content"])} for g in doc["gold"]]
        pred = [{k: score.token_set(toks, p[k]) for k in ("content", "source", "cue")} | {"row": p["row"]}
                for p in preds.get(l["doc"], [])]
        match = score.pair_up(gold, pred)
        gi = next(i for i, g in enumerate(gold) if g["start"] == int(l["content_start"]))
        if gi in match and match[gi][1] >= 0.5:
            pairs.append((l, pred[match[gi][0]]["row"]))
    return pairs


def code(stance, points):
    """A probe confidence for (stance, points): all below 0.5, where an
    earlier position's cap (0.5) leaves them alone."""
    return round((STANCES.index(stance) * len(POINTS) + points - POINTS.start) / 100, 2)


def fit(pairs_by_points):
    """Per stance: rows (points, right, all, confidence), the share right
    made non-decreasing in the points by pooling adjacent violators."""
    table = {}
    for stance in STANCES:
        blocks = []
        for p in sorted(k for s, k in pairs_by_points if s == stance):
            right, n = pairs_by_points[(stance, p)]
            blocks.append([[p], right, n])
            while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] > blocks[-1][1] / blocks[-1][2]:
                last = blocks.pop()
                blocks[-1] = [blocks[-1][0] + last[0], blocks[-1][1] + last[1], blocks[-1][2] + last[2]]
        # A block of a handful of statements says little: it joins its
        # neighbour towards the middle of the points.
        i = 0
        while len(blocks) > 1 and i < len(blocks):
            if blocks[i][2] < MIN_BLOCK:
                j = i + 1 if i == 0 else i - 1
                lo, hi = sorted((i, j))
                blocks[lo:hi + 1] = [[blocks[lo][0] + blocks[hi][0], blocks[lo][1] + blocks[hi][1], blocks[lo][2] + blocks[hi][2]]]
                i = 0
            else:
                i += 1
        rows, floor = [], 0.0
        for ps, right, n in blocks:
            share = min(right / n, CEILING)
            if share >= TRUSTED and not trusted(right, n):
                share = TRUSTED - 0.01
            # Rounding can undercut the block below: never lower.
            floor = max(floor, round(share, 2))
            rows += [(p, right, n, floor) for p in ps]
        table[stance] = rows
    return table


# No rule is never wrong: a block all right on train is not all right on new text.
CEILING = 0.95
# The confidence a reader trusts, and what a row needs to reach it: this
# share right, and the lower end of its interval (z for 90 %) at TRUSTED.
TRUSTED = 0.8
TRUSTED_SHARE = 0.9
Z = 1.645
# The label files the table is fitted on, pooled.
FIT_LABELS = [os.path.join(ROOT, "scripts", f"stance-{name}-labels.tsv")
              for name in ("train", "heldout", "heldout2", "heldout3", "heldout4")]


def lower_bound(right, n):
    """The lower end of the Wilson interval of right / n."""
    share, z2 = right / n, Z * Z
    centre = share + z2 / (2 * n)
    spread = Z * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n))
    return (centre - spread) / (1 + z2 / n)


def trusted(right, n):
    """Whether a block of statements may reach the trusted confidence."""
    return right / n >= TRUSTED_SHARE and lower_bound(right, n) >= TRUSTED
# The fewest statements a row's confidence rests on (see `fit`).
MIN_BLOCK = 5


def fold_of(doc, folds=5):
    return int(hashlib.md5(doc.encode()).hexdigest(), 16) % folds


def buckets(pairs, title):
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]
    print(f"\n{title}: statements by confidence")
    print("confidence   count  accuracy")
    for lo, hi in zip(edges, edges[1:]):
        inside = [l["stance"] == r["stance"] for l, r in pairs if lo <= float(r["confidence"]) < hi]
        if inside:
            print(f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}  {len(inside):5d}  {sum(inside) / len(inside):.3f}")
    high = [l["stance"] == r["stance"] for l, r in pairs if float(r["confidence"]) >= 0.8]
    polar = [r for _, r in pairs if r["stance"] != "neutral"]
    polar_high = [r for r in polar if float(r["confidence"]) >= 0.8]
    print(f">= 0.8: {len(high)} statements, {sum(high)} right ({sum(high) / max(1, len(high)):.3f}); "
          f"support/oppose at >= 0.8: {len(polar_high)} of {len(polar)}")


if dev:
    buckets(dev_pairs(), "dev (built-in table)")
    sys.exit()

if labels_file:
    buckets(train_pairs(path=labels_file), f"{os.path.basename(labels_file)} (built-in table)")
    sys.exit()

with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as probe:
    for s in STANCES:
        for p in POINTS:
            probe.write(f"{s}\t{p}\t{code(s, p)}\n")
decode = {code(s, p): (s, p) for s in STANCES for p in POINTS}
probed = [(l, r, decode.get(round(float(r["confidence"]), 2))) for path in FIT_LABELS for l, r in train_pairs(probe.name, path)]
os.unlink(probe.name)


def count(rows):
    counts = defaultdict(lambda: [0, 0])
    for l, r, key in rows:
        if key:
            counts[key][0] += l["stance"] == r["stance"]
            counts[key][1] += 1
    return counts


def confidence_of(table, stance, points):
    """As ConfidenceTable::confidence: the nearest row of the stance."""
    rows = table[stance]
    return min(rows, key=lambda row: abs(row[0] - points))[3] if rows else 0.5


if "--held-out" in sys.argv:
    held_out = []
    for part in range(5):
        table = fit(count([x for x in probed if fold_of(x[0]["doc"]) != part]))
        for l, r, key in probed:
            if key and fold_of(l["doc"]) == part:
                held_out.append((l, dict(r, confidence=confidence_of(table, *key))))
    buckets(held_out, "train held out (five parts, each fitted on the other four)")
    sys.exit()

table = fit(count(probed))
print("stance   points  right/all  confidence")
for s in STANCES:
    for p, right, n, c in table[s]:
        print(f"{s:8s} {p:6d}  {right:4d}/{n:<4d}  {c:.2f}")
if "--write" in sys.argv:
    with open(os.path.join(ROOT, "data", "stance_confidence.tsv"), "w", encoding="utf-8") as f:
        f.write("# Stance confidence by evidence points (src/extract/stance/confidence.rs):\n"
                "# STANCE POINTS CONFIDENCE, the share of right stances at those points (adjacent\n"
                "# points pooled where the share would fall) on the train label files pooled\n"
                "# (tuning and held-out 1-4); 0.8 or above only where the share is 0.9 or more\n"
                "# and the lower end of its 90 % interval 0.8 or more.\n"
                "# Written by scripts/stance_calibrate.py --write.\n")
        for s in STANCES:
            for p, right, n, c in table[s]:
                f.write(f"{s}\t{p}\t{c}\n")
buckets(train_pairs(), "train (built-in table)")
