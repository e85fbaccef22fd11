"""Properties of reading input: whatever the bytes, every record has an id and either a text or an error,
and nothing is raised; what was written is what is read back."""
import gzip
import io
import json
import tempfile
from pathlib import Path

from fuzz_inputs import budget, file_names, input_bytes, near_arabic, texts
from hypothesis import given
from hypothesis import strategies as st

from rasid.ingest import read_path, read_stream


def _check(records: list[dict]) -> None:
    for rec in records:
        assert isinstance(rec["id"], str)
        assert isinstance(rec.get("text"), str) != isinstance(rec.get("error"), str), rec
        assert set(rec) <= {"id", "text", "error", "title", "published", "url", "source", "author"}, rec


@budget(150)
@given(input_bytes())
def test_any_bytes_on_stdin_give_records_not_exceptions(data):
    _check(list(read_stream(io.BytesIO(data))))


@budget(100)
@given(input_bytes(), file_names)
def test_any_file_under_any_name_gives_records_not_exceptions(data, name):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        _check(list(read_path(path)))


@budget(60)
@given(st.lists(texts.filter(str.strip), min_size=1, max_size=6), st.booleans(), file_names)
def test_json_lines_and_arrays_give_back_the_texts_written(items, packed, name):
    """Written as JSON Lines or as a JSON array, gzipped or not, under any name: the same texts come back."""
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(items))
    array = json.dumps([{"id": f"r{i}", "text": t} for i, t in enumerate(items)], ensure_ascii=False)
    for data in (lines, array):
        raw = data.encode()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(gzip.compress(raw) if packed else raw)
            records = list(read_path(path))
        if len(items) == 1 and data is lines and name.endswith((".txt", ".html")):
            continue  # one line that opens like JSON, named as text: either reading is fair
        assert [(r["id"], r.get("text")) for r in records] == [(f"r{i}", t) for i, t in enumerate(items)]


@budget(60)
@given(near_arabic.filter(lambda t: t.strip() and t.lstrip()[:1] not in "<{[\ufeff"
                          and not any(ord(c) < 32 and c not in "\t\n\r" for c in t)))
def test_a_text_file_is_read_as_exactly_its_text(text):
    """Plain text (no markup, no JSON) in UTF-8 comes back unchanged, marks and all."""
    if "<" in text[:2000] and ">" in text:
        return  # markup-like text is read as HTML
    rec = list(read_stream(io.BytesIO(text.encode("utf-8"))))[0]
    assert rec.get("text") == text, rec
