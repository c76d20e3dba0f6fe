"""`manage.py run_schedule`: the clock process that runs the site's regular jobs.

Some work has to happen on time whether or not anyone visits: Wagtail publishes and unpublishes
pages at their scheduled dates only when `publish_scheduled` runs, and the privacy policy's
retention rules apply only when `purge_report_data` runs, and expired sessions leave the
database only when `clearsessions` does. The task queue (django-tasks 0.12)
runs jobs as they are queued but has no periodic jobs, so this small loop runs each command in
JOBS at its interval, one after another.

It may run on every node, as a platform that starts the same processes everywhere does: each
job's schedule is a row in the database (home.ScheduledJob), and a clock runs a job only if
it claimed the row's lease with one conditional UPDATE (due, and no lease held: see claim()),
so between them the clocks run each job once per interval. The node that ran a job logs it;
the others log at DEBUG that it ran elsewhere. The schedule is shared but the time is each
machine's own: the nodes' clocks must be NTP-synchronised (a clock some seconds fast may run
a job that much early; the lease still keeps a job from running on two nodes at once).

`--once` runs the jobs that are due and not running elsewhere, records the runs and exits: for
those who prefer cron (every minute, from any number of machines: each job still runs once
per interval, a daily backup daily). `--once --all` runs every job not running elsewhere now,
whatever its schedule: after a restore, so that the retention rules apply at once.
"""

import logging
import signal
import time
from datetime import UTC, datetime, timedelta
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.db.models import Q

from home.models import ScheduledJob

from .run_worker import DATABASE_UNAVAILABLE, LONGEST_PAUSE, ResilientWorker, this_node

logger = logging.getLogger(__name__)

# (management command, how often). A job runs as soon as the database first knows it, then at
# its interval.
JOBS = [
    ("publish_scheduled", timedelta(minutes=1)),
    # An event's places held for registrations not confirmed in time go to those waiting.
    ("release_registration_holds", timedelta(minutes=1)),
    ("purge_report_data", timedelta(hours=1)),
    ("purge_unconfirmed_signatures", timedelta(hours=1)),
    ("send_event_reminders", timedelta(hours=1)),
    ("send_request_reminders", timedelta(hours=1)),
    ("purge_information_requests", timedelta(hours=1)),
    ("anonymise_signatures", timedelta(hours=1)),
    ("purge_event_registrations", timedelta(hours=1)),
    ("purge_unverified_accounts", timedelta(hours=1)),
    # Django deletes an expired session only when its owner comes back; the others stay in
    # the database (who was logged in, and when) until this removes them.
    ("clearsessions", timedelta(hours=1)),
    ("purge_task_results", timedelta(hours=1)),
    # Supporters who map cameras get the ones to re-check near them, once a month each.
    ("send_recheck_mails", timedelta(days=1)),
    # Once a month, editors are asked to publish a release of the camera data.
    ("propose_release", timedelta(days=1)),
    # The street coverage of new streets, and of all after the assumptions changed: neither
    # sends a signal. Whole, daily: after cameras' imports and bulk writes.
    ("update_coverage", timedelta(minutes=1)),
    ("compute_coverage", timedelta(days=1)),
    # The database and the media, into the backup storage; older backups deleted (README).
    ("backup", timedelta(days=1)),
]


# A lease ends the job's interval, or half an hour if that is longer, after the run started.
# A clock cannot renew it while the job runs (one job at a time, in its one thread), so it must
# outlast the slowest honest run: half an hour is far longer than any of these jobs takes, and
# a job is not due again before its interval anyway. It is also the longest a job waits when
# the node running it dies mid-run: a minute's job half an hour, an hourly one its hour.
SHORTEST_LEASE = timedelta(minutes=30)
# Seconds; how long a clock may sleep at most without looking at the schedule.
LOOK_AGAIN_AFTER = 60


def lease_for(interval):
    return max(interval, SHORTEST_LEASE)


