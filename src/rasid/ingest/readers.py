"""Records from files, folders, JSON Lines and standard input.

A record is a plain dict with ``id`` and ``text`` (or ``error``) and optional metadata
(``title``, ``published``, ``url``, ``source``, ``author``). Reading never stops on a bad
record: it yields the record with an ``error`` that says what was wrong.
"""
from __future__ import annotations

import gzip
import html
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .decode import decode_bytes
from .feeds import looks_like_feed, read_feed
from .html import extract_html, looks_like_html

__all__ = ["Record", "count_records", "read_inputs", "read_path", "read_stream"]

Record = dict
MAX_BYTES = 50 * 1024 * 1024   # one file (a JSON Lines corpus may be larger: it is streamed)
_TEXT_KEYS = ("text", "content", "body")
_DATE_KEYS = ("published", "date", "date_extracted", "date_published")
_META_KEYS = ("title", "url", "source", "author")
_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".gz", ".xml", ".rss", ".atom"}


def _error(rid: str, message: str) -> Record:
    return {"id": rid, "error": message}


def from_json(obj: object, rid: str) -> Record:
    """A record from one JSON object (accepts ``text`` or ``content``)."""
    if not isinstance(obj, dict):
        return _error(rid, "JSON record is not an object")
    rec_id = str(obj.get("id") or rid)
    text = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None:
        return _error(rec_id, "JSON record has no 'text' or 'content' string")
    rec: Record = {"id": rec_id, "text": text}
    rec["published"] = next((str(obj[k]) for k in _DATE_KEYS if obj.get(k)), None)
    for k in _META_KEYS:
        if obj.get(k):
            rec[k] = html.unescape(str(obj[k])).strip()
    return rec


def _jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[Record]:
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        rid = f"{name}:{n}"
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield _error(rid, f"malformed JSON on line {n}: {exc}")
            continue
        yield from_json(obj, rid)


def from_text(data: bytes, rid: str, published: str | None = None) -> Record:
    """A record from the bytes of a text or HTML document."""
    try:
        if len(data) > MAX_BYTES:
            raise InputError(f"file too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
        text, _ = decode_bytes(data)
        rec: Record = {"id": rid, "text": text, "published": published}
        if looks_like_html(text):
            page = extract_html(text)
            rec.update({k: v for k, v in page.items() if v})
            rec["published"] = published or page.get("published")
        return rec
    except InputError as exc:
        return _error(rid, str(exc))


def read_path(path: Path) -> Iterator[Record]:
    """Records of one file or of every file below a folder (recursively, in name order)."""
    if path.is_dir():
        for p in sorted(x for x in path.rglob("*") if x.is_file() and not x.name.startswith(".")):
            if p.suffix.lower() in _SUFFIXES:
                yield from read_path(p)
        return
    if not path.exists():
        yield _error(str(path), "no such file")
        return
    name = path.name
    lower = name.lower()
    try:
        if lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
            opener = gzip.open if lower.endswith(".gz") else open
            with opener(path, "rb") as f:
                yield from _jsonl_lines(f, name)
        elif lower.endswith(".json"):
            data = json.loads(path.read_bytes())
            items = data if isinstance(data, list) else [data]
            for n, obj in enumerate(items, 1):
                yield from_json(obj, f"{name}:{n}" if len(items) > 1 else name)
        else:
            data = path.read_bytes()
            if lower.endswith((".xml", ".rss", ".atom")) or looks_like_feed(data):
                yield from read_feed(data, name)
            else:
                yield from_text(data, name)
    except (OSError, gzip.BadGzipFile, EOFError) as exc:
        yield _error(name, f"cannot read file: {exc}")
    except json.JSONDecodeError as exc:
        yield _error(name, f"malformed JSON: {exc}")


def read_stream(stream: BinaryIO, name: str = "stdin") -> Iterator[Record]:
    """Records from a byte stream: JSON Lines when every line is an object, else one document."""
    data = stream.read()
    lines = [l for l in data.splitlines() if l.strip()]
    if lines and all(l.lstrip().startswith(b"{") for l in lines):
        yield from _jsonl_lines(lines, name)
    else:
        yield from_text(data, name)


def count_records(inputs: Iterable[str]) -> int | None:
    """How many records the inputs hold, when that is cheap to know (JSON Lines files), else None."""
    total = 0
    for item in inputs:
        path = Path(item)
        lower = path.name.lower()
        if not path.is_file() or not lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
            return None
        try:
            with (gzip.open if lower.endswith(".gz") else open)(path, "rb") as f:
                total += sum(1 for line in f if line.strip())
        except (OSError, EOFError):
            return None
    return total


def read_inputs(inputs: Iterable[str]) -> Iterator[Record]:
    """Records from paths and ``-`` (standard input), in order."""
    for item in inputs:
        if item == "-":
            yield from read_stream(sys.stdin.buffer)
        elif item.startswith(("http://", "https://")):
            yield from read_feed(item, item)  # a feed URL, where a network exists
        else:
            yield from read_path(Path(item))
