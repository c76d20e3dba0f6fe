"""The events' calendar files: the feed of upcoming events and each event's .ics."""

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from campaigns.events.calendar import calendar_response
from campaigns.events.pages import EventPage
from campaigns.routing import public_page_at
from home.languages import content_language


def events_feed(request):
    """/events.ics, /cir/events.ics and /en/events.ics: the live, upcoming events in the
    address's language (Cyrillic: the Latin events, in Cyrillic; events/calendar.py)."""
    locale = Locale.objects.filter(language_code=content_language()).first() or Locale.get_default()
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale, end__gte=timezone.now())
        .order_by("start", "pk")
    )
    return calendar_response(events, "events.ics", request, name=settings.WAGTAIL_SITE_NAME)


def event_ics(request, page_path):
    """`<event url>event.ics` (`kalendar.ics` on a Serbian page): one event."""
    event = public_page_at(request, page_path, EventPage, EventPage.event)
    return calendar_response([event], f"{event.slug}.ics", request)
