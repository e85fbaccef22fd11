"""The ``Store``: writes analysis records into the corpus and answers queries over it.

SQLite (a file, the default) and PostgreSQL (``postgresql://…``) share one schema and one code
path through SQLAlchemy Core. Writing is idempotent: an article is keyed by the hash of its
text, so ingesting the same input twice adds nothing, and a killed ingest resumes where its last
committed batch ended.
"""
from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, and_, create_engine, event, func, inspect, insert, or_, select
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError

from ..dates import interval
from ..errors import StoreError
from ..text.normalize import normalize_word
from .dedup import DuplicateIndex, from_bytes, signature, to_bytes
from .fts import index_articles
from .names import actor_code, actor_name, side_codes
from .schema import actors, articles, entities, event_mentions, events, quotes, sentences

__all__ = ["Store", "open_store", "content_hash", "AddResult"]

LOGGER = logging.getLogger(__name__)
DEFAULT_DB = "rasid.db"
_SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
# CAMEO role codes: a side known only by its role ("GOV") is too vague to identify an event
_ROLES = set("GOV MIL REB OPP PTY COP JUD LEG SPY UAF INS SEP ELI CVL BUS CRM MED HLH EDU LAB AGR REF HRI "
             "ENV RAD MOD NGO NGM IGO IMG MNC REL".split())
_SAME_EVENT_DAYS = 1


def content_hash(text: str) -> str:
    """The identity of an article: SHA-256 of its whitespace-folded text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _url(target: str) -> str:
    """A database URL: a plain path is an SQLite file; postgresql:// uses psycopg 3."""
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    return target if "://" in target else f"sqlite:///{Path(target).resolve()}"


def open_store(target: str | None = None, *, create: bool = True) -> Store:
    """A store at a database URL or an SQLite file path (default ``./rasid.db``).

    With ``create=False`` (every reading command) a database that does not exist, or holds no
    Rasid schema, is refused rather than created empty. Raises :class:`StoreError` with one line."""
    target = target or DEFAULT_DB
    url = _url(target)
    shown = make_url(target).render_as_string(hide_password=True) if "://" in target else target
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if not create and not path.is_file():
            raise StoreError(f"no Rasid database at {shown}; create one with rasid ingest")
        if not path.parent.is_dir():
            raise StoreError(f"cannot create a database at {shown}: the folder {path.parent} does not exist")
    try:
        return Store(url, create=create, shown=shown)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreError(f"cannot open the database {shown}: {reason}") from None


@dataclass
class AddResult:
    added: int = 0
    skipped: int = 0          # already in the store (same text)
    failed: int = 0           # records with an error: reported, not stored
    duplicates: int = 0       # near-duplicates of an earlier article (stored and linked)
    errors: list[tuple[str, str]] = field(default_factory=list)


def _side_key(side: list[dict[str, Any]]) -> str:
    return "|".join(sorted({a.get("country") or a.get("sector") or "?" for a in side}))


def _is_country_key(key: str) -> bool:
    return bool(key) and all(len(p) == 3 and p not in _ROLES for p in key.split("|"))


