"""Decode a linear-chain CRF trained by CRFsuite, reading its model file directly.

CRFsuite's tagger turns every feature name into an attribute id for every word of every
sentence. News repeats its words, so Rasid instead scores a word's features once (a vector of
label scores, cached by the caller) and adds the few features that depend on the sentence; the
Viterbi search is CRFsuite's, on the same weights (``tests/extract/test_crf.py`` checks that both
tag alike). The file layout is CRFsuite's ``crf1d_model.c``: a header, the feature table
(type, source, destination, weight) and two CQDB string tables (labels and attributes).
"""
from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

import numpy as np

__all__ = ["CrfModel"]

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = np.dtype([("type", "<i4"), ("src", "<i4"), ("dst", "<i4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


def _strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk at ``offset``, in id order (from its backward array)."""
    magic, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if magic != b"CQDB":
        raise ValueError("not a CRFsuite model: string table missing")
    strings = []
    for at in struct.unpack_from(f"<{count}I", data, offset + backward):
        _id, size = struct.unpack_from("<II", data, offset + at)
        start = offset + at + 8
        strings.append(data[start:start + size - 1].decode("utf-8"))
    return strings


class CrfModel:
    """A CRFsuite model's labels, attribute ids, state weights and transition weights."""

    def __init__(self, labels: list[str], attributes: list[str], features: np.ndarray) -> None:
        self.labels = labels
        self.attribute_ids = {a: i for i, a in enumerate(attributes)}
        n = len(labels)
        state, trans = features[features["type"] == _STATE], features[features["type"] == _TRANSITION]
        self.weights = np.zeros((len(attributes), n))
        self.weights[state["src"], state["dst"]] = state["weight"]
        self.transitions = np.zeros((n, n))  # [previous label, label]
        self.transitions[trans["src"], trans["dst"]] = trans["weight"]

    @classmethod
    def load(cls, path: Path) -> CrfModel:
        data = path.read_bytes()
        (magic, _size, kind, _version, _count, _labels, _attrs, off_features, off_labels, off_attrs,
         _off_label_refs, _off_attr_refs) = _HEADER.unpack_from(data)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{path}: not a CRFsuite CRF1d model")
        _chunk, _chunk_size, count = struct.unpack_from("<4sII", data, off_features)  # the header's count is 0
        features = np.frombuffer(data, _FEATURE, count, off_features + 12)
        return cls(_strings(data, off_labels), _strings(data, off_attrs), features)

    def scores(self, features: Iterable[tuple[int, str, float | str]], positions: int) -> np.ndarray:
        """Label scores (positions × labels) of ``(position, key, value)`` features; attributes the
        model does not know score nothing."""
        at, rows, values = [], [], []
        ids = self.attribute_ids
        for position, key, value in features:
            row = ids.get(f"{key}:{value}" if isinstance(value, str) else key)
            if row is not None:
                at.append(position)
                rows.append(row)
                values.append(1.0 if isinstance(value, str) else float(value))
        return self.attribute_scores(at, rows, values, positions)

    def attribute_scores(self, at: list[int], attributes: list[int], values: list[float], positions: int) -> np.ndarray:
        """Label scores (positions × labels) of attribute ids with their values, at their positions."""
        state = np.zeros((positions, len(self.labels)))
        if attributes:
            np.add.at(state, at, self.weights[attributes] * np.asarray(values)[:, None])
        return state

    def decode(self, state: np.ndarray) -> list[str]:
        """The best label sequence for ``state`` scores (positions × labels)."""
        return self.decode_all([state])[0]

    def decode_all(self, states: list[np.ndarray]) -> list[list[str]]:
        """The best label sequences of several sentences' ``states``: CRFsuite's Viterbi, ties going
        to the lower label id as there, run on all sentences at once (one step per position of the
        longest sentence; a sentence that has ended keeps its final scores)."""
        order = sorted(range(len(states)), key=lambda k: -len(states[k]))
        lengths = [len(states[k]) for k in order]
        if not lengths or lengths[0] == 0:
            return [[] for _ in states]
        padded = np.zeros((lengths[0], len(states), len(self.labels)))  # [position, sentence, label]
        for b, k in enumerate(order):
            padded[:lengths[b], b] = states[k]
        back = np.zeros(padded.shape, dtype=np.intp)
        score = padded[0].copy()
        active = len(states)
        for t in range(1, lengths[0]):
            while lengths[active - 1] <= t:
                active -= 1
            candidates = score[:active, :, None] + self.transitions
            back[t, :active] = candidates.argmax(axis=1)
            score[:active] = np.maximum.reduce(candidates, axis=1) + padded[t, :active]
        paths: list[list[str]] = [[] for _ in states]
        for b, k in enumerate(order):
            if not lengths[b]:
                continue
            best = [int(score[b].argmax())]
            for t in range(lengths[b] - 1, 0, -1):
                best.append(int(back[t, b, best[-1]]))
            paths[k] = [self.labels[i] for i in reversed(best)]
        return paths
