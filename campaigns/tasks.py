"""Mail goes through the task queue, so that a slow mail server never slows a request."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.contrib.settings.context_processors import SettingProxy


@task()
def send_mail(subject, body, to, headers=None, attachments=()):
    """Send one plain-text message. attachments: (filename, content, mimetype) triples."""
    message = EmailMessage(subject, body, to=[to], headers=headers or {})
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


@task()
def send_signature_mail(signature_id, petition_id, template, language):
    """Mail a signer the confirmation link, or tell them they have signed before.

    Rendered here, not in the signing request, which it would slow down (campaigns/views.py
    queues it in the signature's transaction). `petition_id` is the page signed this time, whose
    language and address the mail uses: for a repeat it may be a translation of the one first
    signed.
    """
    message = signature_mail(signature_id, petition_id, template, language)
    if message is not None:
        send_mail.call(*message)


def signature_mail(signature_id, petition_id, template, language):
    """(subject, body, address) of a signature mail, or None when there is nobody to mail:
    the signature was purged or anonymised, or its petition deleted, before the worker ran."""
    from .models import PetitionPage, Signature

    signature = Signature.objects.filter(pk=signature_id).exclude(email="").first()
    petition = PetitionPage.objects.filter(pk=petition_id).first()
    if signature is None or petition is None:
        return None
    with translation.override(language):
        context = {
            "petition": petition,
            "signature": signature,
            "confirm_url": petition.confirmation_url(signature),
            "accepts_confirmations": petition.accepts_confirmations(),
            # What the templates read through the context processor when rendered in a request.
            "settings": SettingProxy(petition.get_site()),
        }
        subject = gettext("Confirm your signature: %(title)s")
        if signature.confirmed_at:
            subject = gettext("You have already signed: %(title)s")
        body = render_to_string(template, context)
        # The address as its owner typed it.
        return subject % {"title": petition.title}, body, signature.email


def queue_mail(subject, body, to, headers=None, attachments=()):
    """Queue a message once the current transaction commits: a write that is rolled back
    sends nothing. Render subject and body before, in the reader's language (or, as
    send_signature_mail does, in the worker).

    Most of our mail is transactional, the answer to something the person did or signed up
    for, and carries no unsubscribe header: the signature confirmation and its repeat
    (send_signature_mail above) and the registration mails (confirmed, waiting, promoted, exists,
    reminder, event cancelled: Registration.send_mail). List mail, news sent to many people
    who asked for it, must pass `headers` with List-Unsubscribe and List-Unsubscribe-Post
    (RFC 8058): petition updates do (campaigns/updates.py).
    """
    arguments = {
        "subject": str(subject),
        "body": body,
        "to": to,
        "headers": headers or {},
        "attachments": [list(attachment) for attachment in attachments],
    }
    transaction.on_commit(lambda: send_mail.enqueue(**arguments))
