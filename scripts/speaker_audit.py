#!/usr/bin/env python3
"""Audit the records of the most-quoted people of a claimdb database of train.

    scripts/speaker_audit.py DB [--people FILE] [--samples K]

DB holds ../shared/eval/polnear-train ingested (`claimdb --db DB ingest
.../polnear-train/text`). People are the "First Last" names of FILE (one a
line), else the 30 person records with the most statements. For each person:

  records   every record whose name ends in the surname and whose first name,
            if any, is the person's (or a spelling of it in
            data/given_name_variants.txt), with its statement count;
  gold      statements paired with a gold attribution (content Dice >= 0.5,
            as score.py pairs them) whose gold source names someone: the
            person ("theirs": the surname as a word, no other first name or
            honorific of the other sex before it) or someone else ("foreign":
            a capitalised name without the surname). Pronoun and lower-case
            gold sources tell nothing and are left out;
  share     statements in the main record / (statements in the person's
            records + their gold statements found in other records);
  foreign   foreign gold statements in the main record / named gold
            statements there, and that rate times the main record's size.

With --samples K, K foreign statements of each main record and K of the
person's statements found elsewhere are printed, to read against the article.
"""
import json, os, re, sqlite3, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval")
sys.path.insert(0, EVAL)
import score  # noqa: E402

args = sys.argv[1:]
db = sqlite3.connect(args[0])
people_file = args[args.index("--people") + 1] if "--people" in args else None
samples = int(args[args.index("--samples") + 1]) if "--samples" in args else 0


