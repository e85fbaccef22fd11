"""Bytes to text: UTF-8 (with or without BOM), UTF-16 and Windows-1256, with binary refused."""
from __future__ import annotations

import codecs

from ..errors import InputError

__all__ = ["decode_bytes"]

_CONTROL = bytes(range(0, 32)).replace(b"\t", b"").replace(b"\n", b"").replace(b"\r", b"").replace(b"\x0c", b"")


def _looks_utf16(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 by where its zero bytes fall (Arabic is U+06xx: 0x06 in the other byte)."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) + odd.count(6) > 0.6 * len(odd):
        return "utf-16-le"
    if even.count(0) + even.count(6) > 0.6 * len(even):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding). Raises InputError for empty or binary data."""
    if not data.strip():
        raise InputError("empty input")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    utf16 = _looks_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    sample = data[:8000]
    if b"\x00" in sample or sum(sample.count(c) for c in _CONTROL) > 0.02 * len(sample):
        raise InputError("binary data: not text, HTML, JSON, JSON Lines, an RSS/Atom feed or gzip of one of these")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    return text, "cp1256"
