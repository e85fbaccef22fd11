"""Ingest a corpus into SQLite or PostgreSQL with the real CLI: wall time, articles/s, peak memory, size.

    .venv/bin/python benchmarks/bench_ingest.py --db bench.db                      # SQLite file
    .venv/bin/python benchmarks/bench_ingest.py --db postgresql://postgres@127.0.0.1:55432/rasid_bench
Default input: ../shared/data/news/saudinewsnet.jsonl.gz (31,030 articles). The database should be new.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from rasid.store import open_store  # noqa: E402


def db_size(store, db: str) -> int:
    if store.dialect == "sqlite":
        return sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*"))
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--input", type=Path)
    ap.add_argument("--db", required=True)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = ap.parse_args()
    data = args.input or args.shared / "data" / "news" / "saudinewsnet.jsonl.gz"
    opener = gzip.open if data.suffix == ".gz" else open
    with opener(data, "rt", encoding="utf-8") as f:
        n = sum(1 for line in f if line.strip())
    t0 = time.perf_counter()
    out = subprocess.run([Path(sys.executable).parent / "rasid", "ingest", data, "--db", args.db,
                          "--jobs", str(args.jobs), "--no-progress"], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    report = json.loads(out.stdout.strip().splitlines()[-1])
    store = open_store(args.db)
    result = {"benchmark": "ingest", "db": store.dialect, "input": data.name, "records": n, "jobs": args.jobs,
              "wall_s": round(wall, 1), "records_per_s": round(n / wall, 1),
              "peak_rss_mb_largest_process": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
              "db_size_mb": round(db_size(store, args.db) / 2**20, 1), **report, **store.stats()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
