"""The worker waits out a database outage and loses no queued job (home/.../run_worker.py)."""

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home.management.commands.run_worker import ResilientWorker

# Transactional: the worker closes its connections while the database is away, as it must.
# The rollback restores the database as it was, content types included, for the tests after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

interrupted = []


@task()
def send_note(subject):
    mail.send_mail(subject, "body", "kamere@localhost", ["ana@example.org"])


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
    # It waited longer each time the database still did not answer: 1 s, then 2 s.
    assert "The database does not answer (OperationalError); trying again in 1 s." in caplog.text
    assert "trying again in 2 s." in caplog.text
    assert worker.pauses == [1, 1, 1]


def test_a_job_the_outage_interrupted_is_queued_again(worker):
    queued = send_note_after_an_outage.enqueue("Vaša prijava")

    worker.run()

    result = DBTaskResult.objects.get(pk=queued.id)
    assert interrupted == ["Vaša prijava"]
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert [message.subject for message in mail.outbox] == ["Vaša prijava"]
