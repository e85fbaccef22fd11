"""Hypothesis strategies for the property tests: texts (random Unicode, near-Arabic, mixed scripts, bidi and
zero-width marks, huge lines, mutated real articles), publication dates, and the bytes of input files.

How many examples a test runs comes from ``budget``: a few for ``make test``, many more under ``make fuzz``
(``RASID_FUZZ=1``), which runs the property tests round after round for ten minutes.
"""
from __future__ import annotations

import gzip
import json
import os
import string

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from paths import EXAMPLE, ROOT, SHARED

FUZZ = bool(os.environ.get("RASID_FUZZ"))
settings.register_profile("test", deadline=None, derandomize=True, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("fuzz" if FUZZ else "test")


def budget(n: int) -> settings:
    """``n`` examples in ``make test``; 5 times as many in each round of ``make fuzz``."""
    return settings(max_examples=n * 5 if FUZZ else n)


# --- real articles -------------------------------------------------------------------------------------------

def _real_articles() -> list[str]:
    texts = [(ROOT / "samples" / "riyadh-talks.txt").read_text(encoding="utf-8")]
    texts += [json.loads(line)["text"] for line in (ROOT / "samples" / "wire.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    if (EXAMPLE / "article.txt").exists():
        texts.append((EXAMPLE / "article.txt").read_text(encoding="utf-8"))
    news = SHARED / "data" / "news" / "saudinewsnet-2k.jsonl"
    if news.exists():   # more seeds where the shared data is beside the checkout
        with news.open(encoding="utf-8") as f:
            texts += [json.loads(next(f))["content"] for _ in range(40)]
    return texts


ARTICLES = _real_articles()
WORDS = sorted({w for text in ARTICLES for w in text.split()})

# --- characters ----------------------------------------------------------------------------------------------

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B))
HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670"
TATWEEL = "\u0640"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
PERSIAN_URDU = "پچژگکیۀےٹڈڑں"
PRESENTATION = "".join(chr(c) for c in range(0xFE70, 0xFEFD) if c != 0xFE75) + "".join(chr(c) for c in range(0xFB50, 0xFBB2))
PUNCTUATION = "،؛؟.!:«»\"'()[]{}-–—/%*+=…\u066a\u066b\u066c\u06d4"
SPACES = " \t\n\n\r\u00a0\u2028\u2029\u0085\u3000\u200a"
# bidi controls and zero-width characters, the invisible marks copied text carries
MARKS = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060\ufeff\u00ad"
OTHER_SCRIPTS = string.ascii_letters + "שלוםПриветΑθήνα中文日本語한국어हिन्दी" + "😀🇸🇦👍🏽"
NEAR_ARABIC = ARABIC_LETTERS + HARAKAT + TATWEEL + DIGITS + PERSIAN_URDU + PRESENTATION + PUNCTUATION + SPACES + MARKS

# --- texts ---------------------------------------------------------------------------------------------------

random_unicode = st.text(max_size=400)
near_arabic_chunk = st.text(alphabet=NEAR_ARABIC, min_size=1, max_size=12)
mark_runs = st.text(alphabet=MARKS, min_size=1, max_size=4)
foreign = st.text(alphabet=OTHER_SCRIPTS, min_size=1, max_size=10)
token = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS), near_arabic_chunk,
                  mark_runs, foreign, st.sampled_from(list(PUNCTUATION + SPACES)), st.just(" "), st.just(" "))
near_arabic = st.lists(token, max_size=200).map("".join)
mixed_scripts = st.lists(st.one_of(st.sampled_from(WORDS), foreign, st.sampled_from(list(OTHER_SCRIPTS))),
                         min_size=1, max_size=120).map(" ".join)


@st.composite
def with_marks(draw, texts=near_arabic) -> str:
    """A text with bidi or zero-width marks put between some of its characters."""
    text = draw(texts)
    if not text:
        return text
    out = []
    for ch in text:
        out.append(ch)
        if draw(st.integers(0, 7)) == 0:
            out.append(draw(mark_runs))
    return "".join(out)


