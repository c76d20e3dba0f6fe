"""Clocks on several nodes run each job once per interval (home/.../run_schedule.py).

Each clock here is a Command with its own node name and a clock that moves only when the test
says; the jobs it runs are recorded, not run (the other tests of run_schedule run them), except
in the `--once` tests, which run the real commands.
"""

import logging
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.utils import timezone

from home.management.commands import run_schedule
from home.management.commands.run_schedule import JOBS, lease_for
from home.models import ScheduledJob

from .test_worker import Outage

START = datetime(2031, 3, 1, 12, 0, tzinfo=UTC)  # the clocks' time when a test begins
MINUTE_JOB = "publish_scheduled"
HOURLY_JOB = "purge_report_data"
INTERVAL = dict(JOBS)
MINUTE_JOBS = {name for name, interval in JOBS if interval == timedelta(minutes=1)}
HOURLY_JOBS = {name for name, interval in JOBS if interval == timedelta(hours=1)}
ALL_JOBS = {name for name, _interval in JOBS}


class Clock(run_schedule.Command):
    """A clock on node `node` at the time `at` says; it records the jobs it would run."""

    def __init__(self, node, at, runs):
        super().__init__()
        self.node = node
        self.at = at
        self.runs = runs
        self.clock = lambda: self.at().timestamp()
        self.sleep = lambda seconds: None

    def run_job(self, name):
        self.runs.append((self.node, name))
        return True


class Time:
    def __init__(self):
        self.now = START

    def __call__(self):
        return self.now

    def passes(self, **elapsed):
        self.now += timedelta(**elapsed)


@pytest.fixture
def time():
    return Time()


@pytest.fixture
def runs():
    return []


def ran(runs):
    return Counter(name for _node, name in runs)


# Threads with their own connections: the rows must be committed for the other to see them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_clocks_at_the_same_moment_run_each_job_once(time, runs, caplog):
    # The two clocks ask for each job together: neither claims one before the other has read
    # the schedule and is at the same job's claim.
    together = {name: threading.Barrier(2, timeout=20) for name, _interval in JOBS}
    # On PostgreSQL the clocks run side by side. The tests' SQLite database is in memory,
    # where the connections share one cache that answers a statement made while another
    # connection writes with "database table is locked", instead of waiting its turn as in a
    # SQLite file: there the clocks take turns between the claims, so the two still read the
    # schedule before either claims a job, and the second's claim meets the first's lease
    # (only PostgreSQL, then, can show a claim that is not one statement failing).
    turn = threading.Semaphore(1 if connection.vendor == "sqlite" else 2)

    class TogetherClock(Clock):
        def run_due(self, jobs):
            with turn:
                return super().run_due(jobs)

        def claim(self, name, interval, on_schedule=True):
            turn.release()
            try:
                together[name].wait()
            finally:
                turn.acquire()
            return super().claim(name, interval, on_schedule)

    clocks = [TogetherClock(node, time, runs) for node in ("node-a", "node-b")]
    errors = []

    def start(clock):
        try:
            clock.run_due(JOBS)  # the rows do not exist yet: both clocks make them
        except Exception as error:  # raised in the test's thread below
            errors.append(error)
            for barrier in together.values():
                barrier.abort()
        finally:
            connection.close()  # this thread's own

    threads = [threading.Thread(target=start, args=(clock,)) for clock in clocks]
    with caplog.at_level(logging.DEBUG, logger=run_schedule.__name__):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not errors, errors

    assert ran(runs) == {name: 1 for name, _interval in JOBS}
    elsewhere = [r.getMessage() for r in caplog.records if r.getMessage().endswith("elsewhere.")]
    assert sorted(elsewhere) == sorted(f"{name} ran elsewhere." for name, _interval in JOBS)
    ran_on = {name: node for node, name in runs}
    rows = ScheduledJob.objects.all()
    assert len(rows) == len(JOBS)
    for row in rows:
        assert row.last_node == ran_on[row.command]
        assert row.leased_until is None
        assert row.last_outcome == ScheduledJob.Outcome.OK
        assert row.last_started_at == START
        assert row.next_run_at == START + INTERVAL[row.command]


