"""`make fuzz`: the property tests of tests/properties, round after round for ten minutes.

Each round is one pytest run with a new random seed and RASID_FUZZ=1 (several times the examples of
`make test`, huge lines up to 200,000 characters); the round still running at the end is interrupted and
not counted. The first failure stops everything: hypothesis prints the smallest example it found and a
blob that reproduces it (`@reproduce_failure`), and the seed is printed. At the end one line gives the
rounds, their examples and the time.

    .venv/bin/python scripts/fuzz.py [--minutes 10]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PASSING = re.compile(r"(\d+) passing(?: examples)?,")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--minutes", type=float, default=10)
    args = ap.parse_args()
    deadline = time.monotonic() + args.minutes * 60
    env = {**os.environ, "RASID_FUZZ": "1"}
    rounds = examples = 0
    started = time.monotonic()
    while time.monotonic() < deadline:
        seed = random.randrange(2 ** 32)
        cmd = [sys.executable, "-m", "pytest", "tests/properties", "-x", "-q", "-p", "no:cacheprovider",
               f"--hypothesis-seed={seed}", "--hypothesis-show-statistics"]
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            out, _ = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)
            proc.communicate()
            break
        if proc.returncode != 0:
            print(out)
            print(f"fuzz: a property failed in round {rounds + 1} (--hypothesis-seed={seed})")
            sys.exit(1)
        rounds += 1
        examples += sum(int(n) for n in _PASSING.findall(out))
        print(f"fuzz: round {rounds} passed (seed {seed}), {time.monotonic() - started:.0f} s", flush=True)
    print(f"fuzz: {rounds} rounds of the property tests, {examples:,} examples, no failure "
          f"in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
