import pytest

from campaigns.tasks import queue_mail

pytestmark = pytest.mark.django_db


def test_mail_is_sent_once_the_transaction_commits(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(
            "Potvrdite potpis",
            "Telo poruke",
            "ana@example.org",
            headers={"List-Unsubscribe": "<https://example.org/u>"},
            attachments=[("dogadjaj.ics", "BEGIN:VCALENDAR", "text/calendar")],
        )
        assert mailoutbox == []
    [message] = mailoutbox
    assert message.to == ["ana@example.org"]
    assert message.extra_headers["List-Unsubscribe"] == "<https://example.org/u>"
    assert message.attachments[0][0] == "dogadjaj.ics"


def test_nothing_is_sent_when_the_transaction_is_rolled_back(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue_mail("Potvrdite potpis", "Telo", "ana@example.org")
    assert len(callbacks) == 1 and mailoutbox == []
