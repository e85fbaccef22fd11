"""Every input kind and every bad input: each gives a record, never an exception."""
import gzip
import io
import json
import unicodedata

import pytest

from rasid.ingest import count_records, read_path, read_stream
from rasid.ingest.decode import decode_bytes
from rasid.errors import InputError
from rasid.pipeline import analyze_record

ARABIC = "زار وزير الخارجية المصري العاصمة الأردنية عمان يوم الأحد وبحث مع نظيره الأردني العلاقات الثنائية."


def _one(path):
    records = list(read_path(path))
    assert len(records) == 1
    return records[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"])
def test_text_files_in_common_encodings_decode_to_the_same_text(tmp_path, encoding):
    p = tmp_path / "a.txt"
    p.write_bytes(ARABIC.encode(encoding))
    rec = _one(p)
    assert rec["text"] == ARABIC and rec["id"] == "a.txt"


def test_binary_and_empty_input_are_refused_with_a_message(tmp_path):
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "e.txt").write_bytes(b"  \n")
    assert "binary" in _one(tmp_path / "b.txt")["error"]
    assert "empty" in _one(tmp_path / "e.txt")["error"]
    with pytest.raises(InputError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("text, message", [
    ("The Iranian president visited Iraq on Wednesday on his first trip abroad since taking office.", "not Arabic"),
    ("رئیس جمهور ایران روز چهارشنبه در نخستین سفر خارجی خود به عراق رفت و با نخست وزیر این کشور دیدار کرد.", "Persian"),
    ("ایران کے صدر نے بدھ کے روز عراق کا دورہ کیا اور وزیر اعظم سے ملاقات کی جس میں دو طرفہ تعلقات پر بات ہوئی۔", "Urdu"),
    # a text of 120 characters or more: lingua reads it with another set of models
    ("رئیس جمهور ایران روز چهارشنبه در نخستین سفر خارجی خود به عراق رفت و با نخست وزیر این کشور دیدار کرد. "
     "دو طرف درباره گسترش همکاری های اقتصادی و امنیتی گفتگو کردند و چند یادداشت تفاهم امضا شد.", "Persian"),
    ("ایران کے صدر نے بدھ کے روز عراق کا دورہ کیا اور وزیر اعظم سے ملاقات کی جس میں دو طرفہ تعلقات پر بات ہوئی۔ "
     "دونوں ممالک نے تجارت اور سلامتی کے شعبوں میں تعاون بڑھانے پر اتفاق کیا۔", "Urdu"),
    ("مرحبا", "too little text"),
])
def test_non_arabic_text_gets_an_error_record(text, message):
    rec = analyze_record({"id": "x", "text": text})
    assert message in rec["error"]
    assert rec["entities"] == []


def _presentation_forms(text: str) -> str:
    """``text`` with each Arabic letter in its isolated presentation form, as old typesetting wrote it."""
    forms = {}
    for code in range(0xFE70, 0xFEFD):
        ch = chr(code)
        if "ISOLATED FORM" in unicodedata.name(ch, "") and len(unicodedata.normalize("NFKC", ch)) == 1:
            forms.setdefault(unicodedata.normalize("NFKC", ch), ch)
    return "".join(forms.get(c, c) for c in text)


def test_arabic_in_presentation_forms_is_arabic():
    text = _presentation_forms("قال مصدر عسكري إن الخلافات تصاعدت بين الحلفاء بعد الهزائم الأخيرة في محافظة عدن "
                               "وإن قادة الجماعة اجتمعوا أمس لبحث انسحاب مقاتليهم من المواقع التي خسروها")
    assert not any("\u0621" <= c <= "\u064a" for c in text)  # no plain letters left
    rec = analyze_record({"id": "pf", "text": text})
    assert rec.get("error") is None
    assert rec["language"] == "ar"


def test_oversized_text_is_refused_not_cut():
    rec = analyze_record({"id": "big", "text": ARABIC * 20000})
    assert "too large" in rec["error"]


def test_jsonl_accepts_text_or_content_and_reports_bad_lines(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "one", "text": ARABIC, "published": "2024-01-07"}, ensure_ascii=False),
        json.dumps({"content": ARABIC, "date_extracted": "2015-07-26 16:55:56", "title": "عنوان", "url": "http://x"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps([1, 2]),
    ]), encoding="utf-8")
    recs = list(read_path(p))
    assert [r["id"] for r in recs] == ["one", "c.jsonl:2", "c.jsonl:3", "no-text", "c.jsonl:5"]
    assert recs[1]["published"] == "2015-07-26 16:55:56" and recs[1]["title"] == "عنوان"
    assert "malformed JSON" in recs[2]["error"]
    assert "no 'text'" in recs[3]["error"]
    assert "not an object" in recs[4]["error"]


