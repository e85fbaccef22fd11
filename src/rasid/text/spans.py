"""Which text positions a set of spans covers, asked in logarithmic time (long articles have thousands)."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

__all__ = ["Cover"]


class Cover:
    """``pos in Cover(spans)`` is true when some ``(start, end)`` of ``spans`` has ``start <= pos < end``.

    Spans may overlap: with them sorted by start, the furthest end reached by any span starting at or
    before ``pos`` tells whether one of them holds it.
    """

    __slots__ = ("_starts", "_reach")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos

    def __bool__(self) -> bool:
        return bool(self._starts)
