"""Read-only views of the corpus for browsing: article pages, an article with its analysis,
an actor's profile, event places. The web app and the REST API show what these return."""
from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Select, and_, desc, func, or_, select

from ..dates import day_range
from .aggregate import period
from .db import Store
from .filters import date_overlap, event_type as checked_type, side_has as _side_has
from .fts import search_ids
from .names import country_name
from .schema import articles, entities, event_mentions, events, quotes, sentences

__all__ = ["list_articles", "article_detail", "find_article", "actor_profile", "event_places", "sources", "country_name"]

MAX_SEARCH_HITS = 2000  # full-text hits ranked before filters and paging (the total counts at most these)


def _article_filters(q: Select, since: str | None, until: str | None, source: str | None,
                     actor: str | None, event_type: str | None) -> Select:
    first, last = day_range(since, until)  # publication timestamps compare with days as strings
    if first:
        q = q.where(articles.c.published >= first)
    if last:
        q = q.where(articles.c.published <= last + "\uffff")
    if source:
        q = q.where(articles.c.source == source)
    if actor:
        q = q.where(articles.c.id.in_(select(entities.c.article_id).where(
            or_(entities.c.country == actor, entities.c.name_en == actor, entities.c.text == actor))))
    if event_type:
        q = q.where(articles.c.id.in_(select(event_mentions.c.article_id).join(
            events, events.c.id == event_mentions.c.event_id).where(events.c.type == checked_type(event_type))))
    return q


