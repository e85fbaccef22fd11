"""Near-duplicate articles (wire copies, republished stories) with MinHash and LSH (datasketch)."""
from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["NUM_PERM", "THRESHOLD", "signature", "DuplicateIndex"]

NUM_PERM = 128
SCHEME = "affine32"      # datasketch's hashing scheme; stored signatures are read back with it
THRESHOLD = 0.75         # estimated Jaccard similarity of word 3-shingles
_SHINGLE = 3


def signature(norm_text: str) -> MinHash:
    """MinHash of the word 3-shingles of a normalised text."""
    words = norm_text.split()
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    shingles = {" ".join(words[i:i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class DuplicateIndex:
    """An LSH index of the stored articles' signatures; finds the earlier copy of an article."""

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.sigs: dict[int, MinHash] = {}

    def add(self, article_id: int, sig: MinHash) -> None:
        self.lsh.insert(article_id, sig)
        self.sigs[article_id] = sig

    def find(self, sig: MinHash) -> tuple[int, float] | None:
        """The most similar indexed article at or above the threshold, with its similarity."""
        best = None
        for other in self.lsh.query(sig):
            sim = sig.jaccard(self.sigs[other])
            if sim >= THRESHOLD and (best is None or sim > best[1] or (sim == best[1] and other < best[0])):
                best = (other, sim)
        return best
