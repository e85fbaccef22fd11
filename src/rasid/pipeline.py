"""The pipeline: an ``Article`` passes through small steps, each filling its own fields.

A step is a function ``Article -> Article``. A failure in one article is recorded in its
``error`` field and never ends a corpus run.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .code.events import code_events
from .code.model import coder_loaded, keep_confident, learn_events
from .code.screening import screen_by_stems, screen_events
from .doc import Article
from .errors import InputError
from .extract.duplicates import copy_duplicates
from .extract.entities import find_entities
from .extract.quantities import find_quantities
from .extract.quotes import find_quotes
from .extract.times import find_times
from .ingest.language import check_arabic
from .text.read import read_article
from .text.segment import segment
from .text.tokenize import tokenize

__all__ = ["STEPS", "RULE_STEPS", "CODER_STEPS", "READING_STEPS", "default_steps", "run", "analyze_record", "warm_up"]

LOGGER = logging.getLogger(__name__)
Step = Callable[[Article], Article]

READING_STEPS: list[Step] = [read_article, find_entities, find_times, find_quantities, find_quotes]
# what the learned coder reads: the rule coder's events, screened by the screen's stem model
CODER_STEPS: list[Step] = READING_STEPS + [code_events, screen_by_stems]
STEPS: list[Step] = CODER_STEPS + [learn_events, copy_duplicates]
# the rule coder alone (RASID_EVENT_MODEL=off): the screen with its encoder's second opinion
RULE_STEPS: list[Step] = READING_STEPS + [code_events, screen_events]


def default_steps() -> list[Step]:
    """``STEPS`` with the learned event coder; the rule coder's steps when it is off."""
    return STEPS if coder_loaded() else RULE_STEPS + [copy_duplicates]


def run(article: Article, steps: list[Step] | None = None) -> Article:
    """Run ``steps`` (default: ``default_steps()``) on ``article``; errors go to ``article.error``."""
    for step in steps or default_steps():
        try:
            article = step(article)
        except InputError as exc:
            article.error = str(exc)
            break
        except Exception as exc:  # one bad article must never stop a corpus
            LOGGER.exception("article %s failed in %s", article.id, step.__name__)
            article.error = f"internal error in {step.__name__}: {exc!r}"
            break
    return article


def article_from_record(record: dict[str, Any], published: str | None = None) -> Article:
    return Article(id=str(record.get("id") or ""), text=record.get("text") or "",
                   published=published or record.get("published"), title=record.get("title"),
                   source=record.get("source"), url=record.get("url"), author=record.get("author"),
                   error=record.get("error"))


def analyze_record(record: dict[str, Any], published: str | None = None,
                   min_confidence: float | None = None) -> dict[str, Any]:
    """Analyse one input record (see ``rasid.ingest``) into its analysis record, keeping the events
    whose confidence reaches ``min_confidence`` (default: the event model's, chosen by cross-validation)."""
    article = article_from_record(record, published)
    if article.error is None and len(article.text) > SECTION_CHARS:
        return _analyze_in_sections(article, min_confidence)
    if article.error is None:
        run(article)
    keep_confident(article, min_confidence)
    return article.to_dict()


# A text longer than this (4 of SaudiNewsNet's 31,030 articles; a pasted archive, a book) is analysed as
# consecutive sections of whole lines, each an article of its own, and their records joined: the steps compare
# a sentence with the article's other spans, which over 1,000,000 characters would take hours. Names are
# linked, repeated lines found and reports of one event merged within a section.
SECTION_CHARS = 20_000


def sections(text: str, size: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """``text`` cut into spans of at most ``size`` characters, at line breaks, or at spaces in a longer line."""
    out, start = [], 0
    while len(text) - start > size:
        cut = text.rfind("\n", start, start + size)
        if cut < start:
            cut = text.rfind(" ", start, start + size)
        cut = cut + 1 if cut >= start else start + size
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _section_reader(title: bool) -> Step:
    """The reading step of a section: the language was checked on the whole text; only the first may open
    with a title."""
    def read_section(article: Article) -> Article:
        article.language = "ar"
        article.sentences = segment(article.text, title=title)
        article.tokens = tokenize(article.norm)
        return article
    return read_section


_SHIFTS = {"start": 0, "end": 0, "sentence": 1, "duplicate_of": 1, "line": 2}


def _shift(obj: Any, by: tuple[int, int, int]) -> Any:
    """``obj`` (part of a record) with character offsets, sentence and line numbers moved ``by`` (chars, sentences,
    lines)."""
    if isinstance(obj, list):
        return [_shift(x, by) for x in obj]
    if isinstance(obj, dict):
        return {k: (v + by[_SHIFTS[k]] if k in _SHIFTS and isinstance(v, int) and not isinstance(v, bool)
                    else _shift(v, by)) for k, v in obj.items()}
    return obj


def _analyze_in_sections(article: Article, min_confidence: float | None) -> dict[str, Any]:
    try:
        article.language = check_arabic(article.text)
    except InputError as exc:
        article.error = str(exc)
        return article.to_dict()
    record = article.to_dict()
    sentences = lines = 0
    for n, (a, b) in enumerate(sections(article.text)):
        part = Article(id=f"{article.id}#{n}", text=article.text[a:b], published=article.published)
        run(part, [_section_reader(title=n == 0), *default_steps()[1:]])
        keep_confident(part, min_confidence)
        if part.error:
            record["error"] = part.error
            return record
        shifted = _shift(part.to_dict(), (a, sentences, lines))
        for field in ("sentences", "entities", "times", "quantities", "quotes", "events"):
            record[field].extend(shifted[field])
        sentences += len(part.sentences)
        lines += part.text.count("\n")
    return record


def warm_up() -> None:
    """Load lexicons, models and detectors once (for worker processes). The text has the length of an
    article's lead: lingua loads the models it needs only for a text under 120 letters when one comes."""
    analyze_record({"id": "warm-up", "text": (
        "زار الرئيس المصري العاصمة السعودية الرياض يوم الأحد لبحث العلاقات الثنائية مع خادم الحرمين الشريفين. "
        "وقال المتحدث باسم الرئاسة إن الجانبين اتفقا على تعزيز التعاون في مجالات الطاقة والتجارة والاستثمار، "
        "وبحثا تطورات الأوضاع في المنطقة وسبل دعم الأمن والاستقرار.")})
