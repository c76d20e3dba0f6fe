"""`manage.py purge_event_registrations`: delete registrations once an event is well past.

A registration holds a name and an address, and that someone meant to attend a political
event. After the event it serves only the follow-up, so it is kept REGISTRATION_RETENTION
after the end, then deleted, whatever its state: places, waiting list or cancelled. Nothing
needs it later: a past event's page shows no places, and reminders and cancel links are for
events to come. A registration its owner never confirmed (anyone can type an address) is
deleted UNCONFIRMED_RETENTION after it was made: its place was freed long before, when the
hold lapsed, and until then it only keeps the cap on the mails a repeat may cause.
run_schedule runs it hourly.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.events.models import Registration

# A month to answer what comes after an event: a question, a correction, a complaint about
# the registration itself. Every registration is on the event's default language page, whose
# end is the one that counts.
REGISTRATION_RETENTION = timedelta(days=30)
# Long enough that the link of a hold that lapsed can still give a free place or a turn on
# the waiting list, and that repeats of the same address stay within one registration's cap
# on mails; short, since nobody has said the address is theirs.
UNCONFIRMED_RETENTION = timedelta(days=1)


class Command(BaseCommand):
    help = (
        "Delete the registrations of events that ended more than 30 days ago, and those nobody "
        "confirmed within a day. Run hourly."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        deleted, _by_model = Registration.objects.filter(
            event__end__lt=now - REGISTRATION_RETENTION
        ).delete()
        unconfirmed, _by_model = Registration.objects.filter(
            status=Registration.Status.HELD, created_at__lt=now - UNCONFIRMED_RETENTION
        ).delete()
        self.stdout.write(
            f"Deleted {deleted} registration(s) of past events and {unconfirmed} unconfirmed."
        )
