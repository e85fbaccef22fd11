"""The learned event coder: its linear models against scikit-learn, the shipped model, confidence
filtering, and the annotated corpus it is trained on (sentences written for these tests)."""
import json
import subprocess
import sys

import numpy as np
import pytest

import rasid
from rasid.code.events import code_events
from rasid.code.features import (ArticleView, event_features, is_candidate, party_candidates, party_features,
                                 trigger_features)
from rasid.code.model import MODEL, NONE, Candidate, EventModel, LinearModel, _event, keep_confident
from rasid.code.screening import _stem_verdict, screen_by_stems, screen_events
from rasid.doc import Actor, Article, Event, Flags
from rasid.pipeline import CODER_STEPS, READING_STEPS, STEPS, default_steps, run

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
    art = run(Article(id="t", text=text, published="2024-09-11"), CODER_STEPS)
    view = ArticleView(art)
    k = next(k for k, evs in view.rule_events.items() for e in evs if e.type == "ASSAULT")
    assert "USA" in {p.country for p in party_candidates(view, view.sentence_of(k), k)}


def test_names_are_no_trigger_candidates():
    art = run(Article(id="t", text="واستقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا.", published=PUB),
              CODER_STEPS)
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


def _view(text: str) -> ArticleView:
    return ArticleView(run(Article(id="t", text=text, published=PUB), CODER_STEPS))


def test_the_trigger_scores_cached_per_word_are_the_trigger_models():
    """``predict`` scores a word's own features once per form and adds its context: the same
    probabilities as the trigger model over all the word's features."""
    model = EventModel.from_path(str(MODEL))
    text = ("شن طيران التحالف العربي غارات على مواقع للحوثيين في صنعاء أمس. "
            "واستقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي جون كيري في القاهرة وبحث معه.")
    for _ in range(2):  # the second pass reads the cached scores
        view = _view(text)
        candidates = model.predict(view)
        assert candidates
        place = {tok.i: (s, j) for s, toks in enumerate(view.tokens) for j, tok in enumerate(toks)}
        for c in candidates:
            ref = model.trigger.proba([trigger_features(view, *place[c.token])])[0]
            assert ref[model.trigger.classes.index(c.type)] == pytest.approx(c.p_type, abs=1e-9)


def test_the_sides_scored_together_are_each_triggers_own():
    """``predict`` scores the parties of all of an article's triggers in one pass: each candidate's side
    probabilities are those of the side models over its own parties."""
    model = EventModel.from_path(str(MODEL))
    view = _view("شن طيران التحالف العربي غارات على مواقع للحوثيين في صنعاء أمس. "
                 "وأدانت المملكة العربية السعودية الهجمات الإسرائيلية على المسجد الأقصى. "
                 "وبحث وزير الخارجية الأمريكي جون كيري مع نظيره المصري سامح شكري في القاهرة أمس.")
    candidates = [c for c in model.predict(view) if c.actor is not None]
    assert len({c.sentence for c in candidates}) >= 2
    for c in candidates:
        parties = party_candidates(view, c.sentence, c.token)
        feats = [party_features(view, c.sentence, c.token, c.type, p) for p in parties]
        countries = [p.country for p in parties]
        assert model.actor.proba(feats)[countries.index(c.actor.country)] == pytest.approx(c.p_actor, abs=1e-9)
        alone = len(parties) == 1 and not view.twice(c.sentence, c.recipient.country)  # one party, not both sides
        expected = 0.0 if alone else model.recipient.proba(feats)[countries.index(c.recipient.country)]
        assert expected == pytest.approx(c.p_recipient, abs=1e-9)


def test_every_likely_recipient_is_a_recipient():
    """The recipient model says yes or no per party: a second party it finds likely joins the first."""
    model = EventModel.from_path(str(MODEL))
    view = _view("وأدانت المملكة العربية السعودية الهجمات على مصر والأردن.")
    s = next(i for i, ms in enumerate(view.mentions) if ms)
    k = view.tokens[s][1].i
    parties = {p.country: p for p in party_candidates(view, s, k)}
    assert {"SAU", "EGY", "JOR"} <= set(parties)
    c = Candidate(s, k, "ACCUSE", 0.9, parties["SAU"], 0.9, parties["EGY"], 0.8, [(parties["JOR"], 0.6)])
    for threshold, expected in ((0.5, {"EGY", "JOR"}), (0.7, {"EGY"})):
        model.cfg = {**model.cfg, "also_recipient": threshold}
        ev = _event(model, view, c, None)
        assert {a.country for a in ev.recipients} == expected and {a.country for a in ev.actors} == {"SAU"}


