"""API throughput on loopback: 16 concurrent clients, POST /api/v1/analyze of the worked example and
GET /api/v1/articles (search); requests/s, p50/p95 latency and errors.

    .venv/bin/python benchmarks/bench_api.py --shared ../shared [--db bench.db] [--seconds 20]
The server is a real ``rasid serve`` process (one uvicorn worker) on a free port.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from rasid.store import open_store

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["زيارة بغداد", "الملك سلمان", "وزير الخارجية", "الحوثيين", "أسعار النفط", "مجلس الأمن"]


async def load(url: str, make_request, clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def client(k: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(timeout=60) as http:
            n = 0
            while time.perf_counter() < stop:
                t0 = time.perf_counter()
                r = await make_request(http, k + n)
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += r.status_code != 200
                n += clients

    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    wall = time.perf_counter() - t0
    latencies.sort()
    return {"requests": len(latencies), "requests_per_s": round(len(latencies) / wall, 1),
            "p50_ms": round(latencies[len(latencies) // 2], 1), "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
            "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--db", help="an ingested corpus for the search load (default: an empty store)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=20)
    args = ap.parse_args()
    text = (args.shared / "examples" / "iran-iraq-visit" / "article.txt").read_text(encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "api.db")
        open_store(db).close()  # rasid serve reads an existing corpus
        server = subprocess.Popen([Path(sys.executable).parent / "rasid", "serve", "--db", db, "--port", str(port)],
                                  stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    httpx.get(url + "/api/v1/stats", timeout=2)
                    break
                except httpx.TransportError:
                    time.sleep(0.3)
            analyze = asyncio.run(load(url, lambda http, i: http.post(
                url + "/api/v1/analyze", json={"text": text, "published": "2024-09-11"}), args.clients, args.seconds))
            search = asyncio.run(load(url, lambda http, i: http.get(
                url + "/api/v1/articles", params={"q": QUERIES[i % len(QUERIES)]}), args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(json.dumps({"benchmark": "api", "clients": args.clients, "analyze": analyze, "search": search,
                      "corpus": args.db or "empty"}))


if __name__ == "__main__":
    main()
