"""Properties of the analyser on hostile text: random Unicode, near-Arabic, mixed scripts, bidi and zero-width
marks, mutated real articles, huge lines and any publication date. It never fails inside (an error is
always one that names the input's problem), the text is never rewritten, every span indexes ``text`` exactly,
and the record is valid JSON."""
import json

from fuzz_inputs import budget, huge_line, mutated_article, published, texts, with_marks
from hypothesis import given

import rasid


def _span(text: str, span: dict, what: str) -> None:
    assert 0 <= span["start"] <= span["end"] <= len(text), (what, span)
    if "text" in span:
        assert text[span["start"]:span["end"]] == span["text"], (what, span)


def check_record(record: dict, text: str) -> None:
    """Everything the issue asks of an analysis record, whatever the input."""
    json.dumps(record, ensure_ascii=False, allow_nan=False)
    assert record["text"] == text
    error = record.get("error")
    assert error is None or not error.startswith("internal error"), error
    sents = record["sentences"]
    for k, s in enumerate(sents):
        _span(text, s, "sentence")
        assert s["duplicate_of"] is None or s["duplicate_of"] < k, s
    assert all(a["end"] <= b["start"] for a, b in zip(sents, sents[1:])), "sentences overlap or are out of order"
    for kind in ("entities", "times", "quantities", "quotes"):
        for s in record[kind]:
            _span(text, s, kind)
            if kind == "quotes":
                sent = sents[s["sentence"]] if s["sentence"] is not None else {"start": 0, "end": len(text)}
                assert sent["start"] <= s["start"] and s["end"] <= sent["end"], s
                if s["speaker"] and s["speaker"]["start"] is not None:
                    _span(text, s["speaker"], "quote speaker")
    for ev in record["events"]:
        _span(text, ev["evidence"], "event evidence")
        _span(text, ev["trigger"], "event trigger")
        sent = sents[ev["sentence"]]
        assert sent["start"] <= ev["trigger"]["start"] and ev["trigger"]["end"] <= sent["end"], ev
        if ev["location"]:
            _span(text, ev["location"], "event location")
        for actor in ev["actors"] + ev["recipients"] + ([ev["attribution"]] if ev["attribution"] else []):
            if actor["start"] is not None:
                _span(text, actor, "event party")
        for mention in ev["mentions"]:
            if "start" in mention:
                _span(text, mention, "event mention")


@budget(40)
@given(texts, published)
def test_any_text_and_date_give_a_sound_record(text, date):
    check_record(rasid.analyze(text, published=date), text)


@budget(40)
@given(mutated_article(), published)
def test_mutated_articles_give_a_sound_record(text, date):
    check_record(rasid.analyze(text, published=date), text)


@budget(15)
@given(with_marks(mutated_article()))
def test_bidi_and_zero_width_marks_keep_every_span_exact(text):
    check_record(rasid.analyze(text, published="2024-09-11"), text)


@budget(3)
@given(huge_line())
def test_a_huge_line_gives_a_sound_record(text):
    check_record(rasid.analyze(text, published="2024-09-11"), text)
