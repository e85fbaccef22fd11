"""The corpus commands refuse what they cannot answer (one line, exit code 1) and show where
every event comes from; on both databases, through the real CLI."""
import json
import subprocess
import sys

import networkx as nx
import pytest
from sqlalchemy import create_engine, text

from paths import ROOT
from rasid.store import open_store

RASID = [sys.executable, "-m", "rasid.cli"]
READERS = [["stats"], ["actors"], ["events"], ["search", "بغداد"], ["graph", "-o", "-"], ["timeline", "IRQ"],
           ["export", "events"], ["show", "1"], ["embed"]]


def rasid(*args, code=0, cwd=None):
    res = subprocess.run([*RASID, *map(str, args)], capture_output=True, timeout=300, cwd=cwd)
    assert res.returncode == code, (res.stdout.decode(), res.stderr.decode())
    return res.stdout.decode("utf-8"), res.stderr.decode("utf-8")


def one_line(err):
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_reading_commands_refuse_a_database_that_does_not_exist(tmp_path, args):
    _, err = rasid(*args, "--db", tmp_path / "nope.db", code=1)
    assert one_line(err) == f"Error: no Rasid database at {tmp_path / 'nope.db'}; create one with rasid ingest"
    assert not (tmp_path / "nope.db").exists()
    _, err = rasid(*args, code=1, cwd=tmp_path)     # the default ./rasid.db is not created either
    assert "no Rasid database at rasid.db" in one_line(err) and not (tmp_path / "rasid.db").exists()


def test_a_database_in_a_missing_folder_and_a_missing_input_are_one_line_errors(tmp_path):
    _, err = rasid("ingest", ROOT / "samples", "--db", tmp_path / "no" / "such" / "r.db", code=1)
    assert one_line(err) == f"Error: cannot create a database at {tmp_path / 'no/such/r.db'}: " \
                            f"the folder {tmp_path / 'no/such'} does not exist"
    _, err = rasid("ingest", tmp_path / "nosuch.jsonl", "--db", tmp_path / "r.db", code=1)
    assert one_line(err) == f"Error: no such file or folder: {tmp_path / 'nosuch.jsonl'}"
    assert not (tmp_path / "r.db").exists()


@pytest.mark.parametrize("value", ["yesterday", "11/09/2024", "2024-13-45"])
def test_published_must_be_an_iso_date(tmp_path, value):
    article = tmp_path / "a.txt"
    article.write_text("زار وزير الخارجية الإيراني بغداد أمس.", encoding="utf-8")
    for cmd in (["analyze", article], ["ingest", article, "--db", tmp_path / "r.db"]):
        _, err = rasid(*cmd, "--published", value, code=1)
        assert one_line(err).startswith(f"Error: --published: '{value}' is not")
    assert not (tmp_path / "r.db").exists()
    out, _ = rasid("analyze", article, "--published", "2015-08", "--format", "json")
    assert json.loads(out)["published"] == "2015-08"


