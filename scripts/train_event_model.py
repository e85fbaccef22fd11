#!/usr/bin/env python3
"""Train the learned event coder (``rasid.code.model``) on the annotated articles.

    .venv/bin/python scripts/train_event_model.py --shared ../shared      # make events-model

Reads the project's annotations (``data/annotations/events``) and the shared development articles
(``../shared/data/events/articles``), the texts from ``../shared``; runs every pipeline step before the
learned coder; fits logistic models (trigger type; actor country; recipient country; historical and
future flags; then the confidence model, on the events coders trained on two thirds of the articles
code in the other third) with scikit-learn and writes their weights, and the settings chosen by
``benchmarks/bench_articles.py``, to ``src/rasid/data/models/events/coder.json``. The worked example
is never read.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from event_corpus import Aligned, GoldArticle, align, analyse, groups, load  # noqa: E402

from rasid.code.features import (ArticleView, event_features, flag_features, is_candidate,  # noqa: E402
                                 party_candidates, party_features, trigger_features)
from rasid.code.model import (MODEL, NONE, EventModel, LinearModel, bare_rule_events,  # noqa: E402
                              complete_rule_events, rule_flags)
from rasid.extract.times import parse_published  # noqa: E402

# Settings chosen by cross-validation (benchmarks/bench_articles.py --sweep); see the README.
CFG = {"trigger_floor": 0.05, "event_floor": 0.02, "min_confidence": 0.2, "merge": "sentence",
       "bare_rule_types": ["ASSAULT", "PROTEST"], "rule_suppresses": True, "one_per_type": True,
       "same_country": 1.0, "also_recipient": 0.5, "calibrate": True, "candidate_floor": 0.02}
# the trigger model's C by bench_articles (macro F1 at 0.2, by article / by outlet): 0.1: 0.402 / 0.418,
# 0.25: 0.410 / 0.425, 0.5: 0.410 / 0.414, 1.0: 0.403 / 0.409
C_TRIGGER, C_PARTY, C_FLAGS, C_EVENT, MIN_COUNT = 0.25, 0.5, 0.5, 0.5, 2
CALIBRATION_FOLDS = 3   # the confidence model learns from events coded by models that did not see their article


@dataclass
class Example:
    """An analysed article with its gold, ready for feature extraction."""
    gold: GoldArticle
    view: ArticleView
    aligned: list[Aligned] = field(default_factory=list)


def prepare(articles: list[GoldArticle]) -> list[Example]:
    out = []
    for ga in articles:
        art = analyse(ga)
        view = ArticleView(art)
        out.append(Example(ga, view, align(ga, view)))
    return out


def trigger_rows(examples: list[Example]) -> tuple[list[list[str]], list[str]]:
    rows, labels = [], []
    for ex in examples:
        gold = {a.token: a.type for a in ex.aligned}
        for s, toks in enumerate(ex.view.tokens):
            if ex.view.sentences[s].duplicate_of is not None:
                continue
            for j, tok in enumerate(toks):
                if is_candidate(ex.view, tok) or tok.i in gold:
                    rows.append(trigger_features(ex.view, s, j))
                    labels.append(gold.get(tok.i, NONE))
    return rows, labels


def party_rows(examples: list[Example]) -> tuple[list[list[str]], list[int], list[int]]:
    rows, actor, recipient = [], [], []
    for ex in examples:
        for a in ex.aligned:
            for party in party_candidates(ex.view, a.sentence, a.token):
                rows.append(party_features(ex.view, a.sentence, a.token, a.type, party))
                actor.append(int(party.country in a.actors))
                recipient.append(int(party.country in a.recipients))
    return rows, actor, recipient


def flag_rows(examples: list[Example]) -> tuple[list[list[str]], list[int], list[int]]:
    rows, historical, future = [], [], []
    for ex in examples:
        pub = parse_published(ex.gold.published)
        for a in ex.aligned:
            rule, _ = rule_flags(ex.view, a.sentence, a.token, pub)
            rows.append(flag_features(ex.view, a.sentence, a.token, rule, pub))
            historical.append(int(a.event["flags"]["historical"]))
            future.append(int(a.event["flags"]["future"]))
    return rows, historical, future


def _matches(gold: dict, ev) -> bool:
    """score.py's match: the same type, a shared actor country and a shared recipient country."""
    def countries(xs):
        return {x["country"] if isinstance(x, dict) else x.country for x in xs} - {None}
    ga, gr = countries(gold["actors"]), countries(gold["recipients"])
    ea, er = countries(ev.actors), countries(ev.recipients)
    return gold["type"] == ev.type and ((bool(ga & ea) and bool(gr & er))
                                        or (gold["symmetric"] and bool(ga & er) and bool(gr & ea)))


