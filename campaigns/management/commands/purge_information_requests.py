"""`manage.py purge_information_requests`: delete tracked requests once they serve no one.

A tracked request holds an address and what its author asked an authority. It is kept a year
after its term ended or its answer came, whichever is later (the complaint, and the
Commissioner's decision on it, take months), then deleted; one nobody asked reminders for
(anyone can type an address) goes after 7 days (InformationRequest.expired). run_schedule runs
it hourly.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.information_requests.models import InformationRequest


class Command(BaseCommand):
    help = (
        "Delete tracked requests a year past their term and their answer, and those nobody "
        "asked reminders for within 7 days. Run hourly."
    )

    def handle(self, *args, **options):
        deleted, _by_model = InformationRequest.expired(timezone.now()).delete()
        self.stdout.write(f"Deleted {deleted} tracked request(s).")
