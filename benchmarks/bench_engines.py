"""Articles/s of ``rasid analyze`` on the local and Ray engines, with 1 and 2 workers.

    .venv/bin/python benchmarks/bench_engines.py --shared ../shared [--runs local:1,local:2,ray:1,ray:2]
Default input: saudinewsnet.jsonl.gz (31,030 records). Each run is a fresh CLI process (Ray's start-up
included), writing JSON Lines to a temporary file.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--input", type=Path)
    ap.add_argument("--runs", default="local:1,local:2,ray:1,ray:2")
    args = ap.parse_args()
    data = args.input or args.shared / "data" / "news" / "saudinewsnet.jsonl.gz"
    with (gzip.open if data.suffix == ".gz" else open)(data, "rt", encoding="utf-8") as f:
        n = sum(1 for line in f if line.strip())
    results = {}
    for run in args.runs.split(","):
        engine, jobs = run.split(":")
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            subprocess.run([Path(sys.executable).parent / "rasid", "analyze", data, "--engine", engine, "--jobs", jobs,
                            "--format", "jsonl", "-o", Path(tmp) / "out.jsonl", "--no-progress"], check=True,
                           stderr=subprocess.DEVNULL, env={**os.environ, "RAY_worker_niceness": "0"})
            wall = time.perf_counter() - t0
        results[run] = {"wall_s": round(wall, 1), "articles_per_s": round(n / wall, 1)}
        print(json.dumps({"run": run, **results[run]}), flush=True)
    summary = {"benchmark": "engines", "records": n, "cores": os.cpu_count(), "runs": results}
    for w in ("1", "2"):
        if f"local:{w}" in results and f"ray:{w}" in results:
            summary[f"ray_overhead_{w}_workers"] = round(results[f"ray:{w}"]["wall_s"] / results[f"local:{w}"]["wall_s"] - 1, 3)
    for e in ("local", "ray"):
        if f"{e}:1" in results and f"{e}:2" in results:
            summary[f"{e}_speedup_1_to_2"] = round(results[f"{e}:1"]["wall_s"] / results[f"{e}:2"]["wall_s"], 2)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
