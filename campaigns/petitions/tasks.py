"""The signers' mails: the confirmation link, or "you have signed before"."""

from django.apps import apps
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.contrib.settings.context_processors import SettingProxy

from campaigns.tasks import send_mail


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
        send_mail.call(*message, language=language)


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
