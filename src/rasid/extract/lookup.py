"""Longest-match lookup of lexicon phrases over tokens, clitic-aware on the first word."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from ..text.normalize import Normalized
from ..text.tokenize import Token, stem_candidates

__all__ = ["Match", "first_words", "match_at", "find_all", "phrase_starts"]

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    """``tokens[first:last]`` name ``value``; ``start`` skips the first word's proclitics."""

    first: int
    last: int
    start: int
    end: int
    value: V


_FIRST_WORDS: dict[int, tuple[dict, int, frozenset[str]]] = {}


def first_words(table: dict[tuple[str, ...], V]) -> frozenset[str]:
    """The words ``table``'s phrases begin with, computed again only when the table changes."""
    cached = _FIRST_WORDS.get(id(table))
    if cached is None or cached[0] is not table or cached[1] != len(table):
        cached = _FIRST_WORDS[id(table)] = (table, len(table), frozenset(k[0] for k in table))
    return cached[2]


@lru_cache(maxsize=1 << 16)
def _openings(firsts: frozenset[str], word: str, clitics: bool) -> tuple[tuple[int, str], ...]:
    """The readings ``(prefix_length, stem)`` of ``word`` that begin a phrase (cached per word and table)."""
    return tuple((p, s) for p, s in (stem_candidates(word) if clitics else ((0, word),)) if s in firsts)


def match_at(table: dict[tuple[str, ...], V], tokens: list[Token], i: int, norm: Normalized,
             max_len: int, clitics: bool = True) -> Match[V] | None:
    """The longest phrase of ``table`` starting at token ``i`` (fewest clitics on a tie)."""
    candidates = _openings(first_words(table), tokens[i].norm, clitics)
    if not candidates:
        return None
    best: Match[V] | None = None
    rest = tuple(t.norm for t in tokens[i + 1:i + max_len])
    for prefix, stem in candidates:
        for n in range(len(rest), -1, -1):
            if best is not None and n + 1 <= best.last - best.first:
                break
            value = table.get((stem, *rest[:n]))
            if value is not None:
                start = norm.index[tokens[i].nstart + prefix]
                best = Match(i, i + n + 1, start, tokens[i + n].end, value)
                break
    return best


def phrase_starts(table: dict[tuple[str, ...], V], tokens: list[Token], clitics: bool = True) -> list[int]:
    """Indices of the ``tokens`` a phrase of ``table`` may begin at (one of its readings begins one)."""
    firsts = first_words(table)
    return [i for i, t in enumerate(tokens) if _openings(firsts, t.norm, clitics)]


def find_all(table: dict[tuple[str, ...], V], tokens: list[Token], norm: Normalized, max_len: int,
             clitics: bool = True) -> list[Match[V]]:
    """Non-overlapping longest matches, left to right."""
    out: list[Match[V]] = []
    end = 0
    for i in phrase_starts(table, tokens, clitics):
        if i >= end and (m := match_at(table, tokens, i, norm, max_len, clitics)) is not None:
            out.append(m)
            end = m.last
    return out
