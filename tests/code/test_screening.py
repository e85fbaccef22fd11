"""The event screen: attacks reported as news stay, attacks mentioned in passing go (sentences written
for these tests; the screen itself is trained on the GSR dev sentences)."""
import json

import pytest

import rasid
from rasid.code.events import code_events
from rasid.code.screening import MODEL, score, second_opinion, sentence_features, sentence_text
from rasid.doc import Article
from rasid.pipeline import READING_STEPS, run
from rasid.text.normalize import normalize_word

PUB = "2024-05-15"


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    """The screen reads the rule coder's events; the learned coder (test_model.py) comes after it."""
    monkeypatch.setenv("RASID_EVENT_MODEL", "off")


def _types(text, monkeypatch, screen=None):
    if screen:
        monkeypatch.setenv("RASID_EVENT_SCREEN", screen)
    return [e["type"] for e in rasid.analyze(text, published=PUB)["events"]]


def test_a_fresh_attack_report_is_kept(monkeypatch):
    text = "قتل 18 شخصا وأصيب عشرات آخرون بجروح في انفجار سيارتين مفخختين في بغداد أمس."
    assert "ASSAULT" in _types(text, monkeypatch)


def _score(text):
    """The shipped model's score for the sentence's ASSAULT events (found without the screen)."""
    art = run(Article(id="t", text=text, published=PUB), READING_STEPS + [code_events])
    model = json.loads(MODEL.read_text(encoding="utf-8"))["types"]["ASSAULT"]
    return score(model, sentence_features(art, 0, "ASSAULT", [e for e in art.events if e.type == "ASSAULT"]))


def test_the_shipped_model_ranks_reports_above_passing_mentions():
    report = _score("قتل 18 شخصا وأصيب عشرات آخرون بجروح في انفجار سيارتين مفخختين في بغداد أمس.")
    funeral = _score("وشارك آلاف في تشييع القائد الفلسطيني يحيى عياش الذي قُتل في غارة إسرائيلية.")
    demand = _score("وطالب الحزب بمحاسبة المسلحين الذين خطفوا الصحافي الشهر الماضي.")
    assert report > 0.7 and report > funeral + 0.2 and report > demand + 0.2


def test_events_below_the_threshold_are_dropped_and_other_types_stay(monkeypatch, tmp_path):
    demand = "وطالب الحزب الحكومة بمحاسبة المسلحين الذين خطفوا الصحافي الشهر الماضي."
    assert sorted(_types(demand, monkeypatch, "off")) == ["ASSAULT", "REQUEST"]
    model = tmp_path / "screen.json"  # a model that rejects sentences about holding someone to account
    model.write_text(json.dumps({"types": {"ASSAULT": {"bias": 0.0, "threshold": 0.5,
                                                       "weights": {"w:" + normalize_word("محاسبة"): -20.0}}}}),
                     encoding="utf-8")
    assert _types(demand, monkeypatch, str(model)) == ["REQUEST"]
    fresh = "وخطف مسلحون الصحافي أمس في بغداد."
    assert _types(fresh, monkeypatch, str(model)) == ["ASSAULT"]


def test_historical_background_is_kept_with_its_flag(monkeypatch):
    text = "وأشار إلى أن الشرطة ما زالت تبحث عن المسلحين الذين هاجموا البنك قبل عامين."
    (ev,) = rasid.analyze(text, published=PUB)["events"]
    assert ev["type"] == "ASSAULT" and ev["flags"]["historical"]


def test_the_shipped_model_screens_assault_only():
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    assert set(model["types"]) == {"ASSAULT"}
    m = model["types"]["ASSAULT"]
    assert 0 < m["threshold"] < 1 and len(m["weights"]) > 100 and "trained_on" in model
    assert 0 < m["second"]["band"] < 0.5 and len(m["second"]["weights"]) == 384


def test_the_second_opinion_decides_only_where_the_stems_are_undecided(monkeypatch, tmp_path):
    text = "وخطف مسلحون مهندسا في بغداد أمس."  # no weight for any feature: a stem score of exactly 0.5

    def screened(band, second_bias):
        model = tmp_path / f"screen-{band}-{second_bias}.json"
        second = {"band": band, "bias": second_bias, "threshold": 0.5, "weights": [0.0] * 384}
        model.write_text(json.dumps({"types": {"ASSAULT": {"bias": 0.0, "threshold": 0.5, "weights": {},
                                                           "second": second}}}), encoding="utf-8")
        return _types(text, monkeypatch, str(model))

    assert screened(0.1, -5.0) == [] and screened(0.1, 5.0) == ["ASSAULT"]  # within the band: it decides
    assert screened(0.0, -5.0) == ["ASSAULT"]  # no band: the stems' 0.5 meets the threshold


def test_the_encoder_reads_no_sentence_of_an_event_another_sentence_keeps(monkeypatch, tmp_path):
    from rasid.code import screening
    text = "خطف مسلحون مهندسا في بغداد\nخطف مسلحون مهندسا في بغداد أمس."  # a headline and its report: one event
    calls = []
    real = screening.second_opinion
    monkeypatch.setattr(screening, "second_opinion", lambda model, s: calls.append(s) or real(model, s))

    def screened(weights):
        model = tmp_path / f"screen-{len(weights)}.json"
        second = {"band": 0.1, "bias": -5.0, "threshold": 0.5, "weights": [0.0] * 384}
        model.write_text(json.dumps({"types": {"ASSAULT": {"bias": 0.0, "threshold": 0.5, "weights": weights,
                                                           "second": second}}}), encoding="utf-8")
        return _types(text, monkeypatch, str(model))

    # no weights: both sentences score 0.5, within the band, and the second opinion rejects them
    assert screened({}) == [] and len(calls) == 2
    calls.clear()  # the report's أمس keeps the event by its stems: the undecided headline is never embedded
    assert screened({"w:" + normalize_word("أمس"): 20.0}) == ["ASSAULT"] and calls == []


def test_the_shipped_second_opinion_ranks_reports_above_passing_mentions():
    m = json.loads(MODEL.read_text(encoding="utf-8"))["types"]["ASSAULT"]["second"]
    report = second_opinion(m, "قتل 18 شخصا وأصيب عشرات آخرون بجروح في انفجار سيارتين مفخختين في بغداد أمس.")
    funeral = second_opinion(m, "وشارك آلاف في تشييع القائد الفلسطيني يحيى عياش الذي قُتل في غارة إسرائيلية.")
    demand = second_opinion(m, "وطالب الحزب بمحاسبة المسلحين الذين خطفوا الصحافي الشهر الماضي.")
    assert report >= m["threshold"] > demand and report > funeral


def test_the_second_opinion_reads_a_long_sentence_around_its_trigger():
    words = " ".join(["وقال"] + ["المتحدث"] * 60) + " إن مسلحين خطفوا مهندسا في بغداد أمس."
    art = run(Article(id="t", text=words, published=PUB), READING_STEPS + [code_events])
    (ev,) = [e for e in art.events if e.type == "ASSAULT"]
    read = sentence_text(art, ev.sentence, [ev])
    assert "خطفوا" in read and len(read.split()) <= 40 and len(read) < len(words)
