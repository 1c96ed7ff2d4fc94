"""What scripts/speaker_sample.py and scripts/speaker_sample_gold.py share:
where the evaluation data is (put on the import path for score.py), and
their arguments, JSONL N SEED [LABELS...]."""
import os, sys

EVAL = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "shared", "eval")
sys.path.insert(0, EVAL)


def arguments(argv):
    """(JSONL path, N, seed, the articles a LABELS file already covers)."""
    path, n, seed = argv[1], int(argv[2]), int(argv[3])
    labelled = set()
    for labels in argv[4:]:
        for line in open(labels, encoding="utf-8"):
            if line.strip() and not line.startswith(("#", "doc\t")):
                labelled.add(line.split("\t")[0])
    return path, n, seed, labelled
