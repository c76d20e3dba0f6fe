"""Mail goes through the task queue, so that a slow mail server never slows a request."""

from django.apps import apps
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.contrib.settings.context_processors import SettingProxy
from wagtail.models import Site


@task()
def send_mail(subject, body, to, headers=None, attachments=()):
    """Send one plain-text message. attachments: (filename, content, mimetype) triples.

    Called (`send_mail.call`) by the jobs below and campaigns/petitions/updates.py's, which build
    message in the worker: a queued job holds ids (an address only where no record is left to
    lead to it), never a whole mail, because the task table keeps finished jobs for a day
    (purge_task_results) and must not keep who was told what.

    Most of our mail is transactional, the answer to something the person did or signed up
    for, and carries no unsubscribe header: the signature confirmation and its repeat, the
    registration mails, the account's deletion. List mail, news sent to many people who asked
    for it, must pass `headers` with List-Unsubscribe and List-Unsubscribe-Post (RFC 8058):
    petition updates do (campaigns/petitions/updates.py).
    """
    message = EmailMessage(subject, body, to=[to], headers=headers or {})
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


@task()
def send_signature_mail(signature_id, petition_id, template, language):
    """Mail a signer the confirmation link, or tell them they have signed before.

    Rendered here, not in the signing request, which it would slow down (petitions/views.py
    queues it in the signature's transaction). `petition_id` is the page signed this time, whose
    language and address the mail uses: for a repeat it may be a translation of the one first
    signed.
    """
    message = signature_mail(signature_id, petition_id, template, language)
    if message is not None:
        send_mail.call(*message)


def signature_mail(signature_id, petition_id, template, language):
    """(subject, body, address) of a signature mail, or None when there is nobody to mail:
    the signature was purged or anonymised, or its petition deleted, before the worker ran.
    The models are looked up, not imported: they queue these jobs."""
    Signature = apps.get_model("campaigns", "Signature")
    PetitionPage = apps.get_model("campaigns", "PetitionPage")
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
        if signature.invalidated_at:
            # Telling them "it counts" or sending a link that no longer confirms would be untrue.
            subject = gettext("About your signature: %(title)s")
        elif signature.confirmed_at:
            subject = gettext("You have already signed: %(title)s")
        body = render_to_string(template, context)
        # The address as its owner typed it.
        return subject % {"title": petition.title}, body, signature.email


@task()
def send_account_deleted_mail(address, language, site_id):
    """Tell a supporter their account is deleted, built here, in their language.

    The account is gone by the time this runs, so nothing else can lead to the address: the
    job holds it (and no text), until purge_task_results removes the finished job a day later.
    """
    site = Site.objects.filter(pk=site_id).first() or Site.objects.get(is_default_site=True)
    with translation.override(language):
        body = render_to_string(
            "campaigns/mail/supporter_deleted.txt", {"settings": SettingProxy(site)}
        )
        send_mail.call(gettext("Your account is deleted"), body, address)


@task()
def send_registration_mail(registration_id, kind, language):
    """Mail an event registration's owner (kind: confirm, confirmed, waiting, promoted,
    exists, reminder, event_cancelled), built here from the registration as it is now: the
    job holds ids only. Nothing is sent to a registration deleted, or no longer in a state the
    mail speaks of, before the worker ran (Registration.mail). The model is looked up, not
    imported: it queues this task."""
    message = apps.get_model("campaigns", "Registration").mail(registration_id, kind, language)
    if message is not None:
        send_mail.call(*message)
