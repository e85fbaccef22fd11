"""The statistical NER tagger: a linear-chain CRF (CRFsuite) over clitic-segmented words.

The tagger is trained on the FANE corpora (``scripts/train_ner.py``, ``make model``), whose words
have their proclitics (و ف ب ل ك) split off. At inference a word is split the same way when the
training vocabulary (shipped with the model) has seen the stem more often than the whole word.
Training (CRFsuite, ``sentence_features``) and tagging (``rasid.extract.crf``) read the same
features: ``word_features`` and ``_sentence_parts``.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..resources import DATA, lexicon
from ..text.normalize import normalize_word
from .crf import CrfModel
from .lookup import first_words

__all__ = ["NerTagger", "Piece", "segment_word", "sentence_features", "tagger"]

MODEL_DIR = DATA / "models" / "ner"
_PROCLITICS = "وفبلك"
_CACHED_WORDS = 1 << 15
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


def _word_features(w: str, vocab: dict[str, int]) -> dict[str, float | str]:
    lex = lexicon()
    bare = w[2:] if w.startswith("ال") and len(w) > 4 else w
    f: dict[str, float | str] = {
        "w": w, "bare": bare, "shape": _shape(w), "len": min(len(w), 8),
        "p2": w[:2], "p3": w[:3], "s1": w[-1:], "s2": w[-2:], "s3": w[-3:],
        "al": float(w.startswith("ال")),
        "rare": float(vocab.get(w, 0) < 3),
    }
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
                 "demonym", "org_head", "loc_cue", "per_cue", "s2")
_OFFSETS = (-2, -1, 1, 2)
_CONTEXT_NAMES = {d: {k: f"{d}:{k}" for k in _CONTEXT_KEYS} for d in _OFFSETS}
_LEX_NAMES = {d: f"{d}:lex" for d in _OFFSETS}
_PAD_NAMES = {d: f"{d}:pad" for d in _OFFSETS}


class WordFeatures(NamedTuple):
    """A word's own features, and those it lends its neighbours (keys prefixed by the offset)."""

    own: dict[str, float | str]
    lent: dict[int, dict[str, float | str]]


def word_features(w: str, vocab: dict[str, int]) -> WordFeatures:
    """What a word contributes to the features of a sentence, whatever the sentence."""
    own = _word_features(w, vocab)
    context = [(k, own[k]) for k in _CONTEXT_KEYS if k in own]
    return WordFeatures(own, {d: {_CONTEXT_NAMES[d][k]: v for k, v in context} for d in _OFFSETS})


_LENT = object()  # marks where a neighbour lends its features in ``_sentence_parts``


def _sentence_parts(words: list[str], lex: list[str | None], i: int) -> Iterator[tuple[object, float | str]]:
    """The features of word ``i`` that depend on its sentence, in order; ``(_LENT, d)`` stands
    where the word at offset ``d`` lends its own (``WordFeatures.lent[d]``)."""
    if lex[i]:
        yield "lex", lex[i]
    for d in _OFFSETS:
        j = i + d
        if 0 <= j < len(words):
            if lex[j]:
                yield _LEX_NAMES[d], lex[j]
            yield _LENT, d
        else:
            yield _PAD_NAMES[d], 1.0
    if i > 0:
        yield "bigram-1", words[i - 1] + "|" + words[i]
    if i + 1 < len(words):
        yield "bigram+1", words[i] + "|" + words[i + 1]


def sentence_features(words: list[str], vocab: dict[str, int]) -> list[dict[str, float | str]]:
    """CRF features for a sentence of normalised, segmented words (what the tagger is trained on)."""
    views = [word_features(w, vocab) for w in words]
    lex = _lexicon_tags(words)
    feats = []
    for i, view in enumerate(views):
        x = dict(view.own)
        for key, value in _sentence_parts(words, lex, i):
            if key is _LENT:
                x.update(views[i + value].lent[value])
            else:
                x[key] = value
        feats.append(x)
    return feats


class NerTagger:
    """A trained CRF with the vocabulary it was trained on.

    Tagging adds up, per word, the label scores of its own features and of those its neighbours
    lend it (both cached per word: news repeats its words), then the scores of the features that
    depend on the sentence, and decodes; the result is that of CRFsuite on ``sentence_features``.
    """

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.model = CrfModel.load(model_dir / "model.crfsuite")
        with open(model_dir / "vocab.json", encoding="utf-8") as f:
            self.vocab: dict[str, int] = json.load(f)
        with open(model_dir / "common_words.json", encoding="utf-8") as f:
            self.common_words: frozenset[str] = frozenset(json.load(f))
        self.word_scores = lru_cache(maxsize=_CACHED_WORDS)(self._word_scores)

    def _word_scores(self, word: str) -> np.ndarray:
        """Label scores of a word's own features (row 0) and of those it lends at each offset."""
        view = word_features(word, self.vocab)
        scores = self.model.scores(chain(((0, k, v) for k, v in view.own.items()),
                                         ((row, k, v) for row, d in enumerate(_OFFSETS, 1)
                                          for k, v in view.lent[d].items())), 1 + len(_OFFSETS))
        scores.setflags(write=False)  # shared by every sentence the word is in
        return scores

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels for normalised, already segmented words."""
        if not words:
            return []
        lex = _lexicon_tags(words)
        state = self.model.scores(((i, key, value) for i in range(len(words))
                                   for key, value in _sentence_parts(words, lex, i) if key is not _LENT),
                                  len(words))
        views = np.stack([self.word_scores(w) for w in words])
        state += views[:, 0]
        for row, d in enumerate(_OFFSETS, 1):
            if d < 0:
                state[-d:] += views[:d, row]
            else:
                state[:-d] += views[d:, row]
        return self.model.decode(state)


@cache
def tagger() -> NerTagger:
    """The process-wide tagger (loaded on first use)."""
    return NerTagger()
