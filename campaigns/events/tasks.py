"""The registrations' mails (confirm, confirmed, waiting, promoted, reminder, cancelled)."""

from django.apps import apps
from django_tasks import task

from campaigns.tasks import send_mail


@task()
def send_registration_mail(registration_id, kind, language):
    """Mail an event registration's owner (kind: confirm, confirmed, waiting, promoted,
    exists, reminder, event_cancelled), built here from the registration as it is now: the
    job holds ids only. Nothing is sent to a registration deleted, or no longer in a state the
    mail speaks of, before the worker ran (Registration.mail). The model is looked up, not
    imported: it queues this task."""
    message = apps.get_model("campaigns", "Registration").mail(registration_id, kind, language)
    if message is not None:
        send_mail.call(*message, language=language)
