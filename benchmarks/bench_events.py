"""Event coding on the GSR dev sentences (ASSAULT, PROTEST), scored with the shared ``score.py gsr``.

``score.py gsr`` stops with a KeyError on gold rows whose first span has no coded role
(``"source_role": {}`` or ``"UNKNOWN"``). Such rows still count for detection; the copy of the gold
file given to the scorer only drops their ``spans`` so that they are left out of the actor-code
figure, which is computed on the rows whose roles are coded.

    .venv/bin/python benchmarks/bench_events.py --shared ../shared
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def coded(role: object) -> bool:
    return isinstance(role, dict) and "main" in role and "role" in role


def sanitise(src: Path, dst: Path) -> int:
    dropped = 0
    with src.open(encoding="utf-8") as f, dst.open("w", encoding="utf-8") as out:
        for line in f:
            row = json.loads(line)
            spans = row.get("spans") or []
            if spans and not (coded(spans[0].get("source_role")) and coded(spans[0].get("target_role"))):
                row.pop("spans")
                dropped += row["label"] == "yes"
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return dropped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    score = args.shared / "eval" / "score.py"
    rasid = Path(sys.executable).parent / "rasid"
    summary = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name in ("assault", "protest"):
            gold = args.shared / "data" / "events" / f"{name}_gsr_dev.jsonl"
            clean = tmp / f"{name}_gold.jsonl"
            uncoded = sanitise(gold, clean)
            subprocess.run([sys.executable, score, "make-input", "gsr", gold, tmp / "in.jsonl"], check=True)
            subprocess.run([rasid, "analyze", tmp / "in.jsonl", "--format", "jsonl", "-o", tmp / "pred.jsonl",
                            "--no-progress"], check=True, stderr=subprocess.DEVNULL)
            out = subprocess.run([sys.executable, score, "gsr", clean, tmp / "pred.jsonl"],
                                 check=True, capture_output=True, text=True).stdout
            print(out.strip().splitlines()[0], f"(yes rows without coded roles, not in actor codes: {uncoded})")
            summary.update(json.loads(out.strip().splitlines()[-1]))
    print(json.dumps({"benchmark": "events-gsr", **summary}))


if __name__ == "__main__":
    main()
