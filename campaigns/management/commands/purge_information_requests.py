"""`manage.py purge_information_requests`: delete tracked requests once they serve no one.

A tracked request holds an address and what its author asked an authority. It is kept a year
after its term ended or its answer came, whichever is later (the complaint, and the
Commissioner's decision on it, take months), then deleted; one nobody asked reminders for
(anyone can type an address) goes after 7 days (InformationRequest.expired). An entry of the
register that moderators declined goes 30 days after their decision (its upload went at the
decision; the month lets its author ask why). run_schedule runs it hourly.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.information_requests.models import InformationRequest
from campaigns.information_requests.register import RegisterEntry

DECLINED_RETENTION = timedelta(days=30)


class Command(BaseCommand):
    help = (
        "Delete tracked requests a year past their term and their answer, and those nobody "
        "asked reminders for within 7 days, and register entries declined 30 days ago. Run "
        "hourly."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        expired = InformationRequest.expired(now)
        # An entry its author offered but nobody published goes with its request; a
        # published one stays, the public record, without a way back to its author.
        for entry in RegisterEntry.objects.filter(tracked__in=expired).exclude(
            status=RegisterEntry.Status.PUBLISHED
        ):
            entry.withdraw()
        deleted, _by_model = expired.delete()
        declined = 0
        for entry in RegisterEntry.declined_before(now - DECLINED_RETENTION):
            entry.withdraw()
            declined += 1
        self.stdout.write(
            f"Deleted {deleted} tracked request(s) and {declined} declined register entry(ies)."
        )
