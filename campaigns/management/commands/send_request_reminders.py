"""`manage.py send_request_reminders`: remind the authors of tracked requests of their terms.

Three days before an authority's term ends, once it is over with no answer written down, and
three days before the term to complain of a refusal ends, each author who asked for reminders
gets one mail of each (InformationRequest.due_reminders).
A request is marked reminded by a conditional update before its mail is queued, in one
transaction, so a second clock, or a second run, sends nothing twice. run_schedule runs it
hourly.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from campaigns.information_requests.models import InformationRequest


class Command(BaseCommand):
    help = "Mail the reminders of tracked requests' terms that are due. Run hourly."

    def handle(self, *args, **options):
        now = timezone.now()
        sent = 0
        for kind, due, mark in InformationRequest.due_reminders(timezone.localdate(now)):
            for tracked in list(due.only("pk", "language")):
                with transaction.atomic():
                    # Claimed by a conditional UPDATE: only one run marks it, and mails.
                    claimed = InformationRequest.objects.filter(
                        pk=tracked.pk, **{f"{mark}__isnull": True}
                    ).update(**{mark: now})
                    if claimed:
                        tracked.send_mail(kind)
                        sent += 1
        self.stdout.write(f"Queued {sent} reminder(s).")
