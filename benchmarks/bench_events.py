"""Event coding on the GSR dev sentences (ASSAULT, PROTEST), scored with the shared ``score.py gsr``.

The shipped event screen is trained on these very sentences, so scoring it on them would measure
memory, not skill. The figures are therefore cross-validated: the labelled rows are split into
``--folds`` parts (``--seeds`` different splits, figures averaged); for each part a screen is
trained on the other parts
(``scripts/train_event_screen.py``'s ``fit``) and ``rasid analyze`` codes the part with it
(``RASID_EVENT_SCREEN``); the predictions of all parts are then scored together. ``--rules-only``
scores the trigger rules without any screen.

``score.py gsr`` stops with a KeyError on gold rows whose first span has no coded role
(``"source_role": {}`` or ``"UNKNOWN"``). Such rows still count for detection; the copy of the gold
file given to the scorer only drops their ``spans`` so that they are left out of the actor-code
figure, which is computed on the rows whose roles are coded.

    .venv/bin/python benchmarks/bench_events.py --shared ../shared [--folds 5] [--seeds 6] [--rules-only] [--shift -0.05] [--save DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from train_event_screen import TYPES, fit, load  # noqa: E402

GSR = ("ASSAULT", "PROTEST")


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


def analyze(rows: list[dict], tmp: Path, screen: str) -> list[str]:
    """``rasid analyze`` over ``rows`` with the screen ``screen``; its JSON Lines output."""
    src, out = tmp / "in.jsonl", tmp / "pred.jsonl"
    src.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in rows),
                   encoding="utf-8")
    subprocess.run([Path(sys.executable).parent / "rasid", "analyze", src, "--format", "jsonl", "-o", out,
                    "--no-progress"], check=True, stderr=subprocess.DEVNULL, env={**os.environ, "RASID_EVENT_SCREEN": screen})
    return out.read_text(encoding="utf-8").splitlines()


def cross_validated(shared: Path, gold_rows: dict[str, list[dict]], folds: int, seed: int, tmp: Path,
                    shift: float = 0.0) -> list[str]:
    """Predictions for every GSR row, each screened by a model trained without it (its thresholds
    moved by ``shift``)."""
    from sklearn.model_selection import StratifiedKFold
    preds = analyze([r for t in GSR if t not in TYPES for r in gold_rows[t]], tmp, "off")  # not screened
    labelled = load(shared)
    by_id = {r["id"]: r for t in TYPES for r in gold_rows[t]}
    split = StratifiedKFold(folds, shuffle=True, random_state=seed).split(labelled, [r.yes for r in labelled])
    for k, (train, test) in enumerate(split):
        model = tmp / f"screen-{k}.json"
        screen = fit([labelled[i] for i in train], seed=seed)
        for t in screen["types"].values():
            t["threshold"] += shift
            t["second"]["threshold"] += shift
        model.write_text(json.dumps(screen))
        preds += analyze([by_id[labelled[i].id] for i in test], tmp, str(model))
    return preds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=6, help="repeat the cross-validation with this many splits")
    ap.add_argument("--rules-only", action="store_true", help="no screen: what the trigger rules alone find")
    ap.add_argument("--shift", type=float, default=0.0,
                    help="move the screen's threshold by this much (negative: keeps more, to see the trade-off)")
    ap.add_argument("--save", type=Path, help="write each split's predictions here (PRED-<seed>.jsonl) to study them")
    args = ap.parse_args()
    score = args.shared / "eval" / "score.py"
    gold_rows = {t: [json.loads(l) for l in open(args.shared / "data" / "events" / f"{t.lower()}_gsr_dev.jsonl",
                                                  encoding="utf-8")] for t in GSR}
    runs: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        clean = {t: tmp / f"{t}_gold.jsonl" for t in GSR}
        uncoded = {t: sanitise(args.shared / "data" / "events" / f"{t.lower()}_gsr_dev.jsonl", clean[t]) for t in GSR}
        for seed in [0] if args.rules_only else range(1, args.seeds + 1):
            preds = (analyze([r for rows in gold_rows.values() for r in rows], tmp, "off") if args.rules_only
                     else cross_validated(args.shared, gold_rows, args.folds, seed, tmp, args.shift))
            (tmp / "all.jsonl").write_text("\n".join(preds) + "\n", encoding="utf-8")
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"PRED-{seed}.jsonl").write_text("\n".join(preds) + "\n", encoding="utf-8")
            figures = {}
            for etype in GSR:
                out = subprocess.run([sys.executable, score, "gsr", clean[etype], tmp / "all.jsonl"],
                                     check=True, capture_output=True, text=True).stdout
                print(f"seed {seed}:", out.strip().splitlines()[0],
                      f"(yes rows without coded roles, not in actor codes: {uncoded[etype]})")
                figures.update(json.loads(out.strip().splitlines()[-1]))
            runs.append(figures)
    summary = {t: {k: round(statistics.mean(r[t][k] for r in runs), 3) for k in ("f1", "p", "r", "actor_code_acc")}
               for t in GSR}
    mode = "rules only" if args.rules_only else f"{args.folds}-fold cross-validated screen, mean of {len(runs)} splits" \
        + (f", threshold moved by {args.shift:+}" if args.shift else "")
    print(json.dumps({"benchmark": "events-gsr", "mode": mode, **summary}))


if __name__ == "__main__":
    main()
