"""Mail jobs (campaigns/tasks.py): built in the worker, from what a job holds."""

import pytest
from django.utils import translation
from wagtail.models import Site

from campaigns.tasks import send_account_deleted_mail, send_mail

pytestmark = pytest.mark.django_db


def test_a_mail_carries_its_headers_and_attachments(mailoutbox):
    send_mail.call(
        "Potvrdite potpis",
        "Telo poruke",
        "ana@example.org",
        headers={"List-Unsubscribe": "<https://example.org/u>"},
        attachments=[("dogadjaj.ics", "BEGIN:VCALENDAR", "text/calendar")],
    )
    [message] = mailoutbox
    assert message.to == ["ana@example.org"]
    assert message.extra_headers["List-Unsubscribe"] == "<https://example.org/u>"
    assert message.attachments[0][0] == "dogadjaj.ics"


def test_the_account_deletion_mail_is_built_in_the_readers_language(mailoutbox):
    site = Site.objects.get(is_default_site=True)
    with translation.override("sr-latn"):
        send_account_deleted_mail.enqueue("ana@example.org", "en", site.pk)
        send_account_deleted_mail.enqueue("marko@example.org", "sr-latn", site.pk)
    english, serbian = mailoutbox
    assert english.to == ["ana@example.org"]
    assert english.subject == "Your account is deleted"
    assert "your account with us is deleted" in english.body
    assert serbian.to == ["marko@example.org"]
    assert serbian.subject != english.subject
