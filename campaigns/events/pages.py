"""The event's page: what, when and where, and registering under its address, with the
confirmation and cancellation links' pages. The registrations themselves are models.py's."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from campaigns.events.admin_forms import EventPageForm
from campaigns.events.calendar import BELGRADE
from campaigns.events.forms import RegistrationForm
from campaigns.events.models import Registration, RegistrationLock
from home.blocks import BaseStreamBlock
from home.forms import is_from_a_bot
from home.languages import content_language, language_tag
from home.models import LIVE_FIGURES, BasePage
from home.page_routes import LocalisedRoutablePageMixin, is_serbian, translated_path
from home.ratelimit import over_rate

__all__ = ["EventPage", "release_lapsed_holds"]


class EventPage(LocalisedRoutablePageMixin, BasePage):
    """An event people can join, on site or online, with an optional limit on places."""

    page_cache_timeout = LIVE_FIGURES  # its places left

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    # A change to any of these is news for calendars that hold the event: SEQUENCE goes up.
    CALENDAR_FIELDS = ("start", "end", "venue", "address", "latitude", "longitude", "online_url")

    start = models.DateTimeField(_("Starts"))
    end = models.DateTimeField(_("Ends"))
    venue = models.CharField(_("Venue"), max_length=200, blank=True)
    address = models.CharField(_("Address"), max_length=250, blank=True)
    latitude = models.FloatField(_("Latitude"), null=True, blank=True)
    longitude = models.FloatField(_("Longitude"), null=True, blank=True)
    online_url = models.URLField(
        _("Online link"),
        blank=True,
        help_text=_("For an event held online: the link where people take part."),
    )
    description = StreamField(BaseStreamBlock(), verbose_name=_("Description"), blank=True)
    capacity = models.PositiveIntegerField(
        _("Places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. Once it is full, people join a waiting list."),
    )
    registration_open = models.BooleanField(_("Registration open"), default=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    sequence = models.PositiveIntegerField(_("Calendar revision"), default=0, editable=False)

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Time")),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("location"),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_open"), FieldPanel("status")],
            heading=_("Registration"),
        ),
    ]
    search_kind_words = _("event gathering")
    search_fields = [
        *Page.search_fields,
        index.SearchField("venue"),
        index.SearchField("description"),
    ]

    class Meta:
        verbose_name = _("Event")
        verbose_name_plural = _("Events")

    @property
    def summary(self):
        return self.search_description

    @property
    def is_online(self):
        return bool(self.online_url) and not (self.venue or self.address)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_finished(self):
        """Nothing left to act on (the site search lists such pages after the others)."""
        return self.is_past or self.is_cancelled

    @property
    def end_display(self):
        """The end as the page and the mails write it after the start: only the time when
        the event ends on the day it starts (in the current time zone), else the date too."""
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        if start.date() == end.date():
            return formats.time_format(end, "TIME_FORMAT")
        return formats.date_format(end, "DATETIME_FORMAT")

    @property
    def accepts_registrations(self):
        return self.registration_open and not self.is_cancelled and not self.is_past

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        tracked = {"status", *self.CALENDAR_FIELDS}
        if self.pk and (update_fields is None or tracked & set(update_fields)):
            self.sequence = self.next_sequence()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence"}
        super().save(*args, **kwargs)

    def next_sequence(self):
        """The stored SEQUENCE, one higher if the time, the place or the status changed.

        Read from the database rather than trusted from memory: a published revision carries
        the SEQUENCE of when it was drafted.
        """
        stored = (
            EventPage.objects.filter(pk=self.pk)
            .values("sequence", "status", *self.CALENDAR_FIELDS)
            .first()
        )
        if stored is None:
            return self.sequence
        fields = ("status", *self.CALENDAR_FIELDS)
        changed = any(stored[name] != getattr(self, name) for name in fields)
        return stored["sequence"] + 1 if changed else stored["sequence"]

    def registration_event(self):
        """The page registrations belong to: the default language's, shared by translations,
        so that an event's places are counted once whatever language people register in."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return (
            EventPage.objects.filter(translation_key=self.translation_key, locale=default).first()
            or self
        )

    def in_language(self, language_code):
        """This event's live page in a reading language (the one a Cyrillic reader reads is
        the Latin page), or this page if it has none."""
        translated = (
            EventPage.objects.live()
            .filter(
                translation_key=self.translation_key,
                locale__language_code=content_language(language_code),
            )
            .first()
        )
        return translated or self

    def places_taken(self, excluding=None):
        """Places given (confirmed) or held for people yet to confirm, whose hold has not
        lapsed: a hold counts, so that whoever confirms in time surely gets the place."""
        taken = self.registrations.filter(
            Q(status=Registration.Status.CONFIRMED)
            | Q(status=Registration.Status.HELD, held_until__gt=timezone.now())
        )
        if excluding is not None:
            taken = taken.exclude(pk=excluding.pk)
        return taken.count()

    def has_room(self, excluding=None):
        """Whether this (default language) event has a place neither given nor held, leaving
        out `excluding`'s own hold; ask under its lock."""
        return self.capacity is None or self.places_taken(excluding) < self.capacity

    def promote_waiting(self):
        """Move people up from the waiting list, in the order they joined it, while there is
        room; mail each. Call it under the event's lock, after a place is freed or added (a
        cancellation, a lapsed hold, more places). Not for an event that is cancelled or over:
        a place there is worth nothing."""
        if self.is_cancelled or self.is_past:
            return
        waiting = self.registrations.filter(status=Registration.Status.WAITING).order_by(
            "confirmed_at", "created_at", "pk"
        )
        if self.capacity is not None:
            waiting = waiting[: max(0, self.capacity - self.places_taken())]
        for registration in waiting:
            registration.event = self
            registration.status = Registration.Status.CONFIRMED
            registration.remind_with_mail_if_close()
            registration.save(update_fields=["status", "reminded_at"])
            registration.send_mail("promoted")

    def mail_cancellation(self):
        """Tell everyone with a place or a turn on the waiting list that the event is off.
        Their registrations stay as they are, in case the event is called back on. Nobody
        who has not confirmed is written to: their address may not be theirs."""
        for registration in self.registrations.filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING]
        ):
            registration.event = self
            registration.send_mail("event_cancelled")

    def place_figures(self):
        """(places left, places held for people yet to confirm) of this event in any language,
        in one query; (None, 0) without a limit."""
        if self.capacity is None:
            return None, 0
        now = timezone.now()
        held = Q(status=Registration.Status.HELD, held_until__gt=now)
        figures = self.registration_event().registrations.aggregate(
            confirmed=models.Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
            held=models.Count("pk", filter=held),
        )
        return max(0, self.capacity - figures["confirmed"] - figures["held"]), figures["held"]

    def places_left(self):
        return self.place_figures()[0]

    def structured_data(self, request):
        """schema.org Event: https://schema.org/Event, as search engines read it."""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": self.start.astimezone(BELGRADE),
            "endDate": self.end.astimezone(BELGRADE),
            "url": self.get_full_url(request),
            "eventStatus": "https://schema.org/EventCancelled"
            if self.is_cancelled
            else "https://schema.org/EventScheduled",
            # The reader's: a Cyrillic reader's page is in Cyrillic (home/scripts.py).
            "inLanguage": language_tag(),
        }
        if self.search_description:
            data["description"] = self.search_description
        locations = []
        if self.venue or self.address:
            place = {"@type": "Place", "name": self.venue or self.address}
            if self.address:
                place["address"] = self.address
            if self.latitude is not None and self.longitude is not None:
                place["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": self.latitude,
                    "longitude": self.longitude,
                }
            locations.append(place)
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        data["location"] = locations[0] if len(locations) == 1 else locations
        mode = "Mixed" if len(locations) == 2 else ("Online" if self.online_url else "Offline")
        data["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.structured_data(request)
        context["places_left"], context["places_held"] = self.place_figures()
        context["hold_minutes"] = settings.REGISTRATION_HOLD_MINUTES
        # The small map of the place (static/js/point-map.js): the site's own tile server setting.
        context["map_tiles"] = settings.MAP_TILE_URL
        context["map_attribution"] = settings.MAP_TILE_ATTRIBUTION
        return context

    @property
    def calendar_file(self):
        """The event's .ics under its address, in the page's language (portal/urls.py serves
        both names on every event: links to `event.ics` are out)."""
        return "kalendar.ics" if is_serbian(self) else "event.ics"

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None and not self.is_online

    @path("")
    def event(self, request):
        # Imported here: the forms module builds on these models.

        if request.method == "POST":
            if not self.accepts_registrations:
                return redirect(self.url)
            refused = over_rate(request, "event-registration", "EVENT_REGISTRATION_RATE_LIMIT")
            if refused:
                return refused
            if is_from_a_bot(request.POST):
                # A bot: answer as if it worked, so it learns nothing, and store nothing.
                return redirect(self.url + self.reverse_subpage("registered"))
            form = RegistrationForm(request.POST)
            if form.is_valid():
                form.register(self.registration_event())
                return redirect(self.url + self.reverse_subpage("registered"))
        else:
            form = RegistrationForm()
        return self.render(request, context_overrides={"form": form})

    @translated_path("registered/", "upis/")
    def registered(self, request):
        # "Check your mail" would mislead someone who comes here when no one can register.
        if not self.accepts_registrations:
            return redirect(self.url)
        return self.render(
            request,
            template="campaigns/event_registered.html",
            context_overrides={"hold_minutes": settings.REGISTRATION_HOLD_MINUTES},
        )

    @translated_path("confirm/<str:token>/", "potvrda/<str:token>/")
    def confirm(self, request, token):
        """The mailed link's page: a button, since mail scanners follow links with GET and
        only a POST may confirm, as for signatures (campaigns/petitions/views.py)."""
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        registration = Registration.from_confirmation_token(token)
        if (
            registration is None
            or registration.event.translation_key != self.translation_key
            or registration.status == Registration.Status.CANCELLED
        ):
            outcome, status = "invalid", 404
        elif registration.status != Registration.Status.HELD:
            outcome, status = registration.status, 200
        elif registration.event.is_cancelled or registration.event.is_past:
            outcome, status = "closed", 410
        elif request.method == "POST":
            registration.confirm()
            outcome, status = registration.status, 200
        else:
            outcome, status = "ask", 200
        return TemplateResponse(
            request,
            "campaigns/event_confirm.html",
            {"page": self, "self": self, "registration": registration, "outcome": outcome},
            status=status,
        )

    @translated_path("cancel/<str:token>/", "otkazivanje/<str:token>/")
    def cancel(self, request, token):
        registration = (
            Registration.objects.filter(token=token, event__translation_key=self.translation_key)
            .select_related("event")
            .first()
        )
        if registration is None:
            raise Http404
        cancelled = registration.status == Registration.Status.CANCELLED
        if request.method == "POST" and not cancelled:
            registration.cancel()
            cancelled = True
        return TemplateResponse(
            request,
            "campaigns/event_cancel.html",
            {"page": self, "registration": registration, "cancelled": cancelled},
        )


def release_lapsed_holds():
    """Free the places of holds that lapsed unconfirmed, giving them to the waiting lists;
    returns how many. The registrations stay (their links still work, for a free place or
    the waiting list) until purge_event_registrations deletes them. A few statements per
    event with a lapsed hold, each under its lock."""
    lapsed = Registration.objects.filter(
        status=Registration.Status.HELD, held_until__lte=timezone.now()
    )
    released = 0
    events = EventPage.objects.filter(pk__in=lapsed.values("event_id"))
    for event in events:
        with transaction.atomic():
            RegistrationLock.hold(event)
            released += lapsed.filter(event=event).update(held_until=None)
            event.promote_waiting()
    return released