@pytest.mark.django_db
def test_each_job_runs_again_at_its_next_interval_on_whichever_clock_comes_first(time, runs):
    a, b = Clock("node-a", time, runs), Clock("node-b", time, runs)

    def turn(clock, **elapsed):
        runs.clear()
        time.passes(**elapsed)
        clock.run_due(JOBS)
        return set(ran(runs))

    assert turn(a) == ALL_JOBS
    assert turn(b, seconds=30) == set()
    assert turn(b, seconds=30) == MINUTE_JOBS
    assert turn(a, seconds=1) == set()
    assert turn(a, minutes=58) == MINUTE_JOBS  # 59 min 1 s after the first run
    assert turn(b) == set()
    assert turn(b, seconds=59) == HOURLY_JOBS  # an hour after the first run
    assert turn(a) == set()


@pytest.mark.django_db
def test_a_job_is_not_started_again_while_its_lease_holds_and_is_after_it_ends(time, runs, caplog):
    job = [(MINUTE_JOB, INTERVAL[MINUTE_JOB])]
    other = Clock("node-b", time, runs)
    seen_by_other = []

    class SlowClock(Clock):
        def run_job(self, name):
            super().run_job(name)
            # While this clock runs the job, well past its interval: the lease holds.
            time.passes(minutes=5)
            other.run_due(job)
            seen_by_other.append(ran(runs)[name])
            # The lease has ended, as if this node had died: the other clock takes the job.
            time.passes(minutes=26)
            other.run_due(job)
            seen_by_other.append(ran(runs)[name])
            return True

    assert lease_for(INTERVAL[MINUTE_JOB]) == timedelta(minutes=30)
    with caplog.at_level(logging.WARNING):
        SlowClock("node-a", time, runs).run_due(job)

    assert seen_by_other == [1, 2]
    assert runs == [("node-a", MINUTE_JOB), ("node-b", MINUTE_JOB)]
    # The slow run's end leaves the other clock's record alone.
    assert f"{MINUTE_JOB} ran longer than its lease" in caplog.text
    row = ScheduledJob.objects.get(pk=MINUTE_JOB)
    assert row.last_node == "node-b"
    assert row.last_started_at == START + timedelta(minutes=31)
    assert row.leased_until is None


@pytest.mark.django_db
def test_a_lease_that_ended_is_taken_and_one_that_holds_is_not(time, runs):
    job = [(HOURLY_JOB, INTERVAL[HOURLY_JOB])]
    ScheduledJob.objects.create(
        command=HOURLY_JOB,
        next_run_at=START - timedelta(hours=2),
        leased_until=START + timedelta(minutes=10),
        last_node="node-b",
    )
    clock = Clock("node-a", time, runs)

    clock.run_due(job)
    assert runs == []
    time.passes(minutes=10)
    clock.run_due(job)
    assert runs == [("node-a", HOURLY_JOB)]


@pytest.mark.django_db
def test_a_failed_run_is_recorded_and_its_lease_cleared(time, runs):
    class FailingClock(Clock):
        def run_job(self, name):
            super().run_job(name)
            return False

    FailingClock("node-a", time, runs).run_due([(MINUTE_JOB, INTERVAL[MINUTE_JOB])])

    row = ScheduledJob.objects.get(pk=MINUTE_JOB)
    assert (row.last_outcome, row.leased_until) == (ScheduledJob.Outcome.FAILED, None)
    assert row.last_finished_at == START


@pytest.mark.django_db
def test_a_shortened_interval_applies_at_once(time, runs):
    ScheduledJob.objects.create(command=MINUTE_JOB, next_run_at=START + timedelta(hours=1))
    clock = Clock("node-a", time, runs)

    clock.run_due(JOBS)
    assert MINUTE_JOB not in ran(runs)
    time.passes(minutes=1)
    clock.run_due(JOBS)
    assert ran(runs)[MINUTE_JOB] == 1


