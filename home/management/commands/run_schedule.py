"""`manage.py run_schedule`: the clock process that runs the site's regular jobs.

Some work has to happen on time whether or not anyone visits: Wagtail publishes and unpublishes
pages at their scheduled dates only when `publish_scheduled` runs, and the privacy policy's
retention rules apply only when `purge_report_data` runs, and expired sessions leave the
database only when `clearsessions` does. The task queue (django-tasks 0.12)
runs jobs as they are queued but has no periodic jobs, so this small loop runs each command in
JOBS at its interval, in this process, one after another. Run exactly one: two would run every
job twice. `--once` runs every job once and exits, for the tests and for those who prefer cron.
"""

import logging
import signal
import time
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

logger = logging.getLogger(__name__)

# (management command, how often). Every job also runs once when the clock starts.
JOBS = [
    ("publish_scheduled", timedelta(minutes=1)),
    # An event's places held for registrations not confirmed in time go to those waiting.
    ("release_registration_holds", timedelta(minutes=1)),
    ("purge_report_data", timedelta(hours=1)),
    ("purge_unconfirmed_signatures", timedelta(hours=1)),
    ("send_event_reminders", timedelta(hours=1)),
    ("anonymise_signatures", timedelta(hours=1)),
    ("purge_event_registrations", timedelta(hours=1)),
    ("purge_unverified_accounts", timedelta(hours=1)),
    # Django deletes an expired session only when its owner comes back; the others stay in
    # the database (who was logged in, and when) until this removes them.
    ("clearsessions", timedelta(hours=1)),
    ("purge_task_results", timedelta(hours=1)),
]


class Command(BaseCommand):
    help = (
        "Run the site's regular jobs (scheduled publishing, data retention) at their intervals, "
        "until stopped. Run one of these processes, no more. --once runs each job once and exits."
    )

    # The clock and the pause, as attributes so that a test can run hours in an instant.
    clock = staticmethod(time.monotonic)
    sleep = staticmethod(time.sleep)
    stopping = False

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")

    def handle(self, *args, once=False, **options):
        if once:
            failed = [name for name, _interval in JOBS if not self.run_job(name)]
            if failed:
                raise CommandError(f"Failed: {', '.join(failed)} (the log has the details).")
            return
        # A platform stops its processes with SIGTERM: finish the job under way, then stop.
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        logger.info(
            "Clock started: %s.", ", ".join(f"{name} every {every}" for name, every in JOBS)
        )
        self.run_forever(JOBS)
        logger.info("Clock stopped.")

    def stop(self, signum, frame):
        self.stopping = True

    def run_forever(self, jobs):
        start = self.clock()
        next_run = {name: start for name, _interval in jobs}
        while not self.stopping:
            for name, interval in jobs:
                if self.stopping or next_run[name] > self.clock():
                    continue
                # Connections a database restart broke, or older than CONN_MAX_AGE, are
                # replaced, as Django does around each request.
                close_old_connections()
                self.run_job(name)
                close_old_connections()
                # After a slow run, go on from now rather than catch up with a burst of runs.
                next_run[name] = max(next_run[name] + interval.total_seconds(), self.clock())
            # Short naps, so that a stop request is answered within a second.
            self.sleep(min(1.0, max(0.0, min(next_run.values()) - self.clock())))

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
