"""Build the NER tagger's word clusters (``make clusters``) from unlabelled Arabic news.

Text: the 31,030 SaudiNewsNet articles (title and content) and the words of the NER training
sentences (``train_ner.training_data``: no development sentence). Words are normalised and split
into the tagger's pieces (``segment_word`` with the training vocabulary), as the tagger sees them.

Word vectors: positive pointwise mutual information of words with their neighbours (two either
side, the nearer counting double; context counts smoothed by the power 0.75), reduced to
``--dims`` dimensions by a randomised SVD. Clusters: k-means over the unit-length vectors of the
``--words`` most frequent words, ``--fine`` clusters, then k-means over their centres (weighted by
size) for ``--mid`` and ``--coarse`` clusters, so that the three ids nest like the prefixes of a
Brown cluster path. Every random choice takes ``--seed``.

Output: ``clusters.tsv.gz`` in the model directory (word, fine, mid, coarse ids) and
``clusters.json`` (provenance: inputs, settings, sizes).

    .venv/bin/python scripts/build_clusters.py --shared ../shared
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.utils.extmath import randomized_svd

from rasid.extract.ner import MODEL_DIR, segment_word
from rasid.text.normalize import normalize
from rasid.text.tokenize import tokenize

from train_ner import training_data, vocabulary

WINDOW = 2


def news_words(path: Path, vocab: dict[str, int]) -> list[list[str]]:
    """Each article of SaudiNewsNet as the tagger's pieces of its title and content."""
    docs = []
    cache: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            text = (record.get("title") or "") + "\n" + (record.get("content") or "")
            words = []
            for t in tokenize(normalize(text)):
                pieces = cache.get(t.norm)
                if pieces is None:
                    pieces = cache[t.norm] = [p.text for p in segment_word(t.norm, vocab)]
                words += pieces
            docs.append(words)
    return docs


def cooccurrences(docs: list[list[str]], ids: dict[str, int]) -> sparse.csr_matrix:
    """Counts of word pairs at most ``WINDOW`` apart within a document, weighted 1/distance."""
    n = len(ids)
    stream = np.fromiter((ids.get(w, -1) for d in docs for w in [*d, None]), dtype=np.int64)
    total = sparse.csr_matrix((n, n))
    for d in range(1, WINDOW + 1):
        a, b = stream[:-d], stream[d:]
        keep = (a >= 0) & (b >= 0)
        a, b = a[keep], b[keep]
        m = sparse.coo_matrix((np.full(len(a), 1.0 / d), (a, b)), shape=(n, n)).tocsr()
        total = total + m + m.T
    return total


def ppmi(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Positive PMI with context counts raised to the power 0.75."""
    counts = counts.tocoo()
    rows = np.asarray(counts.sum(axis=1)).ravel()
    cols = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
    pmi = np.log(counts.data * cols.sum() / (rows[counts.row] * cols[counts.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (counts.row[keep], counts.col[keep])), shape=counts.shape)


def nested_clusters(vectors: np.ndarray, sizes: tuple[int, int, int], seed: int) -> np.ndarray:
    """Fine, mid and coarse cluster ids (words × 3), the coarser ones clustering the finer centres."""
    fine = KMeans(sizes[0], n_init=1, max_iter=60, random_state=seed).fit(vectors)
    centres, weight, labels = fine.cluster_centers_, np.bincount(fine.labels_, minlength=sizes[0]), [fine.labels_]
    for k in sizes[1:]:
        upper = KMeans(k, n_init=4, random_state=seed).fit(centres, sample_weight=weight + 1e-3)
        labels.append(upper.labels_[labels[-1]])
        centres = upper.cluster_centers_
        weight = np.bincount(upper.labels_, weights=weight, minlength=k)
    return np.stack(labels, axis=1)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--words", type=int, default=60000)
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--fine", type=int, default=1000)
    ap.add_argument("--mid", type=int, default=200)
    ap.add_argument("--coarse", type=int, default=40)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    t0 = time.time()
    labelled = training_data(args.shared / "data" / "ner")
    vocab = vocabulary(labelled)
    news_path = args.shared / "data" / "news" / "saudinewsnet.jsonl.gz"
    docs = news_words(news_path, vocab) + [words for words, _ in labelled]
    counts = Counter(w for d in docs for w in d)
    words = [w for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if any(ch.isalpha() for ch in w)]
    words = words[:args.words]
    ids = {w: i for i, w in enumerate(words)}
    u, s, _ = randomized_svd(ppmi(cooccurrences(docs, ids)), args.dims, random_state=args.seed)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    labels = nested_clusters(vectors, (args.fine, args.mid, args.coarse), args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out / "clusters.tsv.gz", "wb", mtime=0) as raw:  # the same bytes on every run
        raw.write("".join(f"{w}\t{a}\t{b}\t{c}\n" for w, (a, b, c) in zip(words, labels.tolist())).encode("utf-8"))
    provenance = {
        "built_by": "scripts/build_clusters.py (make clusters)",
        "inputs": {"saudinewsnet.jsonl.gz": {"articles": len(docs) - len(labelled), "sha256": _sha256(news_path)},
                   "ner training sentences": len(labelled)},
        "tokens": sum(counts.values()), "words": len(words), "window": WINDOW, "dims": args.dims,
        "clusters": {"fine": args.fine, "mid": args.mid, "coarse": args.coarse}, "seed": args.seed,
    }
    with open(args.out / "clusters.json", "w", encoding="utf-8") as f:
        json.dump(provenance, f, ensure_ascii=False, indent=1)
    print(f"{len(words)} words in {args.fine}/{args.mid}/{args.coarse} clusters from {provenance['tokens']} tokens "
          f"in {time.time() - t0:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
