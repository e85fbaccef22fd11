"""The statistical NER tagger: a linear-chain CRF (CRFsuite) over clitic-segmented words.

The tagger is trained on the FANE corpora, whose words have their proclitics (و ف ب ل ك) split
off, and on ANERcorp, whose words are split as at inference (``scripts/train_ner.py``, ``make
model``): a word is split when the training vocabulary (shipped with the model) has seen the stem
more often than the whole word. A word's clusters (``clusters.tsv.gz``, built from unlabelled news
by ``scripts/build_clusters.py``) are features of it and of its neighbours. Training (CRFsuite, ``sentence_features``) and tagging (``rasid.extract.crf``) read the same
features, defined once: a word's own (``_word_features``), those it lends its neighbours
(``_CONTEXT_KEYS``, named by offset) and those that depend on the sentence (``_sentence_parts``).
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..resources import DATA, lexicon
from ..text.normalize import normalize_word
from .crf import CrfModel
from .lookup import first_words

__all__ = ["NerTagger", "Piece", "read_clusters", "segment_word", "sentence_features", "tagger"]

MODEL_DIR = DATA / "models" / "ner"
_PROCLITICS = "وفبلك"
_CACHED_WORDS = 1 << 15   # words whose label scores are kept (17 MB of float64)
_BATCH_WORDS = 4096     # words tagged at once (an article's sentences, a long one in parts)
_ORG_HEADS = {normalize_word(w) for w in (
    "وزارة حزب حركة جامعة شركة منظمة مجلس وكالة بنك نادي هيئة جمعية مؤسسة اتحاد جبهة "
    "تنظيم جماعة صحيفة قناة مركز معهد محكمة لجنة كتائب قوات جيش الحكومة الجيش").split()}
_LOC_CUES = {normalize_word(w) for w in "في من الى إلى مدينة منطقة محافظة ولاية عاصمة بلدة قرية شمال جنوب شرق غرب".split()}
_PER_CUES = {normalize_word(w) for w in "قال قالت اكد أكد اضاف أضاف بن ابن أبو ابو السيد السيدة".split()}


@dataclass(frozen=True, slots=True)
class Piece:
    """A segment of a word: ``offset``/``length`` are relative to the word's normalised form."""

    text: str
    offset: int


def segment_word(word: str, vocab: dict[str, int]) -> list[Piece]:
    """Split proclitics off ``word`` when the stem is better attested than the whole word."""
    pieces: list[Piece] = []
    offset = 0
    for _ in range(2):
        if len(word) > 3 and word[0] in _PROCLITICS and vocab.get(word[1:], 0) > vocab.get(word, 0):
            pieces.append(Piece(word[0], offset))
            word, offset = word[1:], offset + 1
        else:
            break
    pieces.append(Piece(word, offset))
    return pieces


def _shape(w: str) -> str:
    if w.isdigit():
        return "digit"
    if not w[:1].isalnum():
        return "punct"
    if w.isascii():
        return "latin"
    return "ar"


Clusters = dict[str, tuple[str, ...]]


def read_clusters(path: Path) -> Clusters:
    """Word -> its cluster ids, finest first (``scripts/build_clusters.py``); none without the file."""
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {word: tuple(ids) for word, *ids in (line.rstrip("\n").split("\t") for line in f)}


def _word_features(w: str, vocab: dict[str, int], clusters: Clusters) -> dict[str, float | str]:
    lex = lexicon()
    bare = w[2:] if w.startswith("ال") and len(w) > 4 else w
    f: dict[str, float | str] = {
        "w": w, "bare": bare, "shape": _shape(w), "len": min(len(w), 8),
        "p2": w[:2], "p3": w[:3], "s1": w[-1:], "s2": w[-2:], "s3": w[-3:],
        "al": float(w.startswith("ال")),
        "rare": float(vocab.get(w, 0) < 3),
    }
    for key, cluster in zip(_CLUSTER_KEYS, clusters.get(w, ())):
        f[key] = cluster
    if w in lex.place_tokens:
        f["gaz_place"] = 1.0
    if w in lex.org_tokens:
        f["gaz_org"] = 1.0
    if w in lex.person_tokens:
        f["gaz_person"] = 1.0
    if w in lex.first_names:
        f["first_name"] = 1.0
    if w in lex.title_tokens:
        f["title"] = 1.0
    if w in lex.demonyms:
        f["demonym"] = 1.0
    if w in _ORG_HEADS:
        f["org_head"] = 1.0
    if w in _LOC_CUES:
        f["loc_cue"] = 1.0
    if w in _PER_CUES:
        f["per_cue"] = 1.0
    return f


_CLUSTER_KEYS = ("k1", "k2", "k3")   # a word's cluster, finest first
_KIND_CODE = {"place": "P", "org": "O", "person": "H", "group": "G"}


