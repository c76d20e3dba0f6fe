"""`manage.py purge_unconfirmed_signatures`: delete signatures nobody confirmed within 7 days.

An unconfirmed signature is someone's name and email that its owner may never have given
(anyone can type any address), so it is kept only as long as the confirmation link may
reasonably still be used. Unconfirmed signatures are never in the count, which stays as it is.
run_schedule runs it hourly.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.models import Signature

UNCONFIRMED_RETENTION = timedelta(days=7)


class Command(BaseCommand):
    help = "Delete petition signatures left unconfirmed for 7 days. Run hourly."

    def handle(self, *args, **options):
        deleted, _ = Signature.objects.filter(
            confirmed_at__isnull=True, created_at__lt=timezone.now() - UNCONFIRMED_RETENTION
        ).delete()
        self.stdout.write(f"Deleted {deleted} unconfirmed signature(s).")
