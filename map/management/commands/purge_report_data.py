"""`manage.py purge_report_data`: the privacy policy's retention rules for camera reports.

Run it every hour (see the README). Reviewing a report already erases its email and moves an
accepted photo to the camera; this catches what waits longer:

- a follow-up email is erased 90 days after the report at the latest, reviewed or not;
- a rejected report (its photo, note and position) is deleted 30 days after the decision,
  time enough to answer a reporter who asks why;
- the rate limits' expired counters, keyed by hashes of clients' addresses, are deleted
  (home/ratelimit.py explains why).
"""

from datetime import timedelta
from functools import partial

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from home.ratelimit import delete_expired_counters
from map.models import CameraReport

EMAIL_RETENTION = timedelta(days=90)
REJECTED_REPORT_RETENTION = timedelta(days=30)


def delete_files(storage, names):
    for name in names:
        storage.delete(name)


class Command(BaseCommand):
    help = (
        "Erase camera reports' follow-up emails after 90 days and delete rejected reports, "
        "with their photos, 30 days after the decision; delete expired rate limit counters. "
        "Run hourly."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        storage = CameraReport._meta.get_field("photo").storage
        with transaction.atomic():
            emails = (
                CameraReport.objects.exclude(email="")
                .filter(created_at__lt=now - EMAIL_RETENTION)
                .update(email="")
            )
            rejected = CameraReport.objects.filter(
                status=CameraReport.Status.REJECTED,
                reviewed_at__lt=now - REJECTED_REPORT_RETENTION,
            )
            photos = [name for name in rejected.values_list("photo", flat=True) if name]
            reports, _ = rejected.delete()
            # Files are not part of the transaction: delete them once the rows are gone.
            transaction.on_commit(partial(delete_files, storage, photos))
        counters = delete_expired_counters()
        self.stdout.write(
            f"Erased {emails} follow-up email(s); deleted {reports} rejected report(s), "
            f"{len(photos)} photo(s) and {counters} expired rate limit counter(s)."
        )