def _lexicon_tags(words: list[str]) -> list[str | None]:
    """BIO marks of the longest lexicon phrases (places, organisations, people, titles) over words."""
    lex = lexicon()
    tags: list[str | None] = [None] * len(words)
    entity_starts, title_starts = first_words(lex.entities), first_words(lex.titles)
    i = 0
    while i < len(words):
        if words[i] not in entity_starts and words[i] not in title_starts:
            i += 1
            continue
        for n in range(min(lex.max_len, len(words) - i), 0, -1):
            key = tuple(words[i:i + n])
            entry = lex.entities.get(key)
            code = _KIND_CODE.get(entry.kind) if entry else ("T" if key in lex.titles else None)
            if code:
                tags[i:i + n] = [f"B-{code}"] + [f"I-{code}"] * (n - 1)
                i += n
                break
        else:
            i += 1
    return tags


_CONTEXT_KEYS = ("w", "bare", "shape", "gaz_place", "gaz_org", "gaz_person", "first_name", "title",
                 "demonym", "org_head", "loc_cue", "per_cue", "s2", *_CLUSTER_KEYS)
_OFFSETS = (-2, -1, 1, 2)
_CONTEXT_NAMES = {d: {k: f"{d}:{k}" for k in _CONTEXT_KEYS} for d in _OFFSETS}
_LEX_NAMES = {d: f"{d}:lex" for d in _OFFSETS}
_PAD_NAMES = {d: f"{d}:pad" for d in _OFFSETS}


class WordFeatures(NamedTuple):
    """A word's own features, and those of them it lends its neighbours (``context``)."""

    own: dict[str, float | str]
    context: list[tuple[str, float | str]]

    def lent(self, d: int) -> list[tuple[str, float | str]]:
        """The features the word lends the word at offset ``-d`` from it (keys prefixed by ``d``)."""
        names = _CONTEXT_NAMES[d]
        return [(names[k], v) for k, v in self.context]


def word_features(w: str, vocab: dict[str, int], clusters: Clusters) -> WordFeatures:
    """What a word contributes to the features of a sentence, whatever the sentence."""
    own = _word_features(w, vocab, clusters)
    return WordFeatures(own, [(k, own[k]) for k in _CONTEXT_KEYS if k in own])


_LENT = object()  # marks where a neighbour lends its features in ``_sentence_parts``


def _sentence_parts(words: list[str], lex: list[str | None], lent: bool = True) -> list[tuple[int, object, float | str]]:
    """The features of a sentence's words that depend on the sentence, as ``(position, key, value)``
    in order; with ``lent``, ``(i, _LENT, d)`` stands where the word at offset ``d`` lends word
    ``i`` its own (``WordFeatures.lent(d)``)."""
    parts: list[tuple[int, object, float | str]] = []
    n = len(words)
    for i in range(n):
        if lex[i]:
            parts.append((i, "lex", lex[i]))
        for d in _OFFSETS:
            j = i + d
            if 0 <= j < n:
                if lex[j]:
                    parts.append((i, _LEX_NAMES[d], lex[j]))
                if lent:
                    parts.append((i, _LENT, d))
            else:
                parts.append((i, _PAD_NAMES[d], 1.0))
        if i > 0:
            parts.append((i, "bigram-1", words[i - 1] + "|" + words[i]))
        if i + 1 < n:
            parts.append((i, "bigram+1", words[i] + "|" + words[i + 1]))
    return parts


def sentence_features(words: list[str], vocab: dict[str, int], clusters: Clusters) -> list[dict[str, float | str]]:
    """CRF features for a sentence of normalised, segmented words (what the tagger is trained on)."""
    views = [word_features(w, vocab, clusters) for w in words]
    feats = [dict(view.own) for view in views]
    for i, key, value in _sentence_parts(words, _lexicon_tags(words)):
        if key is _LENT:
            feats[i].update(views[i + value].lent(value))
        else:
            feats[i][key] = value
    return feats


def _lent_attributes(attribute_ids: dict[str, int]) -> dict[str, tuple[tuple[int, int], ...]]:
    """For each context feature the model knows (``w:قال``, ``gaz_place``), the attributes it lends
    its neighbours: ``(row, attribute id)``, row ``r`` for the offset ``_OFFSETS[r - 1]``."""
    rows = {str(d): row for row, d in enumerate(_OFFSETS, 1)}
    lent: dict[str, list[tuple[int, int]]] = {}
    for name, attribute in attribute_ids.items():
        prefix, _, feature = name.partition(":")
        if prefix in rows and feature.partition(":")[0] in _CONTEXT_KEYS:
            lent.setdefault(feature, []).append((rows[prefix], attribute))
    return {feature: tuple(sorted(pairs)) for feature, pairs in lent.items()}


