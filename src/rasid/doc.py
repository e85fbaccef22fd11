"""The document model: one ``Article`` flows through every pipeline step.

``Article.to_dict()`` is exactly the analysis record of ``shared/eval/README.md`` (plus
``sentences``, ``title``, ``source``, ``url`` and ``error``). Spans are Python ``str`` offsets
into ``Article.text`` and ``text[span.start:span.end] == span.text`` holds for every span.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text.normalize import Normalized, normalize
from .text.segment import Sentence
from .text.tokenize import Token

__all__ = ["Article", "Entity", "TimeExpr", "Quantity", "Quote", "Actor", "Event", "Flags"]


def _plain(obj: Any) -> dict[str, Any]:
    """The fields of a dataclass whose values are all plain (strings, numbers, None): ``asdict``
    without its recursive deep copy, which costs more than the rest of writing a record."""
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    type: str                      # PER ORG GPE LOC FAC NORP MISC
    name_en: str | None = None
    country: str | None = None     # ISO 3166-1 alpha-3
    sector: str | None = None      # CAMEO role code: GOV MIL REB OPP MED ...
    title: str | None = None       # title phrase attached to a person (الرئيس الإيراني)
    source: str = "lexicon"        # lexicon | tagger | title | alias | link | repeat

    def to_dict(self) -> dict[str, Any]:
        d = _plain(self)
        if d["title"] is None:
            del d["title"]
        return d


@dataclass(slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None              # ISO 8601, as precise as the text allows

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | int
    unit: str | None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Actor:
    """A resolved actor: who, as country (ISO-3) and CAMEO sector."""

    text: str
    name_en: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @property
    def code(self) -> str:
        return " ".join(x for x in (self.country, self.sector) if x) or "UNK"


@dataclass(slots=True)
class Quote:
    start: int                     # the quoted content
    end: int
    kind: str                      # direct | indirect | mixed
    speaker: Actor | None
    cue: str | None = None         # the speech verb
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "cue": self.cue,
                "sentence": self.sentence,
                "speaker": self.speaker.to_dict() if self.speaker else None}


@dataclass(slots=True)
class Flags:
    historical: bool = False
    future: bool = False
    hypothetical: bool = False
    negated: bool = False


@dataclass(slots=True)
class Event:
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    actors: list[Actor]
    recipients: list[Actor]
    date: str | None
    location: Entity | None
    flags: Flags
    sentence: int
    evidence: tuple[int, int]
    trigger: tuple[int, int]
    attribution: Actor | None = None
    gloss: str = ""
    mentions: list[dict[str, int]] = field(default_factory=list)
    confidence: float | None = None   # the learned coder's probability that the event is right

    def to_dict(self) -> dict[str, Any]:
        loc = self.location
        return {
            "type": self.type, "mode": self.mode, "cameo": self.cameo,
            "goldstein": self.goldstein, "quad_class": self.quad_class,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [a.to_dict() for a in self.recipients],
            "date": self.date,
            "location": None if loc is None else {
                "text": loc.text, "name_en": loc.name_en, "country": loc.country,
                "start": loc.start, "end": loc.end, **_coordinates(loc)},
            "flags": _plain(self.flags),
            "sentence": self.sentence,
            "evidence": {"start": self.evidence[0], "end": self.evidence[1]},
            "trigger": {"start": self.trigger[0], "end": self.trigger[1]},
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "gloss": self.gloss,
            "mentions": self.mentions,
            "confidence": self.confidence,
        }


def _coordinates(place: Entity) -> dict[str, float]:
    """Latitude and longitude of a place the lexicon knows."""
    from .resources import lexicon  # late import: doc is imported by the lexicon's users
    entry = lexicon().entities.get(lexicon().key(place.text))
    if entry is None or entry.lat is None:
        return {}
    return {"lat": entry.lat, "lon": entry.lon}


@dataclass(slots=True)
class Article:
    """An article and everything the pipeline learns about it."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    error: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    _norm: Normalized | None = None
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # readings steps share

    @property
    def norm(self) -> Normalized:
        """The normalised copy of ``text`` used for matching (computed once)."""
        if self._norm is None:
            self._norm = normalize(self.text)
        return self._norm

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id, "title": self.title, "source": self.source, "url": self.url,
            "author": self.author, "published": self.published, "language": self.language,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
        }
        if self.error:
            record["error"] = self.error
        return record
