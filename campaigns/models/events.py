"""Events people join: registration with capacity and a waiting list, calendar feeds."""

import secrets
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import formats, timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.forms import is_from_a_bot
from home.models import BasePage
from home.page_routes import LocalisedRoutablePageMixin, is_serbian, translated_path
from home.ratelimit import over_rate

from ..emails import normalise_email
from ..event_admin_forms import EventPageForm
from ..tasks import send_registration_mail
from .consent import ConsentRecord

__all__ = [
    "CampaignIndexPage",
    "EventPage",
    "Registration",
    "RegistrationLock",
    "release_lapsed_holds",
]

BELGRADE = ZoneInfo("Europe/Belgrade")
PAST_EVENTS_PER_PAGE = 10
# Won and closed petitions the campaigns page shows under the open ones.
FINISHED_PETITIONS_SHOWN = 6
# A reminder goes out once an event is this close.
REMINDER_BEFORE = timedelta(hours=24)
# Mails anyone who types an address can cause (the confirmation link and "already registered"),
# per registration: a repeat attempt must not turn us into a spammer.
MAX_MAILS_PER_REGISTRATION = 5
# The confirmation link carries the registration's token and its HMAC under SECRET_KEY: the
# database alone (which holds the token, for the cancel link) gives no working link.
CONFIRM_SALT = "campaigns.registration.confirm"
# Subjects of the registration mails; their bodies are templates/campaigns/mail/registration_*.
MAIL_SUBJECTS = {
    "confirm": _("Confirm your registration for “%(event)s”"),
    "confirmed": _("Your place at “%(event)s”"),
    "waiting": _("You are on the waiting list for “%(event)s”"),
    "promoted": _("A place has come free for you at “%(event)s”"),
    "exists": _("You are already registered for “%(event)s”"),
    "reminder": _("Tomorrow: “%(event)s”"),
    "event_cancelled": _("Cancelled: “%(event)s”"),
}
# The mails that carry the event as .ics: those that give a place.
MAILS_WITH_CALENDAR = ("confirmed", "promoted")


def hold_duration():
    """How long a place is held for someone who has registered but not yet confirmed."""
    return timedelta(minutes=settings.REGISTRATION_HOLD_MINUTES)


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

    def petitions(self):
        """The live, public petitions with their counts (PetitionPage.with_counts), open ones
        first (PetitionPageQuerySet.open_first)."""
        # Petitions are built alongside events; until their model exists there are none.
        try:
            petition_model = apps.get_model("campaigns", "PetitionPage")
        except LookupError:
            return None
        return petition_model.with_counts(
            petition_model.objects.child_of(self).live().public().defer("background").open_first()
        )

    def open_petitions(self):
        """Those still taking signatures: a passed deadline closes a petition marked open."""
        petitions = self.petitions()
        return [] if petitions is None else list(petitions.open_now())

    def finished_petitions(self):
        """The latest won or closed petitions: wins are what moves people, so they stay shown."""
        petitions = self.petitions()
        if petitions is None:
            return []
        return list(petitions.finished()[:FINISHED_PETITIONS_SHOWN])

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
            finished_petitions=self.finished_petitions(),
            upcoming=self.events().filter(end__gte=now).order_by("start", "pk"),
            past_events=past,
        )
        return context


