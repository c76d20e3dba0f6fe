"""Events people join: registration with capacity and a waiting list, calendar feeds."""

import secrets
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models import BasePage
from home.ratelimit import hit, too_many_requests

from ..event_admin_forms import EventPageForm
from .consent import ConsentRecord

__all__ = ["CampaignIndexPage", "EventPage", "Registration", "RegistrationLock"]

BELGRADE = ZoneInfo("Europe/Belgrade")
PAST_EVENTS_PER_PAGE = 10
# Registrations one client may send per window, across all events ("10/h", "3/15m").
REGISTRATION_RATE_LIMIT = "10/h"
# A reminder goes out once an event is this close.
REMINDER_BEFORE = timedelta(hours=24)
# Subjects of the registration mails; their bodies are templates/campaigns/mail/registration_*.
MAIL_SUBJECTS = {
    "confirmed": _("Your place at “%(event)s”"),
    "waiting": _("You are on the waiting list for “%(event)s”"),
    "promoted": _("A place has come free for you at “%(event)s”"),
    "exists": _("You are already registered for “%(event)s”"),
    "reminder": _("Tomorrow: “%(event)s”"),
    "event_cancelled": _("Cancelled: “%(event)s”"),
}


class CampaignIndexPage(BasePage):
    """Campaigns: open petitions, upcoming events and, in an archive, past ones."""

    intro = models.TextField(_("Introduction"), max_length=500, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.PetitionPage", "campaigns.EventPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("Campaigns")
        verbose_name_plural = _("Campaign pages")

    @property
    def summary(self):
        return self.intro

    def open_petitions(self):
        # Petitions are built alongside events; until their model exists there are none.
        try:
            petition_model = apps.get_model("campaigns", "PetitionPage")
        except LookupError:
            return []
        return list(petition_model.objects.child_of(self).live().public().filter(state="open"))

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        paginator = Paginator(
            self.events().filter(end__lt=now).order_by("-start", "-pk"), PAST_EVENTS_PER_PAGE
        )
        try:
            past = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            past = paginator.page(1)
        context.update(
            petitions=self.open_petitions(),
            upcoming=self.events().filter(end__gte=now).order_by("start", "pk"),
            past_events=past,
        )
        return context


class EventPage(RoutablePageMixin, BasePage):
    """An event people can join, on site or online, with an optional limit on places."""

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
        help_text=_("For an event held online: where people join it."),
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
        """This event's live page in a language, or this page if it has none."""
        translated = (
            EventPage.objects.live()
            .filter(translation_key=self.translation_key, locale__language_code=language_code)
            .first()
        )
        return translated or self

    def confirmed_count(self):
        return self.registrations.filter(status=Registration.Status.CONFIRMED).count()

    def has_room(self):
        """Whether this (default language) event has a free place; ask under its lock."""
        return self.capacity is None or self.confirmed_count() < self.capacity

    def promote_waiting(self):
        """Move people up from the waiting list, in order, while there is room; mail each.
        Call it under the event's lock, after a place is freed or added (a cancellation, more
        places). Not for an event that is cancelled or over: a place there is worth nothing."""
        if self.is_cancelled or self.is_past:
            return
        waiting = self.registrations.filter(status=Registration.Status.WAITING)
        if self.capacity is not None:
            waiting = waiting[: max(0, self.capacity - self.confirmed_count())]
        for registration in waiting:
            registration.event = self
            registration.status = Registration.Status.CONFIRMED
            registration.remind_with_mail_if_close()
            registration.save(update_fields=["status", "reminded_at"])
            registration.send_mail("promoted")

    def mail_cancellation(self):
        """Tell everyone with a place or a turn on the waiting list that the event is off.
        Their registrations stay as they are, in case the event is called back on."""
        for registration in self.registrations.exclude(status=Registration.Status.CANCELLED):
            registration.event = self
            registration.send_mail("event_cancelled")

    def places_left(self):
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.registration_event().confirmed_count())

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
            "inLanguage": self.locale.language_code,
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
        context["places_left"] = self.places_left()
        return context

    @path("")
    def event(self, request):
        # Imported here: the forms module builds on these models.
        from campaigns.event_forms import RegistrationForm

        if request.method == "POST":
            if not self.accepts_registrations:
                return redirect(self.url)
            retry_after = hit(request, "event-registration", REGISTRATION_RATE_LIMIT)
            if retry_after:
                return too_many_requests(request, retry_after)
            form = RegistrationForm(request.POST)
            if form.is_honeypot_filled():
                # A bot: answer as if it worked, so it learns nothing, and store nothing.
                return redirect(self.url + "registered/")
            if form.is_valid():
                form.register(self.registration_event())
                return redirect(self.url + "registered/")
        else:
            form = RegistrationForm()
        return self.render(request, context_overrides={"form": form})

    @path("registered/")
    def registered(self, request):
        return self.render(request, template="campaigns/event_registered.html")

    @path("cancel/<str:token>/")
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


