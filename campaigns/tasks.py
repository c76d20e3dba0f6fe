"""Mail goes through the task queue, so that a slow mail server never slows a request.

Each domain's jobs build their mails (petitions/tasks.py, events/tasks.py, supporters/tasks.py,
petitions/updates.py) and send them with `send_mail`. A queued job names its task by import
path: moving one needs a migration that renames the queued jobs (campaigns 0011)."""

from django.core.mail import EmailMessage
from django_tasks import task

from home.scripts import for_reader


@task()
def send_mail(subject, body, to, headers=None, attachments=(), language=None):
    """Send one plain-text message. attachments: (filename, content, mimetype) triples.
    language: the reader's, which the jobs built the message in.

    Called (`send_mail.call`) by the domains' jobs, which build the message in the worker: a queued
    job holds ids (an address only where no record is left to lead to it), never a whole mail,
    because the task table keeps finished jobs for a day (purge_task_results) and must not keep who
    was told what.

    Most of our mail is transactional, the answer to something the person did or signed up
    for, and carries no unsubscribe header: the signature confirmation and its repeat, the
    registration mails, the account's deletion. List mail, news sent to many people who asked
    for it, must pass `headers` with List-Unsubscribe and List-Unsubscribe-Post (RFC 8058):
    petition updates do (campaigns/petitions/updates.py).
    """
    if language:
        # A Cyrillic reader's mail in Cyrillic, whole: the site's own strings come from the
        # catalogue in Cyrillic already, but titles, names and editors' text are stored in
        # Latin. Addresses stay as they are; an .ics attached is written in the reader's
        # script already (events/calendar.py).
        subject, body = for_reader(subject, language), for_reader(body, language)
    message = EmailMessage(subject, body, to=[to], headers=headers or {})
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
