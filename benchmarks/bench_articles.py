"""The learned event coder on the annotated articles, cross-validated, scored by ``score.py articles``.

    .venv/bin/python benchmarks/bench_articles.py --shared ../shared [--folds 5] [--seeds 3] [--sweep]

Every annotated article (the project's ``data/annotations/events`` and the shared development set) is
analysed once by the steps before the learned coder. Then:

- **by article**: the articles are split into ``--folds`` parts (near-duplicate articles, found by
  MinHash over word 3-grams, always in the same part; ``--seeds`` different splits); each part is coded
  by a model trained on the other parts only;
- **by outlet**: the outlets are split into parts the same way, so no article of a test outlet is in
  training;
- **rules**: the rule coder alone (what Rasid did before the learned coder), on the same articles.

The predictions of all parts are scored together with the shared ``score.py articles`` (macro and
micro recall of required events, precision, flags), which also prints recall per type. ``--sweep``
prints the figures at several confidence thresholds (how the default ``min_confidence`` was chosen).
The worked example is not among these articles: ``bench_example.py`` scores it.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from event_corpus import groups, load  # noqa: E402
from train_event_model import CFG, fit, prepare  # noqa: E402

from rasid.code.model import EventModel  # noqa: E402


def folds_by(keys: list, k: int, seed: int) -> list[int]:
    """A fold number per item such that items with the same key share a fold."""
    uniq = sorted(set(keys), key=str)
    random.Random(seed).shuffle(uniq)
    fold_of = {key: i % k for i, key in enumerate(uniq)}
    return [fold_of[key] for key in keys]


def predict(examples, fold: list[int], k: int, cfg: dict) -> dict[str, list]:
    """Candidates of every article from the model trained without its fold."""
    out = {}
    for f in range(k):
        train = [ex for ex, g in zip(examples, fold) if g != f]
        test = [ex for ex, g in zip(examples, fold) if g == f]
        if not test or not train:
            continue
        model = EventModel(fit(train, cfg))
        for ex in test:
            out[ex.gold.id] = (model, model.predict(ex.view))
    return out


def records(examples, predicted: dict, min_confidence: float) -> list[dict]:
    recs = []
    for ex in examples:
        model, cands = predicted[ex.gold.id]
        model.cfg = {**model.cfg, "event_floor": min_confidence}
        model.set_annotations(ex.view, cands)
        recs.append({"id": ex.gold.id, "events": [e.to_dict() for e in ex.view.article.events]})
    return recs


def rule_records(examples) -> list[dict]:
    return [{"id": ex.gold.id, "events": [e.to_dict() for ev in ex.view.rule_events.values() for e in ev]}
            for ex in examples]


def score(shared: Path, golds: Path, recs: list[dict], tmp: Path, verbose: bool = False) -> dict:
    pred = tmp / "pred.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    out = subprocess.run([sys.executable, shared / "eval" / "score.py", "articles", golds, pred],
                         check=True, capture_output=True, text=True).stdout.strip().splitlines()
    if verbose:
        for line in out:
            if line.startswith("  ") or line.startswith("articles"):
                print("   ", line.strip())
    return json.loads(out[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--sweep", action="store_true", help="figures at several confidence thresholds")
    ap.add_argument("--uncalibrated", action="store_true",
                    help="without the confidence model: confidence = the product of the coder's probabilities")
    args = ap.parse_args()
    cfg = {**CFG, "calibrate": not args.uncalibrated}
    examples = prepare(load(args.shared))
    print(f"{len(examples)} annotated articles, {sum(len(ex.aligned) for ex in examples)} gold mentions aligned, "
          f"{len({ex.gold.source for ex in examples})} outlets")
    dup_groups = groups([ex.gold for ex in examples])
    thresholds = sorted({0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, CFG["min_confidence"]}) if args.sweep \
        else [CFG["min_confidence"]]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        golds = tmp / "gold"
        golds.mkdir()
        for ex in examples:
            (golds / f"{ex.gold.id}.json").write_text(json.dumps(ex.gold.gold, ensure_ascii=False), encoding="utf-8")
        print("rules alone (the coder before this one):")
        rules = score(args.shared, golds, rule_records(examples), tmp, verbose=True)
        print(json.dumps({"split": "rules", **rules}))
        results = {}
        for split in ("article", "outlet"):
            keys = dup_groups if split == "article" else [ex.gold.source for ex in examples]
            folds = args.folds if split == "article" else min(args.folds, len(set(keys)))
            runs = {t: [] for t in thresholds}
            for seed in range(1, args.seeds + 1):
                fold = folds_by(keys, folds, seed)
                predicted = predict(examples, fold, folds, cfg)
                for t in thresholds:
                    verbose = seed == 1 and t == CFG["min_confidence"]
                    if verbose:
                        print(f"by {split}, seed 1, min confidence {t}:")
                    runs[t].append(score(args.shared, golds, records(examples, predicted, t), tmp, verbose))
            for t in thresholds:
                mean = {k: round(statistics.mean(r[k] for r in runs[t]), 3)
                        for k in ("macro_recall", "macro_precision", "micro_recall", "micro_precision", "flags_acc")}
                results[(split, t)] = mean
                print(json.dumps({"split": split, "min_confidence": t, "folds": folds, "seeds": args.seeds, **mean}))
    chosen = CFG["min_confidence"]
    print(json.dumps({"benchmark": "events-articles", "articles": len(examples), "min_confidence": chosen,
                      "by_article": results[("article", chosen)] if ("article", chosen) in results else None,
                      "by_outlet": results[("outlet", chosen)] if ("outlet", chosen) in results else None,
                      "rules": {k: rules[k] for k in ("macro_recall", "macro_precision", "micro_recall",
                                                      "micro_precision", "flags_acc")}}))


if __name__ == "__main__":
    main()
