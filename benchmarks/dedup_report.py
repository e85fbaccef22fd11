"""Near-duplicate articles and merged events in an ingested corpus, with sampled pairs to check by eye.

    .venv/bin/python benchmarks/dedup_report.py --db bench.db --sample 20
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from rasid.store import open_store  # noqa: E402
from rasid.store.schema import articles  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    store = open_store(args.db)
    orig = aliased(articles)
    q = select(articles.c.id, articles.c.source, articles.c.title, articles.c.text, articles.c.similarity,
               orig.c.id.label("oid"), orig.c.source.label("osource"), orig.c.title.label("otitle"),
               orig.c.text.label("otext")).join(orig, orig.c.id == articles.c.duplicate_of)
    with store.engine.connect() as conn:
        pairs = conn.execute(q).all()
    random.Random(args.seed).shuffle(pairs)
    for p in pairs[:args.sample]:
        print(f"--- {p.id} ({p.source}) ~ {p.oid} ({p.osource})  similarity {p.similarity:.2f}")
        print("  A:", (p.title or "")[:90], "|", p.text[:160].replace("\n", " "))
        print("  B:", (p.otitle or "")[:90], "|", p.otext[:160].replace("\n", " "))
    merged = [e for e in store.events(limit=None) if e["num_articles"] > 1]
    print(json.dumps({"benchmark": "dedup", "near_duplicate_articles": len(pairs), "merged_events": len(merged),
                      "mentions_in_merged_events": sum(e["num_mentions"] for e in merged), **store.stats()}))


if __name__ == "__main__":
    main()
