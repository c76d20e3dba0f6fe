"""When an authority must answer, and until when its silence may be complained of.

The laws count in days, not working days: the term starts the day after the request reached
the authority, and a term whose last day falls on a day the authority does not work (a
weekend, a public holiday) ends on the next working day (the Law on General Administrative
Procedure, which both laws below leave their terms to: "Zakon o opštem upravnom postupku",
Službeni glasnik RS 18/2016, article 83). The holidays are the state's (Zakon o državnim i drugim
praznicima u Republici Srbiji), with their shifts when one falls on a Sunday, from the
`holidays` library, which is kept up to date with them, rather than a list of our own: Easter
moves each year.

- Information of public importance ("Zakon o slobodnom pristupu informacijama od javnog
  značaja", 120/2004 with its changes up to 105/2021, article 16): without delay and within 15
  days of receiving the request; within 40 days if the authority tells the requester in time
  that it needs longer; within 48 hours when the information concerns a threat to someone's
  life, health or freedom, or to the environment. A refusal may be complained of to the
  Commissioner within 15 days of its arrival (article 22); silence, as soon as the term is over.
- One's own personal data ("Zakon o zaštiti podataka o ličnosti", 87/2018, articles 21 and 26):
  within 30 days of receiving the request; 60 more days where needed, if the controller says why
  within the first 30 (counted from the first term's end). A complaint to the Commissioner
  (article 82) has no term of its own.

The articles are to be checked against the laws' consolidated texts before the pages quote
them (../shared/CONTEXT.md); tests/campaigns/test_request_deadlines.py works the cases by hand.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

import holidays
from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class Law(TextChoices):
    INFORMATION = "information", _("Access to information of public importance")
    PERSONAL_DATA = "personal_data", _("Access to one's own personal data")


@dataclass(frozen=True)
class Terms:
    """A law's terms, in days after the request reached the authority."""

    answer_days: int
    # The longest the authority may take when it says in time that it needs more.
    extended_days: int
    # The term of a complaint of a refusal to the Commissioner; None: no term.
    complaint_days: int | None
    urgent_hours: int | None = None
    # Whether the extension is added to the first term's end ("60 more days") rather than
    # counted from receipt ("no longer than 40 days from receiving the request").
    extension_follows_term: bool = False


TERMS = {
    Law.INFORMATION: Terms(answer_days=15, extended_days=40, complaint_days=15, urgent_hours=48),
    Law.PERSONAL_DATA: Terms(
        answer_days=30, extended_days=30 + 60, complaint_days=None, extension_follows_term=True
    ),
}


@lru_cache(maxsize=32)
def _holidays(year):
    # One year's at a time: the library computes Easter and the Sunday shifts per year.
    return holidays.country_holidays("RS", years=year)


def is_working_day(day):
    """Whether authorities work on `day`: not a Saturday, a Sunday or a public holiday."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def next_working_day(day):
    """`day`, or the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def term_end(received_on, days):
    """The last day of a term of `days` days for a request received on `received_on`: the
    days counted from the next day, the end moved past a day the authority does not work."""
    return next_working_day(received_on + timedelta(days=days))


def answer_due(law, received_on, extended=False, urgent=False):
    """The last day the authority may answer a request under `law` received on `received_on`;
    `extended`: when it said in time that it needs longer; `urgent`: a request for
    information about a threat to life, health, freedom or the environment, whose 48 hours
    run through weekends and holidays and end, on the day this gives, at the hour the request
    arrived (urgent_answer_due, where the hour is known)."""
    terms = TERMS[Law(law)]
    if urgent and terms.urgent_hours:
        return received_on + timedelta(days=terms.urgent_hours // 24)
    if not extended:
        return term_end(received_on, terms.answer_days)
    if terms.extension_follows_term:
        # The more days run from the first term's last day, as moved past a day off: the
        # later of the two readings, so that no complaint is drafted a day too early.
        first = term_end(received_on, terms.answer_days)
        return term_end(first, terms.extended_days - terms.answer_days)
    return term_end(received_on, terms.extended_days)


def urgent_answer_due(received_at):
    """The moment an answer is due to an urgent request for information (a threat to life,
    health, freedom or the environment) received at `received_at`: 48 hours, counted in
    hours, whatever the day."""
    if not isinstance(received_at, datetime) or received_at.utcoffset() is None:
        raise TypeError("An urgent term is counted in hours: give the moment, with its zone.")
    # In real hours: across a change of the clocks, 48 hours on the wall are 47 or 49.
    due = received_at.astimezone(UTC) + timedelta(hours=TERMS[Law.INFORMATION].urgent_hours)
    return due.astimezone(received_at.tzinfo)


def complaint_due(law, refused_on):
    """The last day to complain to the Commissioner about a refusal that arrived on
    `refused_on`; None when the law sets no term. (Silence may be complained of from the day
    after the answer was due.)"""
    days = TERMS[Law(law)].complaint_days
    if days is None:
        return None
    return term_end(refused_on, days)


def is_late(law, received_on, today: date, extended=False):
    """Whether the authority's term for a request received on `received_on` is over today."""
    return today > answer_due(law, received_on, extended)
