"""Events as iCalendar (RFC 5545): the /events.ics feed, each event's .ics, mail attachments.

Each is in the active reading language: its text for a Cyrillic reader (/cir/events.ics, a mail
to someone who registered in Cyrillic) transliterated, and its addresses the /cir/ pages'.
Only the values people read are transliterated, before icalendar escapes and folds them:
UIDs, addresses and times stay as they are.
"""

from zoneinfo import ZoneInfo

import icalendar
from django.http import HttpResponse
from django.utils import timezone

from home.scripts import for_reader

# The events' times are Belgrade's: calendars get them with its VTIMEZONE.
BELGRADE = ZoneInfo("Europe/Belgrade")
PRODUCT_ID = "-//Kamere//Events//EN"


def event_uid(event):
    """The same for an event in every language and across edits, as calendars require."""
    return f"{event.translation_key}@kamere"


def event_component(event, request=None):
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", timezone.now())
    component.add("dtstart", event.start.astimezone(BELGRADE))
    component.add("dtend", event.end.astimezone(BELGRADE))
    component.add("summary", for_reader(event.title))
    if event.search_description:
        component.add("description", for_reader(event.search_description))
    location = ", ".join(part for part in (event.venue, event.address) if part)
    if location:
        component.add("location", for_reader(location))
    if event.latitude is not None and event.longitude is not None:
        component.add("geo", (event.latitude, event.longitude))
    if event.online_url:
        component.add("conference", event.online_url)
    component.add("url", event.get_full_url(request))
    component.add("sequence", event.sequence)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    return component


def event_calendar(events, request=None, name=None):
    """A VCALENDAR of the events, with the Europe/Belgrade VTIMEZONE their times refer to."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", for_reader(name))
    for event in events:
        calendar.add_component(event_component(event, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(events, filename, request, name=None):
    response = HttpResponse(
        event_calendar(events, request, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
