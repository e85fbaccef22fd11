"""Ingest: read inputs, skip what the store has, analyse the rest on all cores, write in batches.

Each batch is one transaction, so a run that is killed loses at most the batch in flight, and
running it again skips every article already stored (by content hash) and adds the rest.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from ..ingest import read_inputs
from ..scale import analyze_with
from .db import AddResult, Store, content_hash

__all__ = ["ingest"]


def _unseen(records: Iterable[dict[str, Any]], store: Store, report: AddResult, chunk: int) -> Iterator[dict[str, Any]]:
    """Records the store does not have yet (bad records pass through to be reported)."""
    it = iter(records)
    while batch := list(islice(it, chunk)):
        known = store.known_hashes(content_hash(r["text"]) for r in batch if r.get("text"))
        for r in batch:
            if r.get("text") and content_hash(r["text"]) in known:
                report.skipped += 1
            else:
                yield r


def ingest(inputs: Iterable[str], store: Store, *, jobs: int | None = None, batch: int = 200,
           published: str | None = None, on_batch: Callable[[AddResult, int], None] | None = None,
           engine: str = "local", address: str | None = None, min_confidence: float | None = None) -> AddResult:
    """Ingest ``inputs`` (paths, folders, feeds, ``-``) into ``store``; returns the totals.

    The analysis runs on ``engine`` (local processes or Ray); this process writes the results,
    one transaction a batch."""
    report = AddResult()
    pending: list[dict[str, Any]] = []
    done = 0

    def flush() -> None:
        nonlocal done
        r = store.add(pending)
        for k in ("added", "skipped", "failed", "duplicates"):
            setattr(report, k, getattr(report, k) + getattr(r, k))
        report.errors.extend(r.errors)
        done += len(pending)
        pending.clear()
        if on_batch:
            on_batch(report, done)

    unseen = _unseen(read_inputs(inputs), store, report, batch * 4)
    for record in analyze_with(engine, unseen, jobs=jobs, published=published, address=address,
                               min_confidence=min_confidence):
        pending.append(record)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return report
