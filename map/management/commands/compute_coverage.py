"""`manage.py compute_coverage`: what the cameras see of every street segment, again
(map/streets/coverage.py)."""

from django.core.management.base import BaseCommand

from map.streets.coverage import compute_coverage


class Command(BaseCommand):
    help = "Compute how much of each street segment each camera network sees."

    def handle(self, *args, **options):
        self.stdout.write(f"Coverage computed for {compute_coverage()} segments.")
