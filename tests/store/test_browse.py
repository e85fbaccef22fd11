"""Browsing views on both databases: article pages, an article's analysis, actor profiles, places."""
import pytest

import rasid
from rasid.store.aggregate import period
from rasid.store.browse import actor_profile, article_detail, event_places, list_articles, sources

VISIT = ("زار الرئيس التركي رجب طيب أردوغان العاصمة القطرية الدوحة يوم الأحد والتقى أمير قطر "
         "الشيخ تميم بن حمد وبحثا العلاقات الثنائية والأوضاع في غزة.")
STRIKE = "وقصفت طائرات إسرائيلية مواقع لحزب الله في جنوب لبنان أمس، وفقا لمصادر أمنية."
CALL = "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع أمير قطر الشيخ تميم بن حمد يوم الاثنين لبحث التطورات في غزة."


@pytest.fixture
def corpus(store):
    store.add([rasid.analyze(VISIT, published="2024-05-12", id="visit", source="anadolu", title="زيارة"),
               rasid.analyze(STRIKE, published="2024-06-02", id="strike", source="wire", title="غارات"),
               rasid.analyze(CALL, published="2024-07-01", id="call", source="anadolu", title="اتصال")])
    return store


def _ids(page):
    return [r["external_id"] for r in page["items"]]


def test_articles_page_newest_first_with_total_and_offset(corpus):
    page = list_articles(corpus, limit=2)
    assert page["total"] == 3 and _ids(page) == ["call", "strike"]
    assert _ids(list_articles(corpus, limit=2, offset=2)) == ["visit"]


def test_articles_filters_combine_with_full_text(corpus):
    assert _ids(list_articles(corpus, source="anadolu")) == ["call", "visit"]
    assert _ids(list_articles(corpus, since="2024-06-01", until="2024-06-30")) == ["strike"]
    assert _ids(list_articles(corpus, actor="QAT")) == ["call", "visit"]
    assert _ids(list_articles(corpus, event_type="assault")) == ["strike"]
    assert _ids(list_articles(corpus, q="غزة", source="anadolu", since="2024-06-01")) == ["call"]
    assert list_articles(corpus, q="كلمة-لا-توجد") == {"total": 0, "items": []}


def test_an_article_comes_back_with_its_analysis_and_evidence(corpus):
    aid = list_articles(corpus, q="جنوب لبنان")["items"][0]["id"]
    art = article_detail(corpus, aid)
    assert art["text"] == STRIKE and art["sentences"]
    assert any(e["text"] == "حزب الله" and e["country"] == "LBN" for e in art["entities"])
    (ev,) = [e for e in art["events"] if e["type"] == "ASSAULT"]
    assert ev["actor_key"] == "ISR"
    m = ev["mentions"][0]
    assert "قصفت" in STRIKE[m["start"]:m["end"]] and m["attribution"]
    assert article_detail(corpus, 10_000) is None


def test_actor_profile_has_names_events_timeline_and_partners(corpus):
    tur = actor_profile(corpus, "TUR")
    assert tur["name_en"] and tur["name_ar"] == "تركيا"
    assert tur["mentions"]["total"] == 2 and tur["mentions"]["forms"][0]["text"] == "رجب طيب أردوغان"
    assert [a["title"] for a in tur["mentions"]["articles"]] == ["اتصال", "زيارة"]
    assert tur["events"]["as_actor"] >= 2 and all("TUR" in e["actor_key"] for e in tur["as_actor"])
    assert [p["period"] for p in tur["timeline"]] == ["2024-05", "2024-07"]
    assert tur["partners"][0]["key"] == "QAT" and tur["partners"][0]["goldstein_mean"] > 0
    qat = actor_profile(corpus, "QAT")
    assert qat["events"]["as_recipient"] >= 2 and qat["events"]["as_actor"] == 0


def test_places_and_sources(corpus):
    places = {p["location"]: p for p in event_places(corpus)}
    assert places and all(p["lat"] is not None and p["events"] >= 1 for p in places.values())
    assert event_places(corpus, type="REQUEST") == []
    assert sources(corpus) == [{"source": "anadolu", "articles": 2}, {"source": "wire", "articles": 1}]


def test_periods_of_exact_and_partial_dates():
    assert period("2024-09-11", "month") == "2024-09"
    assert period("2024-09-11", "week") == "2024-W37"
    assert period("2024-W37", "month") == "2024-09"
    assert period("2024-09", "month") == "2024-09"
    assert period("2024-09", "week") is None and period("2024", "month") is None
    assert period("XXXX-07", "month") is None and period("XXXX-WXX-3", "week") is None
