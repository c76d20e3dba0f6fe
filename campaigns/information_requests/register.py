"""The public register: requests their authors chose to publish, with their dates, what came
of them and, once an editor has removed the personal data from it, the answer to read; and
the figures per authority that it gives.

An author submits from their request's page (views.py), with consent and, if they want, their
name shown; the answer they upload (a PDF or a picture) is kept out of /media/ and seen only
by moderators (admin.py), who publish it as a document in which they have blacked out
personal data, or publish the entry without it, or decline it. The upload is deleted once
they have decided. An entry copies its request's facts when it is submitted and whenever
its author writes down more, so that it outlives the request (deleted a year after its term,
models.py) and never holds its author's address.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string
from wagtail.models import Locale, ReferenceIndex

from campaigns.consent import ConsentRecord
from campaigns.information_requests.deadlines import Law
from campaigns.information_requests.models import Authority, InformationRequest

__all__ = ["RegisterEntry"]

# The register's answers before a moderator has seen them: a folder /media/ does not serve
# (home/media.py).
ANSWER_FOLDER = "request-answers"
# What an answer may be, by its stored extension: served to moderators as such.
ANSWER_EXTENSIONS = {"pdf": "application/pdf", "jpg": "image/jpeg"}


def answer_upload_path(entry, filename):
    """A random name: an upload's own ("Resenje Petar Petrovic.pdf") may name its author. Its
    extension is the one the form found the file to be (forms.py names it so), never one a
    client chose."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ANSWER_EXTENSIONS:
        extension = "bin"
    return f"{ANSWER_FOLDER}/{uuid.uuid4().hex}.{extension}"


# What the register counts per authority: each a condition on published entries.
def figure_conditions(today):
    late = Q(answered_on__gt=models.F("answer_due_on")) | Q(
        answered_on__isnull=True, answer_due_on__lt=today
    )
    return {
        "requests": Q(),
        "answered_in_time": Q(
            answered_on__lte=models.F("answer_due_on"),
            outcome=InformationRequest.Outcome.ANSWERED,
        ),
        "late": late,
        "refused": Q(
            outcome__in=[InformationRequest.Outcome.REFUSED, InformationRequest.Outcome.PARTLY]
        ),
        "complaints": Q(complained_on__isnull=False),
        "waiting": Q(answered_on__isnull=True, answer_due_on__gte=today),
    }