def test_the_confidence_is_the_confidence_models_probability():
    """With a confidence model the coder's events carry its probability, and the floor filters on it."""
    model = EventModel.from_path(str(MODEL))
    assert model.event is not None
    view = _view("وأدانت المملكة العربية السعودية الهجمات الإسرائيلية على المسجد الأقصى. "
                 "وبحث وزير الخارجية الأمريكي جون كيري مع نظيره المصري سامح شكري في القاهرة أمس.")
    model.cfg = {**model.cfg, "event_floor": 0.0}
    events, origins = model.code(view, model.predict(view))
    expected = model.event.proba(event_features(view, events, origins))
    model.set_annotations(view, model.predict(view))
    got = [ev.confidence for ev in view.article.events]
    assert got and got == [round(float(p), 3) for p in expected]
    model.cfg = {**model.cfg, "event_floor": max(got)}
    model.set_annotations(view, model.predict(view))
    assert [ev.confidence for ev in view.article.events] == [c for c in got if c >= max(got)]


def test_the_learned_coder_reads_the_screen_by_its_stems_and_the_rules_use_its_second_opinion(monkeypatch):
    assert default_steps() is STEPS and screen_by_stems in STEPS and screen_events not in STEPS
    monkeypatch.setenv("RASID_EVENT_MODEL", "off")
    assert screen_events in default_steps() and screen_by_stems not in default_steps()
    undecided = {"threshold": 0.5, "second": {"band": 1.0}, "weights": {}, "bias": 0.0}
    art = run(Article(id="t", text="قتل 18 شخصا في انفجار سيارة مفخخة في بغداد أمس.", published=PUB),
              READING_STEPS + [code_events])
    (ev,) = [e for e in art.events if e.type == "ASSAULT"]
    assert _stem_verdict(undecided, art, ev.sentence, "ASSAULT", [ev]) is None
    assert isinstance(_stem_verdict(undecided, art, ev.sentence, "ASSAULT", [ev], second_opinion=False), bool)


def test_confidence_labels_follow_the_scorers_matching():
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_event_model import event_labels

    def event(t, a, r, conf):
        return Event(t, None, None, 0.0, 1, [Actor(a, country=a)], [Actor(r, country=r)], None, None, Flags(), 0,
                     (0, 1), (0, 1), confidence=conf)
    gold = {"events": [{"type": "CONSULT", "actors": [{"country": "IRN"}], "recipients": [{"country": "IRQ"}],
                        "symmetric": True}]}
    events = [event("CONSULT", "IRN", "IRQ", 0.3), event("CONSULT", "IRQ", "IRN", 0.6), event("AID", "IRN", "IRQ", 0.9)]
    assert event_labels(gold, events) == [0, 1, 0]  # one gold event, matched by the most confident twin


def test_coding_a_view_twice_gives_the_same_events():
    """The coder copies the rule events it merges, so that a view can be coded again (as the
    benchmarks do, once per threshold) without the first coding changing the second."""
    model = EventModel.from_path(str(MODEL))
    model.cfg = {**model.cfg, "event_floor": 0.0}
    view = _view("شن طيران التحالف العربي بقيادة السعودية غارات على مواقع للحوثيين في صنعاء أمس، "
                 "وقصفت طائرات التحالف مواقع الحوثيين في صعدة. وأدانت إيران الغارات السعودية على اليمن.")
    first = [ev.to_dict() for ev in (model.set_annotations(view, model.predict(view)) or view.article.events)]
    second = [ev.to_dict() for ev in (model.set_annotations(view, model.predict(view)) or view.article.events)]
    assert first and first == second


def _trigger(view: ArticleView, word: str) -> tuple[int, int]:
    """The sentence and article token of the first token whose text is ``word``."""
    return next((s, t.i) for s, toks in enumerate(view.tokens) for t in toks if t.text == word)


def test_a_nationality_adjective_after_the_trigger_names_a_party():
    """الغارات الإسرائيلية: the adjective gives the doer's country, a candidate even where no name says it;
    a relative clause ends the trigger's phrase."""
    view = _view("وأدانت الجامعة العربية الغارات الإسرائيلية على غزة.")
    s, k = _trigger(view, "الغارات")
    assert view.adjectives_after(s, k) == {"ISR": 1}
    israel = next(p for p in party_candidates(view, s, k) if p.country == "ISR")
    assert "adj" in israel.sources and "adj_first" in party_features(view, s, k, "ASSAULT", israel)
    view = _view("وأدانت الجامعة العربية الغارات التي شنتها الطائرات الإسرائيلية على غزة.")
    s, k = _trigger(view, "الغارات")
    assert view.adjectives_after(s, k) == {}


def test_a_dropped_subject_may_be_the_previous_sentences():
    view = _view("واستقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي جون كيري في القاهرة أمس. "
                 "وبحث معه العلاقات الثنائية.")
    s, k = _trigger(view, "وبحث")
    egypt = next(p for p in party_candidates(view, s, k) if p.country == "EGY")
    feats = party_features(view, s, k, "CONSULT", egypt)
    assert {"not_in_sentence", "prev_first", "none_before"} <= set(feats)
    usa = next(p for p in party_candidates(view, s, k) if p.country == "USA")
    assert "prev_first" not in party_features(view, s, k, "CONSULT", usa)
