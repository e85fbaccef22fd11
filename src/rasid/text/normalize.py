"""Arabic orthographic normalisation for matching, with a map back to the original text.

Every function here keeps or records offsets: the analysed text is never rewritten, matching runs
on a normalised copy (``Normalized.text``) and ``Normalized.span`` converts a span of the copy
back to the original string.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Normalized", "normalize", "normalize_word"]

_DROP = frozenset(
    [chr(c) for c in range(0x064B, 0x0653)]  # harakat, shadda, sukun
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]  # dagger alef, tatweel, joiners, marks
)
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك", "ہ": "ه", "ە": "ه",
    "٪": "%",
}
_FOLD.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_FOLD.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Extended (Persian) digits


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Normalise one character; presentation forms may expand (ﻻ -> لا)."""
    if ch in _DROP:
        return ""
    if ch in _FOLD:
        return _FOLD[ch]
    code = ord(ch)
    if 0xFB50 <= code <= 0xFEFF or 0xFF00 <= code <= 0xFFEF:  # presentation forms, full width
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch:  # unassigned code points and the like stay as they are
            return "".join(_fold_char(c) for c in folded)
    if ch in "\u00a0\u2007\u202f\t\r\x0b\x0c":
        return " "
    return ch


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised copy of ``original`` and, for each of its characters, the source index."""

    original: str
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the original text."""
        if end <= start:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        stop = self.index[end - 1] + 1
        while stop < len(self.original) and self.original[stop] in _DROP:  # trailing harakat, tatweel
            stop += 1
        return self.index[start], stop


# every character ``_fold_char`` may change, and what it becomes: normalising is then one str.translate
_CHANGED = {*_DROP, *_FOLD, *"\u00a0\u2007\u202f\t\r\x0b\x0c", *map(chr, range(0xFB50, 0xFFF0))}
_TABLE = {ord(ch): _fold_char(ch) for ch in _CHANGED if _fold_char(ch) != ch}
_RESIZED = re.compile("[" + re.escape("".join(chr(c) for c, f in _TABLE.items() if len(f) != 1)) + "]")


def normalize(text: str) -> Normalized:
    """Fold hamza/alef forms, alef maqsura, ta marbuta and digits; drop diacritics and tatweel."""
    index: list[int] = []
    pos = 0
    for m in _RESIZED.finditer(text):  # characters dropped or expanded (ﻻ -> لا)
        index.extend(range(pos, m.start()))
        index.extend([m.start()] * len(_TABLE[ord(m[0])]))
        pos = m.end()
    index.extend(range(pos, len(text)))
    return Normalized(text, text.translate(_TABLE), tuple(index))


def normalize_word(word: str) -> str:
    """The normalised form of a word or phrase (no offsets kept), for lexicon keys."""
    return " ".join("".join(_fold_char(c) for c in word).split())

