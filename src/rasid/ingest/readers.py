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
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .decode import decode_bytes
from .feeds import read_feed
from .html import extract_html, looks_like_html
from .sniff import GZIP_MAGIC, hint, sniff

__all__ = ["Record", "count_records", "read_inputs", "read_path", "read_stream"]

Record = dict
MAX_BYTES = 50 * 1024 * 1024   # one text, HTML or feed file (JSON Lines may be larger: it is streamed)
HEAD_BYTES = 64 * 1024          # what is read to tell the kind of an input
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
        except (ValueError, RecursionError) as exc:   # bad JSON, bad UTF-8 in it, nested too deep
            yield _error(rid, f"malformed JSON on line {n}: {exc}")
            continue
        yield from_json(obj, rid)


def from_text(data: bytes, rid: str, published: str | None = None) -> Record:
    """A record from the bytes of a text or HTML document."""
    try:
        if len(data) > MAX_BYTES:
            raise InputError(f"file too large: over {MAX_BYTES:,} bytes")
        text, _ = decode_bytes(data)
        rec: Record = {"id": rid, "text": text, "published": published}
        if looks_like_html(text):
            page = extract_html(text)
            rec.update({k: v for k, v in page.items() if v})
            rec["published"] = published or page.get("published")
        return rec
    except InputError as exc:
        return _error(rid, str(exc))


def _content(raw: BinaryIO) -> BinaryIO:
    """``raw`` itself, or its decompressed content when it opens with gzip's magic bytes."""
    if hasattr(raw, "peek"):
        magic = raw.peek(2)[:2]
    else:
        pos = raw.tell()
        magic = raw.read(2)
        raw.seek(pos)
    return gzip.GzipFile(fileobj=raw, mode="rb") if magic == GZIP_MAGIC else raw


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of ``stream``: at least ``HEAD_BYTES``, the line they end in, and the start of the next
    non-blank line (what ``sniff`` needs to tell one JSON record from JSON Lines)."""
    parts = [stream.read(HEAD_BYTES) + stream.readline()]
    seen, size = sum(1 for line in parts[0].splitlines() if line.strip()), len(parts[0])
    while seen < 2 and size <= MAX_BYTES:
        line = stream.readline()
        if not line:
            break
        parts.append(line)
        seen, size = seen + bool(line.strip()), size + len(line)
    return b"".join(parts)


def _lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    yield from head.splitlines(keepends=True)
    yield from stream


def _read_json(data: bytes, name: str) -> Iterator[Record]:
    items = json.loads(data)
    items = items if isinstance(items, list) else [items]
    for n, obj in enumerate(items, 1):
        yield from_json(obj, f"{name}:{n}" if len(items) > 1 else name)


def _read_content(stream: BinaryIO, name: str) -> Iterator[Record]:
    """Records of one input, told apart by its content (``sniff``), the name only a hint."""
    head = _head(stream)
    kind = sniff(head, name)
    if kind == "jsonl":
        yield from _jsonl_lines(_lines(head, stream), name)
        return
    if kind == "json":
        data = head + stream.read()
        try:
            yield from _read_json(data, name)
        except (ValueError, RecursionError) as exc:   # bad JSON, bad UTF-8 in it, nested too deep
            if hint(name) != "text":
                yield _error(name, f"malformed JSON: {exc}")
                return
            yield from_text(data, name)   # a .txt or .html that only opens like JSON
        return
    data = head + stream.read(max(0, MAX_BYTES + 1 - len(head)))
    if kind == "feed":
        yield from read_feed(data, name)
    else:
        yield from_text(data, name)


def read_path(path: Path) -> Iterator[Record]:
    """Records of one file or of every file below a folder (recursively, in name order).

    A file is read by its content: gzip, JSON Lines, a JSON array of records or one record, an RSS/Atom feed,
    HTML or text; a folder's files are chosen by extension (``.txt .html .json .jsonl .gz .xml …``)."""
    if path.is_dir():
        for p in sorted(x for x in path.rglob("*") if x.is_file() and not x.name.startswith(".")):
            if p.suffix.lower() in _SUFFIXES:
                yield from read_path(p)
        return
    if not path.exists():
        yield _error(str(path), "no such file")
        return
    try:
        with path.open("rb") as raw:
            yield from _read_content(_content(raw), path.name)
    except (OSError, EOFError, zlib.error) as exc:   # gzip.BadGzipFile is an OSError
        yield _error(path.name, f"cannot read file: {exc}")


def read_stream(stream: BinaryIO, name: str = "stdin") -> Iterator[Record]:
    """Records from a byte stream, told apart by content as files are."""
    try:
        yield from _read_content(_content(stream), name)
    except (OSError, EOFError, zlib.error) as exc:
        yield _error(name, f"cannot read input: {exc}")


def count_records(inputs: Iterable[str]) -> int | None:
    """How many records the inputs hold, when that is cheap to know (JSON Lines files), else None."""
    total = 0
    for item in inputs:
        path = Path(item)
        if not path.is_file():
            return None
        try:
            with path.open("rb") as raw:
                stream = _content(raw)
                head = _head(stream)
                if sniff(head, path.name) != "jsonl":
                    return None
                total += sum(1 for line in _lines(head, stream) if line.strip())
        except (OSError, EOFError, zlib.error):
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
