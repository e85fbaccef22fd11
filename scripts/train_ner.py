"""Train the NER tagger (``make model``) from the shared NER corpora.

Training data (see ``src/rasid/data/models/ner/LICENSE``):

- ANERcorp's train part (CAMeL split) but its last articles (from ``ANERCORP_DEV_START``), which
  ``benchmarks/bench_ner.py`` holds out; PERS ORG LOC become PER ORG GPE, MISC becomes O. Its words
  keep their clitics: they are split as the tagger splits them (``segment_word``).
- NewsFANE but every 10th block of 40 sentences (held out by ``bench_ner.py``), and WikiFANE, both
  CC BY-SA 3.0; FANE's fine types are mapped to PER ORG GPE LOC FAC NORP with ``fane_types.tsv``,
  the rest become O.
- The Wojood sample's train and validation parts (MIT).

NewsFANE re-annotates ANERcorp's text: a sentence of either that shares a run of letters with the
other's held-out part is left out of training, so that neither development set is seen in training.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from rasid.extract.ner import MODEL_DIR, read_clusters, segment_word, sentence_features
from rasid.text.normalize import normalize_word

BLOCK = 40          # sentences; every 10th block of NewsFANE is held out for benchmarks/bench_ner.py
KEEP = {"PER", "ORG", "GPE", "LOC", "FAC", "NORP"}
ANERCORP_DEV_START = 3713   # the article "غزة ـ من أشرف أبوالهول": its last 425 sentences, 10.2 % of the tokens
ANERCORP_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "GPE"}   # MISC becomes O
SHARED_RUN = 30     # letters: sentences sharing a run this long are the same text


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


def anercorp_split(sents: list) -> tuple[list, list]:
    """The training part and the development part (its last articles) of ANERcorp's train part."""
    if len(sents) <= ANERCORP_DEV_START or sents[ANERCORP_DEV_START][0][0] != "غزة":
        raise ValueError("anercorp_train.conll is not the expected file: the development cut would move")
    return sents[:ANERCORP_DEV_START], sents[ANERCORP_DEV_START:]


def _letters(sent: list[tuple[str, str]]) -> str:
    return "".join(c for w, _ in sent for c in normalize_word(w) if c.isalpha())


def unseen(sents: list, held_out: list) -> list:
    """``sents`` but those sharing a run of ``SHARED_RUN`` letters (or, if shorter, all theirs) with
    a sentence of ``held_out``."""
    runs = set()
    for s in held_out:
        text = _letters(s)
        runs.update(text[i:i + SHARED_RUN] for i in range(max(1, len(text) - SHARED_RUN + 1)))

    def shared(text: str) -> bool:
        if len(text) < SHARED_RUN:
            return text in runs
        return any(text[i:i + SHARED_RUN] in runs for i in range(0, len(text) - SHARED_RUN + 1))
    return [s for s in sents if not shared(_letters(s))]


def anercorp_tags(tags: list[str]) -> list[str]:
    """ANERcorp's tags as the tagger's (PERS -> PER, LOC -> GPE, MISC -> O)."""
    out = []
    for t in tags:
        kind = ANERCORP_TYPES.get(t[2:]) if t != "O" else None
        out.append(f"{t[:2]}{kind}" if kind else "O")
    return coarse_tags(out, {})


def segmented(words: list[str], tags: list[str], vocab: dict[str, int]) -> tuple[list[str], list[str]]:
    """Normalised words split into the tagger's pieces; a clitic takes O before a name, the name's
    tag inside one (وزارة الخارجية و|التجارة)."""
    out_words, out_tags = [], []
    for w, t in zip(words, tags):
        pieces = segment_word(w, vocab)
        for k, piece in enumerate(pieces):
            out_words.append(piece.text)
            out_tags.append(t if k == len(pieces) - 1 or t.startswith("I-") else "O")
    return out_words, out_tags


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


def _normalised(sent: list[tuple[str, str]]) -> list[str]:
    return [normalize_word(w) or w for w, _ in sent]


def training_data(ner: Path) -> list[tuple[list[str], list[str]]]:
    """Every training sentence as (normalised, segmented words, tags); newswire counts twice."""
    mapping = dict(l.rstrip("\n").split("\t") for l in (ner / "fane_types.tsv").open(encoding="utf-8")
                   if "\t" in l)
    news, news_held = split_newsfane(read_conll(ner / "newsfane_train.conll"))
    aner, aner_dev = anercorp_split(read_conll(ner / "anercorp_train.conll"))
    news, aner = unseen(news, aner_dev), unseen(aner, news_held)
    data = [(_normalised(s), coarse_tags([t for _, t in s], mapping)) for s in news * 2]
    data += [(_normalised(s), coarse_tags([t for _, t in s], mapping)) for s in read_conll(ner / "wikifane.conll")]
    for part in ("train.txt", "val.txt"):
        data += [(_normalised(s), [t for _, t in s]) for s in read_wojood(ner / "wojood_sample" / part)]
    # ANERcorp's words are split as the tagger splits words, by the counts of the corpora split by hand
    vocab = vocabulary(data)
    data += [segmented(_normalised(s), anercorp_tags([t for _, t in s]), vocab) for s in aner * 2]
    print(f"ANERcorp: {len(aner)} sentences trained on, {len(aner_dev)} held out; "
          f"NewsFANE: {len(news)} trained on, {len(news_held)} held out")
    return data


def vocabulary(data: list[tuple[list[str], list[str]]]) -> dict[str, int]:
    """Counts of the words seen at least twice in training (shipped as ``vocab.json``)."""
    counts = Counter(w for words, _ in data for w in words)
    return {w: c for w, c in counts.items() if c >= 2}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--iterations", type=int, default=120)
    ap.add_argument("--c1", type=float, default=0.1, help="L1 penalty: the larger, the fewer weights kept")
    ap.add_argument("--c2", type=float, default=0.1)
    args = ap.parse_args()
    ner = args.shared / "data" / "ner"
    data = training_data(ner)
    write_common_words(data, args.out)
    vocab = vocabulary(data)
    clusters = read_clusters(args.out / "clusters.tsv.gz")
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in data:
        trainer.append(sentence_features(words, vocab, clusters), tags)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    trainer.train(str(args.out / "model.crfsuite"))
    with open(args.out / "vocab.json", "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    print(f"{len(clusters)} words with clusters; trained on {len(data)} sentences, {sum(len(w) for w, _ in data)} tokens "
          f"in {time.time() - t0:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
