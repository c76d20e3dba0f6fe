"""What signing and confirming do: a signature stored with its mail queued, or the owner of an
address that signed before told so; the outcome of a confirmation link. The petition's page
(pages.py) calls these with the request."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from campaigns.emails import normalise_email
from campaigns.petitions.forms import SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION
from campaigns.petitions.models import CLIENT_KEY_LENGTH, Signature
from campaigns.petitions.tasks import send_signature_mail
from home.ratelimit import client_key, hit


def over_client_rate(request, petition):
    """Count this attempt in every window of the per-client, per-petition rates; whether it
    goes over one. A review signal only: many people may share the client's address."""
    scope = f"petition:{petition.translation_key}"
    return bool(hit(request, scope, *settings.PETITION_SIGNATURE_RATE_LIMITS))


def record_signature(request, petition, data):
    """Store a new signature and mail its link, or mail the owner of an address that has
    signed already. Either way the signer sees the same page.

    One transaction for the per-client counters, the signature and its mail, not one each: on
    SQLite every write transaction waits its turn for the lock, and PostgreSQL flushes its log
    at every commit. An address that has signed is told by the failed insert, which undoes the
    whole transaction: that is rarer than a new signature, so it pays for a second one, and a
    new signature needs no savepoint.
    """
    signature = Signature(
        petition=petition,
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data["email"],
        email_normalised=normalise_email(data["email"]),
        municipality_id=data["municipality"],
        newsletter=data["newsletter"],
        show_first_name=data["show_first_name"],
        language=translation.get_language(),
        mails_sent=1,
        client_key=client_key(request)[:CLIENT_KEY_LENGTH],
    )
    signature.record_consent(SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION, timezone.now())
    try:
        with transaction.atomic():
            signature.over_client_rate = over_client_rate(request, petition)
            signature.save()
            mail_signer(petition, signature, "campaigns/mail/signature_confirm.txt")
    except IntegrityError:
        # Signed before, maybe a moment ago by a concurrent request: count the attempt and
        # mail the owner.
        with transaction.atomic():
            over_client_rate(request, petition)
            earlier = Signature.objects.filter(
                petition_key=petition.translation_key,
                email_normalised=signature.email_normalised,
            ).first()
            if earlier is not None and earlier.claim_mail():
                mail_signer(petition, earlier, "campaigns/mail/signature_repeat.txt")


def mail_signer(petition, signature, template):
    """Queue the mail in the signature's transaction: the queue is a table of the same database,
    so the job and the signature are committed together or not at all, in one commit. The
    worker renders the mail (campaigns/tasks.py) in the language of the page used, so the
    request does not pay for it."""
    send_signature_mail.enqueue(
        signature_id=signature.pk,
        petition_id=petition.pk,
        template=template,
        language=translation.get_language(),
    )


def confirmation_outcome(petition, signature, confirming):
    """(outcome, HTTP status) of a confirmation link's page for `signature` (None: the token
    matched none); `confirming`: the button was pressed (a POST), so confirm if it may."""
    if signature is None or signature.petition_key != petition.translation_key:
        return "invalid", 404
    if signature.invalidated_at is not None:
        # Not "the link does not work, sign again": signing again cannot bring it back.
        return "invalidated", 410
    if signature.confirmed_at is not None:
        return "confirmed", 200
    if not petition.accepts_confirmations():
        return "closed", 410
    if confirming:
        signature.confirm()
        return "confirmed", 200
    return "ask", 200