class Command(BaseCommand):
    help = (
        "Run the site's regular jobs (scheduled publishing, data retention) at their intervals, "
        "until stopped. Safe on every node: each job runs on one of them. --once runs the jobs "
        "that are due once, and exits; --once --all runs every job now."
    )

    # The clock and the pause, as attributes so that a test can run hours in an instant. Wall
    # time, not monotonic: the schedule in the database is shared by the nodes' clocks.
    clock = staticmethod(time.time)
    sleep = staticmethod(time.sleep)
    stopping = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.node = this_node()
        self.rows_added = False
        # Runs whose end the database has not recorded yet, as it went away: {job: (started, ok)}.
        self.unfinished = {}

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run the jobs that are due and not running elsewhere, once, and exit.",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            dest="every_job",
            help="With --once: every job not running elsewhere, whatever its schedule.",
        )

    def handle(self, *args, once=False, every_job=False, **options):
        if every_job and not once:
            raise CommandError("--all goes with --once.")
        if once:
            self.run_once(JOBS, on_schedule=not every_job)
            return
        # A platform stops its processes with SIGTERM: finish the job under way, then stop.
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        logger.info(
            "Clock started on %s: %s.",
            self.node,
            ", ".join(f"{name} every {every}" for name, every in JOBS),
        )
        self.run_forever(JOBS)
        logger.info("Clock stopped.")

    def stop(self, signum, frame):
        self.stopping = True

    def now(self):
        return datetime.fromtimestamp(self.clock(), tz=UTC)

    def run_once(self, jobs, on_schedule=True):
        self.add_rows(jobs)
        failed = []
        for name, interval in jobs:
            started = self.claim(name, interval, on_schedule=on_schedule)
            if started is None:
                logger.info("%s is not due, or running elsewhere; not run here.", name)
            elif not self.run_claimed(name, started):
                failed.append(name)
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (the log has the details).")

    def run_forever(self, jobs):
        pause = 1
        while not self.stopping:
            try:
                # Connections a database restart broke, or older than CONN_MAX_AGE, are
                # replaced, as Django does around each request.
                close_old_connections()
                wait = self.run_due(jobs)
            except DATABASE_UNAVAILABLE as error:
                # As the worker does: wait for the database, with a growing pause, rather
                # than exit and leave the jobs undone until someone restarts the clock.
                logger.warning(
                    "The database does not answer (%s); the clock tries again in %d s.",
                    type(error).__name__,
                    pause,
                )
                ResilientWorker.forget_connections()
                wait, pause = pause, min(pause * 2, LONGEST_PAUSE)
            else:
                pause = 1
            # Naps of a second at most, so that a stop request is answered within one.
            while not self.stopping and wait > 0:
                self.sleep(min(1.0, wait))
                wait -= 1

    def run_due(self, jobs):
        """Run the jobs that are due and that no other clock is running. Returns how many
        seconds the clock may sleep: until the next job is due, or none after a run."""
        if not self.rows_added:
            self.add_rows(jobs)
            self.rows_added = True
        self.finish_unfinished()
        intervals = dict(jobs)
        now = self.now()
        rows = ScheduledJob.objects.filter(command__in=intervals)
        # A job is ready when it is due and any lease on it has ended.
        ready = {
            name: max(next_run_at, leased_until or next_run_at)
            for name, next_run_at, leased_until in rows.values_list(
                "command", "next_run_at", "leased_until"
            )
        }
        if len(ready) < len(intervals):
            self.rows_added = False  # someone deleted rows: made again on the next turn
        ran = False
        for name, interval in jobs:
            if self.stopping or name not in ready or ready[name] > now:
                continue
            started = self.claim(name, interval)
            if started is None:
                logger.debug("%s ran elsewhere.", name)
                continue
            self.run_claimed(name, started)
            ran = True
        if ran:
            return 0
        # Another clock may clear a lease early (its job ended): look again within a minute.
        next_ready = min(ready.values(), default=now + timedelta(seconds=1))
        return min((next_ready - now).total_seconds(), LOOK_AGAIN_AFTER)

    def add_rows(self, jobs):
        """A row for each job the database does not know yet, due at once."""
        now = self.now()
        # Race-safe: a row another node added meanwhile is kept as it is (INSERT ... ON
        # CONFLICT DO NOTHING on PostgreSQL, INSERT OR IGNORE on SQLite).
        ScheduledJob.objects.bulk_create(
            [ScheduledJob(command=name, next_run_at=now) for name, _interval in jobs],
            ignore_conflicts=True,
        )
        # An interval shortened since the job last ran applies now, not after the old one.
        for name, interval in jobs:
            ScheduledJob.objects.filter(command=name, next_run_at__gt=now + interval).update(
                next_run_at=now + interval
            )

    def claim(self, name, interval, on_schedule=True):
        """Take the job's lease, if it is free (and, on schedule, the job is due). Returns
        the time the run starts, or None if the job is not this clock's to run.

        One conditional UPDATE: the database applies one at a time to the row, and the second
        of two clocks asking at the same moment finds the lease taken and changes nothing.
        A lease past its end is free: its node died mid-run, or ran it far too long."""
        now = self.now()
        rows = ScheduledJob.objects.filter(
            Q(leased_until__isnull=True) | Q(leased_until__lte=now), command=name
        )
        if on_schedule:
            rows = rows.filter(next_run_at__lte=now)
        # The next run is due an interval after this one starts: one that runs longer than
        # its interval runs again as soon as it ends, not in a burst to catch up.
        claimed = rows.update(
            next_run_at=now + interval,
            leased_until=now + lease_for(interval),
            last_started_at=now,
            last_node=self.node,
        )
        return now if claimed else None

    def run_claimed(self, name, started):
        ok = self.run_job(name)
        self.unfinished[name] = (started, ok)
        self.finish_unfinished()
        return ok

    def finish_unfinished(self):
        """Clear the leases of this clock's finished runs and record their outcome."""
        for name, (started, ok) in list(self.unfinished.items()):
            # Only the lease of this run: if it ran out, another node may hold a new one.
            finished = ScheduledJob.objects.filter(
                command=name, last_node=self.node, last_started_at=started
            ).update(
                leased_until=None,
                last_finished_at=self.now(),
                last_outcome=ScheduledJob.Outcome.OK if ok else ScheduledJob.Outcome.FAILED,
            )
            del self.unfinished[name]
            if not finished:
                logger.warning(
                    "%s ran longer than its lease; another node may have run it meanwhile.",
                    name,
                )

    def run_job(self, name):
        """Run one command; log its outcome, and any exception instead of raising it."""
        output = StringIO()
        started = self.clock()
        try:
            call_command(name, stdout=output)
        except Exception:
            logger.exception("%s failed after %.1f s.", name, self.clock() - started)
            return False
        said = " ".join(output.getvalue().split())
        logger.info(
            "%s done in %.1f s.%s", name, self.clock() - started, f" {said}" if said else ""
        )
        return True
