"""Time expressions, normalised to ISO 8601 against the publication date.

Weekdays resolve to the week of publication, month names (also doubled: يوليو تموز) take the
year the publication date and tense imply, relative words (أمس، الشهر الماضي، منذ ثلاثة أيام)
count from it. Without a publication date, values stay partial (``XXXX-07``), never guessed.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from hijridate import Hijri

from ..doc import Article, TimeExpr
from ..resources import read_tsv
from ..text.normalize import normalize_word
from ..text.tokenize import Token, stem_candidates
from .entities import analysed_tokens
from .lookup import first_words, match_at
from .numbers import read_number

__all__ = ["find_times", "parse_published"]

_YEAR_WORDS = {normalize_word(w) for w in ("عام", "العام", "سنة", "السنة", "عامي")}
_YEAR_CUES = {normalize_word(w) for w in "في منذ حتى بحلول خلال قبل بعد مطلع أواخر أوائل منتصف نهاية بداية أواسط".split()}
_MONTH_CUES = _YEAR_CUES | {normalize_word(w) for w in ("شهر", "الشهر", "مطلع", "اواخر")}
_FUTURE = {normalize_word(w) for w in ("المقبل", "القادم", "المقبلة", "القادمة")}
_PAST = {normalize_word(w) for w in ("الماضي", "الماضية", "المنصرم", "الفائت")}
_AGO = {normalize_word(w) for w in ("منذ", "قبل")}
_DUALS = {normalize_word(w): (u, 2) for w, u in (
    ("يومين", "day"), ("أسبوعين", "week"), ("شهرين", "month"), ("عامين", "year"), ("سنتين", "year"))}
_UNITS = {normalize_word(w): u for w, u in (
    ("يوم", "day"), ("أيام", "day"), ("يوما", "day"), ("أسبوع", "week"), ("أسابيع", "week"),
    ("شهر", "month"), ("أشهر", "month"), ("شهور", "month"), ("عام", "year"), ("أعوام", "year"),
    ("سنة", "year"), ("سنوات", "year"), ("عاما", "year"))}
_HIJRI_MARK = {"هـ", "ه", "هجري", "هجرية", "للهجرة"}
_NUMERIC_DATE_RE = re.compile(r"\b(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}))\b")


@cache
def _months() -> dict[tuple[str, ...], tuple[int, str]]:
    return {tuple(normalize_word(n).split()): (int(m), cal) for n, m, cal in read_tsv("lexicons/months.tsv")}


@cache
def _weekdays() -> dict[str, int]:
    return {normalize_word(n): int(d) for n, d in read_tsv("lexicons/weekdays.tsv")}


@cache
def _relative() -> dict[tuple[str, ...], tuple[str, int]]:
    return {tuple(normalize_word(p).split()): (u, int(o)) for p, u, o in read_tsv("lexicons/relative_times.tsv")}


@cache
def _starts() -> frozenset[str]:
    """The words a time expression not led by digits can begin with (behind clitics)."""
    return frozenset({*first_words(_months()), *_weekdays(), *first_words(_relative()), *_AGO, *_YEAR_WORDS})


def parse_published(value: str | None) -> date | None:
    """The date part of a publication timestamp (``2024-09-11``, ``2015-07-26 16:55:56``)."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", str(value).strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _moved(pub: date, days: int) -> date | None:
    """``pub`` moved by ``days``, or None where that leaves the calendar (years 1 to 9999)."""
    try:
        return pub + timedelta(days=days)
    except OverflowError:
        return None


def _shift(pub: date, unit: str, offset: int) -> str | None:
    """``pub`` moved by ``offset`` days, weeks, months or years, as ISO text; None outside years 1 to 9999."""
    if unit in ("day", "week"):
        moved = _moved(pub, offset * (7 if unit == "week" else 1))
        if moved is None:
            return None
        if unit == "day":
            return moved.isoformat()
        y, w, _ = moved.isocalendar()
        return f"{y}-W{w:02d}"
    if unit == "month":
        m = pub.year * 12 + pub.month - 1 + offset
        return f"{m // 12}-{m % 12 + 1:02d}" if 1 <= m // 12 <= 9999 else None
    return str(pub.year + offset) if 1 <= pub.year + offset <= 9999 else None


