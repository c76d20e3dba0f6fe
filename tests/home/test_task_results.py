"""Finished jobs leave the task queue's table, with the mails and names they held."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from campaigns.tasks import send_mail

pytestmark = pytest.mark.django_db


def job(status=None, finished_days_ago=None):
    result = send_mail.enqueue("Potvrdite potpis", "Ana Petrović, …", "ana@example.org")
    if status:
        DBTaskResult.objects.filter(pk=result.id).update(
            status=status, finished_at=timezone.now() - timedelta(days=finished_days_ago)
        )
    return str(result.id)


def test_the_schedule_deletes_done_jobs_after_a_day_and_failed_ones_after_a_week(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    waiting = job()
    done_recently = job(TaskResultStatus.SUCCESSFUL, finished_days_ago=0.9)
    job(TaskResultStatus.SUCCESSFUL, finished_days_ago=1.1)
    failed_recently = job(TaskResultStatus.FAILED, finished_days_ago=6.9)
    job(TaskResultStatus.FAILED, finished_days_ago=7.1)

    call_command("run_schedule", "--once")

    left = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert left == {waiting, done_recently, failed_recently}


def test_without_a_queue_table_there_is_nothing_to_do():
    call_command("purge_task_results")  # the tests' jobs run at once: no error, nothing deleted