def list_articles(store: Store, *, q: str | None = None, since: str | None = None, until: str | None = None,
                  source: str | None = None, actor: str | None = None, event_type: str | None = None,
                  limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """One page of articles: full-text matches best first, or (without ``q``) newest first.

    ``actor`` is a country code or an entity's name; ``event_type`` keeps articles that report
    an event of that PLOVER type. Returns ``{"total": …, "items": […]}``."""
    day_range(since, until)  # a bad parameter is an error even when nothing would match
    checked_type(event_type)
    cols = [articles.c.id, articles.c.external_id, articles.c.title, articles.c.source, articles.c.url,
            articles.c.published, articles.c.duplicate_of, func.substr(articles.c.text, 1, 240).label("snippet")]
    with store.engine.connect() as conn:
        if q:  # rank by full text, filter the hits' ids, then read only the page's rows
            hits = search_ids(conn, q, MAX_SEARCH_HITS)
            rank = dict(hits)
            if since or until or source or actor or event_type:
                kept = set(conn.execute(_article_filters(select(articles.c.id).where(articles.c.id.in_(list(rank))),
                                                         since, until, source, actor, event_type)).scalars())
                hits = [h for h in hits if h[0] in kept]
            page = [i for i, _ in hits[offset:offset + limit]]
            rows = sorted((dict(r._mapping) for r in conn.execute(select(*cols).where(articles.c.id.in_(page)))),
                          key=lambda r: -rank[r["id"]]) if page else []
            for r in rows:
                r["score"] = round(rank[r["id"]], 4)
            return {"total": len(hits), "items": rows}
        query = _article_filters(select(*cols), since, until, source, actor, event_type)
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        page = query.order_by(desc(articles.c.published), desc(articles.c.id)).limit(limit).offset(offset)
        return {"total": total, "items": [dict(r._mapping) for r in conn.execute(page)]}


def article_detail(store: Store, article_id: int) -> dict[str, Any] | None:
    """A stored article with its sentences, entities, quotes and the events it reports (with spans)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            return None
        art = {k: v for k, v in row._mapping.items() if k not in ("norm_text", "minhash", "content_hash")}
        where = lambda t: t.c.article_id == article_id  # noqa: E731
        art["sentences"] = [dict(r._mapping) for r in conn.execute(
            select(sentences.c.i, sentences.c.start, sentences.c.end, sentences.c.heading,
                   sentences.c.duplicate_of).where(where(sentences)).order_by(sentences.c.i))]
        art["entities"] = [dict(r._mapping) for r in conn.execute(
            select(entities.c.start, entities.c.end, entities.c.text, entities.c.type, entities.c.name_en,
                   entities.c.country, entities.c.sector).where(where(entities)).order_by(entities.c.start))]
        art["quotes"] = [dict(r._mapping) for r in conn.execute(
            select(quotes.c.start, quotes.c.end, quotes.c.kind, quotes.c.speaker, quotes.c.speaker_country)
            .where(where(quotes)).order_by(quotes.c.start))]
        reported: dict[int, dict[str, Any]] = {}
        for r in conn.execute(select(events, event_mentions.c.sentence, event_mentions.c.start.label("m_start"),
                                     event_mentions.c.end.label("m_end"), event_mentions.c.attribution)
                              .join(event_mentions, event_mentions.c.event_id == events.c.id)
                              .where(event_mentions.c.article_id == article_id).order_by(event_mentions.c.start)):
            m = dict(r._mapping)
            ev = reported.setdefault(m["id"], {k: v for k, v in m.items()
                                               if k not in ("sentence", "m_start", "m_end", "attribution")}
                                     | {"mentions": []})
            ev["mentions"].append({"sentence": m["sentence"], "start": m["m_start"], "end": m["m_end"],
                                   "attribution": m["attribution"]})
        art["events"] = list(reported.values())
        if art["duplicate_of"] is not None:
            art["duplicate_title"] = conn.execute(
                select(articles.c.title).where(articles.c.id == art["duplicate_of"])).scalar_one_or_none()
    return art


def find_article(store: Store, key: str) -> dict[str, Any] | None:
    """:func:`article_detail` of the article numbered ``key``, or else of the one whose record id it is."""
    if key.isdigit() and (art := article_detail(store, int(key))) is not None:
        return art
    with store.engine.connect() as conn:
        aid = conn.execute(select(articles.c.id).where(articles.c.external_id == key)
                           .order_by(articles.c.id).limit(1)).scalar_one_or_none()
    return article_detail(store, aid) if aid is not None else None


def actor_profile(store: Store, key: str, by: str = "month", limit: int = 50) -> dict[str, Any]:
    """One actor (a country code such as ``IRN``, or a role such as ``REB`` for sides without one):
    how it is named, its events as actor and as recipient, its Goldstein timeline and top partners."""
    with store.engine.connect() as conn:
        forms = conn.execute(
            select(entities.c.text, entities.c.type, entities.c.name_en, func.count().label("count"))
            .where(entities.c.country == key).group_by(entities.c.text, entities.c.type, entities.c.name_en)
            .order_by(desc("count")).limit(20)).all()
        n_mentions = conn.execute(select(func.count()).select_from(entities)
                                  .where(entities.c.country == key)).scalar_one()
        recent = conn.execute(
            select(articles.c.id, articles.c.title, articles.c.published, articles.c.source)
            .where(articles.c.id.in_(select(entities.c.article_id).where(entities.c.country == key)))
            .order_by(desc(articles.c.published), desc(articles.c.id)).limit(10)).all()
        sides = {"as_actor": events.c.actor_key, "as_recipient": events.c.recipient_key}
        listed = {name: [dict(r._mapping) for r in conn.execute(
            select(events).where(_side_has(col, key)).order_by(events.c.date_start.desc().nulls_last(),
                                                                events.c.date_end, events.c.id).limit(limit))]
            for name, col in sides.items()}
        counts = {name: conn.execute(select(func.count()).select_from(events).where(_side_has(col, key)))
                  .scalar_one() for name, col in sides.items()}
        dated = conn.execute(select(events.c.date, events.c.goldstein, events.c.actor_key,
                                    events.c.recipient_key)
                             .where(or_(_side_has(events.c.actor_key, key), _side_has(events.c.recipient_key, key))))
        per: dict[str, list[float]] = {}
        partners: Counter[str] = Counter()
        tone: dict[str, float] = {}
        for day, goldstein, akey, rkey in dated:
            if day and (p := period(day, by)):
                per.setdefault(p, []).append(goldstein)
            others = {p for p in (akey.split("|") + rkey.split("|")) if p and p != key and p != "?"}
            for other in others:
                partners[other] += 1
                tone[other] = tone.get(other, 0.0) + goldstein
    return {
        "key": key, **country_name(key),
        "mentions": {"total": n_mentions, "forms": [dict(r._mapping) for r in forms],
                     "articles": [dict(r._mapping) for r in recent]},
        "events": counts, **listed,
        "timeline": [{"period": p, "events": len(v), "goldstein_mean": round(sum(v) / len(v), 2)}
                     for p, v in sorted(per.items())],
        "partners": [{"key": k, **country_name(k), "events": n, "goldstein_mean": round(tone[k] / n, 2)}
                     for k, n in partners.most_common(10)],
    }


def event_places(store: Store, since: str | None = None, until: str | None = None,
                 type: str | None = None) -> list[dict[str, Any]]:
    """Places of events whose coordinates are known: name, country, lat/lon, events, mean Goldstein."""
    q = select(events.c.location, events.c.location_country, events.c.lat, events.c.lon,
               func.count().label("events"), func.avg(events.c.goldstein).label("goldstein_mean")) \
        .where(and_(events.c.lat.is_not(None), events.c.lon.is_not(None))) \
        .group_by(events.c.location, events.c.location_country, events.c.lat, events.c.lon)
    q = q.where(*date_overlap(since, until))
    if type:
        q = q.where(events.c.type == checked_type(type))
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q.order_by(desc("events")))]
    for r in rows:
        r["goldstein_mean"] = round(float(r["goldstein_mean"]), 2)
    return rows


def sources(store: Store) -> list[dict[str, Any]]:
    """The outlets in the corpus with their article counts."""
    with store.engine.connect() as conn:
        return [{"source": s, "articles": n} for s, n in conn.execute(
            select(articles.c.source, func.count()).where(articles.c.source.is_not(None))
            .group_by(articles.c.source).order_by(desc(func.count())))]