def _parse_day(value: str | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


class Store:
    def __init__(self, url: str, *, create: bool = True, shown: str | None = None) -> None:
        self.url = url
        self.engine: Engine = create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if not create and not inspect(self.engine).has_table("alembic_version"):
            self.engine.dispose()
            raise StoreError(f"no Rasid database at {shown or url}; create one with rasid ingest")
        self.migrate()
        self._dedup: DuplicateIndex | None = None
        self._actor_ids: dict[tuple[str, str | None], int] = {}

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        cfg = Config()
        cfg.set_main_option("script_location", str(files("rasid.store") / "migrations"))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ writing
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        if not hashes:
            return set()
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles.c.content_hash).where(articles.c.content_hash.in_(hashes)))
            return {r[0] for r in rows}

    def _dedup_index(self, conn: Connection) -> DuplicateIndex:
        if self._dedup is None:
            self._dedup = DuplicateIndex()
            for aid, sig in conn.execute(select(articles.c.id, articles.c.minhash).where(articles.c.minhash.is_not(None))):
                self._dedup.add(aid, from_bytes(sig))
        return self._dedup

    def _actor_id(self, conn: Connection, actor: dict[str, Any]) -> int | None:
        code = actor_code(actor.get("country"), actor.get("sector"))
        if not code:
            return None
        key = (code, actor.get("name_en"))
        if key not in self._actor_ids:
            row = conn.execute(select(actors.c.id).where(actors.c.code == code, (
                actors.c.name_en == key[1]) if key[1] is not None else actors.c.name_en.is_(None))).first()
            if row is None:
                row = conn.execute(insert(actors).values(code=code, country=actor.get("country"),
                                                         sector=actor.get("sector"), name_en=key[1])
                                   .returning(actors.c.id)).first()
            self._actor_ids[key] = row[0]
        return self._actor_ids[key]

    def add(self, records: list[dict[str, Any]]) -> AddResult:
        """Store analysis records in one transaction; returns what happened to each."""
        result = AddResult()
        with self.engine.begin() as conn:
            dedup = self._dedup_index(conn)
            new_ids = []
            seen_in_batch: set[str] = set()
            for rec in records:
                if rec.get("error"):
                    result.failed += 1
                    result.errors.append((rec.get("id", "?"), rec["error"]))
                    continue
                h = content_hash(rec["text"])
                if h in seen_in_batch or conn.execute(select(articles.c.id).where(articles.c.content_hash == h)).first():
                    result.skipped += 1
                    continue
                seen_in_batch.add(h)
                aid = self._add_article(conn, rec, h, dedup)
                if aid[1]:
                    result.duplicates += 1
                new_ids.append(aid[0])
                result.added += 1
            index_articles(conn, new_ids)
        return result

    def _add_article(self, conn: Connection, rec: dict[str, Any], h: str, dedup: DuplicateIndex) -> tuple[int, bool]:
        norm = normalize_word(rec["text"])
        sig = signature(norm)
        twin = dedup.find(sig)
        aid = conn.execute(insert(articles).values(
            content_hash=h, external_id=rec.get("id"), source=rec.get("source"), url=rec.get("url"),
            title=rec.get("title"), author=rec.get("author"), published=rec.get("published"),
            text=rec["text"], norm_text=norm, minhash=to_bytes(sig),
            duplicate_of=twin[0] if twin else None, similarity=twin[1] if twin else None,
        ).returning(articles.c.id)).scalar_one()
        dedup.add(aid, sig)
        if rec.get("sentences"):
            conn.execute(insert(sentences), [
                {"article_id": aid, "i": i, "start": s["start"], "end": s["end"], "heading": s["heading"],
                 "duplicate_of": s["duplicate_of"]} for i, s in enumerate(rec["sentences"])])
        if rec.get("entities"):
            conn.execute(insert(entities), [
                {"article_id": aid, "start": e["start"], "end": e["end"], "text": e["text"], "type": e["type"],
                 "name_en": e.get("name_en"), "country": e.get("country"), "sector": e.get("sector"),
                 "actor_id": self._actor_id(conn, e) if e["type"] in ("PER", "ORG", "GPE") else None}
                for e in rec["entities"]])
        if rec.get("quotes"):
            conn.execute(insert(quotes), [
                {"article_id": aid, "start": q["start"], "end": q["end"], "kind": q["kind"],
                 "speaker": (q.get("speaker") or {}).get("text"),
                 "speaker_country": (q.get("speaker") or {}).get("country"),
                 "speaker_sector": (q.get("speaker") or {}).get("sector")} for q in rec["quotes"]])
        for ev in rec.get("events", []):
            self._add_event(conn, aid, rec, ev, twin[0] if twin else None)
        return aid, twin is not None

    def _same_event(self, conn: Connection, ev: dict[str, Any], akey: str, rkey: str,
                    twin: int | None) -> int | None:
        """The stored event that this report is about: same type, flags and sides, close dates.

        Sides named only by a role or not at all ("? attacked", "GOV said") identify nothing across
        outlets: such a report joins an event only of the article it is a near-duplicate of."""
        fl = ev["flags"]
        sides = [and_(events.c.actor_key == akey, events.c.recipient_key == rkey)]
        if ev["type"] in _SYMMETRIC:
            sides.append(and_(events.c.actor_key == rkey, events.c.recipient_key == akey))
        query = select(events.c.id, events.c.date, events.c.location_country).where(
            events.c.type == ev["type"], or_(*sides), events.c.future == fl["future"],
            events.c.negated == fl["negated"], events.c.hypothetical == fl["hypothetical"])
        day = _parse_day(ev.get("date"))
        if day is not None:
            window = [(day + timedelta(days=d)).isoformat() for d in range(-_SAME_EVENT_DAYS, _SAME_EVENT_DAYS + 1)]
            query = query.where(events.c.date.in_(window))
        elif ev.get("date"):
            query = query.where(events.c.date == ev["date"])
        else:
            return None  # undated reports are never merged across articles
        if not (_is_country_key(akey) and _is_country_key(rkey)):
            if twin is None:
                return None
            query = query.where(events.c.id.in_(select(event_mentions.c.event_id).where(
                event_mentions.c.article_id == twin)))
        loc = (ev.get("location") or {}).get("country")
        for eid, _, loc_country in conn.execute(query.order_by(events.c.id)):
            if loc is None or loc_country is None or loc == loc_country:
                return eid
        return None

    def _add_event(self, conn: Connection, aid: int, rec: dict[str, Any], ev: dict[str, Any], twin: int | None) -> None:
        akey, rkey = _side_key(ev["actors"]), _side_key(ev["recipients"])
        eid = self._same_event(conn, ev, akey, rkey, twin)
        n_mentions = len(ev.get("mentions") or [1])
        if eid is None:
            loc = ev.get("location") or {}
            eid = conn.execute(insert(events).values(
                type=ev["type"], mode=ev.get("mode"), cameo=ev["cameo"], goldstein=ev["goldstein"],
                quad_class=ev["quad_class"], actor_key=akey, recipient_key=rkey,
                actor_id=self._actor_id(conn, ev["actors"][0]) if ev["actors"] else None,
                recipient_id=self._actor_id(conn, ev["recipients"][0]) if ev["recipients"] else None,
                date=ev.get("date"), **dict(zip(("date_start", "date_end"), interval(ev.get("date")) or ())),
                location=loc.get("name_en") or loc.get("text"),
                location_country=loc.get("country"), lat=loc.get("lat"), lon=loc.get("lon"),
                gloss=ev.get("gloss") or "", num_mentions=n_mentions, num_articles=1,
                confidence=ev.get("confidence"),
                **{k: bool(v) for k, v in ev["flags"].items()},
            ).returning(events.c.id)).scalar_one()
        else:
            articles_before = conn.execute(select(func.count()).select_from(event_mentions).where(
                event_mentions.c.event_id == eid, event_mentions.c.article_id == aid)).scalar_one()
            conn.execute(events.update().where(events.c.id == eid).values(
                num_mentions=events.c.num_mentions + n_mentions,
                num_articles=events.c.num_articles + (0 if articles_before else 1)))
            if ev.get("confidence") is not None:  # the event is as sure as its surest report
                conn.execute(events.update().where(events.c.id == eid, or_(
                    events.c.confidence.is_(None), events.c.confidence < ev["confidence"])).values(
                    confidence=ev["confidence"]))
        attribution = (ev.get("attribution") or {}).get("text")
        conn.execute(insert(event_mentions), [
            {"event_id": eid, "article_id": aid, "sentence": m["sentence"], "start": m["start"], "end": m["end"],
             "attribution": attribution} for m in (ev.get("mentions") or
                                                   [{"sentence": ev["sentence"], **ev["evidence"]}])])

    # ------------------------------------------------------------------ reading
    def stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            count = lambda t, *where: conn.execute(select(func.count()).select_from(t).where(*where)).scalar_one()  # noqa: E731
            return {
                "articles": count(articles),
                "duplicate_articles": count(articles, articles.c.duplicate_of.is_not(None)),
                "entities": count(entities),
                "quotes": count(quotes),
                "events": count(events),
                "event_mentions": count(event_mentions),
                "merged_events": count(events, events.c.num_articles > 1),
                "actors": count(actors),
            }

    def search(self, query: str, *, since: str | None = None, until: str | None = None, source: str | None = None,
               entity: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching every word of ``query`` (normalised Arabic), best first; ``entity`` is a
        country code or an entity's name."""
        from .browse import list_articles  # the browsing views build on the Store
        return list_articles(self, q=query, since=since, until=until, source=source, actor=entity, limit=limit)["items"]

    def events(self, *, actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = 100,
               id: int | None = None, min_confidence: float | None = None) -> list[dict[str, Any]]:
        """Events (not reports), newest first, filtered by actor/recipient (a code or a name the
        store knows), type, dates (kept when the event's interval overlaps [since, until]) and
        ``min_confidence`` (events the rules coded without a confidence always pass).

        Each row names its sides in codes (``actor``: ``SAU GOV|YEM``) and carries the ids and URLs
        of the articles that report it and the evidence of its first mention. Raises QueryError
        (or DateError) for a parameter that cannot be answered."""
        from .filters import actor_side, date_overlap, event_type, resolve_actor
        q = select(events).where(*date_overlap(since, until))
        with self.engine.connect() as conn:
            for value, key_col, id_col in ((actor, events.c.actor_key, events.c.actor_id),
                                           (recipient, events.c.recipient_key, events.c.recipient_id)):
                wanted = resolve_actor(conn, value)
                if wanted:
                    q = q.where(actor_side(key_col, id_col, wanted))
            if type:
                q = q.where(events.c.type == event_type(type))
            if id is not None:
                q = q.where(events.c.id == id)
            if min_confidence is not None:
                q = q.where(or_(events.c.confidence.is_(None), events.c.confidence >= min_confidence))
            q = q.order_by(events.c.date_start.desc().nulls_last(), events.c.date_end, events.c.id)
            if limit:
                q = q.limit(limit)
            return self._traced(conn, [dict(r._mapping) for r in conn.execute(q)])

    def _traced(self, conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``rows`` of events with their sides' codes, reporting articles and first evidence."""
        if not rows:
            return rows
        ids = {r["actor_id"] for r in rows} | {r["recipient_id"] for r in rows}
        who = {i: (c, s) for i, c, s in conn.execute(
            select(actors.c.id, actors.c.country, actors.c.sector).where(actors.c.id.in_(ids - {None})))}
        reports: dict[int, list[Any]] = {}
        for m in conn.execute(
                select(event_mentions.c.event_id, event_mentions.c.article_id, articles.c.url,
                       func.substr(articles.c.text, event_mentions.c.start + 1,
                                   event_mentions.c.end - event_mentions.c.start).label("evidence"))
                .join(articles, articles.c.id == event_mentions.c.article_id)
                .where(event_mentions.c.event_id.in_([r["id"] for r in rows]))
                .order_by(event_mentions.c.event_id, event_mentions.c.id)):
            reports.setdefault(m.event_id, []).append(m)
        for r in rows:
            for side, key in (("actor", "actor_key"), ("recipient", "recipient_key")):
                country, sector = who.get(r[f"{side}_id"], (None, None))
                codes = side_codes(r[key], country, sector)
                r[side] = "|".join(codes)
                r[f"{side}_name"] = actor_name(country, sector) if codes else None
            seen = reports.get(r["id"], [])
            r["article_ids"] = list(dict.fromkeys(m.article_id for m in seen))
            r["article_urls"] = list(dict.fromkeys(m.url for m in seen if m.url))
            r["evidence"] = seen[0].evidence if seen else None
        return rows

    def dyads(self, since: str | None = None, until: str | None = None) -> list[tuple[str, str, str, int, float]]:
        """(actor_key, recipient_key, type, events, Goldstein sum) for every dyad and type."""
        from .filters import date_overlap
        q = select(events.c.actor_key, events.c.recipient_key, events.c.type, func.count(),
                   func.sum(events.c.goldstein)).where(*date_overlap(since, until)) \
            .group_by(events.c.actor_key, events.c.recipient_key, events.c.type)
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(q)]

    def mentions(self, event_id: int) -> list[dict[str, Any]]:
        """Every report of an event: the article (id, external id, title, URL), the sentence, the
        evidence span and its text, and who the report attributes it to."""
        q = select(event_mentions, articles.c.external_id, articles.c.title, articles.c.url, articles.c.text).join(
            articles, articles.c.id == event_mentions.c.article_id).where(event_mentions.c.event_id == event_id) \
            .order_by(event_mentions.c.id)
        with self.engine.connect() as conn:
            return [{**{k: v for k, v in r._mapping.items() if k != "text"},
                     "evidence": r.text[r.start:r.end]} for r in conn.execute(q)]

    def top_actors(self, n: int = 20) -> list[dict[str, Any]]:
        """The most active actors (country and sector), with events as actor and as recipient.

        ``name_en`` is what the code stands for ("Saudi Arabia — government"); ``people`` the
        persons it was named by in events, most frequent first."""
        as_actor: Counter[str] = Counter()
        as_recipient: Counter[str] = Counter()
        names: dict[str, Counter[str]] = {}
        parts: dict[str, tuple[str | None, str | None]] = {}
        with self.engine.connect() as conn:
            for col, counter in ((events.c.actor_id, as_actor), (events.c.recipient_id, as_recipient)):
                person = actors.c.id.in_(select(entities.c.actor_id).where(entities.c.type == "PER"))
                q = select(actors.c.country, actors.c.sector, actors.c.name_en, person, func.count()) \
                    .join(events, col == actors.c.id).where(actors.c.country.is_not(None)) \
                    .group_by(actors.c.country, actors.c.sector, actors.c.name_en, actors.c.id)
                for country, sector, name, is_person, count in conn.execute(q):
                    code = actor_code(country, sector)
                    parts[code] = (country, sector)
                    counter[code] += count
                    if name and is_person:
                        names.setdefault(code, Counter())[name] += count
        total = as_actor + as_recipient
        return [{"code": code, "name_en": actor_name(*parts[code]),
                 "people": ", ".join(p for p, _ in names.get(code, Counter()).most_common(3)),
                 "events": count, "as_actor": as_actor[code], "as_recipient": as_recipient[code]}
                for code, count in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]

    def iter_events(self, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every event in id order, traced as :meth:`events` traces them, read ``batch`` at a time."""
        last = 0
        with self.engine.connect() as conn:
            while rows := [dict(r._mapping) for r in conn.execute(
                    select(events).where(events.c.id > last).order_by(events.c.id).limit(batch))]:
                yield from self._traced(conn, rows)
                last = rows[-1]["id"]


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
