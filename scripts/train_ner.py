"""Train the NER tagger (``make model``) from the shared FANE corpora.

Training data: NewsFANE (all but every 10th block of 40 sentences, which
``benchmarks/bench_ner.py`` holds out) and WikiFANE, both CC BY-SA 3.0, and the Wojood sample's
train and validation parts (MIT); see ``src/rasid/data/models/ner/LICENSE``. FANE's fine
types are mapped to PER ORG GPE LOC FAC NORP with ``fane_types.tsv``; the rest become O.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from rasid.extract.ner import MODEL_DIR, sentence_features
from rasid.text.normalize import normalize_word

BLOCK = 40          # sentences; every 10th block of NewsFANE is held out for benchmarks/bench_ner.py
KEEP = {"PER", "ORG", "GPE", "LOC", "FAC", "NORP"}


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = re.split(r"[\t ]", line)
        cur.append((parts[0], parts[1] if len(parts) > 1 else "O"))
    if cur:
        sents.append(cur)
    return sents


def split_newsfane(sents: list) -> tuple[list, list]:
    """The training part and the held-out part (every 10th block of 40 sentences) of NewsFANE."""
    train, held = [], []
    for b in range(0, len(sents), BLOCK):
        (held if (b // BLOCK) % 10 == 9 else train).extend(sents[b:b + BLOCK])
    return train, held


def read_wojood(path: Path) -> list[list[tuple[str, str]]]:
    """Wojood's nested tags flattened: the outer tag when it is a kept type, else the inner one."""
    rename = {"PERS": "PER"}
    sents, cur = [], []
    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        if parts[0] == "$#$":
            continue
        tag = "O"
        for t in parts[1:]:
            if t != "O" and rename.get(t[2:], t[2:]) in KEEP:
                tag = t[:2] + rename.get(t[2:], t[2:])
                break
        cur.append((parts[0], tag))
    if cur:
        sents.append(cur)
    return sents


def coarse_tags(tags: list[str], mapping: dict[str, str]) -> list[str]:
    out = []
    for t in tags:
        if t == "O":
            out.append("O")
            continue
        bio, fine = t.split("-", 1)
        coarse = mapping.get(fine, fine)
        out.append(f"{bio}-{coarse}" if coarse in KEEP else "O")
    # an I- after O (a dropped type) starts a span
    for i, t in enumerate(out):
        if t.startswith("I-") and (i == 0 or out[i - 1][2:] != t[2:]):
            out[i] = "B-" + t[2:]
    return out


def write_common_words(data: list[tuple[list[str], list[str]]], out: Path) -> None:
    """Words seen often and almost never inside a name: a place gazetteer must not match them
    alone (بيان is a statement, not the town of Bayan)."""
    seen, named = Counter(), Counter()
    for words, tags in data:
        for w, t in zip(words, tags):
            seen[w] += 1
            named[w] += t != "O"
    common = sorted(w for w, n in seen.items() if n >= 5 and named[w] <= 0.2 * n)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "common_words.json", "w", encoding="utf-8") as f:
        json.dump(common, f, ensure_ascii=False, indent=0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--iterations", type=int, default=120)
    args = ap.parse_args()
    ner = args.shared / "data" / "ner"
    mapping = dict(l.rstrip("\n").split("\t") for l in (ner / "fane_types.tsv").open(encoding="utf-8")
                   if "\t" in l)
    news, _ = split_newsfane(read_conll(ner / "newsfane_train.conll"))
    train = news * 2 + read_conll(ner / "wikifane.conll")  # newswire counts twice: it is our domain
    data = [([normalize_word(w) or w for w, _ in s], coarse_tags([t for _, t in s], mapping)) for s in train]
    for part in ("train.txt", "val.txt"):
        data += [([normalize_word(w) or w for w, _ in s], [t for _, t in s])
                 for s in read_wojood(ner / "wojood_sample" / part)]
    counts = Counter(w for words, _ in data for w in words)
    write_common_words(data, args.out)
    vocab = {w: c for w, c in counts.items() if c >= 2}
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in data:
        trainer.append(sentence_features(words, vocab), tags)
    trainer.set_params({"c1": 0.1, "c2": 0.1, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    trainer.train(str(args.out / "model.crfsuite"))
    with open(args.out / "vocab.json", "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    print(f"trained on {len(data)} sentences, {sum(len(w) for w, _ in data)} tokens "
          f"in {time.time() - t0:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