class EventPage(LocalisedRoutablePageMixin, BasePage):
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
        """This event's live page in a language, or this page if it has none."""
        translated = (
            EventPage.objects.live()
            .filter(translation_key=self.translation_key, locale__language_code=language_code)
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
        from campaigns.event_forms import RegistrationForm

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
        only a POST may confirm, as for signatures (campaigns/views.py)."""
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


class Registration(ConsentRecord):
    """A person's place at an event, or their turn on its waiting list, once they confirm.

    Registering only holds a place (`held_until`, for REGISTRATION_HOLD_MINUTES; none when
    the event was full) and mails a link: anyone can type an address, and the place or turn
    goes to its owner only when they confirm by that link (confirm()). A hold that lapses
    frees its place (release_lapsed_holds); a registration nobody confirmed is deleted a
    day after it was made (purge_event_registrations).
    """

    class Status(models.TextChoices):
        HELD = "held", _("Not yet confirmed")
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
    held_until = models.DateTimeField(
        _("Place held until"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("For a registration not yet confirmed: when its place stops being held."),
    )
    confirmed_at = models.DateTimeField(_("Confirmed"), null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(_("Cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("Reminded"), null=True, blank=True, editable=False)
    mails_sent = models.PositiveSmallIntegerField(_("Mails sent"), default=0, editable=False)
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
        indexes = [
            models.Index(fields=["event", "status", "created_at"]),
            # Only unconfirmed registrations have a hold: the minutely release reads these few.
            models.Index(
                fields=["held_until"],
                condition=Q(held_until__isnull=False),
                name="registration_held_until",
            ),
        ]

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
        page = self.page()
        return page.full_url + page.reverse_subpage("cancel", args=[self.token])

    def confirmation_token(self):
        return f"{self.token}-{confirmation_mac(self.token)}"

    def confirm_url(self):
        page = self.page()
        return page.full_url + page.reverse_subpage("confirm", args=[self.confirmation_token()])

    @classmethod
    def from_confirmation_token(cls, token):
        """The registration a confirmation link points at, or None for a forged or stale one.
        The MAC is hex, so it follows the last hyphen (the token itself may hold some)."""
        raw, _hyphen, mac = token.rpartition("-")
        if not raw or not constant_time_compare(mac, confirmation_mac(raw)):
            return None
        return cls.objects.filter(token=raw).select_related("event").first()

    def holds_place(self):
        return (
            self.status == self.Status.HELD
            and self.held_until is not None
            and self.held_until > timezone.now()
        )

    @classmethod
    def register(cls, event, name, email, language, consent_text, consent_version):
        """Hold a place at `event` for someone (none if it is full: then confirming gives a
        turn on the waiting list, or a place that has come free) and mail them the link that
        confirms it.

        Returns the new registration, or the person's earlier one, whose owner is mailed
        instead (within MAX_MAILS_PER_REGISTRATION): the caller tells neither apart, so the
        page reveals no one.
        """
        now = timezone.now()
        normalised = normalise_email(email)
        with transaction.atomic():
            RegistrationLock.hold(event)
            # Places freed by holds that lapsed since the minutely release go to those already
            # waiting before anyone new can hold them.
            event.promote_waiting()
            earlier = cls.objects.filter(event=event, email_normalised=normalised).exclude(
                status=cls.Status.CANCELLED
            )
            existing = earlier.first()
            if existing is not None:
                existing.event = event
                existing.registered_again(now)
                return existing
            registration = cls(
                event=event,
                name=name,
                email=email,
                email_normalised=normalised,
                language=language,
                status=cls.Status.HELD,
                held_until=now + hold_duration() if event.has_room() else None,
                created_at=now,
                mails_sent=1,
            )
            registration.record_consent(consent_text, consent_version, now)
            try:
                with transaction.atomic():
                    registration.save()
            except IntegrityError:
                # Only another registration of the same address could have come in between,
                # and the lock keeps them out; this is for writes outside register().
                return earlier.get()
            registration.send_mail("confirm")
        return registration

    def registered_again(self, now):
        """The address was registered again (under the event's lock): mail its owner, within
        the cap. Not yet confirmed, they get the link again, with a place held anew if theirs
        has lapsed and one is free; otherwise, that they are registered already."""
        if not self.claim_mail():
            return
        if self.status != self.Status.HELD:
            self.send_mail("exists")
            return
        if not self.holds_place() and self.event.has_room():
            self.held_until = now + hold_duration()
            self.save(update_fields=["held_until"])
        self.send_mail("confirm")

    def claim_mail(self):
        """Reserve one of the registration's repeat mails; False once they are used up.

        A conditional UPDATE, as Signature.claim_mail, so concurrent repeats cannot pass it.
        """
        return bool(
            Registration.objects.filter(
                pk=self.pk, mails_sent__lt=MAX_MAILS_PER_REGISTRATION
            ).update(mails_sent=F("mails_sent") + 1)
        )

    def confirm(self, now=None):
        """Its owner confirmed by the mailed link: give them the place held for them, or a
        free one, or else a turn at the end of the waiting list; mail which. Returns True if
        this call confirmed it (a second POST changes nothing)."""
        now = now or timezone.now()
        with transaction.atomic():
            RegistrationLock.hold(self.event)
            if not Registration.objects.filter(pk=self.pk, status=self.Status.HELD).exists():
                self.refresh_from_db()
                return False
            # Under the lock: no place can be taken between the count and the update. People
            # already waiting came first, so a place freed since (a lapsed hold) goes to them.
            self.event.promote_waiting()
            has_place = self.event.has_room(excluding=self)
            self.status = self.Status.CONFIRMED if has_place else self.Status.WAITING
            self.confirmed_at, self.held_until = now, None
            if has_place:
                self.remind_with_mail_if_close()
            self.save(update_fields=["status", "confirmed_at", "held_until", "reminded_at"])
            self.send_mail("confirmed" if has_place else "waiting")
        return True

    def cancel(self):
        """Cancel this registration and give a freed place to the first on the waiting list."""
        with transaction.atomic():
            RegistrationLock.hold(self.event)
            updated = Registration.objects.filter(pk=self.pk).exclude(status=self.Status.CANCELLED)
            if not updated.update(
                status=self.Status.CANCELLED, cancelled_at=timezone.now(), held_until=None
            ):
                return
            self.refresh_from_db()
            self.event.promote_waiting()

    def remind_with_mail_if_close(self):
        """Close to the event, the mail that gives a place is its reminder too."""
        now = timezone.now()
        if self.event.start - now <= REMINDER_BEFORE:
            self.reminded_at = now

    def send_mail(self, kind):
        """Queue one of the registration mails (MAIL_SUBJECTS) by the registration's id, in
        its transaction: the worker builds it (campaigns.tasks.send_registration_mail), so
        the queue holds no name, address or text, and a registration deleted before the
        worker runs gets nothing."""
        send_registration_mail.enqueue(registration_id=self.pk, kind=kind, language=self.language)

    @classmethod
    def mail(cls, registration_id, kind, language):
        """(subject, body, address, headers, attachments) of a registration mail, built when
        it is sent; None when it no longer applies: the registration was deleted (purged,
        erased) or is no longer in a state the mail speaks of (a place given, then cancelled).
        """
        registration = (
            cls.objects.filter(pk=registration_id, status__in=MAIL_STATUSES[kind])
            .select_related("event")
            .first()
        )
        if registration is None:
            return None
        # Imported here: the calendar module builds on these models.
        from campaigns.calendar import event_calendar

        with translation.override(language):
            page = registration.page()
            context = {
                "registration": registration,
                "event": page,
                "cancel_url": registration.cancel_url(),
                "confirm_url": registration.confirm_url(),
                "hold_minutes": settings.REGISTRATION_HOLD_MINUTES,
            }
            subject = MAIL_SUBJECTS[kind] % {"event": page.title}
            body = render_to_string(f"campaigns/mail/registration_{kind}.txt", context)
            attachments = []
            if kind in MAILS_WITH_CALENDAR:
                ics = event_calendar([page]).decode()
                attachments.append((f"{page.slug}.ics", ics, "text/calendar"))
        # The address as its owner typed it.
        return str(subject), body, registration.email, None, attachments


# Which registrations each mail is still for when the worker builds it.
MAIL_STATUSES = {
    "confirm": [Registration.Status.HELD],
    "confirmed": [Registration.Status.CONFIRMED],
    "promoted": [Registration.Status.CONFIRMED],
    "reminder": [Registration.Status.CONFIRMED],
    "waiting": [Registration.Status.WAITING],
    "exists": [Registration.Status.CONFIRMED, Registration.Status.WAITING],
    "event_cancelled": [Registration.Status.CONFIRMED, Registration.Status.WAITING],
}


def confirmation_mac(token):
    return salted_hmac(CONFIRM_SALT, token, algorithm="sha256").hexdigest()


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
