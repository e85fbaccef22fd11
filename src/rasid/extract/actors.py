"""Resolve a phrase of the text to an actor: country (ISO-3) and CAMEO sector.

A phrase resolves through what it contains, strongest first: a named person or organisation
(مكتب بزشكيان -> IRN GOV), a title with a nationality or country (الرئيس الإيراني -> IRN GOV),
a capital used for its government (طهران -> IRN GOV), a country, and a head noun that gives the
sector with a nationality adjective that gives the country (وسائل إعلام رسمية إيرانية -> IRN MED).
"""
from __future__ import annotations

from ..doc import Actor, Article, Entity
from ..resources import lexicon
from ..text.tokenize import Token, stem_candidates
from .entities import title_before
from .lookup import match_at

__all__ = ["resolve_actor", "entity_actor"]


_TOP_LEVEL = {"IGO", "NGO", "IMG"}


def entity_actor(e: Entity) -> Actor:
    """The actor an entity names; a capital stands for its country's government."""
    sector = e.sector
    if e.type == "GPE" and sector is None and e.source != "tagger":
        entry = lexicon().entities.get(lexicon().key(e.text))
        if entry is None:
            entry = next((lexicon().entities.get((s,)) for _, s in stem_candidates(e.text) if (s,) in lexicon().entities), None)
        if entry is not None and entry.capital:
            sector = "GOV"
    if e.country is None and sector in _TOP_LEVEL:  # CAMEO: IGO, NGO and IMG stand where a country would
        return Actor(e.text, e.name_en, sector, None, e.start, e.end)
    return Actor(e.text, e.name_en, e.country, sector, e.start, e.end)


def _after_fi(article: Article, e: Entity) -> bool:
    """Whether the entity is governed by في ("in"), which names where a group belongs."""
    before = article.text[max(0, e.start - 4):e.start].split()
    return bool(before) and before[-1] in ("في", "ف") or article.text[e.start - 1:e.start] == "ب"


def resolve_actor(article: Article, tokens: list[Token], first: int, last: int) -> Actor | None:
    """The actor that ``tokens[first:last]`` names, or None when nothing in it says who."""
    if first >= last:
        return None
    lex = lexicon()
    start, end = tokens[first].start, tokens[last - 1].end
    text = article.text[start:end]
    inside = [e for e in article.entities if start <= e.start and e.end <= end]
    named = [e for e in inside if e.type in ("PER", "ORG") and (e.country or e.sector)]
    sector = country = None
    for i in range(first, last):
        m = match_at(lex.sector_nouns, tokens, i, article.norm, 3)
        if m is not None and m.last <= last:
            sector = sector or m.value
        found = title_before(article, tokens, i)
        if found is not None and found[0].last <= last:
            title, title_country, _ = found
            sector = sector or title.value.sector
            country = country or title_country
        for _, stem in stem_candidates(tokens[i].norm):
            if stem in lex.demonyms:
                country = country or lex.demonyms[stem].country
                break
    if named:
        a = entity_actor(named[0])
        same = len(inside) == 1 and inside[0].start == start and inside[0].end == end
        return Actor(text, a.name_en if same else None, a.country or country, a.sector or sector, start, end)
    places = [e for e in inside if e.type in ("GPE", "LOC", "NORP") and e.country]
    if sector != "GOV":  # "فصائل متحالفة مع إيران في العراق": Iraq; but "سفارة إستونيا في موسكو": Estonia
        places.sort(key=lambda e: not _after_fi(article, e))
    if places and (sector is None or (sector == "GOV" and country is None)):  # not السفارة اليونانية في برلين
        a = entity_actor(places[0])
        same = len(inside) == 1 and inside[0].start == start and inside[0].end == end
        return Actor(text, a.name_en if same else None, a.country, a.sector or sector, start, end)
    if places:
        country = country or places[0].country
    if country is None and sector is None:
        return None
    return Actor(text, None, country, sector, start, end)
