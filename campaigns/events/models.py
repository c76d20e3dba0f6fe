"""Events people join: registration with capacity and a waiting list, calendar feeds."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from campaigns.consent import ConsentRecord
from campaigns.emails import normalise_email
from campaigns.events.calendar import event_calendar
from campaigns.events.tasks import send_registration_mail

__all__ = [
    "Registration",
    "RegistrationLock",
]

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
        "campaigns.EventPage",
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
        its transaction: the worker builds it (campaigns.events.tasks.send_registration_mail), so
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


class RegistrationLock(models.Model):
    """One row per event that every change to its registrations updates first.

    The update holds the row (PostgreSQL) or the database's write lock (SQLite) until the
    transaction ends, so concurrent registrations and cancellations of one event take turns
    and each counts the places with the others' changes in: capacity is never exceeded.
    """

    event = models.OneToOneField(
        "campaigns.EventPage", primary_key=True, on_delete=models.CASCADE, related_name="+"
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
