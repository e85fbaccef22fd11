"""Queries on both databases: dates compare as intervals, parameters are checked, events are
traced to their articles, actor codes have one name, and older databases are migrated."""
import pytest
from alembic import command
from alembic.config import Config
from importlib.resources import files
from sqlalchemy import select

import rasid
from rasid.errors import DateError, QueryError
from rasid.store import open_store
from rasid.store.schema import actors, events

VISIT = ("زار الرئيس التركي رجب طيب أردوغان العاصمة القطرية الدوحة يوم الأحد والتقى أمير قطر "
         "الشيخ تميم بن حمد وبحثا العلاقات الثنائية والأوضاع في غزة.")
DATES = ["2015-W29", "2015-08-03", "2015-07", "2015", "2015-07-31", None]
_TAILS = ["وكان الجو حارا.", "وحضر اللقاء وزراء.", "وتناول الطرفان الغداء.", "واستمر اللقاء ساعتين.",
          "وغادر بعدها.", "وكانت الزيارة قصيرة."]


def _dated(dates):
    """The same visit, reported by one article per date, its events carrying that date."""
    records = []
    for i, day in enumerate(dates):
        rec = rasid.analyze(VISIT + " " + _TAILS[i], id=f"d{i}", published="2015-08-05", url=f"http://example.org/{i}")
        for ev in rec["events"]:
            ev["date"] = day
            ev["actors"] = [{"country": "TUR", "sector": "GOV", "name_en": "Recep Tayyip Erdoğan"}]
            ev["recipients"] = [{"country": "QAT", "sector": None}] if i % 2 else []
            ev["flags"] = {**ev["flags"], "future": bool(i)}  # keep one event per article
        records.append(rec)
    return records


@pytest.fixture
def dated(store):
    store.add(_dated(DATES))
    return store


def test_events_sort_by_the_days_their_dates_denote(dated):
    dates = [e["date"] for e in dated.events(limit=None) if e["type"] == "CONSULT"]
    assert dates == ["2015-08-03", "2015-07-31", "2015-W29", "2015-07", "2015", None]


def test_a_filter_keeps_events_whose_interval_overlaps_the_range(dated):
    since = {e["date"] for e in dated.events(since="2015-08", limit=None)}
    assert since == {"2015-08-03", "2015"}                   # 2015-W29 (13-19 July) is out
    july = {e["date"] for e in dated.events(since="2015-07-14", until="2015-07-20", limit=None)}
    assert july == {"2015-W29", "2015-07", "2015"}
    assert {e["date"] for e in dated.events(until="2015-07-12", limit=None)} == {"2015-07", "2015"}


def test_bad_parameters_are_errors_with_the_reason(dated):
    with pytest.raises(DateError, match="'01/08/2015' is not an ISO date"):
        dated.events(since="01/08/2015")
    with pytest.raises(DateError, match="month 13"):
        dated.search("الدوحة", until="2024-13-45")
    with pytest.raises(QueryError, match="unknown event type 'ASSUALT'.*ASSAULT.*CONSULT"):
        dated.events(type="ASSUALT")
    with pytest.raises(QueryError, match="no actor matches 'Nowhereland'"):
        dated.events(actor="Nowhereland")


def test_an_actor_is_a_code_or_a_name_the_store_knows(dated):
    by_code = {e["id"] for e in dated.events(actor="TUR", limit=None)}
    assert by_code and {e["id"] for e in dated.events(actor="Recep Tayyip Erdoğan", limit=None)} == by_code
    assert {e["id"] for e in dated.events(actor="tur gov", limit=None)} == by_code
    assert {e["id"] for e in dated.events(actor="TURGOV", limit=None)} == by_code
    assert {e["id"] for e in dated.events(recipient="Qatar", limit=None)} == {
        e["id"] for e in dated.events(recipient="QAT", limit=None)} != set()
    assert dated.events(actor="QAT GOV", type="CONSULT", limit=None) == []


def test_events_carry_their_articles_evidence_and_codes(dated):
    ev = next(e for e in dated.events(limit=None) if e["date"] == "2015-W29")
    assert ev["actor"] == "TUR GOV" and ev["actor_name"] == "Türkiye — government" and ev["recipient"] == ""
    (aid,) = ev["article_ids"]
    assert ev["article_urls"] == ["http://example.org/0"]
    assert ev["evidence"] and ev["evidence"] in VISIT
    assert [m["article_id"] for m in dated.mentions(ev["id"])] == [aid]
    exported = {e["id"]: e for e in dated.iter_events(batch=2)}
    assert len(exported) == dated.stats()["events"] and exported[ev["id"]]["evidence"] == ev["evidence"]
    top = {a["code"]: a for a in dated.top_actors(5)}
    assert top["TUR GOV"]["name_en"] == "Türkiye — government" and "Recep Tayyip Erdoğan" in top["TUR GOV"]["people"]


def test_an_older_database_gets_intervals_and_codes_written_one_way(db_url):
    store = open_store(db_url)
    store.add(_dated(DATES))
    cfg = Config()
    cfg.set_main_option("script_location", str(files("rasid.store") / "migrations"))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    with store.engine.connect() as conn:
        assert "TURGOV" in set(conn.execute(select(actors.c.code)).scalars())
    store.close()
    store = open_store(db_url, create=False)       # opening migrates to the newest revision
    with store.engine.connect() as conn:
        rows = {r.date: (r.date_start, r.date_end) for r in conn.execute(select(events))}
        assert "TURGOV" not in set(conn.execute(select(actors.c.code)).scalars())
    assert rows["2015-W29"] == ("2015-07-13", "2015-07-19") and rows[None] == (None, None)
    assert [e["date"] for e in store.events(since="2015-08", limit=None)] == ["2015-08-03", "2015"]
    store.close()
