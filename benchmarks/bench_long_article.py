"""How long one very long article takes: analysed at the 1,000,000-character limit, or refused above it.

Each shape is built from distinct real articles (SaudiNewsNet's ``content``, in file order) to exactly
``--chars`` characters and analysed in this process after a warm-up (lexicons and models loaded):

- ``paragraphs``: the articles one after another, a blank line between them (an archive pasted as one text);
- ``one-line``: the same with every line break made a space (a scraper that drops them);
- ``over-limit``: one character more than the limit, which must be refused.

Prints one JSON line per shape (seconds, analysed or the error, counts) and the largest time.

    .venv/bin/python benchmarks/bench_long_article.py --shared ../shared [--chars 1000000]
    (PYTHONPATH=other/src for another checkout)
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rasid import analyze
from rasid.ingest.language import MAX_CHARS
from rasid.pipeline import warm_up

ROOT = Path(__file__).resolve().parents[1]


def articles(news: Path, chars: int) -> str:
    """Distinct articles, a blank line between them, cut to ``chars`` characters."""
    parts, size = [], 0
    with news.open(encoding="utf-8") as f:
        for line in f:
            text = (json.loads(line).get("content") or "").strip()
            if text:
                parts.append(text)
                size += len(text) + 2
            if size > chars:
                break
    if size <= chars:
        raise SystemExit(f"{news} holds fewer than {chars:,} characters")
    return "\n\n".join(parts)[:chars]


def measure(shape: str, text: str) -> dict:
    t0 = time.perf_counter()
    record = analyze(text, published="2015-07-26")
    seconds = time.perf_counter() - t0
    return {"benchmark": "long_article", "shape": shape, "chars": len(text), "seconds": round(seconds, 2),
            "outcome": "refused" if record.get("error") else "analysed", "error": record.get("error"),
            "sentences": len(record["sentences"]), "entities": len(record["entities"]),
            "events": len(record["events"])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--chars", type=int, default=MAX_CHARS, help="length of the analysed shapes")
    ap.add_argument("--shapes", default="paragraphs,one-line,over-limit")
    args = ap.parse_args()
    base = articles(args.shared / "data" / "news" / "saudinewsnet-2k.jsonl", max(args.chars, MAX_CHARS) + 1)
    shapes = {"paragraphs": base[:args.chars], "one-line": base[:args.chars].replace("\n", " "),
              "over-limit": base[:MAX_CHARS + 1]}
    warm_up()
    results = [measure(shape, shapes[shape]) for shape in args.shapes.split(",")]
    for r in results:
        print(json.dumps(r, ensure_ascii=False), flush=True)
    print(json.dumps({"benchmark": "long_article", "max_seconds": max(r["seconds"] for r in results)}))


if __name__ == "__main__":
    main()
