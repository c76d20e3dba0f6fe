"""Signatures of petitions, kept with an exact count, and the updates sent to signers. The
petition's page is pages.py."""

import uuid
from datetime import UTC, timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.db.models.functions import TruncDay
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from campaigns.consent import ConsentRecord
from home.page_cache import figures_changed
from map.models import Municipality

__all__ = [
    "PetitionCount",
    "PetitionUpdate",
    "Signature",
    "invalidate_signatures",
]

# How long a signature keeps its review signals (the client's daily pseudonym, whether it came
# over the per-client rate): long enough for moderators to find a bulk attack, no longer.
REVIEW_SIGNALS_RETENTION = timedelta(days=30)
# Characters of the client's daily HMAC kept for review: 64 bits tell thousands of clients
# apart, and less of the hash is kept than the rate limiter's counters hold for a day.
CLIENT_KEY_LENGTH = 16
# A signer may still confirm for a day after the petition closes: the mail may come late.
CONFIRMATION_GRACE = timedelta(hours=24)
# Mails to one signature's address, ever: a repeat attempt must not turn us into a spammer.
MAX_MAILS_PER_SIGNATURE = 5
RECENT_SIGNERS = 10
# The confirmation link carries the signature's random public id and its HMAC under SECRET_KEY:
# the database alone cannot give a working link, and the link can be mailed again without
# storing it. Hex and a hyphen only: Wagtail's page addresses allow no other characters.
TOKEN_SALT = "campaigns.signature.confirm"  # noqa: S105  (a namespace, not a secret)
# The unsubscribe link in petition updates is made the same way under another salt, so that
# neither link can stand in for the other.
UNSUBSCRIBE_SALT = "campaigns.signature.unsubscribe"


def token_mac(public_hex, salt=TOKEN_SALT):
    return salted_hmac(salt, public_hex, algorithm="sha256").hexdigest()


def confirmation_token(signature):
    return f"{signature.public_id.hex}-{token_mac(signature.public_id.hex)}"


def public_id_from_token(token, salt=TOKEN_SALT):
    """The signature's public id a link carries, or None if we did not make the link."""
    public_hex, _hyphen, mac = token.partition("-")
    if not constant_time_compare(mac, token_mac(public_hex, salt)):
        return None
    return uuid.UUID(hex=public_hex)


class PetitionCount(models.Model):
    """The confirmed, valid signatures of a petition and its translations, kept exact.

    Only a transaction whose UPDATE confirmed a signature (or invalidated a confirmed one) changes
    it, with F(), so concurrent confirmations add up instead of overwriting each other.
    """

    translation_key = models.UUIDField(unique=True)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("petition count")
        verbose_name_plural = _("petition counts")

    def __str__(self):
        return str(self.count)

    @classmethod
    def add(cls, translation_key, amount):
        if not cls.objects.filter(translation_key=translation_key).update(
            count=F("count") + amount
        ):
            # A petition saved before counters existed: create it, then count.
            try:
                with transaction.atomic():
                    cls.objects.create(translation_key=translation_key, count=amount)
            except IntegrityError:
                cls.objects.filter(translation_key=translation_key).update(
                    count=F("count") + amount
                )
        # The pages that show the count, fresh at once for the people who just confirmed.
        figures_changed(Page.objects.filter(translation_key=translation_key))


class SignatureQuerySet(models.QuerySet):
    def valid(self):
        """Signatures in the count: confirmed by their owner's mailed link, not invalidated.

        Per-client figures never keep a confirmed signature out: people behind one address
        (a carrier's CGNAT, a rally's Wi-Fi) are real signers. They are review signals for
        moderators (campaigns/petitions/review.py), who invalidate what is abuse.
        """
        return self.filter(confirmed_at__isnull=False, invalidated_at__isnull=True)

    def clear_review_signals(self):
        """Blank the review signals of these signatures; returns how many rows it changed."""
        return self.filter(Q(client_key__gt="") | Q(over_client_rate=True)).update(
            client_key="", over_client_rate=False
        )

    def anonymise(self):
        """Blank the personal data of these signatures; returns how many rows it changed.

        What stays is what the count and the per-municipality totals need (municipality,
        confirmed, invalidated) and the proof of consent (its text, the same words for
        every signer, its version and day), which still shows that each counted row was given
        with consent. Times are cut to the UTC day: to the second, a time could be matched
        with a mail provider's or a browser's record of when someone confirmed. Rows already
        blank (no email) are left alone, so running it again changes nothing.
        """
        petitions = set(self.exclude(email="").values_list("petition_key", flat=True))
        # Cut in UTC, the databases' own time zone: SQLite and PostgreSQL then agree.
        changed = self.exclude(email="").update(
            first_name="",
            last_name="",
            email="",
            email_normalised=None,
            newsletter=False,
            show_first_name=False,
            client_key="",
            over_client_rate=False,
            created_at=TruncDay("created_at", tzinfo=UTC),
            confirmed_at=TruncDay("confirmed_at", tzinfo=UTC),
            consented_at=TruncDay("consented_at", tzinfo=UTC),
        )
        if petitions:
            # Their pages list recent signers by name: no kept copy may show one any longer.
            figures_changed(Page.objects.filter(translation_key__in=petitions))
        return changed


