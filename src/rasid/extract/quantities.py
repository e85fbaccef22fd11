"""Quantities: a number (digits or words) and the noun it counts (2500 جندي، ثلاثة أيام)."""
from __future__ import annotations

from functools import cache

from ..doc import Article, Quantity
from ..resources import read_tsv
from ..text.normalize import normalize_word
from ..text.spans import Cover
from .entities import analysed_tokens
from .lookup import match_at
from .numbers import read_number

__all__ = ["find_quantities", "unit_of"]


_VAGUE = {normalize_word(w) for w in ("آلاف", "ملايين", "مليارات", "مئات", "عشرات")}


@cache
def _units() -> dict[tuple[str, ...], str]:
    return {tuple(normalize_word(a).split()): en for a, en in read_tsv("lexicons/units.tsv")}


def unit_of(word: str) -> str | None:
    """The English unit a one-word counted noun names (مقاتلا → fighter), if any; ``word`` normalised."""
    return _units().get((word,))


def find_quantities(article: Article) -> Article:
    """Fill ``article.quantities``; numbers inside time expressions are not quantities."""
    tokens = analysed_tokens(article)
    in_time = Cover((t.start, t.end) for t in article.times)
    units = _units()
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.start in in_time:
            i += 1
            continue
        num = read_number(tokens, i)
        if num is None:
            i += 1
            continue
        last, unit = num.last, None
        if last < len(tokens):
            m = match_at(units, tokens, last, article.norm, 3, clitics=False)
            if m is not None:
                unit, last = m.value, m.last
        vague = num.last - num.first == 1 and tok.norm in _VAGUE  # ملايين السودانيين: "millions of"
        if not vague and (unit is not None or tok.norm[:1].isdigit() or num.last - num.first > 1 or num.value > 10):
            end = tokens[last - 1].end
            out.append(Quantity(num.start, end, article.text[num.start:end], num.value, unit))
        i = max(last, i + 1)
    article.quantities = out
    return article
