"""Instructions per article of ``rasid analyze`` (one process), counted by valgrind's callgrind.

Wall time on a shared VM changes from day to day; an instruction count does not depend on the
machine's load, so two versions can be compared on different days. The CLI is run under callgrind
on the first ``--records`` records of the input and on a start-up set (both at once, one per core):
the first record and, if there is one among them, the first record with under 120 letters, for which
lingua loads more models on first use. The difference over the records not in the start-up set
is the cost of an article, start-up and one-time model loading excluded.
``--src`` measures another checkout's ``src`` with this environment (for a paired comparison).

    .venv/bin/python benchmarks/bench_instructions.py --shared ../shared [--records 200] [--src ../old/src]
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_COLLECTED = re.compile(r"Collected : (\d+)")


def _start(records: Path, out: Path, src: Path | None) -> subprocess.Popen:
    env = {**os.environ, **({"PYTHONPATH": str(src)} if src else {})}
    cli = ("import sys; from rasid.cli import main; sys.argv = ['rasid', 'analyze', sys.argv[1], '--format', "
           "'jsonl', '-o', sys.argv[2], '--jobs', '1', '--no-progress']; sys.exit(main())")
    return subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}.callgrind",
                             sys.executable, "-c", cli, str(records), str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)


def _instructions(proc: subprocess.Popen) -> int:
    _, err = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"valgrind failed:\n{err[-2000:]}")
    return int(_COLLECTED.search(err)[1])


_NON_LETTERS = re.compile(r"[\W\d_]+")


def _short(line: str) -> bool:
    """A text lingua reads (20 letters or more) with under 120 letters in its first 500 characters,
    which lingua reads with models it loads only then."""
    record = json.loads(line)
    text = record.get("text") or record.get("content") or ""
    return len(_NON_LETTERS.sub("", text[:3000])) >= 20 and len(_NON_LETTERS.sub("", text[:500])) < 120


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--input", type=Path, help="default: shared/data/news/saudinewsnet-2k.jsonl")
    ap.add_argument("--records", type=int, default=200)
    ap.add_argument("--src", type=Path, help="the src folder of the version to measure (default: this one)")
    args = ap.parse_args()
    data = args.input or args.shared / "data" / "news" / "saudinewsnet-2k.jsonl"
    with tempfile.TemporaryDirectory() as tmp, data.open(encoding="utf-8") as f:
        lines = list(itertools.islice(f, args.records))
        short = next((line for line in lines if _short(line)), None)
        start_set = [lines[0]] + ([short] if short and short != lines[0] else [])
        many, few = Path(tmp) / "many.jsonl", Path(tmp) / "few.jsonl"
        many.write_text("".join(lines), encoding="utf-8")
        few.write_text("".join(start_set), encoding="utf-8")
        procs = [_start(many, Path(tmp) / "many.out", args.src), _start(few, Path(tmp) / "few.out", args.src)]
        total, start_up = (_instructions(p) for p in procs)
    per_article = (total - start_up) / (len(lines) - len(start_set))
    print(json.dumps({"benchmark": "instructions", "input": data.name, "records": len(lines),
                      "src": str(args.src or ROOT / "src"), "instructions_per_article_millions": round(per_article / 1e6, 1),
                      "start_up_millions": round(start_up / 1e6, 1)}))


if __name__ == "__main__":
    main()
