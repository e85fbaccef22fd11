"""NER micro-F1 (PER/LOC/ORG) on the two development sets the tagger is not trained on, and its speed.

- ANERcorp dev: the articles at the end of ``anercorp_train.conll`` (``scripts/train_ner.py``
  trains on those before them, ``ANERCORP_DEV_START``);
- NewsFANE held-out: every 10th block of 40 sentences of ``newsfane_train.conll``.

Each is turned into articles by the shared ``score.py make-input ner``, analysed by the whole
pipeline (``rasid.analyze_record``, what ``rasid analyze`` runs) and scored by ``score.py ner``.
Last, the tokens per second of the entity step alone (``find_entities``, after reading) over the
first ``--articles`` articles of ``saudinewsnet-2k.jsonl``, best of ``--repeats``
passes, each starting with no word's scores cached.

    .venv/bin/python benchmarks/bench_ner.py --shared ../shared [--model DIR]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from train_ner import anercorp_split, read_conll, split_newsfane  # noqa: E402

import rasid.extract.ner as ner  # noqa: E402
from rasid.doc import Article  # noqa: E402
from rasid.errors import InputError  # noqa: E402
from rasid.extract.entities import find_entities  # noqa: E402
from rasid.pipeline import analyze_record, warm_up  # noqa: E402
from rasid.text.read import read_article  # noqa: E402


def dev_sets(shared: Path) -> dict[str, list]:
    """The development sets by name."""
    data = shared / "data" / "ner"
    return {"anercorp_dev": anercorp_split(read_conll(data / "anercorp_train.conll"))[1],
            "newsfane_heldout": split_newsfane(read_conll(data / "newsfane_train.conll"))[1]}


def score_set(name: str, sentences: list, score: Path, tmp: Path) -> dict:
    """Analyse one development set and return the scorer's figures (its report is printed)."""
    conll, inp, pred = tmp / f"{name}.conll", tmp / f"{name}.in.jsonl", tmp / f"{name}.pred.jsonl"
    conll.write_text("\n\n".join("\n".join(f"{w}\t{t}" for w, t in s) for s in sentences) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, score, "make-input", "ner", conll, inp], check=True)
    with inp.open(encoding="utf-8") as f, pred.open("w", encoding="utf-8") as out:
        for line in f:
            out.write(json.dumps(analyze_record(json.loads(line)), ensure_ascii=False) + "\n")
    report = subprocess.run([sys.executable, score, "ner", conll, inp, pred],
                            check=True, capture_output=True, text=True).stdout
    print(f"== {name} ({len(sentences)} sentences)\n{report}", end="")
    return json.loads(report.strip().splitlines()[-1])


def entity_speed(news: Path, articles: int, repeats: int) -> dict:
    """Tokens per second of ``find_entities`` alone on articles already read."""
    docs = []
    with news.open(encoding="utf-8") as f:
        for line in f:
            try:
                docs.append(read_article(Article(id=str(len(docs)), text=json.loads(line).get("content") or "")))
            except InputError:  # too short to analyse: the pipeline stops before the entity step
                continue
            if len(docs) == articles:
                break
    tokens = sum(len(d.tokens) for d in docs)
    best = float("inf")
    for _ in range(repeats):
        ner.tagger().word_scores.clear()  # as in a fresh process: no word scored yet
        t0 = time.perf_counter()
        for d in docs:
            find_entities(d)
        best = min(best, time.perf_counter() - t0)
    return {"articles": len(docs), "tokens": tokens, "tokens_per_s": round(tokens / best)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--model", type=Path, help="a model directory other than the shipped one")
    ap.add_argument("--articles", type=int, default=500, help="articles timed for the entity step")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    if args.model:
        ner.MODEL_DIR = args.model
    warm_up()
    result: dict = {"benchmark": "ner"}
    with tempfile.TemporaryDirectory() as tmp:
        for name, sentences in dev_sets(args.shared).items():
            result[name] = {"sentences": len(sentences), **score_set(name, sentences, args.shared / "eval" / "score.py",
                                                                     Path(tmp))}
    result["entity_step"] = entity_speed(args.shared / "data" / "news" / "saudinewsnet-2k.jsonl",
                                         args.articles, args.repeats)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
