"""`manage.py release_registration_holds`: places held for registrations nobody confirmed in
time go back to the waiting list and to new registrations.

A registration holds a place for REGISTRATION_HOLD_MINUTES until its owner confirms it by the
mailed link (campaigns/events/models.py). Counting already ignores a lapsed hold; this moves
the people waiting up into the places freed, so that addresses typed by someone else, never
confirmed, keep nobody from a place for longer than the hold. run_schedule runs it every
minute; it does work only for events with a hold that has just lapsed.
"""

from django.core.management.base import BaseCommand

from campaigns.events.pages import release_lapsed_holds


class Command(BaseCommand):
    help = "Free the places of registrations not confirmed in time and move the waiting up."

    def handle(self, *args, **options):
        released = release_lapsed_holds()
        self.stdout.write(f"Released {released} lapsed hold(s).")