class RegisterEntry(ConsentRecord):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for a moderator")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Not published")

    tracked = models.OneToOneField(
        InformationRequest,
        verbose_name=_("Tracked request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_entry",
    )
    authority = models.ForeignKey(
        Authority, verbose_name=_("Authority"), on_delete=models.PROTECT, related_name="+"
    )
    law = models.CharField(_("Law"), max_length=20, choices=Law.choices)
    # What was asked, as its request page called it ("Ask the police: the Safe City
    # contract"): letters' subjects are all alike.
    title = models.CharField(_("Title"), max_length=255)
    subject = models.CharField(_("Subject"), max_length=200)
    received_on = models.DateField(_("Received by the authority"))
    extended = models.BooleanField(_("The authority said it needs longer"), default=False)
    answer_due_on = models.DateField(_("Answer due"))
    answered_on = models.DateField(_("Answer received"), null=True, blank=True)
    outcome = models.CharField(
        _("Outcome"), max_length=20, choices=InformationRequest.Outcome.choices, blank=True
    )
    complained_on = models.DateField(_("Complaint sent"), null=True, blank=True)
    requester_name = models.CharField(
        _("Requester's name, shown"),
        max_length=100,
        blank=True,
        help_text=_("Only when the requester asked for it to be shown."),
    )
    answer_upload = models.FileField(
        _("The answer as uploaded"),
        upload_to=answer_upload_path,
        blank=True,
        max_length=255,
        help_text=_("May hold personal data: never published as it is."),
    )
    answer_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("The answer, as published"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The answer with every name, address, signature and number that points to a "
            "person blacked out, uploaded as a document into a public collection."
        ),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("Submitted"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("Decided"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Register entry")
        verbose_name_plural = _("Register of requests")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["status", "authority"])]

    def __str__(self):
        return f"{self.title} ({self.authority})"

    FACTS = (
        "authority_id",
        "law",
        "subject",
        "received_on",
        "extended",
        "answer_due_on",
        "answered_on",
        "outcome",
        "complained_on",
    )

    def copy_facts(self, tracked):
        for name in self.FACTS:
            setattr(self, name, getattr(tracked, name))
        # The request page's title in the default language; its subject once it is gone.
        page = tracked.page
        if page is not None:
            serbian = page.get_translation_or_none(Locale.get_default()) or page
            self.title = serbian.title
        self.title = self.title or tracked.subject

    @classmethod
    def follow(cls, tracked):
        """Bring the entry of `tracked`, if it has one, up to what its author wrote down."""
        entry = cls.objects.filter(tracked=tracked).first()
        if entry is not None:
            entry.copy_facts(tracked)
            entry.save(update_fields=list(cls.FACTS))

    def clean(self):
        super().clean()
        if self.law == Law.PERSONAL_DATA and self.requester_name:
            # A request for one's own data says whose data it is: never with a name.
            raise ValidationError(
                {
                    "requester_name": _(
                        "A request for one's own personal data is never shown with a name."
                    )
                }
            )
        document = self.answer_document
        if document is not None and document.collection.get_view_restrictions().exists():
            # Its readers would meet a login page: a published answer is in a public collection.
            raise ValidationError(
                {"answer_document": _("Choose a document in a collection everyone may see.")}
            )

    @classmethod
    def submit(cls, tracked, *, name, answer, consent_text, consent_version):
        """Its author offers `tracked` to the register: a new entry, or their earlier one,
        waiting for a moderator again with what they sent now. Only taking their name off a
        published entry needs no moderator. Offering it counts as asking for its reminders:
        the request's page was open."""
        entry = cls.objects.filter(tracked=tracked).first() or cls(tracked=tracked)
        tracked.confirm()
        if entry.pk and entry.status == cls.Status.PUBLISHED and not answer and not name:
            entry.requester_name = ""
            entry.save(update_fields=["requester_name"])
            return entry
        entry.copy_facts(tracked)
        entry.requester_name = name
        replaced = entry.answer_upload.name if answer and entry.answer_upload else None
        if answer:
            entry.answer_upload = answer
        entry.status = cls.Status.SUBMITTED
        entry.submitted_at = timezone.now()
        entry.reviewed_at = entry.reviewed_by = None
        entry.record_consent(consent_text, consent_version, entry.submitted_at)
        entry.save()
        if replaced:
            # Only once the new one is saved: a failed save keeps the one that was there.
            name_to_delete = replaced
            transaction.on_commit(lambda: default_storage.delete(name_to_delete))
        return entry

    def decided(self, user):
        """A moderator has published or declined it: the upload has served its purpose, and
        a declined entry shows no answer."""
        self.reviewed_at, self.reviewed_by = timezone.now(), user
        self.drop_upload()
        document = self.answer_document
        if self.status == self.Status.DECLINED and document is not None:
            self.answer_document = None
        self.save(update_fields=["reviewed_at", "reviewed_by", "answer_upload", "answer_document"])
        dropped = document is not None and self.answer_document is None
        if dropped and not self.shown_elsewhere(document):
            document.delete()

    def drop_upload(self):
        if self.answer_upload:
            self.answer_upload.delete(save=False)

    def withdraw(self):
        """Its author takes it off the register (or an erasure, or the retention rule): gone,
        with the upload and the published answer, unless something else shows that
        document."""
        document = self.answer_document
        self.drop_upload()
        self.delete()
        if document is not None and not self.shown_elsewhere(document):
            document.delete()

    @classmethod
    def shown_elsewhere(cls, document):
        return (
            cls.objects.filter(answer_document=document).exists()
            or ReferenceIndex.get_references_to(document).exists()
        )

    @property
    def is_late(self):
        if self.answered_on is not None:
            return self.answered_on > self.answer_due_on
        return self.answer_due_on < timezone.localdate()

    @classmethod
    def declined_before(cls, moment):
        return cls.objects.filter(status=cls.Status.DECLINED, reviewed_at__lt=moment)

    @classmethod
    def published(cls):
        return cls.objects.filter(status=cls.Status.PUBLISHED)

    @classmethod
    def figures(cls, authorities=None, today=None):
        """{authority's translation key: {figure: count}} of the published entries, for the
        given authorities (any language's records) or all; one query."""
        today = today or timezone.localdate()
        entries = cls.published()
        if authorities is not None:
            keys = {authority.translation_key for authority in authorities}
            entries = entries.filter(authority__translation_key__in=keys)
        counts = {
            name: Count("pk", filter=condition)
            for name, condition in figure_conditions(today).items()
        }
        rows = entries.values("authority__translation_key").annotate(**counts)
        return {row.pop("authority__translation_key"): row for row in rows}


@receiver(post_delete, sender=RegisterEntry)
def delete_upload(sender, instance, **kwargs):
    """However an entry goes (its author, the retention rule, a moderator's delete in the
    admin), the answer as uploaded goes with it, once the deletion has committed."""
    name = instance.answer_upload.name
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))
