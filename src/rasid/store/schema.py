"""The corpus schema (SQLAlchemy Core). Migrations live in ``store/migrations`` (Alembic).

Events are stored twice on purpose: ``event_mentions`` keeps what each article reported (with
its evidence), ``events`` is the real-world event those reports are about, so counts are of
events, not of reports.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String,
                        Table, Text, UniqueConstraint)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("external_id", Text),
    Column("source", Text), Column("url", Text), Column("title", Text), Column("author", Text),
    Column("published", String(32), index=True),
    Column("text", Text, nullable=False),
    Column("norm_text", Text, nullable=False),         # normalised copy for full-text search
    Column("minhash", LargeBinary),                    # near-duplicate signature
    Column("duplicate_of", Integer, ForeignKey("articles.id"), index=True),
    Column("similarity", Float),
    Column("error", Text),
)

sentences = Table(
    "sentences", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("i", Integer, primary_key=True),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("heading", Boolean, nullable=False), Column("duplicate_of", Integer),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(32), nullable=False),        # IRN, IRNGOV, GOV …
    Column("country", String(3), index=True), Column("sector", String(8)),
    Column("name_en", Text),
    UniqueConstraint("code", "name_en", name="uq_actor"),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("type", String(8), nullable=False, index=True),
    Column("name_en", Text, index=True), Column("country", String(3), index=True), Column("sector", String(8)),
    Column("actor_id", Integer, ForeignKey("actors.id"), index=True),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("speaker", Text), Column("speaker_country", String(3)), Column("speaker_sector", String(8)),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(12), nullable=False, index=True), Column("mode", String(24)),
    Column("cameo", String(4), nullable=False), Column("goldstein", Float, nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("actor_key", String(64), nullable=False, index=True),       # "IRN" or "IRN|IRQ"
    Column("recipient_key", String(64), nullable=False, index=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), index=True),
    Column("recipient_id", Integer, ForeignKey("actors.id"), index=True),
    Column("date", String(10), index=True),
    # revision 0005: the interval the date denotes (first and last day), which filters and sorting use
    Column("date_start", String(10), index=True), Column("date_end", String(10), index=True),
    Column("confidence", Float, index=True),           # the learned coder's probability (the best report's)
    Column("location", Text), Column("location_country", String(3)),
    Column("lat", Float), Column("lon", Float),
    Column("historical", Boolean, nullable=False), Column("future", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False), Column("negated", Boolean, nullable=False),
    Column("gloss", Text, nullable=False),
    Column("num_mentions", Integer, nullable=False, default=1),
    Column("num_articles", Integer, nullable=False, default=1),
)

event_mentions = Table(
    "event_mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("attribution", Text),
)

Index("ix_events_dyad", events.c.actor_key, events.c.recipient_key, events.c.date)

# Revision 0002: sentence vectors for semantic (cross-lingual) search.
article_vectors = Table(
    "article_vectors", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("model", String(32), nullable=False),
    Column("vector", LargeBinary, nullable=False),     # float32, L2-normalised
)
