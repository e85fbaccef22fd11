"""Date parameters are checked with a reason; event dates denote intervals of days."""
import pytest

from rasid.dates import check_date, day_range, interval
from rasid.errors import DateError


@pytest.mark.parametrize("value", ["2015-08-01", "2015-08", "2015", "2015-W29"])
def test_iso_dates_and_partial_iso_dates_are_accepted(value):
    assert check_date(value, "--since") == value


@pytest.mark.parametrize("value,reason", [("yesterday", "not an ISO date"), ("11/09/2024", "not an ISO date"),
                                          ("lastweek", "not an ISO date"), ("2024-13-45", "month 13"),
                                          ("2015-02-30", "day is out of range"), ("2015-W54", "ISO week"),
                                          ("2015-08-01T10:00", "not an ISO date")])
def test_other_values_are_refused_with_the_reason(value, reason):
    with pytest.raises(DateError, match=reason) as err:
        check_date(value, "--since")
    assert str(err.value).startswith("--since: ")


def test_publication_timestamps_may_carry_a_time():
    assert check_date("2015-07-26 16:55:56", "--published", timestamps=True) == "2015-07-26 16:55:56"
    assert check_date("2024-09-11T08:00:00+03:00", "--published", timestamps=True)
    with pytest.raises(DateError):
        check_date("2015-07 16:55", "--published", timestamps=True)


@pytest.mark.parametrize("value,days", [
    ("2015-07-26", ("2015-07-26", "2015-07-26")), ("2015-W29", ("2015-07-13", "2015-07-19")),
    ("2015-02", ("2015-02-01", "2015-02-28")), ("2016-02", ("2016-02-01", "2016-02-29")),
    ("2015", ("2015-01-01", "2015-12-31")), ("2015-W53", ("2015-12-28", "2016-01-03")),
    ("XXXX-07", None), ("", None), (None, None)])
def test_an_event_date_denotes_its_first_and_last_day(value, days):
    assert interval(value) == days


def test_a_range_runs_from_the_first_day_of_since_to_the_last_day_of_until():
    assert day_range("2015-08", "2015-08") == ("2015-08-01", "2015-08-31")
    assert day_range(None, "2015") == (None, "2015-12-31")
    with pytest.raises(DateError, match="after"):
        day_range("2016", "2015")
