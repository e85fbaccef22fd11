"""Is this Arabic? Script share first, then lingua to tell Arabic from Persian and Urdu."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from lingua import Language, LanguageDetectorBuilder

from ..errors import InputError, NotArabicError

__all__ = ["check_arabic", "MAX_CHARS"]

MAX_CHARS = 1_000_000          # ~200 pages: larger input is refused, not silently cut
_MIN_LETTERS = 20
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_NON_LETTER = re.compile(r"[\W\d_]+")
_SAMPLE = 3000                 # characters whose letters are counted
_LANGUAGE_SAMPLE = 500         # characters lingua reads: enough to tell Arabic from Persian and Urdu (the same
                               # verdicts on all of SaudiNewsNet as 1,000, in half the time)


@cache
def _detector():
    """Arabic, Persian and Urdu; their models load on first use: a text of 120 letters or more needs
    only the trigram models (about 0.04 s here), a shorter one the rest (about 0.6 s, once). Preloading
    them all took a second of every process's start, for the same verdicts."""
    return LanguageDetectorBuilder.from_languages(Language.ARABIC, Language.PERSIAN, Language.URDU).build()


def check_arabic(text: str) -> str:
    """Return "ar" or raise with a message saying what the text is instead."""
    if len(text) > MAX_CHARS:
        raise InputError(f"input too large: {len(text):,} characters (limit {MAX_CHARS:,}); split it into articles")
    sample = text[:_SAMPLE]
    letters = _NON_LETTER.sub("", sample)
    if len(letters) < _MIN_LETTERS:
        raise InputError("no text to analyse" if not letters else f"too little text to analyse ({len(letters)} letters)")
    arabic = len(letters) - len(_ARABIC_SCRIPT.sub("", letters))
    if arabic < 0.5 * len(letters):
        raise NotArabicError(f"not Arabic: only {arabic / len(letters):.0%} of the letters are in Arabic script")
    # presentation forms (ﺧﻼﻓﺎﺕ, from old typesetting) read as standard letters: lingua took them for Urdu
    lang = _detector().detect_language_of(unicodedata.normalize("NFKC", sample[:_LANGUAGE_SAMPLE]))
    if lang in (Language.PERSIAN, Language.URDU):
        raise NotArabicError(f"not Arabic: the text is {lang.name.title()}")
    return "ar"