def test_gzipped_jsonl_and_folders_are_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ARABIC, encoding="utf-8")
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "text": ARABIC}, ensure_ascii=False) + "\n")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    assert [r["id"] for r in read_path(tmp_path)] == ["g1", "b.txt"]


def test_corrupt_gzip_is_reported(tmp_path):
    p = tmp_path / "bad.jsonl.gz"
    p.write_bytes(gzip.compress(json.dumps({"text": ARABIC}).encode() * 50)[:60])  # cut short
    assert "cannot read" in _one(p)["error"]


def test_html_main_text_title_and_date(tmp_path):
    html = ("<html><head><title>عنوان الصفحة</title>"
            '<meta property="article:published_time" content="2024-05-02"></head><body>'
            "<nav>الرئيسية | أخبار | رياضة</nav><article><h1>عنوان الصفحة</h1>"
            f"<p>{ARABIC}</p><p>{ARABIC.replace('الأحد', 'الاثنين')}</p></article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>")
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    rec = _one(p)
    assert ARABIC in rec["text"] and "الحقوق" not in rec["text"]
    assert rec["title"] == "عنوان الصفحة" and rec["published"] == "2024-05-02"


def test_malformed_html_without_text_is_reported(tmp_path):
    p = tmp_path / "broken.html"
    p.write_text("<html><body><div><script>var x = 1;</script></div", encoding="utf-8")
    assert "no main text" in _one(p)["error"]


def test_stdin_jsonl_and_plain_text():
    recs = list(read_stream(io.BytesIO(json.dumps({"id": "s", "text": ARABIC}).encode())))
    assert recs[0]["id"] == "s" and recs[0]["text"] == ARABIC
    recs = list(read_stream(io.BytesIO(ARABIC.encode("utf-16"))))
    assert recs[0]["text"] == ARABIC


def test_missing_file_is_reported(tmp_path):
    assert "no such file" in _one(tmp_path / "nope.txt")["error"]


# Input files are told apart by their content; the extension is only a hint.

def _jsonl(*records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


FEED = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة</title>'
        f"<item><title>خبر</title><link>http://example.org/1</link><description>{ARABIC}</description></item>"
        "</channel></rss>")
PAGE = f"<html><head><title>عنوان الصفحة</title></head><body><article><p>{ARABIC}</p><p>{ARABIC}</p></article></body></html>"


def test_jsonl_without_an_extension_is_read_as_jsonl(tmp_path):
    p = tmp_path / "tmp.XG3kq1"   # as mktemp names it
    p.write_text(_jsonl({"id": "a", "text": ARABIC}, {"text": ARABIC, "published": "2024-01-07"}), encoding="utf-8")
    recs = list(read_path(p))
    assert [r["id"] for r in recs] == ["a", "tmp.XG3kq1:2"]
    assert recs[0]["text"] == ARABIC and recs[1]["published"] == "2024-01-07"
    assert count_records([str(p)]) == 2


def test_a_json_file_of_one_record_a_line_is_json_lines(tmp_path):
    p = tmp_path / "export.json"
    p.write_text(_jsonl({"id": "a", "text": ARABIC}, {"id": "b", "text": ARABIC}), encoding="utf-8")
    assert [(r["id"], r.get("error")) for r in read_path(p)] == [("a", None), ("b", None)]


def test_jsonl_with_blank_lines_a_long_first_line_and_a_bad_first_line(tmp_path):
    long_text = ARABIC * 1000   # the first line is longer than what is read to sniff
    p = tmp_path / "corpus"
    p.write_text(_jsonl({"id": "long", "text": long_text}) + "\n\n" + _jsonl({"id": "b", "text": ARABIC}),
                 encoding="utf-8")
    assert [r["id"] for r in read_path(p)] == ["long", "b"]
    p.write_text('{"id": "cut", "text": "' + ARABIC + "\n" + _jsonl({"id": "b", "text": ARABIC}), encoding="utf-8")
    recs = list(read_path(p))
    assert "malformed JSON on line 1" in recs[0]["error"] and recs[1]["id"] == "b"


