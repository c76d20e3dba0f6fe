"""`manage.py purge_unconfirmed_signatures`: delete signatures nobody confirmed within 7 days,
and blank the review signals of signatures older than 30 days.

An unconfirmed signature is someone's name and email that its owner may never have given
(anyone can type any address), so it is kept only as long as the confirmation link may
reasonably still be used. Unconfirmed signatures are never in the count, which stays as it is.
The review signals (the client's daily pseudonym, "over the per-client rate") serve the
moderators' review of a bulk attack, which happens within days of it
(REVIEW_SIGNALS_RETENTION).
run_schedule runs it hourly.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.petitions.models import REVIEW_SIGNALS_RETENTION, Signature

UNCONFIRMED_RETENTION = timedelta(days=7)


class Command(BaseCommand):
    help = (
        "Delete petition signatures left unconfirmed for 7 days, and blank the review signals "
        "of signatures older than 30 days. Run hourly."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        deleted, _ = Signature.objects.filter(
            confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_RETENTION
        ).delete()
        cleared = Signature.objects.filter(
            created_at__lt=now - REVIEW_SIGNALS_RETENTION
        ).clear_review_signals()
        self.stdout.write(
            f"Deleted {deleted} unconfirmed signature(s); blanked the review signals of {cleared}."
        )
