"""Numbers written in digits (either digit set) or words (ألفين وخمسمائة = 2500)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..resources import read_tsv
from ..text.normalize import normalize_word
from ..text.tokenize import Token, stem_candidates
from .lookup import first_words

__all__ = ["NumberSpan", "read_number"]


@dataclass(frozen=True, slots=True)
class NumberSpan:
    first: int          # token indices [first, last)
    last: int
    value: float | int
    start: int          # offset of the number itself, after any proclitic


@cache
def _words() -> dict[tuple[str, ...], tuple[int, str]]:
    return {tuple(normalize_word(w).split()): (int(v), role) for w, v, role in read_tsv("lexicons/numbers.tsv")}


def _digits(tok: Token) -> float | int | None:
    s = tok.norm.replace("٬", "").replace("٫", ".")
    if "," in s:
        s = s.replace(",", "") if all(len(p) == 3 for p in s.split(",")[1:]) else s.replace(",", ".")
    try:
        return int(s) if s.isdigit() else float(s)
    except ValueError:
        return None


def _word_at(tokens: list[Token], i: int, allow_conj: bool) -> tuple[int, int, str, int] | None:
    """(value, role, n_tokens, prefix) of a number word at token ``i``."""
    table = _words()
    firsts = first_words(table)
    for prefix, stem in stem_candidates(tokens[i].norm):
        if stem not in firsts or (prefix and not (allow_conj and prefix == 1 and tokens[i].norm[0] == "و")):
            continue
        for n in (2, 1):
            key = (stem, *(t.norm for t in tokens[i + 1:i + n]))
            if len(key) == n and key in table:
                value, role = table[key]
                return value, role, n, prefix
    return None


def read_number(tokens: list[Token], i: int) -> NumberSpan | None:
    """The number starting at token ``i``: digits with an optional scale word, or number words."""
    tok = tokens[i]
    if tok.norm[:1].isdigit():
        value = _digits(tok)
        if value is None:
            return None
        last = i + 1
        if last < len(tokens):
            scale = _word_at(tokens, last, allow_conj=False)
            if scale and scale[1] == "scale":
                value, last = value * scale[0], last + scale[2]
        return NumberSpan(i, last, value, tok.start)
    first = _word_at(tokens, i, allow_conj=False)
    if first is None or first[3]:
        return None
    total, group, j = 0, 0, i
    while j < len(tokens):
        w = _word_at(tokens, j, allow_conj=j > i)
        if w is None:
            break
        value, role, n, _ = w
        if role == "scale":
            group = (group or 1) * value
            total, group = total + group, 0
        else:
            group += value
        j += n
    total += group
    return NumberSpan(i, j, total, tok.start) if total else None
