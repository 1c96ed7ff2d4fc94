"""Gold and predicted attributions of each document, paired as score.py pairs them.

Shared by miss_kinds.py, miss_frames.py and miss_person.py, which sort the
gold statements that are not counted right by why or how they are written.
"""
import os
import sys


def load_score(gold_dir):
    """score.py sits beside the gold directory: import it from there."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(gold_dir.rstrip("/"))))
    import score
    return score


def paired_documents(gold_dir, pred_path):
    """Yield (stem, text, gold, pred, match) per document.

    gold and pred hold token sets for content, source and cue (gold also its
    raw record under "raw"), statements without content left out; match maps
    a gold index to (pred index, content Dice).
    """
    S = load_score(gold_dir)
    docs = S.load_gold(gold_dir)
    preds, _ = S.load_pred(pred_path, docs)
    for stem, doc in docs.items():
        text = doc["text"]
        toks = S.tokens_of(text)
        gold = [{k: S.token_set(toks, g[k]) for k in ("content", "source", "cue")} | {"raw": g} for g in doc["gold"]]
        gold = [g for g in gold if g["content"]]
        pred = [{k: S.token_set(toks, p[k]) for k in ("content", "source", "cue")} for p in preds.get(stem, [])]
        pred = [p for p in pred if p["content"]]
        yield stem, text, gold, pred, S.pair_up(gold, pred)


def miss_kind(gi, g, pred, match):
    """Why gold statement `gi` is not counted right, or None when it is.

    "source wrong" (content found, source not), "boundary" (paired, content
    Dice under 0.5), "cue found, content elsewhere", or "nothing".
    """
    if gi in match and match[gi][1] >= 0.5:
        p = pred[match[gi][0]]
        if (g["source"] & p["source"]) if g["source"] else not p["source"]:
            return None
        return "source wrong"
    if gi in match:
        return "boundary"
    if any(g["cue"] & p["cue"] for p in pred):
        return "cue found, content elsewhere"
    return "nothing"
