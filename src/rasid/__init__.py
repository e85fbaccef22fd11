"""Rasid (راصد): read Arabic news natively and turn it into political-event intelligence.

>>> import rasid
>>> record = rasid.analyze("زار الرئيس الإيراني مسعود بزشكيان العراق يوم الأربعاء.", published="2024-09-11")
>>> [e["text"] for e in record["entities"]]
['مسعود بزشكيان', 'العراق']
"""
from __future__ import annotations

from typing import Any

from .doc import Article
from .pipeline import analyze_record

__all__ = ["analyze", "Article"]
__version__ = "0.1.0"


def analyze(text: str, published: str | None = None, id: str = "text", min_confidence: float | None = None,
            **meta: Any) -> dict[str, Any]:
    """Analyse one Arabic article; returns its analysis record (see ``Article.to_dict``).

    Args:
        text: the article text.
        published: publication date (``YYYY-MM-DD``) that anchors relative times.
        id: the record's id.
        min_confidence: keep the events whose confidence reaches this (default: the event model's).
        **meta: optional ``title``, ``source``, ``url``, ``author``.
    """
    return analyze_record({"id": id, "text": text, **meta}, published=published, min_confidence=min_confidence)