# Transactional: the failed statement is not inside a test's transaction, which it would break.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_run_whose_end_the_database_missed_is_recorded_when_it_is_back(time, runs):
    job = [(MINUTE_JOB, INTERVAL[MINUTE_JOB])]
    outage = Outage(statements=0)

    class ClockLosingTheDatabase(Clock):
        def run_job(self, name):
            outage.left = 1  # the database goes away while the job runs
            return super().run_job(name)

    clock = ClockLosingTheDatabase("node-a", time, runs)
    with connection.execute_wrapper(outage), pytest.raises(OperationalError):
        clock.run_due(job)
    assert ScheduledJob.objects.get(pk=MINUTE_JOB).leased_until is not None

    clock.run_due(job)  # back: not half an hour later, when the lease would end

    row = ScheduledJob.objects.get(pk=MINUTE_JOB)
    assert (row.leased_until, row.last_outcome) == (None, ScheduledJob.Outcome.OK)
    assert runs == [("node-a", MINUTE_JOB)]


# Transactional: the clock closes old connections between its turns, as it does in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_clock_waits_for_the_database_and_goes_on(time, runs, caplog):
    clock = Clock("node-a", time, runs)
    pauses = []

    def sleep(seconds):
        pauses.append(seconds)
        time.passes(seconds=seconds)
        clock.stopping = bool(runs)

    clock.sleep = sleep
    with connection.execute_wrapper(Outage(statements=3)), caplog.at_level(logging.WARNING):
        clock.run_forever(JOBS)

    assert ran(runs) == dict.fromkeys(ALL_JOBS, 1)
    waits = [r.getMessage() for r in caplog.records if "does not answer" in r.getMessage()]
    assert waits == [
        f"The database does not answer (OperationalError); the clock tries again in {s} s."
        for s in (1, 2, 4)
    ]
    assert pauses[:7] == [1] * 7  # in naps of a second, to answer a stop signal


# --once, with the real commands


@pytest.mark.django_db
def test_once_all_runs_every_job_not_running_elsewhere_whatever_its_schedule(caplog):
    ScheduledJob.objects.create(
        command=HOURLY_JOB,
        next_run_at=timezone.now(),
        leased_until=timezone.now() + timedelta(minutes=10),
        last_node="node-b",
    )

    # The second at once, before any job is due again: with --all, whatever the schedule.
    for options in ((), ("--all",)):
        caplog.clear()
        before = timezone.now()
        with caplog.at_level(logging.INFO):
            call_command("run_schedule", "--once", *options)
        after = timezone.now()

        done = {r.getMessage().split()[0] for r in caplog.records if " done in " in r.getMessage()}
        assert done == ALL_JOBS - {HOURLY_JOB}
        assert f"{HOURLY_JOB} is not due, or running elsewhere; not run here." in caplog.text
        for row in ScheduledJob.objects.exclude(pk=HOURLY_JOB):
            assert row.last_node == run_schedule.this_node()
            assert before <= row.last_started_at <= row.last_finished_at <= after
            assert row.next_run_at == row.last_started_at + INTERVAL[row.command]
            assert (row.leased_until, row.last_outcome) == (None, ScheduledJob.Outcome.OK)
    assert ScheduledJob.objects.get(pk=HOURLY_JOB).last_node == "node-b"


@pytest.mark.django_db
def test_once_from_cron_every_minute_runs_each_job_at_its_interval(caplog):
    """Cron on two machines, every minute: a daily job runs daily, not every minute."""
    call_command("run_schedule", "--once")
    caplog.clear()
    with caplog.at_level(logging.INFO):
        call_command("run_schedule", "--once")
        call_command("run_schedule", "--once")
    assert " done in " not in caplog.text

    ScheduledJob.objects.filter(command=HOURLY_JOB).update(next_run_at=timezone.now())
    with caplog.at_level(logging.INFO):
        call_command("run_schedule", "--once")
    done = {r.getMessage().split()[0] for r in caplog.records if " done in " in r.getMessage()}
    assert done == {HOURLY_JOB}


@pytest.mark.django_db
def test_the_clocks_wait_an_interval_after_a_run_by_once(runs):
    call_command("run_schedule", "--once")

    clock = Clock("node-b", lambda: timezone.now() + timedelta(seconds=59), runs)
    clock.run_due(JOBS)
    assert runs == []
