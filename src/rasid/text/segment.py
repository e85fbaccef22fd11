"""Lines, headings, sentences and exact repeated lines."""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "segment"]

_FINAL = ".!?؟"
_OPEN, _CLOSE = "“«(\"", "”»)\""
_HEADING_MAX_WORDS = 16
# A sentence is cut into pieces of at most this many characters, at a space where there is one: the longest
# sentence of the 2,000 SaudiNewsNet articles has 3,048, but a text without full stops (one line of a
# scraper, 1,000,000 characters of it) would otherwise be one sentence, and the steps that compare the words
# of a sentence with each other would take hours over it.
MAX_SENTENCE_CHARS = 4000
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence or heading; ``duplicate_of`` names the earlier identical sentence, if any."""

    i: int
    start: int
    end: int
    line: int
    heading: bool = False
    duplicate_of: int | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "line": self.line,
                "heading": self.heading, "duplicate_of": self.duplicate_of}


def _split_line(line: str) -> list[tuple[int, int]]:
    """Sentence spans within one line: split after . ! ? ؟ outside quotes and numbers."""
    spans, start, depth = [], 0, 0
    for i, ch in enumerate(line):
        if ch in "“«":
            depth += 1
        elif ch in "”»":
            depth = max(0, depth - 1)
        elif ch in _FINAL and depth == 0:
            nxt = line[i + 1] if i + 1 < len(line) else " "
            prev = line[i - 1] if i else " "
            if ch == "." and prev.isdigit() and nxt.isdigit():
                continue
            if nxt.isspace() or nxt in _CLOSE:
                spans.append((start, i + 1))
                start = i + 1
    spans.append((start, len(line)))
    out = []
    for s, e in spans:
        seg = line[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if seg.strip():
            out.append((s + lead, e - trail))
    return out


def _cap(spans: list[tuple[int, int]], line: str) -> list[tuple[int, int]]:
    """``spans`` with each one longer than ``MAX_SENTENCE_CHARS`` cut at the last space before the limit."""
    out = []
    for s, e in spans:
        while e - s > MAX_SENTENCE_CHARS:
            cut = line.rfind(" ", s + 1, s + MAX_SENTENCE_CHARS + 1)
            cut = cut if cut > s else s + MAX_SENTENCE_CHARS   # no space: cut anyway
            out.append((s, len(line[s:cut].rstrip()) + s))
            rest = line[cut:min(e, cut + MAX_SENTENCE_CHARS)]
            s = cut + len(rest) - len(rest.lstrip())
        if e > s:
            out.append((s, e))
    return out


def _is_heading(line: str, first: bool) -> bool:
    stripped = line.strip()
    if stripped[-1] in _FINAL + "”»:\"'…":
        return False
    return first or len(stripped.split()) <= _HEADING_MAX_WORDS


def segment(text: str, title: bool = True) -> list[Sentence]:
    """Split ``text`` into sentences; a line that repeats an earlier line word for word is marked.

    With ``title`` the first line is the article's heading unless it ends like a sentence (a section of a
    long text, which does not begin the article, is segmented without it)."""
    sentences: list[Sentence] = []
    seen: dict[str, list[int]] = {}
    offset = 0
    first = title
    for line_no, line in enumerate(text.split("\n")):
        if line.strip():
            key = _SPACE_RE.sub(" ", line.strip())
            earlier = seen.get(key)
            heading = _is_heading(line, first)
            first = False
            spans = [(0, len(line))] if heading else _split_line(line)
            if heading:
                lead = len(line) - len(line.lstrip())
                spans = [(lead, len(line.rstrip()))]
            spans = _cap(spans, line)
            ids = []
            for k, (s, e) in enumerate(spans):
                dup = earlier[k] if earlier and k < len(earlier) else None
                ids.append(len(sentences))
                sentences.append(Sentence(len(sentences), offset + s, offset + e, line_no, heading, dup))
            if earlier is None:
                seen[key] = ids
        offset += len(line) + 1
    return sentences