@st.composite
def mutated_article(draw) -> str:
    """A real article after a few random edits: inserts, deletions, replacements, copies, marks, cuts."""
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 200)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "copy", "marks", "cut", "flatten", "harakat"]))
        if op == "insert":
            text = text[:i] + draw(st.one_of(near_arabic_chunk, foreign, mark_runs, random_unicode)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(near_arabic_chunk) + text[j:]
        elif op == "copy":
            text = text[:j] + text[i:j] * draw(st.integers(1, 5)) + text[j:]
        elif op == "marks":
            text = text[:i] + draw(with_marks(st.just(text[i:j]))) + text[j:]
        elif op == "cut":
            text = text[:j]
        elif op == "flatten":   # one long line, as some scrapers write
            text = text.replace("\n", draw(st.sampled_from([" ", "", "\u2028", "\r"])))
        else:
            text = "".join(c + HARAKAT[k % len(HARAKAT)] if c in ARABIC_LETTERS and k % 3 == 0 else c
                           for k, c in enumerate(text))
    return text


@st.composite
def huge_line(draw) -> str:
    """One line of tens of thousands of characters: real words run together, no line break."""
    size = draw(st.integers(5_000, 200_000 if FUZZ else 30_000))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=20, max_size=60))
    separator = draw(st.sampled_from([" ", " ", "، ", "\u200f ", ""]))
    line = separator.join(words)
    return (line * (size // max(1, len(line)) + 1))[:size]


texts = st.one_of(random_unicode, near_arabic, mixed_scripts, with_marks(), mutated_article(), mutated_article())

# --- publication dates ---------------------------------------------------------------------------------------

IMPOSSIBLE_DATES = ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "0000-00-00", "2024-1-1",
                    "99999-01-01", "10000-01-01", "0001-01-01", "9999-12-31", "-0001-01-01", "1900-02-29",
                    "2015-07-26 16:55:56", "2024-09-11T10:00:00+03:00", "2024-09-11T25:61:61", "١٤٤٦-٠٣-٠٧",
                    "2024/09/11", "11/09/2024", "yesterday", "", " ", "2024", "2024-09", "نوفمبر 2024", "NaN", "1e9"]
published = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.tuples(st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)).map(lambda t: "%04d-%02d-%02d" % t),
    st.sampled_from(IMPOSSIBLE_DATES),
    st.text(max_size=30),
)

# --- input files ---------------------------------------------------------------------------------------------

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                           lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                           max_leaves=12)
record = st.fixed_dictionaries(
    {}, optional={"id": st.one_of(st.text(max_size=10), st.integers()), "text": st.one_of(texts, json_values),
                  "content": texts, "title": st.one_of(st.text(max_size=20), json_values), "published": published,
                  "url": st.text(max_size=20), "extra": json_values})


@st.composite
def input_bytes(draw) -> bytes:
    """The bytes of something a user might give ``rasid analyze``: text in some encoding, HTML, JSON Lines, a
    JSON array or record, a feed, random bytes; perhaps gzipped, perhaps cut short."""
    kind = draw(st.sampled_from(["text", "html", "jsonl", "json", "feed", "binary"]))
    if kind == "text":
        data = draw(texts).encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256"])), errors="ignore")
    elif kind == "html":
        body = draw(texts)
        data = f"<html><head><title>{draw(st.text(max_size=20))}</title></head><body><p>{body}</p></body></html>".encode()
    elif kind == "jsonl":
        lines = [json.dumps(draw(st.one_of(record, json_values)), ensure_ascii=draw(st.booleans()))
                 for _ in range(draw(st.integers(1, 5)))]
        data = "\n".join(lines).encode()
    elif kind == "json":
        doc = draw(st.one_of(record, st.lists(record, max_size=4)))
        data = json.dumps(doc, indent=draw(st.sampled_from([None, 2]))).encode()
    elif kind == "feed":
        data = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>{draw(st.text(max_size=10))}'
                f"</title><description>{draw(texts)}</description></item></channel></rss>").encode()
    else:
        data = draw(st.binary(max_size=2000))
    if draw(st.integers(0, 3)) == 0:
        data = gzip.compress(data)
    if draw(st.integers(0, 4)) == 0:
        data = data[:draw(st.integers(0, len(data)))]
    return data


file_names = st.tuples(st.text(alphabet=string.ascii_letters + "-_", min_size=1, max_size=8),
                       st.sampled_from(["", ".txt", ".html", ".json", ".jsonl", ".ndjson", ".jsonl.gz", ".gz", ".xml",
                                        ".rss", ".csv", ".bin"])).map("".join)
