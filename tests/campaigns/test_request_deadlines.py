"""The legal terms of requests to authorities (campaigns/information_requests/deadlines.py),
against cases worked by hand on a calendar of 2026-2027 with Serbia's public holidays."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from campaigns.information_requests.deadlines import (
    Law,
    answer_due,
    complaint_due,
    is_late,
    is_working_day,
    urgent_answer_due,
)

INFORMATION = Law.INFORMATION
PERSONAL_DATA = Law.PERSONAL_DATA


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 12, 7), True),  # a Monday
        (date(2026, 12, 5), False),  # a Saturday
        (date(2026, 12, 6), False),  # a Sunday
        (date(2027, 1, 7), False),  # Orthodox Christmas, a Thursday
        (date(2026, 2, 17), False),  # Statehood Day's second day fell on a Monday: Tuesday off
        (date(2026, 4, 10), False),  # Good Friday (Orthodox Easter, 12 April 2026)
        (date(2026, 4, 13), False),  # Easter Monday
        (date(2026, 4, 14), True),
        (date(2027, 5, 4), False),  # Labour Day's second day on Easter Sunday: Tuesday off
        (date(2026, 11, 11), False),  # Armistice Day
    ],
)
def test_working_days_leave_out_weekends_and_public_holidays(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("received_on", "due_on"),
    [
        # 15 days from the next day: 17 March, a Tuesday.
        (date(2026, 3, 2), date(2026, 3, 17)),
        # Received on a Friday: the 15th day is Saturday 9 May; the term ends on Monday.
        (date(2026, 4, 24), date(2026, 5, 11)),
        # Received on the Friday before Statehood Day (15-17 February): holidays within the
        # term count as days; the 15th, Saturday 28 February, moves to Monday 2 March.
        (date(2026, 2, 13), date(2026, 3, 2)),
        # The 15th day is Statehood Day's Monday, and its Tuesday is off too: Wednesday.
        (date(2026, 2, 1), date(2026, 2, 18)),
        # The 15th day is Holy Saturday: past Easter Sunday and Monday, to Tuesday 14 April.
        (date(2026, 3, 27), date(2026, 4, 14)),
    ],
)
def test_information_is_due_within_15_days(received_on, due_on):
    assert answer_due(INFORMATION, received_on) == due_on


def test_an_authority_that_needs_longer_has_40_days():
    # 2 March + 40 days is Holy Saturday, 11 April: Tuesday 14 April.
    assert answer_due(INFORMATION, date(2026, 3, 2), extended=True) == date(2026, 4, 14)


def test_an_urgent_request_is_due_in_48_hours_whatever_the_day():
    received = datetime(2026, 12, 4, 15, 30, tzinfo=UTC)  # a Friday afternoon
    assert urgent_answer_due(received) == datetime(2026, 12, 6, 15, 30, tzinfo=UTC)  # Sunday
    # Across the night the clocks go forward (28 March 2027): 48 real hours, 49 on the wall.
    belgrade = ZoneInfo("Europe/Belgrade")
    due = urgent_answer_due(datetime(2027, 3, 27, 12, 0, tzinfo=belgrade))
    assert due == datetime(2027, 3, 29, 13, 0, tzinfo=belgrade)
    assert due.utcoffset().total_seconds() == 2 * 3600
    for undated in (date(2026, 12, 4), datetime(2026, 12, 4, 15, 30)):
        with pytest.raises(TypeError):
            urgent_answer_due(undated)


@pytest.mark.parametrize(
    ("received_on", "extended", "due_on"),
    [
        # 30 days: 6 January, the day before Orthodox Christmas.
        (date(2026, 12, 7), False, date(2027, 1, 6)),
        # A day later the 30th day is Christmas: the Friday after it.
        (date(2026, 12, 8), False, date(2027, 1, 8)),
        # 60 more days: 90 from 7 December is Sunday 7 March 2027, so Monday 8 March.
        (date(2026, 12, 7), True, date(2027, 3, 8)),
        # 60 more from the first term's end as moved: 8 January (after Christmas), so
        # Tuesday 9 March, not Monday 8 March (90 days from receipt).
        (date(2026, 12, 8), True, date(2027, 3, 9)),
    ],
)
def test_ones_own_data_is_due_within_30_days_or_60_more(received_on, extended, due_on):
    assert answer_due(PERSONAL_DATA, received_on, extended=extended) == due_on


def test_a_refusal_may_be_complained_of_within_15_days():
    # Arrived on Thursday 30 April 2026: Friday 15 May.
    assert complaint_due(INFORMATION, date(2026, 4, 30)) == date(2026, 5, 15)
    # The 15th day is Labour Day (1-2 May), then a Sunday: Monday 4 May.
    assert complaint_due(INFORMATION, date(2026, 4, 16)) == date(2026, 5, 4)
    # The data protection law sets no term for a complaint.
    assert complaint_due(PERSONAL_DATA, date(2026, 4, 16)) is None


def test_late_only_after_the_last_day():
    received = date(2026, 3, 2)  # due on 17 March
    assert not is_late(INFORMATION, received, today=date(2026, 3, 17))
    assert is_late(INFORMATION, received, today=date(2026, 3, 18))
    assert not is_late(INFORMATION, received, today=date(2026, 3, 18), extended=True)
    # The law's value as stored in the database works the same.
    assert answer_due("information", received) == date(2026, 3, 17)
