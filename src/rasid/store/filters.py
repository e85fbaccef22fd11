"""Query parameters checked and turned into SQL conditions, one way for the CLI, the API and the
browsing views: dates (an event is kept when its interval overlaps the range asked for), event
types (unknown ones are an error listing the valid ones) and actors (a code or a name the store
knows; a name nobody matches is an error).
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.engine import Connection

from ..code.ontology import ontology
from ..dates import day_range
from ..errors import QueryError
from ..text.normalize import normalize_word
from .names import country_codes, sector_name
from .schema import actors, entities, events

__all__ = ["event_type", "date_overlap", "resolve_actor", "side_has", "actor_side", "Actor"]

Actor = tuple[str | None, str | None]  # (country, sector)
_CODE_RE = re.compile(r"[A-Za-z]{3}(?: ?[A-Za-z]{3})?")


def event_type(value: str | None) -> str | None:
    """A PLOVER type, upper-cased; QueryError listing the valid types when it is none of them."""
    if not value:
        return None
    types = ontology().types
    if value.strip().upper() not in types:
        raise QueryError(f"unknown event type '{value}'; the types are: {', '.join(sorted(types))}")
    return value.strip().upper()


def date_overlap(since: str | None, until: str | None) -> list[ColumnElement[bool]]:
    """Conditions keeping events whose date interval overlaps [since, until] (checked ISO dates,
    partial ones too: ``--since 2015-08`` starts on 1 August); undated events drop out."""
    first, last = day_range(since, until)
    return ([events.c.date_end >= first] if first else []) + ([events.c.date_start <= last] if last else [])


def _as_code(value: str) -> Actor | None:
    """(country, sector) of a code written ``SAU GOV``, ``SAUGOV``, ``SAU`` or ``GOV``; None if it is none."""
    if not _CODE_RE.fullmatch(value):
        return None
    parts = value.upper().split() if " " in value else [value[:3].upper(), value[3:].upper()]
    first, second = parts[0], parts[1] or None
    countries = country_codes()
    if second is None:
        return (first, None) if first in countries else (None, first) if sector_name(first) else None
    return (first, second) if (first in countries or sector_name(first)) and sector_name(second) else None


def resolve_actor(conn: Connection, value: str | None) -> list[Actor] | None:
    """The actors ``value`` stands for: a code (``IRN``, ``SAU GOV``, ``SAUGOV``, ``REB``) or a name
    the store knows (an entity's English name or text, a country's name). QueryError when nothing
    matches."""
    if not value or not value.strip():
        return None
    value = value.strip()
    code = _as_code(value)
    if code is not None:
        return [code]
    found: dict[Actor, int] = {}
    norm = normalize_word(value)
    countries = [c for c, (en, ar) in country_codes().items()
                 if en.lower() == value.lower() or normalize_word(ar) == norm]
    for c in countries:
        found[(c, None)] = found.get((c, None), 0) + 1
    q = select(entities.c.country, entities.c.sector, func.count()).where(
        entities.c.country.is_not(None),
        or_(func.lower(entities.c.name_en) == value.lower(), entities.c.text == value)
    ).group_by(entities.c.country, entities.c.sector)
    for country, sector, n in conn.execute(q):
        found[(country, sector)] = found.get((country, sector), 0) + n
    if not found:
        raise QueryError(f"no actor matches '{value}': give a code (IRN, SAU GOV, REB) or a name "
                         "this database knows (rasid actors lists them)")
    return list(found)


def side_has(col, key: str) -> ColumnElement[bool]:
    """A side key (``IRN`` or ``IRN|IRQ``) that holds ``key`` as one of its parts."""
    return or_(col == key, col.like(f"{key}|%"), col.like(f"%|{key}"), col.like(f"%|{key}|%"))


def actor_side(key_col, id_col, wanted: list[Actor]) -> ColumnElement[bool]:
    """Events whose side (key column, first actor's id column) is one of ``wanted``."""
    conds: list[Any] = []
    for country, sector in wanted:
        if country and sector:
            conds.append(and_(side_has(key_col, country), id_col.in_(
                select(actors.c.id).where(actors.c.country == country, actors.c.sector == sector))))
        elif country:
            conds.append(side_has(key_col, country))
        else:
            conds.append(or_(side_has(key_col, sector), id_col.in_(
                select(actors.c.id).where(actors.c.sector == sector))))
    return or_(*conds)
