"""The worked example (shared/examples/iran-iraq-visit) through the real CLI and the shared scorer.

    .venv/bin/python benchmarks/bench_example.py --shared ../shared
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    example = args.shared / "examples" / "iran-iraq-visit"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pred.jsonl"
        subprocess.run([Path(sys.executable).parent / "rasid", "analyze", example / "article.txt",
                        "--published", "2024-09-11", "--format", "jsonl", "-o", out, "--no-progress"], check=True)
        subprocess.run([sys.executable, args.shared / "eval" / "score.py", "article", example / "gold.json", out],
                       check=True)


if __name__ == "__main__":
    main()
