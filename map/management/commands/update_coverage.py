"""`manage.py update_coverage`: the street segments whose coverage is missing or was computed
under other assumptions, computed (map/streets/coverage.py update_stale_coverage). The
scheduler runs it every minute (one query when nothing is stale): new streets and changed
settings send no signal."""

from django.core.management.base import BaseCommand

from map.streets.coverage import update_stale_coverage


class Command(BaseCommand):
    help = (
        "Compute the coverage of the street segments that have none yet, or whose coverage "
        "was computed under other assumptions (CAMERA_VIEWS, CAMERA_VIEW_UNKNOWN, "
        "STREET_COVERAGE_CRS)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Coverage computed for {update_stale_coverage()} segments.")
