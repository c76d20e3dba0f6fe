"""`manage.py propose_release`: once a month, ask the editors to publish a release of the
camera data (map/releases/publishing.py). run_schedule runs it daily; it proposes at most
one release a month, and none when nothing changed or a release came out this month."""

from django.core.management.base import BaseCommand

from map.releases.publishing import propose_release


class Command(BaseCommand):
    help = "Propose this month's release of the camera data to the editors, if one is due."

    def handle(self, *args, **options):
        proposal = propose_release()
        if proposal is None:
            self.stdout.write("No release proposed.")
        else:
            self.stdout.write(
                f"Release proposed: {proposal.changed_cameras} camera(s) changed since the last."
            )