def _year_at(tokens: list[Token], i: int) -> int | None:
    if i < len(tokens) and re.fullmatch(r"\d{4}", tokens[i].norm):
        y = int(tokens[i].norm)
        if 1800 <= y <= 2100 or 1300 <= y <= 1500:
            return y
    return None


def _cue_stems(word: str) -> set[str]:
    """A cue word's stems, also behind و/ف (وفي 2009، فمنذ)."""
    stems = {s for _, s in stem_candidates(word)}
    return stems | {word[1:]} if word[:1] in "وف" and len(word) > 2 else stems


def _is_hijri_mark(tokens: list[Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].norm.rstrip(".") in _HIJRI_MARK


class _Finder:
    """Scans one article's tokens; ``pub`` anchors relative expressions."""

    def __init__(self, article: Article, tokens: list[Token]) -> None:
        self.article, self.tokens = article, tokens
        self.pub = parse_published(article.published)
        self.found: list[TimeExpr] = []
        self.used: set[int] = set()

    def add(self, first: int, last: int, value: str | None, start: int | None = None) -> None:
        t = self.tokens
        s = t[first].start if start is None else start
        e = t[last - 1].end
        self.found.append(TimeExpr(s, e, self.article.text[s:e], value))
        self.used.update(range(first, last))

    def run(self) -> list[TimeExpr]:
        self.numeric_dates()
        starts = _starts()
        i = 0
        while i < len(self.tokens):
            word = self.tokens[i].norm
            if i not in self.used and (word[:1].isdigit() or any(s in starts for _, s in stem_candidates(word))):
                for step in (self.month, self.weekday, self.relative, self.ago, self.year):
                    nxt = step(i)
                    if nxt:
                        i = nxt - 1
                        break
            i += 1
        return sorted(self.found, key=lambda x: x.start)

    def numeric_dates(self) -> None:
        norm = self.article.norm
        for m in _NUMERIC_DATE_RE.finditer(norm.text):
            y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
            try:
                value = date(int(y), int(mo), int(d)).isoformat()
            except ValueError:
                continue
            s, e = norm.span(m.start(), m.end())
            idx = [k for k, t in enumerate(self.tokens) if s <= t.start and t.end <= e]
            if idx and not self.used.intersection(idx):
                self.add(idx[0], idx[-1] + 1, value)

    def month(self, i: int) -> int | None:
        toks, months = self.tokens, _months()
        m = match_at(months, toks, i, self.article.norm, 2)
        if m is None:
            return None
        month, cal = m.value
        last = m.last
        nxt = match_at(months, toks, last, self.article.norm, 2, clitics=False) if last < len(toks) else None
        doubled = nxt is not None and nxt.value[0] == month and nxt.value[1] != cal
        if doubled:
            last = nxt.last
        first, day = i, None
        if i > 0 and (i - 1) not in self.used and toks[i - 1].norm.isdigit() and 1 <= int(toks[i - 1].norm) <= 31 \
                and m.start == toks[i].start:
            first, day = i - 1, int(toks[i - 1].norm)
        year = _year_at(toks, last)
        hijri = cal == "hijri" or (year is not None and _is_hijri_mark(toks, last + 1))
        if year is not None:
            last += 1
            if _is_hijri_mark(toks, last):
                last += 1
        prev = toks[first - 1].norm if first > 0 else ""
        cue = prev in _MONTH_CUES or any(s in _MONTH_CUES for _, s in stem_candidates(toks[i].norm)[1:])
        if not (day or year or doubled or cue) or (cal == "hijri" and not (day and year) and not year):
            return None
        value = self.month_value(month, day, year, hijri, last)
        self.add(first, last, value, None if first < i else m.start)
        return last

    def month_value(self, month: int, day: int | None, year: int | None, hijri: bool, after: int) -> str | None:
        if hijri:
            if year is None:
                return None
            try:
                g = Hijri(year, month, day or 15).to_gregorian()
            except (ValueError, OverflowError):
                return None
            return g.isoformat() if day else f"{g.year}-{g.month:02d}"
        if year is None and self.pub is not None:
            future = after < len(self.tokens) and self.tokens[after].norm in _FUTURE
            if future:
                year = self.pub.year if month >= self.pub.month else self.pub.year + 1
            else:
                year = self.pub.year if month <= self.pub.month else self.pub.year - 1
        y = f"{year:04d}" if year else "XXXX"
        return f"{y}-{month:02d}-{day:02d}" if day else f"{y}-{month:02d}"

    def weekday(self, i: int) -> int | None:
        toks = self.tokens
        for prefix, stem in stem_candidates(toks[i].norm):
            iso = _weekdays().get(stem)
            if iso is not None:
                break
        else:
            return None
        first = i - 1 if i > 0 and toks[i - 1].norm == "يوم" and (i - 1) not in self.used else i
        start = toks[first].start if first < i else self.article.norm.index[toks[i].nstart + prefix]
        last = i + 1
        direction = 0
        if last < len(toks) and toks[last].norm in _FUTURE | _PAST:
            direction = 1 if toks[last].norm in _FUTURE else -1
            last += 1
        if self.pub is None:
            value = f"XXXX-WXX-{iso}"
        else:
            delta = (self.pub.isoweekday() - iso) % 7
            if direction > 0:
                d = _moved(self.pub, (iso - self.pub.isoweekday()) % 7 or 7)
            else:
                d = _moved(self.pub, -(delta or (7 if direction < 0 else 0)))
            value = d.isoformat() if d else None
        self.add(first, last, value, start)
        return last

    def relative(self, i: int) -> int | None:
        m = match_at(_relative(), self.tokens, i, self.article.norm, 3)
        if m is None:
            return None
        unit, offset = m.value
        value = _shift(self.pub, unit, offset) if self.pub else None
        self.add(i, m.last, value, m.start)
        return m.last

    def ago(self, i: int) -> int | None:
        toks = self.tokens
        if not any(s in _AGO for _, s in stem_candidates(toks[i].norm)) or i + 1 >= len(toks):
            return None
        j = i + 1
        if toks[j].norm in _DUALS:
            unit, n = _DUALS[toks[j].norm]
            last = j + 1
        else:
            num = read_number(toks, j)
            if num is None or num.last >= len(toks) or toks[num.last].norm not in _UNITS:
                return None
            unit, n, last = _UNITS[toks[num.last].norm], int(num.value), num.last + 1
        value = _shift(self.pub, unit, -n) if self.pub else None
        self.add(i, last, value)
        return last

    def year(self, i: int) -> int | None:
        toks = self.tokens
        stems = {s for _, s in stem_candidates(toks[i].norm)}
        if stems & _YEAR_WORDS and _year_at(toks, i + 1):
            first, j = i, i + 1
        elif _year_at(toks, i) and i > 0 and (_cue_stems(toks[i - 1].norm) & _YEAR_CUES
                                               or (i + 1 < len(toks) and toks[i + 1].norm == "م")):
            first, j = i, i
        else:
            return None
        year = _year_at(toks, j)
        last = j + 1
        if _is_hijri_mark(toks, last):
            return None  # a Hijri year spans two Gregorian years: not normalised
        start = None
        if first == i and stems & _YEAR_WORDS:
            prefix = next(p for p, s in stem_candidates(toks[i].norm) if s in _YEAR_WORDS)
            start = self.article.norm.index[toks[i].nstart + prefix]
        self.add(first, last, str(year), start)
        return last


def find_times(article: Article) -> Article:
    """Fill ``article.times``."""
    article.times = _Finder(article, analysed_tokens(article)).run()
    return article