def words(path):
    out = []
    for line in open(os.path.join(ROOT, "data", path), encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


variants = {}
for line in words("given_name_variants.txt"):
    names = [w.lower() for w in re.split(r"[\s,]+", line) if w]
    for n in names:
        variants.setdefault(n, set()).update(names)
first_names = {}
for line in words("first_names.tsv"):
    parts = line.split("\t")
    if len(parts) >= 2:
        first_names[parts[0].lower()] = parts[1]


def same_given(a, b):
    a, b = a.lower(), b.lower()
    return a == b or b in variants.get(a, ()) or a.startswith(b) or b.startswith(a)


rows = db.execute(
    "SELECT t.id, d.path, t.content_span, t.speaker_mention, s.id, s.name, s.kind FROM statements t "
    "JOIN documents d ON d.id = t.document_id JOIN speakers s ON s.id = t.speaker_id").fetchall()
records = defaultdict(int)
names = {}
for _, _, _, _, sid, name, kind in rows:
    records[sid] += 1
    names[sid] = (name, kind)

if people_file:
    people = [l.strip() for l in open(people_file, encoding="utf-8") if l.strip()]
else:
    people = [names[s][0] for s in sorted(records, key=lambda s: -records[s]) if names[s][1] == "person"][:30]

# Gold sources of the statements that pair with a gold attribution.
docs = score.load_gold(os.path.join(EVAL, "polnear-train"))
by_doc = defaultdict(list)
for r in rows:
    by_doc[score.doc_key(r[1])].append(r)
gold_source = {}
doc_text = {stem: doc["text"] for stem, doc in docs.items()}
for stem, stmts in by_doc.items():
    doc = docs.get(stem)
    if not doc:
        continue
    text, toks = doc["text"], score.tokens_of(doc["text"])
    gold = [{"content": score.token_set(toks, g["content"]), "src": " ".join(text[s:e] for s, e in g["source"])} for g in doc["gold"]]
    pred = [{"content": score.token_set(toks, score.norm_spans(json.loads(r[2]) if r[2] else None))} for r in stmts]
    for gi, (pi, d) in score.pair_up(gold, pred).items():
        if d >= 0.5:
            gold_source[stmts[pi][0]] = gold[gi]["src"]

def surname_shared(first, last):
    """Whether a more-quoted person of the audit bears the surname too: a
    surname alone is theirs, not this person's."""
    for other in people:
        o = other.split()
        if o[-1].lower() == last.lower():
            return not same_given(o[0], first)
    return False


MALE, FEMALE = {"mr.", "mr"}, {"mrs.", "mrs", "ms.", "ms", "miss"}


def gold_says(src, first, last, text):
    """'theirs', 'foreign' or None (the gold source names no one)."""
    toks = re.findall(r"[\w.'’-]+", src)
    caps = [t for t in toks if t[:1].isupper() and t.lower() not in ("i", "the", "a", "an", "he", "she", "they", "we", "it")]
    head = re.split(r"[,(]", src)[0].split()
    if not caps or not head or not head[-1][:1].isupper():
        return None  # a pronoun or a description ("the Florida senator")
    if " and " in src or "&" in src:
        return None
    toks = re.findall(r"[\w.'’-]+", re.split(r"[,(]", src)[0])  # the head, not its appositive
    for i, t in enumerate(toks):
        if re.sub(r"['’]s$", "", t).lower() == last.lower():
            if t.lower() != last.lower():
                return None  # "Trump's campaign manager": someone else, maybe named
            rest = re.split(r"[,(]", src[src.find(t) + len(t):], maxsplit=1)[0]
            if rest.strip():
                return None  # "the Clinton campaign", "Trump Tower"
            before = toks[i - 1] if i else ""
            if before[:1].isupper() and same_given(before, first):
                return "theirs"
            if before.lower() in MALE | FEMALE:
                sex = "m" if before.lower() in MALE else "f"
                mine = first_names.get(first.lower())
                if mine in ("m", "f") and mine != sex:
                    return "foreign"
            elif before[:1].isupper() and before.lower() in first_names:
                return "foreign"
            # A surname alone: theirs where the article names them in full
            # and no one else of that surname.
            given = {m.lower() for m in re.findall(r"\b([A-Z][a-z]+) (?:[A-Z]\. )?" + re.escape(last) + r"\b", text)}
            given = {g for g in given if g in first_names}
            if given and all(same_given(g, first) for g in given):
                return "theirs"
            return None
    return "foreign"


out = ["| person | statements | records (largest first) | share in main | foreign in main (gold) | elsewhere by gold |", "|---|---|---|---|---|---|"]
for person in people:
    parts = person.split()
    first, last = (parts[0], parts[-1]) if len(parts) > 1 else ("", parts[0])
    mine = []
    for sid, (name, kind) in names.items():
        w = name.split()
        if kind not in ("person", "unknown") or not w or w[-1].lower() != last.lower():
            continue
        if len(w) > 1 and not same_given(w[0], first):
            continue  # another person's, or no name ("Team Trump")
        mine.append(sid)
    mine.sort(key=lambda s: -records[s])
    main = next((s for s in mine if names[s][0].lower() == person.lower()), mine[0] if mine else None)
    in_records = sum(records[s] for s in mine)
    theirs_elsewhere, foreign_main, named_main = [], [], 0
    for r in rows:
        src = gold_source.get(r[0])
        if src is None:
            continue
        says = gold_says(src, first, last, doc_text[score.doc_key(r[1])])
        if r[4] == main and says:
            named_main += 1
            if says == "foreign":
                foreign_main.append((r, src))
        elif r[4] not in mine and says == "theirs":
            theirs_elsewhere.append((r, src))
    total = in_records + len(theirs_elsewhere)
    where = defaultdict(int)
    for r, _ in theirs_elsewhere:
        where[r[5]] += 1
    rate = len(foreign_main) / named_main if named_main else 0
    recs = ", ".join(f"{names[s][0]} {records[s]}" for s in mine[:5]) + (f", +{len(mine) - 5} more" if len(mine) > 5 else "")
    else_txt = ", ".join(f"{k} {v}" for k, v in sorted(where.items(), key=lambda kv: -kv[1])[:4])
    out.append(f"| {person} | {total} | {len(mine)}: {recs} | {records.get(main, 0) / total:.0%} | "
               f"{len(foreign_main)}/{named_main} = {rate:.0%} (~{rate * records.get(main, 0):.0f}) | {len(theirs_elsewhere)}: {else_txt} |")
    if samples:
        for r, src in foreign_main[:samples]:
            print(f"FOREIGN {person}: stmt {r[0]} {score.doc_key(r[1])} mention={r[3]!r} gold={src!r}")
        for r, src in theirs_elsewhere[:samples]:
            print(f"ELSEWHERE {person}: stmt {r[0]} {score.doc_key(r[1])} in {r[5]!r} mention={r[3]!r} gold={src!r}")
print("\n".join(out))
