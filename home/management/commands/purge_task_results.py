"""`manage.py purge_task_results`: finished jobs leave the task queue's table.

A queued job keeps its arguments, and a mail job its recipient, subject and body (names,
events, cancel links), for as long as its row lives; django-tasks-db keeps every row until
its `prune_db_task_results` runs. run_schedule runs this hourly: done jobs go after
DONE_DAYS, failed ones (kept a little longer, to find out why they failed) after FAILED_DAYS.
On a site whose jobs run at once (`make run`, the tests), there is no table to prune.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend

DONE_DAYS = 1
FAILED_DAYS = 7


class Command(BaseCommand):
    help = (
        f"Delete queued jobs that finished more than {DONE_DAYS} day ago, or failed more than "
        f"{FAILED_DAYS} days ago, with what they held."
    )

    def handle(self, *args, **options):
        for alias in task_backends:
            if isinstance(task_backends[alias], DatabaseBackend):
                call_command(
                    "prune_db_task_results",
                    backend=task_backends[alias],
                    queue_name="*",
                    min_age_days=DONE_DAYS,
                    failed_min_age_days=FAILED_DAYS,
                    verbosity=options["verbosity"],
                    stdout=self.stdout,
                )
