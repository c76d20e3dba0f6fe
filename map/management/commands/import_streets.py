"""`manage.py import_streets PATH`: the street network from an OpenStreetMap Overpass export
or an .osm.pbf extract (map/streets/importer.py), then, unless --no-coverage, what the
cameras see of it."""

from django.core.management.base import BaseCommand, CommandError

from map.streets.coverage import compute_coverage
from map.streets.importer import StreetImportError, import_streets


class Command(BaseCommand):
    help = (
        "Import the walkable and drivable streets from an Overpass API JSON export of ways "
        "with their geometry (out geom;) or an OpenStreetMap file (.osm.pbf, .osm). "
        "Re-importing updates the same ways; any invalid way aborts the whole import. "
        "Then computes the cameras' coverage of the streets."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to import.")
        parser.add_argument("--dry-run", action="store_true", help="Check; write nothing.")
        parser.add_argument(
            "--no-coverage", action="store_true", help="Import only; compute coverage later."
        )

    def handle(self, *args, path, dry_run, no_coverage, **options):
        try:
            result = import_streets(path, dry_run=dry_run)
        except StreetImportError as error:
            raise CommandError(str(error)) from None
        skipped = ", ".join(f"{count} {why}" for why, count in result.skipped.most_common())
        self.stdout.write(
            f"{result.ways} ways: {result.created} new, {result.updated} updated, "
            f"{result.unchanged} unchanged{'; skipped: ' + skipped if skipped else ''}"
            f"{' (dry run: nothing written)' if dry_run else ''}."
        )
        if not dry_run and not no_coverage:
            self.stdout.write(f"Coverage computed for {compute_coverage()} segments.")
