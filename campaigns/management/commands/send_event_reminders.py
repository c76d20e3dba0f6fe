"""`manage.py send_event_reminders`: remind people with a place of an event the day before.

Run hourly (run_schedule does). Each person is reminded once: the reminder is recorded with
the same update that claims it, so a second run, or two at once, send nothing twice.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from campaigns.events.models import REMINDER_BEFORE, Registration
from campaigns.events.pages import EventPage


class Command(BaseCommand):
    help = "Mail a reminder to everyone with a place at an event that starts within a day."

    def handle(self, *args, **options):
        now = timezone.now()
        due = Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminded_at__isnull=True,
            event__live=True,
            event__status=EventPage.Status.SCHEDULED,
            event__start__gt=now,
            event__start__lte=now + REMINDER_BEFORE,
        ).select_related("event")
        sent = 0
        for registration in due:
            with transaction.atomic():
                claimed = Registration.objects.filter(
                    pk=registration.pk, reminded_at__isnull=True
                ).update(reminded_at=now)
                if claimed:
                    registration.send_mail("reminder")
                    sent += 1
        self.stdout.write(f"Reminded {sent} people of their events.")
