#!/usr/bin/env python3
"""Write about MB megabytes of synthetic articles as JSON Lines (the shape
`claimdb ingest` reads: text, title, date, url), for the memory benchmark:
ingesting it must stream. Every article's text is different (its number is
in it), so none is skipped as already stored. Deterministic.

    python3 scripts/gen_articles.py --mb 1024 > articles.jsonl
"""
import argparse
import json
import random
import sys

WORDS = ("the council said on monday that the new budget would cut spending on roads and raise taxes "
         "for families while the mayor argued the plan was fair and the opposition warned it would cost "
         "jobs in the city over the next two years according to officials who spoke to reporters").split()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1024)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    # A pool of paragraphs, reused: generating fresh words for a gigabyte in
    # Python would take minutes.
    paragraphs = []
    for _ in range(500):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 25))]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    target = args.mb * 1024 * 1024
    written, n = 0, 0
    out = sys.stdout
    while written < target:
        n += 1
        text = f"Article {n}.\n\n" + "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(3, 12)))
        line = json.dumps({
            "title": f"Synthetic article {n}",
            "date": f"20{15 + n % 10}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "url": f"https://news.example/articles/{n}",
            "text": text,
        }) + "\n"
        out.write(line)
        written += len(line)


if __name__ == "__main__":
    main()
