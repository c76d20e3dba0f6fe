"""`manage.py run_worker`: the task queue's worker (django-tasks-db's `db_worker`), kept alive
through database outages.

`db_worker` exits when the database does not answer, and a job that was running then stays
"running" (or is marked failed) for ever: confirmation mail stopped until someone restarted
the process, and the jobs caught by the outage were lost. This worker waits for the database
instead, with a growing pause (up to 30 s), and queues those jobs again (a job that fails with
a database error on five runs is left failed). A job may therefore run twice (a mail sent
just before the outage is sent again): better than never.

Several workers may run, on several machines: each claims a job with a row lock, so no job
runs on two at once. A worker that dies mid-job (a machine lost, a process killed) would
leave that job "running" for ever, so each worker says it is alive every HEARTBEAT_EVERY
seconds (home.models.TaskWorker, from a thread of its own, so that a long job does not hide
it), and queues again the running jobs of any worker silent for DEAD_AFTER seconds.
"""

import contextlib
import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.db import connections
from django.db.models import QuerySet
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks.utils import get_module_path
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from home.models import TaskWorker

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
DATABASE_UNAVAILABLE_PATHS = {get_module_path(error) for error in DATABASE_UNAVAILABLE}
LONGEST_PAUSE = 30
# A job that meets a database error on this many runs is left failed: it is the job's error.
MAX_RUNS = 5
HEARTBEAT_EVERY = 10
# Six missed heartbeats: a worker this silent is gone (or cut off), and its jobs run elsewhere.
DEAD_AFTER = timedelta(seconds=60)


def requeue_abandoned(now=None):
    """Queue again the jobs of workers silent for DEAD_AFTER; the number queued again."""
    now = now or timezone.now()
    silent_since = now - DEAD_AFTER
    alive = set(
        TaskWorker.objects.filter(alive_at__gte=silent_since).values_list("worker_id", flat=True)
    )
    # Claimed before the cut-off: a worker that claimed a job since is alive by definition.
    running = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=silent_since
    ).values_list("pk", "worker_ids", "started_at")
    requeued = 0
    for pk, worker_ids, started_at in running:
        if worker_ids[-1:] and worker_ids[-1] in alive:
            continue
        # Only if nobody claimed it meanwhile (another worker's sweep may have been faster).
        requeued += ResilientWorker.requeue(
            DBTaskResult.objects.filter(
                pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at
            )
        )
    if requeued:
        logger.warning("Queued again %d job(s) of workers gone silent.", requeued)
    TaskWorker.objects.filter(alive_at__lt=silent_since).delete()
    return requeued


def this_node():
    """Which process: a machine's host name and a process id, for whoever reads the tables
    of workers and scheduled jobs (home/models.py)."""
    return f"{socket.gethostname()}:{os.getpid()}"[-255:]


class Heartbeat(threading.Thread):
    """Says the worker is alive, and queues again the jobs of those that are not."""

    def __init__(self, worker_id):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.node = this_node()
        self.stopped = threading.Event()

    def beat(self):
        TaskWorker.objects.update_or_create(
            worker_id=self.worker_id, defaults={"node": self.node, "alive_at": timezone.now()}
        )
        requeue_abandoned()

    def run(self):
        while not self.stopped.is_set():
            try:
                self.beat()
            except DATABASE_UNAVAILABLE as error:
                # The worker's own loop waits the outage out; beats resume after it.
                logger.warning("No heartbeat: the database does not answer (%s).", error)
            except Exception:
                # Whatever else went wrong, keep beating: a silent worker's jobs run twice.
                logger.exception("The heartbeat failed; trying again.")
            finally:
                connections.close_all()  # this thread's own connections
            self.stopped.wait(HEARTBEAT_EVERY)

    def stop(self):
        self.stopped.set()
        self.join(timeout=HEARTBEAT_EVERY)
        with contextlib.suppress(*DATABASE_UNAVAILABLE):
            TaskWorker.objects.filter(worker_id=self.worker_id).delete()
        connections.close_all()


class ResilientWorker(Worker):
    sleep = staticmethod(time.sleep)  # an attribute, so that a test can skip the waits

    def run(self):
        pause = 1
        while self.running:
            try:
                super().run()
                return
            except DATABASE_UNAVAILABLE as error:
                logger.warning(
                    "The database does not answer (%s); trying again in %d s.",
                    type(error).__name__,
                    pause,
                )
            self.forget_connections()
            self.wait(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
            try:
                self.requeue_interrupted()
            except DATABASE_UNAVAILABLE:
                continue  # still away: the next turn of the loop waits longer
            pause = 1

    def run_task(self, db_task_result):
        super().run_task(db_task_result)
        if db_task_result.status != TaskResultStatus.FAILED:
            return
        # By name: the class of any failure is stored, and not every one can be imported
        # (Page.DoesNotExist lives on its model).
        if db_task_result.exception_class_path not in DATABASE_UNAVAILABLE_PATHS:
            return
        runs = len(db_task_result.worker_ids)
        if runs >= MAX_RUNS:
            logger.warning(
                "Task id=%s met a database error on each of its %d runs; left failed.",
                db_task_result.id,
                runs,
            )
            return
        # The job failed because the database went away (or refused it for now, as a lock
        # timeout does), not because of itself: again later, after a growing pause.
        logger.warning("Task id=%s met a database error; queued again.", db_task_result.id)
        self.requeue([db_task_result.pk])
        self.wait(min(2 ** (runs - 1), LONGEST_PAUSE))

    def requeue_interrupted(self):
        """Queue again the jobs this worker had claimed when the database went away."""
        running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
        # worker_ids lists every worker that claimed the job, the one running it last; it is a
        # JSON list, and SQLite has no lookup into one.
        claims = running.values_list("pk", "worker_ids")
        mine = [pk for pk, ids in claims if ids[-1:] == [self.worker_id]]
        if mine:
            logger.warning("Queued again %d task(s) a database outage interrupted.", len(mine))
            self.requeue(mine)

    @staticmethod
    def requeue(jobs):
        """Queue `jobs` (ids, or a query of them) again; how many were."""
        if not isinstance(jobs, QuerySet):
            jobs = DBTaskResult.objects.filter(pk__in=jobs)
        return jobs.update(
            status=TaskResultStatus.READY,
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
        )

    @staticmethod
    def forget_connections():
        for connection in connections.all(initialized_only=True):
            # A broken one raises on closing; Django has dropped it all the same.
            with contextlib.suppress(DATABASE_UNAVAILABLE):
                connection.close()

    def wait(self, seconds):
        # Naps of a second, so that a stop signal is answered within one.
        while self.running and seconds > 0:
            self.sleep(min(1, seconds))
            seconds -= 1


class Command(DBWorkerCommand):
    help = "Run queued jobs, as db_worker does, and wait out database outages instead of exiting."

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        max_tasks,
        worker_id,
        **options,
    ):
        # db_worker's own, but with our worker, and without its autoreloader (`make run` runs
        # jobs at once, with no worker).
        self.configure_logging(verbosity)
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
        )
        worker.configure_signals()
        heartbeat = Heartbeat(worker_id)
        heartbeat.start()
        try:
            worker.run()
        finally:
            heartbeat.stop()
