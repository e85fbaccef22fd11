"""A long text is analysed in sections whose records are joined: offsets, sentence and line numbers as if
it had been analysed whole."""
import json

import pytest

import rasid
from paths import ROOT
from rasid.pipeline import SECTION_CHARS, sections
from rasid.text.segment import segment

ARTICLES = [json.loads(line)["text"] for line in (ROOT / "samples" / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
ARTICLES.append((ROOT / "samples" / "riyadh-talks.txt").read_text(encoding="utf-8").strip())


@pytest.mark.parametrize("text", ["a\nbb\nccc\n" * 40, "word " * 100, "x" * 250, "line\n" * 3])
def test_sections_cover_the_text_at_line_breaks_then_spaces(text):
    parts = sections(text, 37)
    assert "".join(text[a:b] for a, b in parts) == text
    assert all(b - a <= 37 for a, b in parts)
    assert all(text[b - 1] in "\n " for a, b in parts[:-1]) or "\n" not in text and " " not in text


def _long_text() -> str:
    """Distinct copies of real articles (a number line before each), a blank line between them."""
    parts, n = [], 0
    while sum(map(len, parts)) < 2.5 * SECTION_CHARS:
        parts.append(f"الخبر رقم {n}.\n{ARTICLES[n % len(ARTICLES)]}")
        n += 1
    return "\n\n".join(parts)


def test_a_long_text_is_analysed_in_sections_joined_as_one_record():
    text = _long_text()
    assert len(sections(text)) >= 3
    record = rasid.analyze(text, published="2024-03-20")
    assert record.get("error") is None and record["text"] == text
    sents = record["sentences"]
    whole = segment(text)   # the sentences, lines and headings of the text segmented whole
    assert [(s["start"], s["end"], s["line"], s["heading"]) for s in sents] == \
        [(s.start, s.end, s.line, s.heading) for s in whole]
    assert all(s["duplicate_of"] is None or sents[s["duplicate_of"]]["line"] < s["line"] for s in sents)
    for kind in ("entities", "times", "quantities"):
        assert record[kind] and all(text[x["start"]:x["end"]] == x["text"] for x in record[kind])
    last_section = sections(text)[-1][0]
    assert any(e["evidence"]["start"] >= last_section for e in record["events"])
    for ev in record["events"]:
        sent = sents[ev["sentence"]]
        assert sent["start"] <= ev["trigger"]["start"] and ev["trigger"]["end"] <= sent["end"]
    for q in record["quotes"]:
        sent = sents[q["sentence"]]
        assert sent["start"] <= q["start"] and q["end"] <= sent["end"]
    # each copy of an article yields the entities the article alone yields, at the copy's place
    alone = rasid.analyze(ARTICLES[1], published="2024-03-20")["entities"]
    at = text.index(ARTICLES[1], len(ARTICLES[0]))
    copy = [dict(e, start=e["start"] - at, end=e["end"] - at) for e in record["entities"]
            if at <= e["start"] < at + len(ARTICLES[1])]
    assert copy == alone


def test_a_long_text_keeps_the_events_of_the_confidence_asked_for():
    text = _long_text()
    every = rasid.analyze(text, published="2024-03-20", min_confidence=0.0)["events"]
    none = rasid.analyze(text, published="2024-03-20", min_confidence=1.01)["events"]
    assert every and all(ev["confidence"] is None for ev in none)