class Signature(ConsentRecord):
    petition = models.ForeignKey(
        "campaigns.PetitionPage",
        verbose_name=_("petition"),
        on_delete=models.CASCADE,
        related_name="signatures",
        help_text=_("The page signed, in the signer's language."),
    )
    # The petition's translation_key: one signature per person across all translations. Found
    # through the index of one_signature_per_person, which starts with it: a second index would
    # only cost every signature's insert.
    petition_key = models.UUIDField(editable=False)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"))
    # Emptied to NULL, not "", by anonymisation: NULLs never clash in the unique constraint.
    email_normalised = models.CharField(  # noqa: DJ001
        _("normalised email"), max_length=254, null=True, editable=False
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    newsletter = models.BooleanField(_("newsletter"), default=False)
    show_first_name = models.BooleanField(_("first name may be shown"), default=False)
    language = models.CharField(_("language"), max_length=10, editable=False)
    created_at = models.DateTimeField(_("signed at"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mails_sent = models.PositiveSmallIntegerField(_("mails sent"), default=0, editable=False)
    # Review signals, never a reason to leave a confirmed signature out of the count: the
    # first characters of the client's daily pseudonym (home/ratelimit.py client_key, an HMAC
    # under a key that changes every day; never the address) and whether the client had sent
    # more signatures to this petition than PETITION_SIGNATURE_RATE_LIMITS. Blanked after
    # REVIEW_SIGNALS_RETENTION and on anonymisation.
    client_key = models.CharField(
        _("client key"), max_length=CLIENT_KEY_LENGTH, blank=True, default="", editable=False
    )
    over_client_rate = models.BooleanField(
        _("over the per-client rate"), default=False, editable=False
    )
    invalidated_at = models.DateTimeField(_("invalidated at"), null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        permissions = [("export_signature", _("Can export confirmed signatures"))]
        constraints = [
            models.UniqueConstraint(
                fields=["petition_key", "email_normalised"], name="one_signature_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def save(self, *args, **kwargs):
        self.petition_key = self.petition.translation_key
        super().save(*args, **kwargs)

    @classmethod
    def from_token(cls, token, salt=TOKEN_SALT):
        """The signature a link points at, or None for a forged or stale link."""
        public_id = public_id_from_token(token, salt)
        if public_id is None:
            return None
        return cls.objects.filter(public_id=public_id).first()

    def unsubscribe_token(self):
        return f"{self.public_id.hex}-{token_mac(self.public_id.hex, UNSUBSCRIBE_SALT)}"

    def claim_mail(self):
        """Reserve one of the signature's mails; False once they are used up.

        A conditional UPDATE, so concurrent repeat attempts cannot send more than the limit.
        """
        return bool(
            Signature.objects.filter(pk=self.pk, mails_sent__lt=MAX_MAILS_PER_SIGNATURE).update(
                mails_sent=F("mails_sent") + 1
            )
        )

    def confirm(self, now=None):
        """Confirm, counting the signature once however often the link is used.

        Returns True if this call confirmed it.
        """
        now = now or timezone.now()
        with transaction.atomic():
            confirmed = Signature.objects.filter(pk=self.pk, confirmed_at__isnull=True).update(
                confirmed_at=now
            )
            if not confirmed:
                return False
            # Read after the UPDATE, which holds the row: an invalidation waits for us.
            if Signature.objects.filter(pk=self.pk, invalidated_at__isnull=True).exists():
                PetitionCount.add(self.petition_key, 1)
        self.confirmed_at = now
        return True


def invalidate_signatures(queryset, now=None):
    """Take signatures out of the count (spam, a bulk attack); returns how many were invalidated.

    The rows are locked first, so that a confirmation running at the same time either finishes
    before (and is subtracted here) or sees the invalidation (and never adds itself).
    """
    now = now or timezone.now()
    with transaction.atomic():
        rows = list(
            queryset.filter(invalidated_at__isnull=True)
            .select_for_update()
            .values_list("pk", "petition_key", "confirmed_at")
        )
        Signature.objects.filter(pk__in=[row[0] for row in rows]).update(invalidated_at=now)
        removed = {}
        for _pk, key, confirmed_at in rows:
            if confirmed_at:
                removed[key] = removed.get(key, 0) + 1
        for key, amount in removed.items():
            PetitionCount.add(key, -amount)
    return len(rows)


class PetitionUpdate(models.Model):
    """News about a petition that editors mail to signers who asked for it: list mail, so
    every message carries a one-click unsubscribe header."""

    petition = models.ForeignKey(
        "campaigns.PetitionPage",
        verbose_name=_("petition"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), help_text=_("Plain text, as the mail will show it."))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    recipients = models.PositiveIntegerField(_("recipients"), default=0, editable=False)

    class Meta:
        verbose_name = _("petition update")
        verbose_name_plural = _("petition updates")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    def recipient_signatures(self):
        """Who gets it: the confirmed, valid signers of the petition, in any language, who
        asked for news. Anonymised rows have no address and no newsletter."""
        return (
            Signature.objects.valid()
            .filter(petition_key=self.petition.translation_key, newsletter=True)
            .exclude(email="")
        )