def bare_rule_precision(examples: list[Example], types) -> float:
    """How often the rule coder's events of ``types`` without a country on some side are told where the
    gold has an event of that type (their sides cannot be checked: they are unknown)."""
    hit = total = 0
    for ex in examples:
        gold = {(a.token, a.type) for a in ex.aligned}
        for k, ev in bare_rule_events(ex.view.rule_events, types):
            total += 1
            hit += (k, ev.type) in gold
    return hit / total if total else 0.0


def rule_precision(examples: list[Example]) -> float:
    """How often the rule coder's complete events (a country on both sides) match a gold event."""
    hit = total = 0
    for ex in examples:
        for ev in complete_rule_events(ex.view.rule_events):
            total += 1
            hit += any(_matches(g, ev) for g in ex.gold.gold["events"])
    return hit / total if total else 0.0


def _matrix(rows: list[list[str]], index: dict[str, int]):
    from scipy.sparse import csr_matrix
    indptr, indices = [0], []
    for feats in rows:
        idx = sorted({index[f] for f in feats if f in index})
        indices += idx
        indptr.append(len(indices))
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(index)))


def _fit(rows: list[list[str]], labels: list, c: float, binary: bool) -> dict:
    from sklearn.linear_model import LogisticRegression
    counts = Counter(f for feats in rows for f in set(feats))
    features = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(features)}
    x = _matrix(rows, index)
    if binary and len(set(labels)) < 2:
        return LinearModel.to_dict(["1"], features, np.zeros((len(features), 1)), np.array([-5.0]))
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit(x, labels)
    if binary:
        return LinearModel.to_dict(["1"], features, lr.coef_.T, lr.intercept_)
    return LinearModel.to_dict([str(k) for k in lr.classes_], features, lr.coef_.T, lr.intercept_)


def fit(examples: list[Example], cfg: dict | None = None) -> dict:
    """The coder's models trained on ``examples``, with ``cfg`` (default ``CFG``): the trigger, side and
    flag models, and (``calibrate``) the confidence model over the events they code."""
    cfg = dict(cfg or CFG)
    model = _fit_coder(examples, cfg)
    if cfg.get("calibrate"):
        model["event"] = _fit_confidence(examples, cfg)
    return model


def event_labels(gold: dict, events: list) -> list[int]:
    """1 for each coded event that ``score.py`` would match to a gold event (greedily, one gold event
    each, the most confident coded event first), else 0."""
    used: set[int] = set()
    labels = [0] * len(events)
    for i in sorted(range(len(events)), key=lambda i: -(events[i].confidence or 0)):
        g = next((n for n, g in enumerate(gold["events"]) if n not in used and _matches(g, events[i])), None)
        if g is not None:
            used.add(g)
            labels[i] = 1
    return labels


def _fit_confidence(examples: list[Example], cfg: dict) -> dict:
    """The confidence model: a logistic model of whether a coded event is right, trained on the events
    that coders trained on the other parts (``CALIBRATION_FOLDS``, near-duplicates together) code in
    each part, so that it sees the coder's mistakes on articles it did not learn from."""
    group = groups([ex.gold for ex in examples])
    keys = sorted(set(group))
    random.Random(7).shuffle(keys)
    part_of = {key: i % CALIBRATION_FOLDS for i, key in enumerate(keys)}
    part = [part_of[g] for g in group]
    rows, labels = [], []
    for f in range(CALIBRATION_FOLDS):
        train = [ex for ex, p in zip(examples, part) if p != f]
        coder = EventModel(_fit_coder(train, cfg))
        for ex in (ex for ex, p in zip(examples, part) if p == f):
            events, origins = coder.code(ex.view, coder.predict(ex.view))
            rows += event_features(ex.view, events, origins)
            labels += event_labels(ex.gold.gold, events)
    return _fit(rows, labels, C_EVENT, True)


def _fit_coder(examples: list[Example], cfg: dict) -> dict:
    trows, tlabels = trigger_rows(examples)
    prows, alabels, rlabels = party_rows(examples)
    frows, hlabels, flabels = flag_rows(examples)
    return {"trigger": _fit(trows, tlabels, C_TRIGGER, False),
            "actor": _fit(prows, alabels, C_PARTY, True),
            "recipient": _fit(prows, rlabels, C_PARTY, True),
            "historical": _fit(frows, hlabels, C_FLAGS, True),
            "future": _fit(frows, flabels, C_FLAGS, True),
            "cfg": {**cfg, "rule_confidence": round(rule_precision(examples), 3),
                    "bare_rule_confidence": round(bare_rule_precision(examples, cfg["bare_rule_types"]), 3)}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args()
    examples = prepare(load(args.shared))
    model = fit(examples)
    model["provenance"] = {
        "trained_on": sorted(ex.gold.id for ex in examples),
        "command": "make events-model",
        "note": "weights of named features only; no article text",
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    n = sum(len(ex.aligned) for ex in examples)
    print(f"trained on {len(examples)} articles, {n} gold mentions; wrote {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
