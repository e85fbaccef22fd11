"""Full-text search over the normalised Arabic text: SQLite FTS5 or PostgreSQL tsvector (simple).

The index itself is made by migrations 0003 (FTS5 table; GIN expression index) and 0004 (PostgreSQL:
a stored generated ``norm_tsv`` column with its GIN index)."""
from __future__ import annotations

import re

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from ..text.normalize import normalize_word

__all__ = ["create_fts", "drop_fts", "is_fts_object", "index_articles", "search_ids", "fts_query"]

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def fts_query(query: str) -> list[str]:
    """The normalised words of a query (hamza, ta marbuta, diacritics folded like the index)."""
    return _WORD_RE.findall(normalize_word(query))


def create_fts(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
                          "norm_text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"))
    else:
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles "
                          "USING GIN (to_tsvector('simple', norm_text))"))


def drop_fts(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("DROP TABLE IF EXISTS articles_fts"))
    else:
        conn.execute(text("DROP INDEX IF EXISTS ix_articles_fts"))


def is_fts_object(name: str | None) -> bool:
    """Whether a database object belongs to full-text search (kept out of schema comparisons)."""
    return bool(name) and name.startswith(("articles_fts", "ix_articles_fts", "norm_tsv"))


def index_articles(conn: Connection, ids: list[int]) -> None:
    """Add articles to the SQLite FTS index (PostgreSQL's expression index needs nothing)."""
    if conn.dialect.name == "sqlite" and ids:
        stmt = text("INSERT INTO articles_fts(rowid, norm_text) SELECT id, norm_text FROM articles WHERE id IN :ids")
        conn.execute(stmt.bindparams(bindparam("ids", expanding=True)), {"ids": list(ids)})


def search_ids(conn: Connection, query: str, limit: int) -> list[tuple[int, float]]:
    """Article ids matching every word of ``query``, best first."""
    words = fts_query(query)
    if not words:
        return []
    if conn.dialect.name == "sqlite":
        match = " AND ".join('"%s"' % w.replace('"', "") for w in words)
        rows = conn.execute(text("SELECT rowid, bm25(articles_fts) FROM articles_fts WHERE articles_fts MATCH :q "
                                 "ORDER BY bm25(articles_fts) LIMIT :n"), {"q": match, "n": limit})
        return [(r[0], -r[1]) for r in rows]
    rows = conn.execute(text(
        "SELECT id, ts_rank(norm_tsv, q) AS rank FROM articles, plainto_tsquery('simple', :q) AS q "
        "WHERE norm_tsv @@ q ORDER BY rank DESC LIMIT :n"), {"q": " ".join(words), "n": limit})
    return [(r[0], float(r[1])) for r in rows]
