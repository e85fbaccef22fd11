"""Throughput and peak memory of ``rasid analyze`` on SaudiNewsNet (2,000 articles, field ``content``).

Runs the real CLI as a child process and reads its peak resident memory (the largest of the
parent and its worker processes, from ``resource.getrusage``) and wall time. The wall time of a shared
VM varies from run to run (seen here: 63 to 90 articles/s for the same code), so the CLI is run
``--repeats`` times and every rate is printed with their median.

    .venv/bin/python benchmarks/bench_throughput.py --shared ../shared [--jobs 2] [--repeats 5]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--input", type=Path, help="default: shared/data/news/saudinewsnet-2k.jsonl")
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--repeats", type=int, default=3, help="runs of the CLI; their median is the figure")
    args = ap.parse_args()
    data = args.input or args.shared / "data" / "news" / "saudinewsnet-2k.jsonl"
    n = sum(1 for line in data.open(encoding="utf-8") if line.strip())
    rates = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            subprocess.run([Path(sys.executable).parent / "rasid", "analyze", data, "--format", "jsonl", "-o", out,
                            "--jobs", str(args.jobs), "--no-progress"], check=True, stderr=subprocess.DEVNULL)
            rates.append(round(n / (time.perf_counter() - t0), 1))
        records = [json.loads(l) for l in out.open(encoding="utf-8")]
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    errors = sum(1 for r in records if r.get("error"))
    result = {"benchmark": "throughput", "input": data.name, "articles": n, "jobs": args.jobs,
              "cores": os.cpu_count(), "articles_per_s": statistics.median(rates), "runs": rates,
              "peak_rss_mb_per_process": round(peak_mb), "not_analysed": errors,
              "events": sum(len(r.get("events", [])) for r in records),
              "entities": sum(len(r.get("entities", [])) for r in records)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
