#!/usr/bin/env python3
"""Check Rasid's own event annotations: ``../shared/eval/check_gold.py`` on every file, plus the project's
additions to the gold format (``annotator``, and per event ``mentions``: the line, trigger words and the
words naming each side, each found verbatim in that line). The article text is read from ``../shared``.

Usage: check_annotations.py [FILE_OR_DIR ...] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("events/articles", "events/to_annotate")


def article_path(shared: Path, article_id: str) -> Path | None:
    for folder in FOLDERS:
        p = shared / "data" / folder / article_id / "article.txt"
        if p.exists():
            return p
    return None


def mention_problems(gold: dict, lines: list[str]) -> list[str]:
    problems = []
    if not gold.get("annotator"):
        problems.append("no 'annotator'")
    if "title" in gold or "text" in gold:
        problems.append("the article's title or text must not be stored")
    for ev in gold.get("events", []):
        w = f"event {ev.get('id')}"
        mentions = ev.get("mentions")
        if not isinstance(mentions, list) or not mentions:
            problems.append(f"{w}: 'mentions' must be a non-empty list")
            continue
        if mentions[0].get("line") != ev.get("line"):
            problems.append(f"{w}: the first mention must be on the event's line {ev.get('line')}")
        for m in mentions:
            k = m.get("line")
            if not isinstance(k, int) or not 0 <= k < len(lines):
                problems.append(f"{w}: mention line {k!r} outside the text")
                continue
            line = lines[k]
            trig = m.get("trigger")
            if not isinstance(trig, str) or not trig.strip():
                problems.append(f"{w}: mention on line {k} has no trigger")
            elif trig not in line:
                problems.append(f"{w}: trigger {trig!r} is not in line {k}")
            elif line.count(trig) > 1 and not isinstance(m.get("occurrence"), int):
                problems.append(f"{w}: trigger {trig!r} occurs {line.count(trig)} times in line {k}: give 'occurrence'")
            for side in ("actors", "recipients"):
                texts = m.get(side, [])
                if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                    problems.append(f"{w}: mention {side} must be a list of strings")
                    continue
                for t in texts:
                    if t not in line:
                        problems.append(f"{w}: {side[:-1]} text {t!r} is not in line {k}")
    return problems


@cache
def _check_gold(shared: Path):
    """The shared ``check_gold.py``'s ``main``, loaded once."""
    spec = importlib.util.spec_from_file_location("check_gold", shared / "eval" / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


def check(path: Path, shared: Path) -> list[str]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [f"not JSON: {exc}"]
    art = article_path(shared, str(gold.get("id")))
    if art is None:
        return [f"no article {gold.get('id')!r} under {shared}/data/events"]
    if path.stem != gold.get("id"):
        return [f"file name {path.name} does not match id {gold.get('id')!r}"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        failed = _check_gold(shared)(["check_gold.py", str(path), str(art)])
    problems = [line for line in out.getvalue().splitlines() if failed and line.strip()]
    return problems + mention_problems(gold, art.read_text(encoding="utf-8").split("\n"))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT / "data" / "annotations"])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    files = sorted(f for p in args.paths for f in ([p] if p.is_file() else p.rglob("*.json")))
    bad = 0
    for f in files:
        problems = check(f, args.shared)
        bad += bool(problems)
        for p in problems:
            print(f"{f}: {p}")
    print(f"{len(files) - bad} of {len(files)} annotation files ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
