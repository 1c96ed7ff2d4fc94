#!/usr/bin/env python3
"""Write a synthetic claimdb export (JSONL, one StatementRow a line) for the
benchmarks: N statements by S speakers on 300 topics over ten years.

Deterministic (fixed seed), so two runs give the same file. Nothing here is
real text; the words are picked so that --speaker, --topic and --search
queries match a realistic share of the rows. Nobody opposes a museums
topic, so that asking whether anyone did has a common topic and a common
stance but no answer (the slowest kind of question for a query plan).

    python3 scripts/gen_statements.py --statements 1000000 --speakers 50000 > rows.jsonl
"""
import argparse
import json
import random
import sys
from datetime import date, timedelta

FIRST = ["Ada", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea", "Max",
         "Nia", "Otto", "Pia", "Quin", "Rosa", "Sam", "Tara", "Uma", "Vik", "Wes", "Xena", "Yara", "Zane"]
SYLLABLES = ["ba", "ko", "ri", "sen", "ta", "mo", "lin", "dor", "pa", "ve", "nu", "gar", "shi", "lo",
             "mer", "ka", "zu", "fen", "ro", "wa"]
ROLES = ["Mayor", "Senator", "Minister", "Spokesperson", "Professor", "Chief Executive", "Governor", None, None]
CUES = ["said", "told reporters", "argued", "warned", "claimed", "insisted", "added", "noted", "denied"]
SUBJECTS = ["bridge", "budget", "health care", "climate", "tax", "border", "election", "schools", "housing",
            "energy", "trade", "pensions", "police", "transit", "water", "farming", "defence", "tariffs",
            "vaccines", "wages", "rail", "ports", "broadband", "courts", "prisons", "museums", "fisheries",
            "forests", "mining", "tourism"]
QUALIFIERS = ["policy", "reform", "funding", "crisis", "plan", "bill", "debate", "strike", "inquiry", "deal"]
WORDS = ("the a this plan will would could should not never bridge budget tax cut raise fund voters city "
         "council state nation law bill vote support oppose delay cost jobs people families workers schools "
         "health care climate energy prices trade border police court report years months week today next "
         "last first big small fair unfair wrong right safe risky cheap expensive open close build stop").split()


def speaker_names(count, rng):
    names, seen = [], set()
    while len(names) < count:
        last = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()
        name = f"{rng.choice(FIRST)} {last}"
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    speakers = speaker_names(args.speakers, rng)
    roles = [rng.choice(ROLES) for _ in speakers]
    topics = [f"{s.capitalize()} {q}" for s in SUBJECTS for q in QUALIFIERS]
    first_day = date(2015, 1, 1)
    out = sys.stdout
    for i in range(1, args.statements + 1):
        # Zipf-ish: a few speakers are quoted a lot, most rarely.
        k = min(int(rng.paretovariate(1.1)) - 1, args.speakers - 1)
        who = (k * 7919 + rng.randrange(args.speakers) * (k == 0)) % args.speakers
        name = speakers[who]
        content = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))).capitalize() + "."
        row = {
            "id": i,
            "doc": f"https://news.example/{i // 20}",
            "title": None,
            "date": (first_day + timedelta(days=rng.randrange(3650))).isoformat(),
            "speaker": name,
            "speaker_mention": name.split()[-1],
            "role": roles[who],
            "cue": rng.choice(CUES),
            "content": content,
            "kind": rng.choice(("direct", "indirect", "indirect", "mixed")),
            "stance": rng.choice(("support", "oppose", "neutral", "neutral")),
            "hedged": rng.random() < 0.15,
            "topic": rng.choice(topics) if rng.random() < 0.9 else None,
            "content_span": None,
            "source_span": None,
            "cue_span": None,
            "speaker_kind": "person",
            "origin": "extracted",
            "confidence": round(rng.uniform(0.5, 1.0), 2),
        }
        if row["stance"] == "oppose" and (row["topic"] or "").startswith("Museums"):
            row["stance"] = "neutral"
        out.write(json.dumps(row, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
