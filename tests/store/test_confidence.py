"""Events keep the learned coder's confidence in both databases, and queries filter by it."""
import subprocess
import sys

from alembic import command
from alembic.config import Config
from importlib.resources import files
from sqlalchemy import select

import rasid
from rasid.store import open_store
from rasid.store.schema import events

TEXT = ("شن طيران التحالف العربي بقيادة السعودية غارات على مواقع للحوثيين في صنعاء أمس. "
        "واستقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي جون كيري في القاهرة.")


def _learned(monkeypatch, text=TEXT, id="c1"):
    monkeypatch.delenv("RASID_EVENT_MODEL", raising=False)  # the store fixtures code with the rules
    return rasid.analyze(text, id=id, published="2015-08-02", min_confidence=0.0)


def test_stored_events_carry_their_confidence_and_filter_by_it(store, monkeypatch):
    rec = _learned(monkeypatch)
    assert rec["events"]
    store.add([rec])
    stored = store.events(limit=None)
    assert stored and all(0 <= e["confidence"] <= 1 for e in stored)
    cut = sorted(e["confidence"] for e in stored)[len(stored) // 2]
    kept = store.events(limit=None, min_confidence=cut)
    assert kept and all(e["confidence"] >= cut for e in kept) and len(kept) <= len(stored)


def test_rasid_events_takes_min_confidence(db_url, monkeypatch):
    store = open_store(db_url)
    store.add([_learned(monkeypatch)])
    store.close()
    run = lambda *a: subprocess.run([sys.executable, "-m", "rasid.cli", "events", "--db", db_url, "--format", "jsonl", *a],  # noqa: E731
                                    capture_output=True, text=True)
    every = run("--min-confidence", "0").stdout.splitlines()
    none = run("--min-confidence", "1").stdout.splitlines()
    assert every and len(none) < len(every)
    bad = run("--min-confidence", "2")
    assert bad.returncode == 2 and "--min-confidence" in bad.stderr


def test_an_older_database_gets_the_confidence_column(db_url, monkeypatch):
    store = open_store(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(files("rasid.store") / "migrations"))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    store.close()
    store = open_store(db_url, create=False)  # opening migrates to the newest revision
    store.add([_learned(monkeypatch)])
    with store.engine.connect() as conn:
        assert all(c is not None for c in conn.execute(select(events.c.confidence)).scalars())
    store.close()
