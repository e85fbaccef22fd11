"""The pipeline: an ``Article`` passes through small steps, each filling its own fields.

A step is a function ``Article -> Article``. A failure in one article is recorded in its
``error`` field and never ends a corpus run.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .code.events import code_events
from .code.model import keep_confident, learn_events
from .code.screening import screen_events
from .doc import Article
from .errors import InputError
from .extract.duplicates import copy_duplicates
from .extract.entities import find_entities
from .extract.quantities import find_quantities
from .extract.quotes import find_quotes
from .extract.times import find_times
from .text.read import read_article

__all__ = ["STEPS", "RULE_STEPS", "run", "analyze_record", "warm_up"]

LOGGER = logging.getLogger(__name__)
Step = Callable[[Article], Article]

RULE_STEPS: list[Step] = [read_article, find_entities, find_times, find_quantities, find_quotes, code_events,
                          screen_events]
STEPS: list[Step] = RULE_STEPS + [learn_events, copy_duplicates]


def run(article: Article, steps: list[Step] | None = None) -> Article:
    """Run ``steps`` (default: all) on ``article``; errors go to ``article.error``."""
    for step in steps or STEPS:
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
    if article.error is None:
        run(article)
    keep_confident(article, min_confidence)
    return article.to_dict()


def warm_up() -> None:
    """Load lexicons, models and detectors once (for worker processes). The text has the length of an
    article's lead: lingua loads the models it needs only for a text under 120 letters when one comes."""
    analyze_record({"id": "warm-up", "text": (
        "زار الرئيس المصري العاصمة السعودية الرياض يوم الأحد لبحث العلاقات الثنائية مع خادم الحرمين الشريفين. "
        "وقال المتحدث باسم الرئاسة إن الجانبين اتفقا على تعزيز التعاون في مجالات الطاقة والتجارة والاستثمار، "
        "وبحثا تطورات الأوضاع في المنطقة وسبل دعم الأمن والاستقرار.")})
