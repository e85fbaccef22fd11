"""The local engine: a process pool on this machine whose workers load models once."""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from ..pipeline import analyze_record, warm_up

__all__ = ["analyze_records", "default_jobs"]

_CHUNK = 8


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _analyze_chunk(records: list[dict[str, Any]], published: str | None,
                   min_confidence: float | None = None) -> list[dict[str, Any]]:
    return [analyze_record(r, published, min_confidence) for r in records]


def analyze_records(records: Iterable[dict[str, Any]], jobs: int | None = None,
                    published: str | None = None, min_confidence: float | None = None) -> Iterator[dict[str, Any]]:
    """Analysis records for ``records``, in input order, streamed with bounded memory."""
    jobs = jobs or default_jobs()
    it = iter(records)
    if jobs <= 1:
        for r in it:
            yield analyze_record(r, published, min_confidence)
        return
    first = list(islice(it, 2))
    if len(first) < 2:  # one article: not worth starting workers
        for r in first:
            yield analyze_record(r, published, min_confidence)
        return
    chunks = (list(c) for c in iter(lambda: list(islice(it, _CHUNK)), []))
    with ProcessPoolExecutor(jobs, initializer=warm_up) as pool:
        pending: deque[Future] = deque([pool.submit(_analyze_chunk, first, published, min_confidence)])
        for chunk in chunks:
            pending.append(pool.submit(_analyze_chunk, chunk, published, min_confidence))
            while len(pending) > jobs * 4:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
