"""A fresh store per test on SQLite (a real file) and on PostgreSQL (a real server, when
RASID_TEST_PG names one: `make test` starts a throwaway one where the server is installed; without it
the PostgreSQL cases are skipped, and under CI they fail)."""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from groups import skip
from rasid.store import open_store

PG = os.environ.get("RASID_TEST_PG")


def _pg_database() -> tuple[str, callable]:
    name = "rasid_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                          "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
    return PG.rsplit("/", 1)[0] + "/" + name, drop


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    """Storage is tested on the events the rules find; the learned screen and coder have their own tests."""
    monkeypatch.setenv("RASID_EVENT_SCREEN", "off")
    monkeypatch.setenv("RASID_EVENT_MODEL", "off")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "rasid.db")
        return
    if not PG:
        skip("postgresql", "RASID_TEST_PG not set (make test starts a server where PostgreSQL is installed)")
    url, drop = _pg_database()
    yield url
    drop()


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()
