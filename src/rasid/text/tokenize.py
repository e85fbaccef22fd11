"""Tokens with offsets into the original text, and clitic-aware stem candidates."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalize import Normalized

__all__ = ["Token", "tokenize", "stem_candidates", "ARABIC_LETTER_RE"]

# A word: letters and digits (with inner . , for numbers); anything else is one punctuation token.
_TOKEN_RE = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:[-'][^\W\d_]+)*|\S", re.UNICODE)
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")

_CONJ = "وف"
_PREP = "بلك"


@dataclass(frozen=True, slots=True)
class Token:
    """A token: ``start``/``end`` index the original text, ``norm`` is its normalised form."""

    i: int
    start: int
    end: int
    text: str
    norm: str
    nstart: int  # where ``norm`` starts in the normalised text

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()

    @property
    def is_arabic(self) -> bool:
        return bool(ARABIC_LETTER_RE.match(self.norm))


def tokenize(norm: Normalized) -> list[Token]:
    """Split the normalised text into tokens, each mapped back to the original offsets."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(norm.text):
        start, end = norm.span(m.start(), m.end())
        tokens.append(Token(len(tokens), start, end, norm.original[start:end], m.group(), m.start()))
    return tokens


@lru_cache(maxsize=1 << 16)
def stem_candidates(word: str) -> tuple[tuple[int, str], ...]:
    """Readings of a normalised word with its proclitics (و ف ب ل ك ال لل) removed.

    Returns ``(prefix_length, stem)`` pairs (cached: one tuple per word), longest stem first; ``prefix_length`` counts
    characters of ``word`` that belong to clitics, so the stem's span can be found.
    The article ``ال`` is kept on the stem (lexicon keys carry it); ``لل`` yields ``ال``.
    """
    out = [(0, word)]
    conj = [(0, word)]
    if len(word) > 3 and word[0] in _CONJ:
        conj.append((1, word[1:]))
        out.append((1, word[1:]))
    for p, w in conj:
        if len(w) > 3 and w.startswith("لل"):
            out.append((p + 1, "ا" + w[1:]))  # لل + stem = ل + ال + stem; span starts at the second ل
        if len(w) > 3 and w[0] in _PREP:
            out.append((p + 1, w[1:]))
    return tuple(out)