def test_json_array_and_single_record_without_an_extension(tmp_path):
    p = tmp_path / "records"
    p.write_text(json.dumps([{"id": "x", "text": ARABIC}, {"text": ARABIC}], ensure_ascii=False, indent=2),
                 encoding="utf-8")
    assert [r["id"] for r in read_path(p)] == ["x", "records:2"]
    p.write_text(json.dumps({"text": ARABIC, "title": "عنوان"}, ensure_ascii=False, indent=2), encoding="utf-8")
    rec = _one(p)
    assert (rec["id"], rec["text"], rec["title"]) == ("records", ARABIC, "عنوان")
    p.write_text(json.dumps({"text": ARABIC}, ensure_ascii=False), encoding="utf-8")   # one line, one record
    assert _one(p)["id"] == "records"


def test_gzip_is_known_by_its_magic_bytes_not_its_name(tmp_path):
    p = tmp_path / "download"
    p.write_bytes(gzip.compress(_jsonl({"id": "g1", "text": ARABIC}, {"id": "g2", "text": ARABIC}).encode()))
    assert [r["id"] for r in read_path(p)] == ["g1", "g2"]
    assert count_records([str(p)]) == 2
    p.write_bytes(gzip.compress(PAGE.encode()))
    rec = _one(p)
    assert rec["title"] == "عنوان الصفحة" and ARABIC in rec["text"] and "<p>" not in rec["text"]
    p = tmp_path / "already-unpacked.jsonl.gz"   # a browser unpacked it and kept the name
    p.write_text(_jsonl({"id": "u1", "text": ARABIC}), encoding="utf-8")
    assert [r["id"] for r in read_path(p)] == ["u1"]


def test_html_and_feeds_without_an_extension(tmp_path):
    p = tmp_path / "page"
    p.write_text(PAGE, encoding="utf-8")
    rec = _one(p)
    assert rec["title"] == "عنوان الصفحة" and "<p>" not in rec["text"]
    p.write_text(FEED, encoding="utf-8")
    rec = _one(p)
    assert rec["url"] == "http://example.org/1" and ARABIC in rec["text"]


def test_text_that_opens_with_a_bracket_is_text(tmp_path):
    p = tmp_path / "note"
    for text in (f"[عاجل] {ARABIC}", f"{{تحديث}} {ARABIC}", f"[1] {ARABIC}"):
        p.write_text(text, encoding="utf-8")
        assert _one(p)["text"] == text
    p = tmp_path / "note.txt"   # opens like a JSON array but is not one: the name says text
    p.write_text(f'["عاجل"] {ARABIC}', encoding="utf-8")
    assert _one(p)["text"] == f'["عاجل"] {ARABIC}'


def test_broken_json_is_an_error_not_an_article(tmp_path):
    p = tmp_path / "tmp.a81b"
    p.write_text('{"id": "x", "text": "' + ARABIC + '", "title": ', encoding="utf-8")
    assert "malformed JSON" in _one(p)["error"]
    p.write_text('[{"id": "x", "text": "' + ARABIC + '"}, {', encoding="utf-8")
    assert "malformed JSON" in _one(p)["error"]


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
                                  b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4,
                                  gzip.compress(bytes(range(256)) * 4)])
def test_what_is_none_of_the_known_kinds_gets_a_clear_error(tmp_path, data):
    p = tmp_path / "blob"
    p.write_bytes(data)
    error = _one(p)["error"]
    assert error.startswith("binary data") and "JSON Lines" in error


def test_stdin_is_read_by_content_as_files_are():
    array = json.dumps([{"id": "s1", "text": ARABIC}, {"id": "s2", "text": ARABIC}]).encode()
    assert [r["id"] for r in read_stream(io.BytesIO(array))] == ["s1", "s2"]
    packed = gzip.compress(_jsonl({"id": "z1", "text": ARABIC}).encode())
    assert [r["id"] for r in read_stream(io.BytesIO(packed))] == ["z1"]
    assert _one_of(read_stream(io.BytesIO(PAGE.encode())))["title"] == "عنوان الصفحة"


def _one_of(records):
    records = list(records)
    assert len(records) == 1
    return records[0]


@pytest.mark.parametrize("data", [
    '{"id": "x", "text": "زار'.encode()[:-1],           # cut inside a UTF-8 character
    b'[{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}]",     # nested deeper than the parser goes
    b'{"a": ' * 100_000 + b"1" + b"}" * 100_000,
    (json.dumps({"text": ARABIC}) + "\n" + "[" * 100_000).encode(),
])
def test_json_that_cannot_be_read_is_reported(data):
    recs = list(read_stream(io.BytesIO(data)))
    assert recs and all("malformed JSON" in r["error"] for r in recs if "text" not in r)
    assert any("malformed JSON" in r.get("error", "") for r in recs)