class _WordScores:
    """Label scores of words' own features (row 0) and of those they lend at each offset (rows
    1…), one table row per word, computed on first sight. The table starts afresh when full."""

    def __init__(self, score: Callable[[list[str]], np.ndarray], capacity: int, labels: int) -> None:
        self._score = score
        self._rows: dict[str, int] = {}
        self._table = np.empty((capacity, 1 + len(_OFFSETS), labels))

    def clear(self) -> None:
        """Forget every word's scores."""
        self._rows.clear()

    def __call__(self, words: list[str]) -> np.ndarray:
        """The scores of ``words`` (words × rows × labels)."""
        if len(words) > len(self._table):  # more words than the table holds: not cached
            return self._score(words)
        rows, table = self._rows, self._table
        if len(rows) + len(words) > len(table):
            rows.clear()
        new = [w for w in dict.fromkeys(words) if w not in rows]
        if new:
            table[len(rows):len(rows) + len(new)] = self._score(new)
            rows.update((w, r) for r, w in enumerate(new, len(rows)))
        return table[[rows[w] for w in words]]


class NerTagger:
    """A trained CRF with the vocabulary it was trained on.

    Tagging adds up, per word, the label scores of the features that depend on the sentence, of
    its own features and of those its neighbours lend it (both cached per word: news repeats its
    words), and decodes all sentences of a batch at once; the result is that of CRFsuite on
    ``sentence_features``.
    """

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.model = CrfModel.load(model_dir / "model.crfsuite")
        with open(model_dir / "vocab.json", encoding="utf-8") as f:
            self.vocab: dict[str, int] = json.load(f)
        with open(model_dir / "common_words.json", encoding="utf-8") as f:
            self.common_words: frozenset[str] = frozenset(json.load(f))
        self.clusters = read_clusters(model_dir / "clusters.tsv.gz")
        self._lent = _lent_attributes(self.model.attribute_ids)
        self.word_scores = _WordScores(self._word_scores, _CACHED_WORDS, len(self.model.labels))
        self.segments = lru_cache(maxsize=1 << 16)(self._segments)

    def _segments(self, word: str) -> tuple[Piece, ...]:
        """``word`` split as the tagger was trained (``segment_word``; cached per word)."""
        return tuple(segment_word(word, self.vocab))

    def _word_scores(self, words: list[str]) -> np.ndarray:
        """Label scores of each word's own features (row 0) and of those it lends at each offset."""
        rows = 1 + len(_OFFSETS)
        ids, lent = self.model.attribute_ids, self._lent
        at, attributes, values = [], [], []
        for k, word in enumerate(words):
            for key, value in _word_features(word, self.vocab, self.clusters).items():
                name, weight = (f"{key}:{value}", 1.0) if isinstance(value, str) else (key, float(value))
                own = ids.get(name)
                if own is not None:
                    at.append(k * rows)
                    attributes.append(own)
                    values.append(weight)
                for row, attribute in lent.get(name, ()):
                    at.append(k * rows + row)
                    attributes.append(attribute)
                    values.append(weight)
        return self.model.attribute_scores(at, attributes, values, len(words) * rows).reshape(len(words), rows, -1)

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels for normalised, already segmented words."""
        return self.tag_all([words])[0]

    def tag_all(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for each sentence of normalised, already segmented words."""
        out: list[list[str]] = []
        batch: list[list[str]] = []
        size = 0
        for words in sentences:
            if batch and size + len(words) > _BATCH_WORDS:
                out += self._tag_batch(batch)
                batch, size = [], 0
            batch.append(words)
            size += len(words)
        return out + self._tag_batch(batch) if batch else out

    def _tag_batch(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for a batch of sentences, scored together and decoded at once."""
        words = [w for s in sentences for w in s]
        starts = list(accumulate(map(len, sentences), initial=0))
        parts = [(start + i, key, value) for sent, start in zip(sentences, starts)
                 for i, key, value in _sentence_parts(sent, _lexicon_tags(sent), lent=False)]
        state = self.model.scores(parts, len(words))
        views = self.word_scores(words)
        state += views[:, 0]
        place = np.concatenate([np.arange(len(s)) for s in sentences])
        size = np.repeat([len(s) for s in sentences], [len(s) for s in sentences])
        for row, d in enumerate(_OFFSETS, 1):  # what the word at offset d lends, within its sentence
            at = np.flatnonzero((place + d >= 0) & (place + d < size))
            state[at] += views[at + d, row]
        return self.model.decode_all([state[a:b] for a, b in zip(starts, starts[1:])])


@cache
def tagger() -> NerTagger:
    """The process-wide tagger (loaded on first use, from ``MODEL_DIR``)."""
    return NerTagger(MODEL_DIR)
