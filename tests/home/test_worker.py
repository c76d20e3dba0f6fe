"""The worker waits out a database outage and loses no queued job (home/.../run_worker.py)."""

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from home.management.commands.run_worker import ResilientWorker

# Transactional: the worker closes its connections while the database is away, as it must.
# The rollback restores the database as it was, content types included, for the tests after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

interrupted = []


@task()
def send_note(subject):
    mail.send_mail(subject, "body", "kamere@localhost", ["ana@example.org"])


@task()
def look_up_a_deleted_page(page_id):
    # As Wagtail's and our own jobs do for a row deleted before the worker ran.
    return Page.objects.get(pk=page_id)


@task()
def meet_a_lock_timeout_each_time():
    raise OperationalError("canceling statement due to lock timeout")


@task()
def send_note_after_an_outage(subject):
    if not interrupted:
        interrupted.append(subject)
        # What the job's first query meets when the server goes away under it.
        raise OperationalError("server closed the connection unexpectedly")
    mail.send_mail(subject, "body", "kamere@localhost", ["ana@example.org"])


class Outage:
    """The database refuses the first `statements` statements, then answers again."""

    def __init__(self, statements):
        self.left = statements

    def __call__(self, execute, sql, params, many, context):
        if self.left:
            self.left -= 1
            raise OperationalError("connection to server failed: Connection refused")
        return execute(sql, params, many, context)


@pytest.fixture
def worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    interrupted.clear()
    worker = ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,  # stops when the queue is empty
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    worker.pauses = []
    worker.sleep = worker.pauses.append
    return worker


def test_the_worker_waits_for_the_database_then_runs_the_queued_job(worker, caplog):
    queued = send_note.enqueue("Potvrdite potpis")

    with connection.execute_wrapper(Outage(statements=3)):
        worker.run()

    assert DBTaskResult.objects.get(pk=queued.id).status == TaskResultStatus.SUCCESSFUL
    assert [message.subject for message in mail.outbox] == ["Potvrdite potpis"]
    assert "The database does not answer (OperationalError); trying again in 1 s." in caplog.text
    # It waited (in naps of a second, to answer a stop signal) instead of exiting.
    assert worker.pauses and set(worker.pauses) == {1}


def test_a_job_the_outage_interrupted_is_queued_again(worker):
    queued = send_note_after_an_outage.enqueue("Vaša prijava")

    worker.run()

    result = DBTaskResult.objects.get(pk=queued.id)
    assert interrupted == ["Vaša prijava"]
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert [message.subject for message in mail.outbox] == ["Vaša prijava"]


def test_a_job_that_fails_of_itself_is_left_failed_and_the_worker_goes_on(worker):
    failing = look_up_a_deleted_page.enqueue(999_999)
    queued = send_note.enqueue("Sledeći posao")

    worker.run()

    failed = DBTaskResult.objects.get(pk=failing.id)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path.endswith("Page.DoesNotExist")
    assert DBTaskResult.objects.get(pk=queued.id).status == TaskResultStatus.SUCCESSFUL


def test_a_job_that_meets_a_database_error_each_time_is_left_failed_after_five_runs(worker):
    queued = meet_a_lock_timeout_each_time.enqueue()

    worker.run()

    result = DBTaskResult.objects.get(pk=queued.id)
    assert result.status == TaskResultStatus.FAILED
    assert len(result.worker_ids) == 5
    # A growing pause between the runs: 1, 2, 4 and 8 s.
    assert sum(worker.pauses) == 1 + 2 + 4 + 8


@pytest.mark.parametrize(
    ("claims", "requeued"),
    [(["test-worker"], True), (["other", "test-worker"], True), (["test-worker", "other"], False)],
)
def test_only_the_jobs_this_worker_was_running_are_queued_again(worker, claims, requeued):
    queued = send_note.enqueue("Prekinut posao")
    DBTaskResult.objects.filter(pk=queued.id).update(
        status=TaskResultStatus.RUNNING, worker_ids=claims
    )

    worker.requeue_interrupted()

    status = DBTaskResult.objects.get(pk=queued.id).status
    assert status == (TaskResultStatus.READY if requeued else TaskResultStatus.RUNNING)
