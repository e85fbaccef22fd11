"""The learned event coder: its linear models against scikit-learn, the shipped model, confidence
filtering, and the annotated corpus it is trained on (sentences written for these tests)."""
import json
import subprocess
import sys

import numpy as np
import pytest

import rasid
from rasid.code.features import ArticleView, is_candidate, party_candidates
from rasid.code.model import MODEL, NONE, EventModel, LinearModel, keep_confident
from rasid.doc import Actor, Article, Event, Flags
from rasid.pipeline import RULE_STEPS, run

from paths import ROOT, SHARED, needs_shared

PUB = "2015-08-09"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _sklearn_model(multiclass: bool):
    sklearn = pytest.importorskip("sklearn.linear_model")
    rng = np.random.default_rng(3)
    features = [f"f{i}" for i in range(12)]
    rows = [sorted(rng.choice(features, size=4, replace=False)) for _ in range(300)]
    x = np.array([[f in r for f in features] for r in rows], dtype=float)
    y = (x[:, 0] + 2 * x[:, 1] - x[:, 2] + rng.normal(0, 0.5, len(rows)) > 0.5).astype(int)
    if multiclass:
        y = y + (x[:, 3] > 0).astype(int)
    lr = sklearn.LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    if multiclass:
        data = LinearModel.to_dict([str(c) for c in lr.classes_], features, lr.coef_.T, lr.intercept_)
    else:
        data = LinearModel.to_dict(["1"], features, lr.coef_.T, lr.intercept_)
    return LinearModel(data), lr, rows, x


@pytest.mark.parametrize("multiclass", [False, True])
def test_linear_models_give_scikit_learns_probabilities(multiclass):
    model, lr, rows, x = _sklearn_model(multiclass)
    ours = model.proba(rows + [["unknown-feature"]])
    ref = lr.predict_proba(np.vstack([x, np.zeros((1, x.shape[1]))]))
    expected = ref[:, 1] if not multiclass else ref
    assert np.allclose(ours, expected, atol=2e-3)  # weights are stored to four decimals


def test_the_shipped_model_loads_and_covers_every_type():
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    model = EventModel(data)
    assert set(model.trigger.classes) == TYPES | {NONE}
    assert 0 < model.cfg["min_confidence"] < 1 and 0 < model.cfg["rule_confidence"] < 1
    assert "worked example" not in json.dumps(data["provenance"]) and "iran-iraq-visit" not in data["provenance"]["trained_on"]


def test_every_event_carries_a_probability_and_the_threshold_filters_them():
    text = ("شن طيران التحالف العربي بقيادة السعودية غارات على مواقع للحوثيين في صنعاء أمس. "
            "واستقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي جون كيري في القاهرة.")
    everything = rasid.analyze(text, published=PUB, min_confidence=0.0)["events"]
    assert everything and all(0.0 <= e["confidence"] <= 1.0 for e in everything)
    levels = sorted({e["confidence"] for e in everything})
    above = rasid.analyze(text, published=PUB, min_confidence=levels[-1])["events"]
    assert 0 < len(above) <= len(everything) and all(e["confidence"] >= levels[-1] for e in above)
    assert rasid.analyze(text, published=PUB, min_confidence=1.01)["events"] == []


def test_the_default_threshold_is_the_models():
    text = "شن طيران التحالف العربي غارات على مواقع للحوثيين في صنعاء أمس."
    threshold = EventModel.from_path(str(MODEL)).cfg["min_confidence"]
    assert rasid.analyze(text, published=PUB)["events"] == rasid.analyze(text, published=PUB, min_confidence=threshold)["events"]


def test_rule_events_without_confidence_are_kept_when_filtering():
    art = Article(id="t", text="x")
    rule = Event("CONSULT", None, "040", 1.0, 1, [Actor("a", country="EGY")], [], None, None, Flags(), 0, (0, 1), (0, 1))
    learned = Event("ASSAULT", None, "190", -10.0, 4, [], [], None, None, Flags(), 0, (0, 1), (0, 1), confidence=0.1)
    art.events = [rule, learned]
    assert keep_confident(art, 0.5).events == [rule]


def test_the_rules_events_are_the_models_evidence_not_its_output(monkeypatch):
    """With the model off, the record holds the rules' events (no confidence); with it on, every event has one."""
    text = "وزار رئيس الوزراء الأردني العاصمة المصرية القاهرة يوم الاثنين والتقى الرئيس المصري."
    monkeypatch.setenv("RASID_EVENT_MODEL", "off")
    off = rasid.analyze(text, published=PUB)["events"]
    assert off and all(e["confidence"] is None for e in off)
    monkeypatch.delenv("RASID_EVENT_MODEL")
    on = rasid.analyze(text, published=PUB, min_confidence=0.0)["events"]
    assert on and all(e["confidence"] is not None for e in on)


def test_a_country_named_only_through_the_rules_is_a_party_candidate():
    """هجوم أمريكي names the United States by an adjective that is no mention: the rules' actor
    brings it among the candidates."""
    text = "وقتل القائد الإيراني قاسم سليماني في هجوم أمريكي بطائرة مسيرة على مطار بغداد في 2020."
    art = run(Article(id="t", text=text, published="2024-09-11"), RULE_STEPS)
    view = ArticleView(art)
    k = next(k for k, evs in view.rule_events.items() for e in evs if e.type == "ASSAULT")
    assert "USA" in {p.country for p in party_candidates(view, view.sentence_of(k), k)}


def test_names_are_no_trigger_candidates():
    art = run(Article(id="t", text="واستقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا.", published=PUB),
              RULE_STEPS)
    view = ArticleView(art)
    words = {t.text for toks in view.tokens for t in toks if is_candidate(view, t)}
    assert "واستقبل" in words and "القاهرة" not in words and "السيسي" not in words


@needs_shared(SHARED / "data" / "events" / "to_annotate")
def test_the_annotations_follow_the_rules_and_hold_no_article_text():
    out = subprocess.run([sys.executable, ROOT / "scripts" / "check_annotations.py", "--shared", SHARED],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]
    n = len(list((ROOT / "data" / "annotations" / "events").glob("*.json")))
    assert n >= 125 and f"{n + len(list((ROOT / 'data' / 'annotations' / 'second').glob('*.json')))} annotation" in out.stdout
