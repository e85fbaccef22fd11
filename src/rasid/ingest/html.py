"""HTML pages: main text, title and date through trafilatura."""
from __future__ import annotations

import re

import trafilatura

from ..errors import InputError

__all__ = ["extract_html", "looks_like_html"]

_HTML_RE = re.compile(r"<\s*(html|body|article|p|div|head|title)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_RE.search(text[:2000]))


def extract_html(html: str) -> dict[str, str | None]:
    """The page's main text with its title and date; raises InputError when there is none."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      favor_precision=False, deduplicate=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError("no main text found in the HTML page")
    return {"text": doc.text, "title": doc.title, "published": doc.date, "url": doc.url,
            "author": doc.author, "source": doc.sitename}
