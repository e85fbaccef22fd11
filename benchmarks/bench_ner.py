"""NER micro-F1 (PER/LOC/ORG) on the held-out NewsFANE slice the tagger was not trained on.

The slice is the last 10 % of ``newsfane_train.conll`` (``scripts/train_ner.py`` trains on the
rest). Scored with the shared ``score.py ner``.

    .venv/bin/python benchmarks/bench_ner.py --shared ../shared
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from train_ner import read_conll, split_newsfane  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    score = args.shared / "eval" / "score.py"
    _, held_out = split_newsfane(read_conll(args.shared / "data" / "ner" / "newsfane_train.conll"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        conll = tmp / "heldout.conll"
        conll.write_text("\n\n".join("\n".join(f"{w}\t{t}" for w, t in s) for s in held_out) + "\n", encoding="utf-8")
        subprocess.run([sys.executable, score, "make-input", "ner", conll, tmp / "in.jsonl"], check=True)
        subprocess.run([Path(sys.executable).parent / "rasid", "analyze", tmp / "in.jsonl", "--format", "jsonl",
                        "-o", tmp / "pred.jsonl", "--no-progress"], check=True)
        out = subprocess.run([sys.executable, score, "ner", conll, tmp / "in.jsonl", tmp / "pred.jsonl"],
                             check=True, capture_output=True, text=True).stdout
    print(out, end="")
    result = json.loads(out.strip().splitlines()[-1])
    print(json.dumps({"benchmark": "ner", "sentences": len(held_out), **result}))


if __name__ == "__main__":
    main()
