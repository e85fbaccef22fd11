"""The reading step: language check, sentences and tokens."""
from __future__ import annotations

from ..doc import Article
from ..ingest.language import check_arabic
from .segment import segment
from .tokenize import tokenize

__all__ = ["read_article"]


def read_article(article: Article) -> Article:
    """Check the language, then fill ``sentences`` and ``tokens``."""
    article.language = check_arabic(article.text)
    article.sentences = segment(article.text)
    article.tokens = tokenize(article.norm)
    return article