def test_postgresql_databases_that_do_not_exist_or_are_empty_are_refused(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    missing = db_url.rsplit("/", 1)[0] + "/rasid_no_such_db"
    _, err = rasid("stats", "--db", missing, code=1)
    assert one_line(err).startswith("Error: cannot open the database postgresql://") and "rasid_no_such_db" in err
    _, err = rasid("actors", "--db", db_url, code=1)       # exists, but holds no Rasid schema
    assert one_line(err) == f"Error: no Rasid database at {db_url}; create one with rasid ingest"
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT to_regclass('articles')")).scalar() is None
    engine.dispose()


def test_commands_check_parameters_and_trace_events(db_url, tmp_path):
    rasid("ingest", ROOT / "samples", "--db", db_url, "--jobs", "1")
    db = ["--db", db_url]

    for cmd in (["events", "--since", "01/08/2015"], ["search", "بغداد", "--since", "lastweek"],
                ["graph", "-o", "-", "--until", "2024-13"], ["timeline", "IRQ", "--since", "soon"]):
        _, err = rasid(*cmd, *db, code=1)
        assert "is not an ISO date" in one_line(err) or "month 13" in err
    _, err = rasid("events", "--type", "ASSUALT", *db, code=1)
    assert one_line(err).startswith("Error: unknown event type 'ASSUALT'; the types are: ") and "ASSAULT" in err
    _, err = rasid("events", "--actor", "Nowhereland", *db, code=1)
    assert "no actor matches 'Nowhereland'" in one_line(err)
    by_name = json.loads(rasid("events", "--actor", "Saudi Arabia", "--format", "json", *db)[0])
    by_code = json.loads(rasid("events", "--actor", "SAU", "--format", "json", *db)[0])
    assert by_name == by_code and by_code and all(e["actor"] == "SAU GOV" for e in by_code)
    out, err = rasid("events", "--actor", "SAU", "--type", "PROTEST", *db)
    assert out == "" and "no events match these filters" in err

    _, err = rasid("search", "Iraqi protest", "--semantic", *db, code=1)
    assert "no article vectors are stored" in one_line(err) and "rasid embed" in err
    out, err = rasid("timeline", "SAU", "USA", *db, "--format", "json")
    assert json.loads(out) == [] and "no dated events between SAU and USA" in err

    evs = json.loads(rasid("events", "--format", "json", "--limit", "100", *db)[0])
    dated = [e["date"] for e in evs if e["date"]]
    assert dated == sorted(dated, reverse=True) and evs[-1]["date"] is None   # 2024-07-14 … 2023-04, then undated
    assert all(e["article_ids"] and e["evidence"] for e in evs)
    ev = next(e for e in evs if e["type"] == "PROTEST")
    table, _ = rasid("events", "--type", "PROTEST", *db)
    assert f"#{ev['id']}" in table and ev["evidence"][:30] in table and "reported by 1 article" in table
    mentions = json.loads(rasid("events", "--id", ev["id"], "--mentions", "--format", "json", *db)[0])
    assert [m["article_id"] for m in mentions] == ev["article_ids"] and mentions[0]["evidence"] == ev["evidence"]
    _, err = rasid("events", "--id", 999999, *db, code=1)
    assert one_line(err) == "Error: no event 999999"

    shown, _ = rasid("show", ev["article_ids"][0], *db)
    assert "entities" in shown and "events" in shown and ev["evidence"][:30] in shown
    detail = json.loads(rasid("show", ev["article_ids"][0], "--format", "json", *db)[0])
    assert detail["events"] and detail["entities"] and detail["text"]
    assert json.loads(rasid("show", detail["external_id"], "--format", "json", *db)[0])["id"] == detail["id"]
    _, err = rasid("show", "999999", *db, code=1)
    assert one_line(err).startswith("Error: no article 999999")

    exported = [json.loads(l) for l in rasid("export", "events", *db)[0].splitlines()]
    assert {e["id"]: e["article_ids"] for e in exported} == {e["id"]: e["article_ids"] for e in evs}
    plover = [json.loads(l) for l in rasid("export", "events", "--format", "plover", *db)[0].splitlines()]
    assert all("" not in e["recipient"] and "" not in e["actor"] for e in plover)
    assert any(e["recipient"] == [] for e in plover) and any(e["actor"] == ["SAU GOV"] for e in plover)
    assert all(e["evidence"] and e["article_ids"] for e in plover)
    csv_text = rasid("export", "events", "--format", "csv", *db)[0]
    assert "SAU GOV" in csv_text and "SAUGOV" not in csv_text and ",article_ids,article_urls,evidence" in csv_text

    actors = json.loads(rasid("actors", "--format", "json", *db)[0])
    assert {"code": "SAU GOV", "name_en": "Saudi Arabia — government"}.items() <= actors[0].items()

    g = nx.node_link_graph(json.loads(rasid("graph", "-o", "-", "--format", "json", *db)[0]), edges="links")
    assert g.nodes["SAU"]["name"] == "Saudi Arabia" and not (tmp_path / "-").exists()
    graphml, _ = rasid("graph", "-o", "-", *db)
    assert graphml.startswith("<?xml") and "Saudi Arabia" in graphml
    summary = json.loads(rasid("graph", "-o", tmp_path / "g.out", "--format", "json", *db)[0])
    assert summary["format"] == "json" and json.loads((tmp_path / "g.out").read_text(encoding="utf-8"))["nodes"]
