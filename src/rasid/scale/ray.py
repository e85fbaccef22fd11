"""The Ray engine: a pool of Ray actors, each loading the lexicons and models once, analysing
batches of records streamed to it.

Fault tolerance: actors restart when their process dies and their in-flight batch is retried
(``max_restarts``/``max_task_retries``); analysis is a pure function of the record, so a retried
batch gives the same result, and writes to the store are idempotent by content hash.
SQLite is a single-machine store: with workers on other machines, write to PostgreSQL.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..pipeline import analyze_record, warm_up

__all__ = ["analyze_records_ray", "BATCH"]

BATCH = 16


def _ray():
    try:
        import ray
    except ImportError as exc:
        raise RuntimeError("the Ray engine needs Ray: pip install 'rasid[ray]'") from exc
    return ray


def _init(ray, jobs: int | None, address: str | None) -> None:
    if ray.is_initialized():
        return
    os.environ.setdefault("RAY_worker_niceness", "0")  # Ray starts workers at nice 15 otherwise
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=jobs or os.cpu_count(), include_dashboard=False, log_to_driver=False)


def _analyzer_class(ray):
    @ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=-1)
    class Analyzer:
        """One Ray actor: models loaded once, then batch after batch."""

        def __init__(self) -> None:
            warm_up()

        def pid(self) -> int:
            return os.getpid()

        def analyze(self, records: list[dict[str, Any]], published: str | None,
                    min_confidence: float | None = None) -> list[dict[str, Any]]:
            return [analyze_record(r, published, min_confidence) for r in records]

    return Analyzer


def analyze_records_ray(records: Iterable[dict[str, Any]], *, jobs: int | None = None, published: str | None = None,
                        address: str | None = None, workers: list | None = None,
                        min_confidence: float | None = None) -> Iterator[dict[str, Any]]:
    """Analysis records in input order, computed by a pool of Ray actors (``jobs`` of them)."""
    ray = _ray()
    _init(ray, jobs, address)
    if workers is None:
        n = jobs or int(ray.available_resources().get("CPU", 1))
        workers = [_analyzer_class(ray).remote() for _ in range(max(1, n))]
    it = iter(records)
    batches = iter(lambda: list(islice(it, BATCH)), [])
    pending: deque = deque()
    k = 0
    for batch in batches:
        pending.append(workers[k % len(workers)].analyze.remote(batch, published, min_confidence))
        k += 1
        while len(pending) > 2 * len(workers):
            yield from ray.get(pending.popleft())
    while pending:
        yield from ray.get(pending.popleft())
