"""What kind of input a file is, from its first bytes; its name's extension settles only what they leave open."""
from __future__ import annotations

import codecs
import json
import re

from .feeds import looks_like_feed

__all__ = ["GZIP_MAGIC", "KINDS", "hint", "sniff"]

GZIP_MAGIC = b"\x1f\x8b"
KINDS = ("jsonl", "json", "feed", "text")   # "text" covers HTML: from_text tells the two apart after decoding
# Extensions, longest first: what the name says the content is (after any .gz has been taken off).
_HINTS = ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".xml", "feed"), (".rss", "feed"),
          (".atom", "feed"), (".txt", "text"), (".text", "text"), (".html", "text"), (".htm", "text"),
          (".xhtml", "text"))
# How a JSON object or array opens, as opposed to prose that happens to start with a bracket ("[عاجل] …").
_OBJECT_RE = re.compile(rb'\{\s*(?:"|\}|$)')
_ARRAY_RE = re.compile(rb"\[\s*(?:\{|\]|$)")   # an array of records


def _is_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def hint(name: str) -> str | None:
    """The kind the file name claims (``a.jsonl.gz`` claims ``jsonl``), or None."""
    lower = name.lower().removesuffix(".gz")
    return next((kind for ext, kind in _HINTS if lower.endswith(ext)), None)


def sniff(head: bytes, name: str = "") -> str:
    """The kind of an input (one of ``KINDS``) from its first bytes (already decompressed).

    ``head`` must hold the first line whole and the start of the next non-blank one, where there is one.
    JSON Lines: more than one non-blank line, the first a JSON object by itself or the second opening as one.
    One JSON document: an array of records, or one object (pretty-printed, or a file of one line).
    A feed: an ``<rss``, ``<feed`` or ``<rdf:RDF`` root. Anything else is text or HTML.
    Where the content leaves it open, the name decides: a ``.jsonl`` file of one line is JSON Lines, and in a
    file named ``.json``/``.jsonl`` any opening brace counts as JSON (so that a broken first line is reported
    as malformed JSON, not analysed as an article).
    """
    body = head.removeprefix(codecs.BOM_UTF8).lstrip()
    claimed = hint(name)
    json_named = claimed in ("json", "jsonl")
    if body.startswith(b"{") and (json_named or _OBJECT_RE.match(body)):
        lines = [line.lstrip() for line in body.splitlines() if line.strip()][:2]
        if claimed == "jsonl" or (len(lines) == 2 and (lines[1].startswith(b"{") or _is_object(lines[0]))):
            return "jsonl"
        return "json"
    if body.startswith(b"[") and (json_named or _ARRAY_RE.match(body)):
        return "json"
    if claimed == "feed" or looks_like_feed(head):
        return "feed"
    return "text"
