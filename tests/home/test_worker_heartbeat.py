"""A worker killed mid-job loses no job: workers say they are alive, and the running jobs of
one gone silent are queued again (home/management/commands/run_worker.py)."""

import os
import socket
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home.management.commands.run_worker import DEAD_AFTER, Heartbeat, requeue_abandoned
from home.models import TaskWorker

from .test_worker import send_note, worker  # noqa: F401 (a fixture of these tests too)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LONG_AGO = DEAD_AFTER + timedelta(seconds=30)


def running(subject, worker_id, started_ago):
    """A job `worker_id` claimed `started_ago`, as the database holds it while it runs."""
    queued = send_note.enqueue(subject)
    DBTaskResult.objects.filter(pk=queued.id).update(
        status=TaskResultStatus.RUNNING,
        worker_ids=[worker_id],
        started_at=timezone.now() - started_ago,
    )
    return queued.id


def last_seen(worker_id, ago):
    TaskWorker.objects.create(worker_id=worker_id, node="node-a:1", alive_at=timezone.now() - ago)


def status(job_id):
    return DBTaskResult.objects.get(pk=job_id).status


def test_the_running_job_of_a_worker_gone_silent_is_queued_again_and_sent(worker):  # noqa: F811
    last_seen("killed", ago=LONG_AGO)
    job = running("Potvrdite potpis", "killed", started_ago=LONG_AGO)

    assert requeue_abandoned() == 1
    assert status(job) == TaskResultStatus.READY
    assert not TaskWorker.objects.filter(worker_id="killed").exists()

    worker.run()
    assert status(job) == TaskResultStatus.SUCCESSFUL
    assert [message.subject for message in mail.outbox] == ["Potvrdite potpis"]


def test_a_worker_that_never_said_it_was_alive_counts_as_silent(worker):  # noqa: F811
    """Killed before its first heartbeat, or a worker from before heartbeats."""
    job = running("Stari posao", "unknown", started_ago=LONG_AGO)
    assert requeue_abandoned() == 1
    assert status(job) == TaskResultStatus.READY


def test_the_jobs_of_a_live_worker_are_left_alone_however_long_they_run(worker):  # noqa: F811
    last_seen("busy", ago=timedelta(seconds=5))
    job = running("Dugačak posao", "busy", started_ago=timedelta(hours=2))
    assert requeue_abandoned() == 0
    assert status(job) == TaskResultStatus.RUNNING


def test_a_job_claimed_within_the_last_minute_is_left_alone(worker):  # noqa: F811
    """Its worker may not have said it is alive yet: it claimed the job a moment ago."""
    job = running("Tek počeo", "new", started_ago=timedelta(seconds=5))
    assert requeue_abandoned() == 0
    assert status(job) == TaskResultStatus.RUNNING


class ClaimedMeanwhile:
    """Another worker claims `job` right after the sweep has read the running jobs."""

    def __init__(self, job):
        self.job, self.claimed = job, False

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not self.claimed and sql.startswith("SELECT") and "worker_ids" in sql:
            self.claimed = True
            DBTaskResult.objects.filter(pk=self.job).update(
                worker_ids=["killed", "other"], started_at=timezone.now()
            )
        return result


def test_a_job_another_worker_claimed_meanwhile_is_not_queued_again(worker):  # noqa: F811
    """Another worker's sweep was faster, and the job runs again elsewhere: leave it be."""
    job = running("Već preuzet", "killed", started_ago=LONG_AGO)
    claim = ClaimedMeanwhile(job)

    with connection.execute_wrapper(claim):
        assert requeue_abandoned() == 0

    assert claim.claimed
    assert status(job) == TaskResultStatus.RUNNING
    assert DBTaskResult.objects.get(pk=job).worker_ids == ["killed", "other"]


def test_the_heartbeat_says_a_worker_is_alive_until_it_stops():
    heartbeat = Heartbeat("beating")
    heartbeat.start()
    deadline = time.monotonic() + 10
    while not TaskWorker.objects.filter(worker_id="beating").exists():
        assert time.monotonic() < deadline, "no heartbeat within 10 s"
        time.sleep(0.05)
    row = TaskWorker.objects.get(worker_id="beating")
    assert row.node == f"{socket.gethostname()}:{os.getpid()}"
    assert timezone.now() - row.alive_at < timedelta(seconds=10)

    heartbeat.stop()
    assert not heartbeat.is_alive()
    assert not TaskWorker.objects.filter(worker_id="beating").exists()
