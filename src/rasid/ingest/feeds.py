"""RSS and Atom feeds (feedparser): one record per entry, main text from its content or summary."""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

__all__ = ["read_feed", "looks_like_feed"]

_FEED_RE = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)
_TAG_RE = re.compile(r"<[^>]+>")


def looks_like_feed(head: bytes) -> bool:
    return bool(_FEED_RE.search(head[:2000]))


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def read_feed(source: str | bytes, name: str) -> Iterator[dict[str, Any]]:
    """Records of a feed given as bytes, a path or (where a network exists) a URL."""
    feed = feedparser.parse(source)
    if feed.bozo and not feed.entries:
        yield {"id": name, "error": f"malformed feed: {feed.bozo_exception}"}
        return
    for n, entry in enumerate(feed.entries, 1):
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = _TAG_RE.sub(" ", body).strip()
        rec = {"id": entry.get("id") or entry.get("link") or f"{name}:{n}", "title": entry.get("title"),
               "url": entry.get("link"), "published": _date(entry), "source": feed.feed.get("title"),
               "author": entry.get("author")}
        if text:
            rec["text"] = (rec["title"] + "\n" if rec["title"] else "") + text
        else:
            rec["error"] = "feed entry has no text"
        yield rec
