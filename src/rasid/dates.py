"""Dates as the user gives them (checked) and as intervals of days (compared).

An event date may be a day (``2015-07-26``), an ISO week (``2015-W29``), a month (``2015-07``)
or a year (``2015``); a date without a year (``XXXX-07``) denotes no interval. Dates are
compared through the interval they denote, first and last day, never as strings: a filter keeps
what overlaps the range asked for.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from .errors import DateError

__all__ = ["DATE_FORMS", "check_date", "interval", "day_range"]

DATE_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www"
_DATE_RE = re.compile(r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?")
_TIME_RE = re.compile(r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")


def _parse(value: str, timestamps: bool) -> tuple[date, date]:
    """The first and last day of ``value``; ValueError saying why it is not an ISO date."""
    m = _DATE_RE.fullmatch(value) if not timestamps else _DATE_RE.match(value)
    if m is None or (timestamps and not _TIME_RE.fullmatch(value[m.end():])) \
            or (timestamps and value[m.end():] and m[4] is None):
        raise ValueError(f"'{value}' is not an ISO date ({DATE_FORMS})")
    year, week, month, day = int(m[1]), m[2], m[3], m[4]
    if year < 1:
        raise ValueError(f"'{value}': year 0 does not exist")
    if week is not None:
        try:
            return date.fromisocalendar(year, int(week), 1), date.fromisocalendar(year, int(week), 7)
        except ValueError as exc:
            raise ValueError(f"'{value}' is not a valid ISO week ({exc})") from None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= int(month) <= 12:
        raise ValueError(f"'{value}' is not a valid date (month {int(month)} is not 1..12)")
    if day is None:
        return date(year, int(month), 1), date(year, int(month), calendar.monthrange(year, int(month))[1])
    try:
        first = date(year, int(month), int(day))
    except ValueError as exc:
        raise ValueError(f"'{value}' is not a valid date ({exc})") from None
    return first, first


def check_date(value: str | None, name: str = "date", timestamps: bool = False) -> str | None:
    """``value`` unchanged when it is an ISO date (``timestamps``: a time may follow a day),
    else :class:`DateError` naming the parameter and the reason."""
    if value is None:
        return None
    try:
        _parse(value.strip(), timestamps)
    except ValueError as exc:
        raise DateError(f"{name}: {exc}") from None
    return value.strip()


def interval(value: str | None) -> tuple[str, str] | None:
    """First and last day (ISO strings) of an event date; None when it denotes no interval."""
    if not value:
        return None
    try:
        first, last = _parse(value, timestamps=True)
    except ValueError:
        return None
    return first.isoformat(), last.isoformat()


def day_range(since: str | None, until: str | None, names: tuple[str, str] = ("since", "until")
              ) -> tuple[str | None, str | None]:
    """The first day of ``since`` and the last day of ``until`` (checked; either may be None)."""
    first = _parse(check_date(since, names[0]), False)[0].isoformat() if since else None
    last = _parse(check_date(until, names[1]), False)[1].isoformat() if until else None
    if first and last and first > last:
        raise DateError(f"{names[0]} {since} is after {names[1]} {until}")
    return first, last
