"""Lexicons and models shipped in ``rasid/data``, loaded once per process.

Lexicons are data files (TSV, one entry a line, ``#`` comments). Every key is normalised with
``normalize_word`` so that matching is insensitive to hamza forms, ta marbuta, diacritics, etc.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from .text.normalize import normalize_word

__all__ = ["DATA", "read_tsv", "read_list", "LexEntry", "lexicon"]

DATA = Path(str(files("rasid") / "data"))


def read_tsv(relpath: str) -> list[list[str]]:
    """Rows of a TSV data file, comments and blank lines skipped, short rows padded."""
    rows = []
    with open(DATA / relpath, encoding="utf-8", newline="") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([c.strip() for c in line.rstrip("\n").split("\t")])
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def read_list(relpath: str) -> list[str]:
    return [r[0] for r in read_tsv(relpath)]


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon entry: what a phrase names."""

    kind: str                 # place | org | person | group | title | demonym | sector
    type: str | None          # entity type (GPE LOC FAC ORG PER NORP)
    name_en: str | None
    country: str | None
    sector: str | None = None
    capital: bool = False
    minor: bool = False       # a gazetteer town: matched alone only when not a common word
    lat: float | None = None
    lon: float | None = None


def _none(s: str) -> str | None:
    return s or None


def _coord(s: str) -> float | None:
    return float(s) if s else None


def _demonym_forms(stem: str) -> list[tuple[str, bool]]:
    """Inflections of a nationality adjective: (form, is_plural_noun)."""
    forms = []
    for art in ("", "ال"):
        forms += [(art + stem, False), (art + stem + "ة", False), (art + stem + "ه", False)]
        forms += [(art + stem + suffix, True) for suffix in ("ون", "ين")]
        forms += [(art + stem + suffix, False) for suffix in ("ان", "تان", "تين", "ات")]
    return forms


class Lexicon:
    """All phrase lexicons, keyed by tuples of normalised tokens."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, ...], LexEntry] = {}
        self.titles: dict[tuple[str, ...], LexEntry] = {}
        self.demonyms: dict[str, LexEntry] = {}
        self.plural_demonyms: dict[str, LexEntry] = {}
        self.sector_nouns: dict[tuple[str, ...], str] = {}
        self.first_names: set[str] = set()
        self.honorifics: set[str] = set()             # معالي، الأستاذ: courtesy words readers step over
        self.countries: set[tuple[str, ...]] = set()  # names of countries (not of their towns)
        self.word_places: set[tuple[str, ...]] = set()  # place names that are also words: need context
        self.place_cues: dict[str, str] = {}          # في، محافظة: words before a name that make it a place
        self.not_places: set[str] = set()             # وجده: whole words (as written) never clitic + place
        self._load()
        self.max_len = max(len(k) for k in (*self.entities, *self.titles, *self.sector_nouns))
        self.place_tokens = {t for k, v in self.entities.items() if v.kind == "place" for t in k}
        self.org_tokens = {t for k, v in self.entities.items() if v.kind == "org" for t in k}
        self.person_tokens = {t for k, v in self.entities.items() if v.kind == "person" for t in k}
        self.title_tokens = {t for k in self.titles for t in k}

    @staticmethod
    def key(phrase: str) -> tuple[str, ...]:
        return tuple(normalize_word(phrase).split())

    def _add(self, table: dict, phrase: str, entry, overwrite: bool = True) -> None:
        k = self.key(phrase)
        if k and (overwrite or k not in table):
            table[k] = entry

    def _load(self) -> None:
        for name, kind, typ, name_en, country, lat, lon, _pop in read_tsv("gazetteer/places.tsv")[1:]:
            self._add(self.entities, name, LexEntry("place", typ, name_en, country, None,
                                                    kind == "capital", kind == "city", _coord(lat), _coord(lon)),
                      overwrite=False)
            if kind == "country":
                self.countries.add(self.key(name))
        for name, typ, name_en, country, kind, lat, lon in read_tsv("lexicons/places.tsv"):
            if kind == "country":
                self.countries.add(self.key(name))
            self._add(self.entities, name, LexEntry("place", typ, name_en, _none(country), None,
                                                    kind == "capital", False, _coord(lat), _coord(lon)))
        for name, typ, name_en, country, sector in read_tsv("lexicons/organizations.tsv"):
            self._add(self.entities, name, LexEntry("org", typ, name_en, _none(country), _none(sector)))
        for name, name_en, country, sector, aliases in read_tsv("lexicons/persons.tsv"):
            entry = LexEntry("person", "PER", name_en, _none(country), _none(sector))
            for phrase in [name, *filter(None, aliases.split(","))]:
                self._add(self.entities, phrase, entry)
        for name, name_en, country in read_tsv("lexicons/groups.tsv"):
            self._add(self.entities, name, LexEntry("group", "NORP", name_en, _none(country)))
        for title, sector, name_en in read_tsv("lexicons/titles.tsv"):
            self._add(self.titles, title, LexEntry("title", None, name_en, None, _none(sector)))
        for stem, country, name_en, broken in read_tsv("lexicons/demonyms.tsv"):
            entry = LexEntry("demonym", "NORP", name_en, country)
            forms = _demonym_forms(normalize_word(stem))
            if broken:  # المغاربة، الأتراك
                forms += [(art + normalize_word(broken), True) for art in ("", "ال")]
            for form, plural in forms:
                self.demonyms[form] = entry
                if plural:
                    self.plural_demonyms[form] = entry
        for noun, sector in read_tsv("lexicons/sector_nouns.tsv"):
            self._add(self.sector_nouns, noun, sector)
        self.first_names = {normalize_word(n) for n in read_list("lexicons/first_names.txt")}
        self.honorifics = {normalize_word(n) for n in read_list("lexicons/honorifics.txt")}
        self.word_places = {self.key(n) for n in read_list("lexicons/word_places.tsv")}
        self.place_cues = {normalize_word(w): kind for w, kind in read_tsv("lexicons/place_cues.tsv")}
        self.not_places = set(read_list("lexicons/not_places.tsv"))  # as written: وجده, not وجدة


@cache
def lexicon() -> Lexicon:
    """The process-wide lexicon (built on first use)."""
    return Lexicon()
