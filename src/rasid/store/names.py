"""One name per actor code: the country (ISO-3) and sector (CAMEO role) it stands for.

``SAU GOV`` is "Saudi Arabia — government", ``SAU`` "Saudi Arabia", ``REB`` "rebels"; the
people and bodies an actor was named by are listed apart (``people``), never as its name.
Codes are written one way: country, a space, sector (``SAU GOV``).
"""
from __future__ import annotations

from functools import cache

from ..resources import read_tsv

__all__ = ["actor_code", "actor_name", "country_name", "country_codes", "sector_name", "side_codes"]


@cache
def _countries() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for r in read_tsv("gazetteer/places.tsv")[1:]:
        if r[1] == "country" and r[4]:
            names.setdefault(r[4], (r[3], r[0]))  # the first (short) name: إيران, not its official name
    return names


@cache
def _sectors() -> dict[str, str]:
    return {code: name for code, name in read_tsv("lexicons/sectors.tsv")}


def country_name(code: str) -> dict[str, str | None]:
    """English and Arabic names of an ISO-3 country code (None for codes that are not countries)."""
    en, ar = _countries().get(code, (None, None))
    return {"name_en": en, "name_ar": ar}


def country_codes() -> dict[str, tuple[str, str]]:
    """ISO-3 code -> (English name, Arabic name) of every country the gazetteer holds."""
    return _countries()


def sector_name(code: str | None) -> str | None:
    """The English name of a CAMEO role code (``GOV`` -> government), None when unknown."""
    return _sectors().get(code) if code else None


def actor_code(country: str | None, sector: str | None) -> str:
    """The code of a country and sector, written one way: ``SAU GOV``, ``SAU``, ``GOV``."""
    return " ".join(p for p in (country, sector) if p)


def actor_name(country: str | None, sector: str | None) -> str | None:
    """"Saudi Arabia — government", "Saudi Arabia", "rebels"; None when neither is known."""
    place = (country_name(country)["name_en"] or sector_name(country) or country) if country else None  # IMG, IGO
    role = (sector_name(sector) or sector) if sector else None
    if place and role:
        return f"{place} — {role}"
    return place or role


def side_codes(key: str, country: str | None, sector: str | None) -> list[str]:
    """The codes of a stored side (``IRN|IRQ``), its first actor's written with its sector:
    ``["IRN GOV", "IRQ"]``; ``[]`` for a side nobody fills (``?`` or empty)."""
    first = actor_code(country, sector)
    return [first if p == (country or sector) else p for p in key.split("|") if p and p != "?"]
