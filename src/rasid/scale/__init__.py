"""Where the analysis runs: ``local`` (a process pool, the default) or ``ray`` (a Ray cluster).

Both engines take records and yield analysis records in input order, so everything downstream
(output files, the corpus store) is the same whichever engine ran the analysis.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .local import analyze_records, default_jobs

__all__ = ["ENGINES", "analyze_with", "default_jobs"]

ENGINES = ("local", "ray")


def analyze_with(engine: str, records: Iterable[dict[str, Any]], *, jobs: int | None = None,
                 published: str | None = None, address: str | None = None,
                 min_confidence: float | None = None) -> Iterator[dict[str, Any]]:
    """Analysis records for ``records`` on ``engine``, in input order."""
    if engine == "ray":
        from .ray import analyze_records_ray
        return analyze_records_ray(records, jobs=jobs, published=published, address=address,
                                   min_confidence=min_confidence)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    return analyze_records(records, jobs=jobs, published=published, min_confidence=min_confidence)
