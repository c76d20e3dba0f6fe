"""Mail goes through the task queue, so that a slow mail server never slows a request."""

from django.core.mail import EmailMessage
from django.db import transaction
from django_tasks import task


@task()
def send_mail(subject, body, to, headers=None, attachments=()):
    """Send one plain-text message. attachments: (filename, content, mimetype) triples."""
    message = EmailMessage(subject, body, to=[to], headers=headers or {})
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


def queue_mail(subject, body, to, headers=None, attachments=()):
    """Queue a message once the current transaction commits: a write that is rolled back
    sends nothing. Render subject and body before, in the reader's language."""
    arguments = {
        "subject": str(subject),
        "body": body,
        "to": to,
        "headers": headers or {},
        "attachments": [list(attachment) for attachment in attachments],
    }
    transaction.on_commit(lambda: send_mail.enqueue(**arguments))
