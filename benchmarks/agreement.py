"""Inter-annotator agreement on the event gold: the blind second readings (``data/annotations/second``)
scored against the first (``data/annotations/events``) with the shared ``score.py articles``, and the
other way round.

    .venv/bin/python benchmarks/agreement.py --shared ../shared

Each reading's events become a prediction record (type, sides' countries, flags), so the figures read
like the coder's: "recall" is the share of one reading's required events that the other also has.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "data" / "annotations"


def as_prediction(gold: dict) -> dict:
    return {"id": gold["id"], "events": [
        {"type": e["type"], "actors": e["actors"], "recipients": e["recipients"], "flags": e["flags"],
         "date": e["date"]} for e in gold["events"]]}


def score(shared: Path, golds: list[dict], preds: list[dict], tmp: Path) -> dict:
    gold_dir = tmp / "gold"
    gold_dir.mkdir(exist_ok=True)
    for old in gold_dir.glob("*.json"):
        old.unlink()
    for g in golds:
        (gold_dir / f"{g['id']}.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    pred = tmp / "pred.jsonl"
    pred.write_text("".join(json.dumps(as_prediction(p), ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    out = subprocess.run([sys.executable, shared / "eval" / "score.py", "articles", gold_dir, pred],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    second = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ANNOTATIONS / "second").glob("*.json"))]
    first = [json.loads((ANNOTATIONS / "events" / f"{s['id']}.json").read_text(encoding="utf-8")) for s in second]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        second_vs_first = score(args.shared, first, second, tmp)
        first_vs_second = score(args.shared, second, first, tmp)
    print(json.dumps({"benchmark": "annotator-agreement", "articles": len(second),
                      "second_reading_scored_against_first": second_vs_first,
                      "first_reading_scored_against_second": first_vs_second}))


if __name__ == "__main__":
    main()
