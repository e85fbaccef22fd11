"""Latency of the corpus queries (Python API, warm process) on an ingested database: p50 / p95.

    .venv/bin/python benchmarks/bench_queries.py --db bench.db [--repeat 30]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from rasid.store import open_store  # noqa: E402
from rasid.store.aggregate import actor_graph, timeline  # noqa: E402
from rasid.store.browse import actor_profile, event_places, list_articles  # noqa: E402

SEARCHES = ["زيارة بغداد", "الملك سلمان", "وزير الخارجية", "الحوثيين", "أسعار النفط", "مجلس الأمن", "داعش"]


def measure(fn, repeat: int) -> dict[str, float]:
    fn()  # warm
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--semantic", action="store_true", help="also time semantic search (needs `rasid embed`)")
    args = ap.parse_args()
    store = open_store(args.db)
    queries = {
        "search": lambda: [store.search(q) for q in SEARCHES],
        "search --since": lambda: store.search("زيارة بغداد", since="2015-07-01"),
        "events --actor --recipient --type --since": lambda: store.events(actor="SAU", recipient="YEM", type="ASSAULT",
                                                                          since="2015-01-01"),
        "events --actor": lambda: store.events(actor="IRN"),
        "actors --top 20": lambda: store.top_actors(20),
        "graph": lambda: actor_graph(store, since="2015-01-01"),
        "timeline SAU YEM --by month": lambda: timeline(store, "SAU", "YEM", by="month"),
        "stats": store.stats,
        # the web app's views
        "article page: search + filters": lambda: list_articles(store, q="وزير الخارجية", source="okaz", offset=20),
        "article page: actor + event type": lambda: list_articles(store, actor="IRN", event_type="ASSAULT"),
        "actor profile SAU": lambda: actor_profile(store, "SAU"),
        "event places": lambda: event_places(store),
    }
    if args.semantic:
        from rasid.store.semantic import semantic_search
        english = ["Iranian president visit", "oil prices", "Saudi king", "Houthi attacks", "UN Security Council"]
        queries["search --semantic"] = lambda: [semantic_search(store, q) for q in english]
    result = {name: measure(fn, args.repeat) for name, fn in queries.items()}
    result["search"] = {k: round(v / len(SEARCHES), 1) for k, v in result["search"].items()}  # per query
    if "search --semantic" in result:
        result["search --semantic"] = {k: round(v / 5, 1) for k, v in result["search --semantic"].items()}
    print(json.dumps({"benchmark": "queries", "db": store.dialect, **store.stats(), "latency": result}, ensure_ascii=False))


if __name__ == "__main__":
    main()