class Registration(ConsentRecord):
    """A person's place at an event, or their turn on its waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("Event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("Name"), max_length=150)
    email = models.EmailField(_("Email"))
    email_normalised = models.CharField(_("Email (as compared)"), max_length=254, editable=False)
    language = models.CharField(_("Language"), max_length=10, editable=False)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(_("Registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("Cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("Reminded"), null=True, blank=True, editable=False)
    token = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("Event registration")
        verbose_name_plural = _("Event registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email_normalised"],
                condition=~Q(status="cancelled"),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        if not self.token:
            self.token = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)

    def page(self):
        """The event's page in the language the person registered in."""
        return self.event.in_language(self.language)

    def cancel_url(self):
        return f"{self.page().full_url}cancel/{self.token}/"

    @classmethod
    def register(cls, event, name, email, language, consent_text, consent_version):
        """Register someone for `event`, or put them on its waiting list if it is full.

        Returns the new registration, or the person's earlier one if they already have a
        place or a turn: the caller tells neither apart, so the page reveals no one.
        """
        from campaigns.emails import normalise_email

        now = timezone.now()
        normalised = normalise_email(email)
        with transaction.atomic():
            RegistrationLock.hold(event)
            earlier = cls.objects.filter(event=event, email_normalised=normalised).exclude(
                status=cls.Status.CANCELLED
            )
            existing = earlier.first()
            if existing is not None:
                existing.send_mail("exists")
                return existing
            registration = cls(
                event=event,
                name=name,
                email=email,
                email_normalised=normalised,
                language=language,
                status=cls.Status.CONFIRMED if event.has_room() else cls.Status.WAITING,
                created_at=now,
            )
            registration.record_consent(consent_text, consent_version, now)
            registration.remind_with_mail_if_close()
            try:
                with transaction.atomic():
                    registration.save()
            except IntegrityError:
                # Only another registration of the same address could have come in between,
                # and the lock keeps them out; this is for writes outside register().
                return earlier.get()
            registration.send_mail(
                "confirmed" if registration.status == cls.Status.CONFIRMED else "waiting"
            )
        return registration

    def cancel(self):
        """Cancel this registration and give a freed place to the first on the waiting list."""
        with transaction.atomic():
            RegistrationLock.hold(self.event)
            updated = Registration.objects.filter(pk=self.pk).exclude(status=self.Status.CANCELLED)
            if not updated.update(status=self.Status.CANCELLED, cancelled_at=timezone.now()):
                return
            self.refresh_from_db()
            self.event.promote_waiting()

    def remind_with_mail_if_close(self):
        """Close to the event, the mail that gives a place is its reminder too."""
        now = timezone.now()
        if self.event.start - now <= REMINDER_BEFORE:
            self.reminded_at = now

    def send_mail(self, kind):
        """Queue one of the registration mails (templates/campaigns/mail/registration_*)."""
        from django.template.loader import render_to_string

        from campaigns.calendar import event_calendar
        from campaigns.tasks import queue_mail

        with translation.override(self.language):
            page = self.page()
            context = {"registration": self, "event": page, "cancel_url": self.cancel_url()}
            subject = MAIL_SUBJECTS[kind] % {"event": page.title}
            body = render_to_string(f"campaigns/mail/registration_{kind}.txt", context)
            attachments = []
            if kind in ("confirmed", "promoted"):
                ics = event_calendar([page]).decode()
                attachments.append((f"{page.slug}.ics", ics, "text/calendar"))
        queue_mail(subject, body, self.email, attachments=attachments)


class RegistrationLock(models.Model):
    """One row per event that every change to its registrations updates first.

    The update holds the row (PostgreSQL) or the database's write lock (SQLite) until the
    transaction ends, so concurrent registrations and cancellations of one event take turns
    and each counts the places with the others' changes in: capacity is never exceeded.
    """

    event = models.OneToOneField(
        EventPage, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    changes = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"Registrations of event {self.event_id}"

    @classmethod
    def hold(cls, event):
        """Lock `event`'s registrations until the current transaction ends."""
        if cls.objects.filter(event=event).update(changes=F("changes") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(event=event, changes=1)
        except IntegrityError:  # created by a concurrent first registration
            cls.objects.filter(event=event).update(changes=F("changes") + 1)
