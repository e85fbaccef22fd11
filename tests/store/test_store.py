"""The corpus store on both databases: idempotence, de-duplication, queries, bad records."""
import json

import rasid
from rasid.store import open_store
from rasid.store.aggregate import actor_graph, timeline
from rasid.store.ingest import ingest

VISIT = ("زار الرئيس التركي رجب طيب أردوغان العاصمة القطرية الدوحة يوم الأحد والتقى أمير قطر "
         "الشيخ تميم بن حمد وبحثا العلاقات الثنائية والأوضاع في غزة.")
STRIKE = "وقصفت طائرات إسرائيلية مواقع لحزب الله في جنوب لبنان أمس، وفقا لمصادر أمنية."
WIRE = ("أعلنت وزارة الخارجية المصرية أن الوزير سامح شكري سيزور واشنطن الأسبوع المقبل لبحث "
        "الأوضاع الإقليمية مع نظيره الأمريكي، وأضافت الوزارة في بيان أن الزيارة تستمر ثلاثة أيام "
        "وتشمل لقاءات مع مسؤولين في الكونغرس ومراكز أبحاث. وقال المتحدث باسم الوزارة إن القاهرة "
        "تسعى إلى تعزيز الشراكة الاستراتيجية مع الولايات المتحدة في مجالات الأمن والاقتصاد والطاقة.")


def _records(*texts, published="2024-05-12"):
    return [rasid.analyze(t, published=published, id=f"a{i}", source=f"outlet{i}") for i, t in enumerate(texts)]


def test_adding_the_same_article_twice_stores_it_once(store):
    recs = _records(VISIT, STRIKE)
    first = store.add(recs)
    again = store.add(recs)
    assert (first.added, again.added, again.skipped) == (2, 0, 2)
    counts = store.stats()
    assert counts["articles"] == 2 and counts["events"] >= 2 and counts["entities"] > 5


def test_bad_records_are_reported_not_stored(store):
    recs = _records(VISIT) + [{"id": "bad", "error": "binary data, not text"}]
    result = store.add(recs)
    assert result.added == 1 and result.failed == 1 and result.errors == [("bad", "binary data, not text")]


def test_a_wire_copy_is_a_near_duplicate_and_its_events_are_merged(store):
    copy = WIRE.replace("أعلنت", "وأعلنت").replace("ومراكز أبحاث", "ومراكز الأبحاث")
    store.add(_records(WIRE))
    store.add([rasid.analyze(copy, published="2024-05-12", id="copy", source="other")])
    counts = store.stats()
    assert counts["articles"] == 2 and counts["duplicate_articles"] == 1
    assert counts["merged_events"] >= 1
    merged = [e for e in store.events(limit=None) if e["num_articles"] == 2]
    assert merged and all(len({m["article_id"] for m in store.mentions(e["id"])}) == 2 for e in merged)


def test_different_stories_are_not_duplicates(store):
    store.add(_records(VISIT, STRIKE, WIRE))
    assert store.stats()["duplicate_articles"] == 0


def test_search_is_normalised_and_filtered(store):
    store.add(_records(VISIT, STRIKE))
    assert [r["external_id"] for r in store.search("الدوحه")] == ["a0"]          # ة/ه folded
    assert [r["external_id"] for r in store.search("جنوب لبنان")] == ["a1"]
    assert store.search("جنوب لبنان", source="outlet0") == []
    assert store.search("جنوب لبنان", since="2024-06-01") == []
    assert [r["external_id"] for r in store.search("الرئيس", entity="Recep Tayyip Erdoğan")] == ["a0"]


def test_event_queries_actors_graph_and_timeline(store):
    store.add(_records(VISIT, STRIKE))
    consult = store.events(actor="TUR", recipient="QAT", type="consult")
    assert consult and consult[0]["type"] == "CONSULT"
    assert store.events(actor="TUR", since="2025-01-01") == []
    top = {a["code"] for a in store.top_actors(10)}
    assert {"TUR GOV", "ISR"} & top
    g = actor_graph(store)
    assert g.has_edge("TUR", "QAT") and g["TUR"]["QAT"]["weight"] >= 1
    line = timeline(store, "TUR", "QAT", by="month")
    assert line[0]["period"] == "2024-05" and line[0]["quad1_share"] > 0


def test_ingest_files_skips_what_is_stored(db_url, tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": f"r{i}", "content": t, "date_extracted": "2024-05-12 10:00:00"} for i, t in enumerate([VISIT, STRIKE, WIRE])]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{oops\n", encoding="utf-8")
    store = open_store(db_url)
    first = ingest([str(corpus)], store, jobs=1, batch=2)
    second = ingest([str(corpus)], store, jobs=1, batch=2)
    assert (first.added, first.failed) == (3, 1)
    assert (second.added, second.skipped) == (0, 3)
    assert store.stats()["articles"] == 3
    store.close()
