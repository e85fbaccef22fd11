"""The statistical NER tagger: a linear-chain CRF (CRFsuite) over clitic-segmented words.

The tagger is trained on the FANE corpora (``scripts/train_ner.py``, ``make model``), whose words
have their proclitics (و ف ب ل ك) split off. At inference a word is split the same way when the
training vocabulary (shipped with the model) has seen the stem more often than the whole word.
Features are shared by training and inference through ``sentence_features``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

from ..resources import DATA, lexicon
from ..text.normalize import normalize_word

__all__ = ["NerTagger", "Piece", "segment_word", "sentence_features", "tagger"]

MODEL_DIR = DATA / "models" / "ner"
_PROCLITICS = "وفبلك"
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
    i = 0
    while i < len(words):
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


_CONTEXT_KEYS = ("lex", "w", "bare", "shape", "gaz_place", "gaz_org", "gaz_person", "first_name", "title",
                 "demonym", "org_head", "loc_cue", "per_cue", "s2")


def sentence_features(words: list[str], vocab: dict[str, int]) -> list[dict[str, float | str]]:
    """CRF features for a sentence of normalised, segmented words."""
    base = [_word_features(w, vocab) for w in words]
    for f, tag in zip(base, _lexicon_tags(words)):
        if tag:
            f["lex"] = tag
    feats = []
    for i, f in enumerate(base):
        x = dict(f)
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(base):
                for k in _CONTEXT_KEYS:
                    if k in base[j]:
                        x[f"{d}:{k}"] = base[j][k]
            else:
                x[f"{d}:pad"] = 1.0
        if i > 0:
            x["bigram-1"] = words[i - 1] + "|" + words[i]
        if i + 1 < len(words):
            x["bigram+1"] = words[i] + "|" + words[i + 1]
        feats.append(x)
    return feats


class NerTagger:
    """A trained CRF with the vocabulary it was trained on."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_dir / "model.crfsuite"))
        with open(model_dir / "vocab.json", encoding="utf-8") as f:
            self.vocab: dict[str, int] = json.load(f)
        with open(model_dir / "common_words.json", encoding="utf-8") as f:
            self.common_words: frozenset[str] = frozenset(json.load(f))

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels for normalised, already segmented words."""
        if not words:
            return []
        return self.tagger.tag(sentence_features(words, self.vocab))


@cache
def tagger() -> NerTagger:
    """The process-wide tagger (loaded on first use)."""
    return NerTagger()
