"""Mail jobs (campaigns/tasks.py and the domains'): built in the worker, from what a job holds."""

import importlib

import pytest
from django.apps import apps
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from campaigns.supporters.tasks import send_account_deleted_mail
from campaigns.tasks import send_mail

pytestmark = pytest.mark.django_db

migration = importlib.import_module("campaigns.migrations.0011_move_queued_mail_jobs")


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


def test_a_job_queued_under_its_old_name_runs_after_the_move(
    settings, django_capture_on_commit_callbacks
):
    """Migration campaigns 0011 renames the jobs waiting in the queue when the mail jobs moved
    into the domains' packages: the worker imports a job's task by the path it was queued
    under."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    site = Site.objects.get(is_default_site=True)
    with django_capture_on_commit_callbacks(execute=True):
        queued = send_account_deleted_mail.enqueue("ana@example.org", "en", site.pk)
    jobs = DBTaskResult.objects.filter(pk=queued.id)
    jobs.update(task_path="campaigns.tasks.send_account_deleted_mail")
    with pytest.raises(ImportError):
        jobs.get().task  # noqa: B018  (what the worker would meet)
    migration.forwards(apps, None)
    assert jobs.get().task_path == "campaigns.supporters.tasks.send_account_deleted_mail"
    assert jobs.get().task.func is send_account_deleted_mail.func
