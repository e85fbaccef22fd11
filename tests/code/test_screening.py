"""The event screen: attacks reported as news stay, attacks mentioned in passing go (sentences written
for these tests; the screen itself is trained on the GSR dev sentences)."""
import json

import rasid
from rasid.code.screening import MODEL

PUB = "2024-05-15"


def _types(text, monkeypatch, screen=None):
    if screen:
        monkeypatch.setenv("RASID_EVENT_SCREEN", screen)
    return [e["type"] for e in rasid.analyze(text, published=PUB)["events"]]


def test_a_fresh_attack_report_is_kept(monkeypatch):
    text = "قتل 18 شخصا وأصيب عشرات آخرون بجروح في انفجار سيارتين مفخختين في بغداد أمس."
    assert "ASSAULT" in _types(text, monkeypatch)


def test_attacks_mentioned_in_passing_are_dropped_and_other_events_stay(monkeypatch):
    funeral = "وشارك آلاف في تشييع القائد الفلسطيني يحيى عياش الذي قُتل في غارة إسرائيلية."
    demand = "وطالب الحزب بمحاسبة المسلحين الذين خطفوا الصحافي الشهر الماضي."
    assert "ASSAULT" in _types(funeral, monkeypatch, "off") and "ASSAULT" in _types(demand, monkeypatch, "off")
    monkeypatch.delenv("RASID_EVENT_SCREEN")
    assert "ASSAULT" not in _types(funeral, monkeypatch)
    assert _types(demand, monkeypatch) == ["REQUEST"]


def test_historical_background_is_kept_with_its_flag(monkeypatch):
    text = "وأشار إلى أن الشرطة ما زالت تبحث عن المسلحين الذين هاجموا البنك قبل عامين."
    (ev,) = rasid.analyze(text, published=PUB)["events"]
    assert ev["type"] == "ASSAULT" and ev["flags"]["historical"]


def test_the_shipped_model_screens_assault_only():
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    assert set(model["types"]) == {"ASSAULT"}
    m = model["types"]["ASSAULT"]
    assert 0 < m["threshold"] < 1 and len(m["weights"]) > 100 and "trained_on" in model
