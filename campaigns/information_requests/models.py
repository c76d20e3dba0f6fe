"""The authorities people ask, and the requests people track: when theirs reached the
authority, when the answer is due, and what came of it."""

import secrets
from datetime import timedelta

from django.db import models, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin

from campaigns.consent import ConsentRecord
from campaigns.emails import normalise_email
from campaigns.information_requests.deadlines import TERMS, Law, answer_due, complaint_due
from campaigns.information_requests.tasks import send_request_mail

__all__ = ["Authority", "InformationRequest"]

# Mails anyone who types an address can cause for one request (the tracking link, again):
# a repeat must not turn us into a spammer.
MAX_MAILS_PER_REQUEST = 5
# A tracked request is kept this long after its term ended or its answer came, whichever is
# later: time for the complaint, and for the Commissioner's decision on it.
RETENTION = timedelta(days=365)
# One nobody asked reminders for (anyone can type an address) goes after this long.
UNCONFIRMED_RETENTION = timedelta(days=7)
# And to one address nobody has confirmed, whatever the pages.
MAX_MAILS_PER_ADDRESS = 10
# The first reminder goes this many days before the answer is due.
REMIND_BEFORE = timedelta(days=3)


class Authority(TranslatableMixin, models.Model):
    """A public authority or a controller of personal data that requests go to, or the
    Commissioner, who hears the complaints about them. Editors keep them (Snippets)."""

    name = models.CharField(_("Name"), max_length=200)
    address = models.TextField(
        _("Postal address"),
        max_length=500,
        help_text=_(
            "As a letter is addressed: street and number, postcode and place, a line each."
        ),
    )
    request_email = models.EmailField(
        _("Email for requests"),
        blank=True,
        help_text=_("Where the authority takes requests by email, if it does."),
    )
    data_protection_email = models.EmailField(
        _("Data protection officer's email"),
        blank=True,
        help_text=_(
            "Where requests for one's own personal data go by email, if the officer has an "
            "address of their own."
        ),
    )
    data_protection_officer = models.TextField(
        _("Data protection officer"),
        max_length=500,
        blank=True,
        help_text=_(
            "Name and contact of the data protection officer, to whom requests for one's own "
            "personal data go."
        ),
    )
    website = models.URLField(_("Website"), blank=True)
    hears_complaints = models.BooleanField(
        _("Hears complaints"),
        default=False,
        help_text=_(
            "The Commissioner for Information of Public Importance and Personal Data "
            "Protection: complaints about silence and refusals go here. One per language."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("request_email"),
        FieldPanel("data_protection_officer"),
        FieldPanel("data_protection_email"),
        FieldPanel("website"),
        FieldPanel("hears_complaints"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Authority")
        verbose_name_plural = _("Authorities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale"],
                condition=Q(hears_complaints=True),
                name="one_complaint_body_per_locale",
            )
        ]

    def __str__(self):
        return self.name

    @classmethod
    def in_active_language(cls, authorities):
        """`authorities`, each as its record in the active language where it has one (as
        `.localized` gives it), in one query for all of them."""
        keys = {authority.translation_key for authority in authorities}
        local = {
            authority.translation_key: authority
            for authority in cls.objects.filter(
                translation_key__in=keys, locale=Locale.get_active()
            )
        }
        return [local.get(authority.translation_key, authority) for authority in authorities]

    @classmethod
    def complaint_body(cls):
        """The Commissioner, in the default language's record (the complaint is in Serbian),
        or None until editors have marked one."""
        return cls.objects.filter(hears_complaints=True, locale=Locale.get_default()).first()


def new_tracking_token():
    """The key in a tracked request's address: 128 random bits, never enumerable."""
    return secrets.token_urlsafe(16)


class InformationRequest(ConsentRecord):
    """A request someone made from a request page and tracks: no account needed.

    It holds no name and no postal address (the letter is made and sent by its author, and
    the complaint asks for them again): the address to remind, the authority, the dates and
    the outcome. Its page is at an address holding `token`, mailed to its author; reminders
    go only once its author has come to that page and asked for them (`confirmed_at`), since
    anyone can type an address. `answer_due_on` is kept with it, for the reminders' job to
    find by date: the law's term, computed again whenever a date changes (deadlines.py).
    """

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("Answered: the information or the data was given")
        PARTLY = "partly", _("Partly answered, partly refused")
        REFUSED = "refused", _("Refused")

    page = models.ForeignKey(
        "campaigns.RequestPage",
        verbose_name=_("Request page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="tracked_requests",
    )
    # Kept on the request itself: the page may change or go, the request made stays.
    authority = models.ForeignKey(
        Authority, verbose_name=_("Authority"), on_delete=models.PROTECT, related_name="+"
    )
    law = models.CharField(_("Law"), max_length=20, choices=Law.choices)
    subject = models.CharField(_("Subject"), max_length=200)
    email = models.EmailField(_("Email"))
    email_normalised = models.CharField(_("Email (as compared)"), max_length=254, editable=False)
    language = models.CharField(_("Language"), max_length=10, editable=False)
    token = models.CharField(max_length=32, unique=True, default=new_tracking_token, editable=False)
    received_on = models.DateField(_("Received by the authority"))
    extended = models.BooleanField(
        _("The authority said it needs longer"),
        default=False,
    )
    urgent = models.BooleanField(_("Urgent: 48 hours"), default=False)
    answer_due_on = models.DateField(_("Answer due"), editable=False)
    answered_on = models.DateField(_("Answer received"), null=True, blank=True)
    outcome = models.CharField(_("Outcome"), max_length=20, choices=Outcome.choices, blank=True)
    complained_on = models.DateField(_("Complaint sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("Made"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("Reminders asked for"), null=True, editable=False)
    reminded_before_at = models.DateTimeField(null=True, editable=False)
    reminded_after_at = models.DateTimeField(null=True, editable=False)
    # The last day to complain of a refusal, where the law sets one; kept, as the answer's
    # term, for the reminders' job to find by date.
    complaint_due_on = models.DateField(_("Complaint due"), null=True, editable=False)
    reminded_complaint_at = models.DateTimeField(null=True, editable=False)
    mails_sent = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("Tracked request")
        verbose_name_plural = _("Tracked requests")
        ordering = ["-created_at", "pk"]
        indexes = [
            # The reminders' job reads the open requests by their term.
            models.Index(
                fields=["answer_due_on"],
                condition=Q(answered_on__isnull=True, confirmed_at__isnull=False),
                name="open_request_due",
            ),
            models.Index(fields=["email_normalised"]),
        ]

    def __str__(self):
        return f"{self.subject} ({self.received_on})"

    def save(self, *args, **kwargs):
        self.answer_due_on = answer_due(self.law, self.received_on, self.extended, self.urgent)
        self.complaint_due_on = (
            complaint_due(self.law, self.answered_on)
            if self.is_refused and self.answered_on
            else None
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "answer_due_on", "complaint_due_on"}
        super().save(*args, **kwargs)

    @property
    def terms(self):
        return TERMS[Law(self.law)]

    @property
    def is_answered(self):
        return self.answered_on is not None

    def is_late(self, today=None):
        """The term is over and no answer has come: silence, which may be complained of."""
        today = today or timezone.localdate()
        return not self.is_answered and today > self.answer_due_on

    @property
    def is_refused(self):
        return self.outcome in (self.Outcome.REFUSED, self.Outcome.PARTLY)

    def may_complain(self, today=None):
        """Whether the Commissioner hears a complaint about it now: silence past the term,
        or a refusal (whole or in part) still within the complaint's term, if the law sets
        one."""
        today = today or timezone.localdate()
        if self.is_late(today):
            return True
        if not self.is_refused:
            return False
        due = self.complaint_due_on
        return due is None or today <= due

    @property
    def kept_until(self):
        """The day the retention rule deletes it (purge_information_requests): a year after
        the latest of its term, its answer and its making (an old request tracked today is
        kept a year too)."""
        if self.confirmed_at is None:
            return timezone.localdate(self.created_at + UNCONFIRMED_RETENTION)
        days = [self.answer_due_on, timezone.localdate(self.created_at)]
        if self.answered_on:
            days.append(self.answered_on)
        return max(days) + RETENTION

    @classmethod
    def expired(cls, now):
        """What the retention rule deletes at `now`: the requests a year past their term,
        their answer and their making (kept_until), and those nobody asked reminders for
        within a week."""
        cutoff = timezone.localdate(now) - RETENTION
        return cls.objects.filter(
            Q(answer_due_on__lt=cutoff, created_at__lt=now - RETENTION)
            & (Q(answered_on__isnull=True) | Q(answered_on__lt=cutoff))
            | Q(confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_RETENTION)
        )

    @classmethod
    def start(
        cls,
        *,
        page,
        authority,
        email,
        received_on,
        language,
        urgent=False,
        consent_text,
        consent_version,
        confirmed=False,
    ):
        """Track a request made on `page` and mail its author the tracking page's link.

        The same address tracking the same page's request, not yet confirmed, gets the link
        again instead (within MAX_MAILS_PER_REQUEST and MAX_MAILS_PER_ADDRESS; past them,
        nothing is made or sent, and None returned): the caller tells none of these apart. A
        logged-in author's verified address is `confirmed` at once.
        """
        now = timezone.now()
        normalised = normalise_email(email)
        with transaction.atomic():
            unconfirmed = cls.objects.filter(email_normalised=normalised, confirmed_at__isnull=True)
            if not confirmed:
                # However many pages and languages: an address nobody has confirmed gets
                # MAX_MAILS_PER_ADDRESS at most until the unconfirmed requests are purged.
                sent = unconfirmed.aggregate(sent=Sum("mails_sent"))["sent"] or 0
                earlier = unconfirmed.filter(page=page).first()
                if earlier is not None or sent >= MAX_MAILS_PER_ADDRESS:
                    within = earlier is not None and sent < MAX_MAILS_PER_ADDRESS
                    if within and earlier.claim_mail():
                        earlier.send_mail("tracking")
                    return earlier
            tracked = cls(
                page=page,
                authority=authority,
                law=page.law,
                subject=page.letter_subject,
                email=email,
                email_normalised=normalised,
                language=language,
                received_on=received_on,
                urgent=urgent,
                created_at=now,
                confirmed_at=now if confirmed else None,
                mails_sent=1,
            )
            tracked.record_consent(consent_text, consent_version, now)
            tracked.save()
            tracked.send_mail("tracking")
        return tracked

    def claim_mail(self):
        """Reserve one of the request's repeat mails; False once they are used up. A
        conditional UPDATE, as Registration.claim_mail, so concurrent repeats cannot pass it."""
        return bool(
            InformationRequest.objects.filter(
                pk=self.pk, mails_sent__lt=MAX_MAILS_PER_REQUEST
            ).update(mails_sent=F("mails_sent") + 1)
        )

    def confirm(self):
        """Its author asked for the reminders on its page: the address is theirs."""
        if self.confirmed_at is None:
            self.confirmed_at = timezone.now()
            self.save(update_fields=["confirmed_at"])

    def record_progress(
        self, *, received_on, extended, answered_on, outcome, complained_on=None, urgent=False
    ):
        """Its author wrote down what has happened. A term that moves (a later receipt, an
        extension) is reminded of again."""
        due_before = self.answer_due_on
        self.received_on, self.extended, self.urgent = received_on, extended, urgent
        self.answered_on, self.outcome = answered_on, outcome or ""
        self.complained_on = complained_on
        complaint_before = self.complaint_due_on
        self.answer_due_on = answer_due(self.law, received_on, extended, urgent)
        changed = [
            "received_on",
            "extended",
            "urgent",
            "answered_on",
            "outcome",
            "complained_on",
            "confirmed_at",
        ]
        if self.answer_due_on != due_before:
            self.reminded_before_at = self.reminded_after_at = None
            changed += ["reminded_before_at", "reminded_after_at"]
        # Writing it down on the page is as good as asking for the reminders.
        self.confirmed_at = self.confirmed_at or timezone.now()
        # Only what the author wrote: the reminders' job may have marked a mail meanwhile.
        self.save(update_fields=changed)
        if self.complaint_due_on != complaint_before:
            self.reminded_complaint_at = None
            self.save(update_fields=["reminded_complaint_at"])

    def send_mail(self, kind):
        """Queue one of its mails by id, in the current transaction (tasks.py builds it)."""
        send_request_mail.enqueue(information_request_id=self.pk, kind=kind, language=self.language)

    @classmethod
    def due_reminders(cls, today):
        """(kind, requests, the field that marks them reminded) of the reminders due today:
        before the term ends, after it ended in silence, and before the term to complain of a
        refusal ends. Only requests whose author asked for reminders."""
        open_requests = cls.objects.filter(confirmed_at__isnull=False, answered_on__isnull=True)
        return [
            (
                "before",
                open_requests.filter(
                    reminded_before_at__isnull=True,
                    answer_due_on__gte=today,
                    answer_due_on__lte=today + REMIND_BEFORE,
                ),
                "reminded_before_at",
            ),
            (
                "after",
                open_requests.filter(reminded_after_at__isnull=True, answer_due_on__lt=today),
                "reminded_after_at",
            ),
            (
                "complaint",
                cls.objects.filter(
                    confirmed_at__isnull=False,
                    reminded_complaint_at__isnull=True,
                    complaint_due_on__gte=today,
                    complaint_due_on__lte=today + REMIND_BEFORE,
                ),
                "reminded_complaint_at",
            ),
        ]
