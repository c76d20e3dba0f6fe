"""`manage.py import_cameras PATH`: cameras from an OpenStreetMap export or a CSV table."""

from django.core.management.base import BaseCommand, CommandError

from map.importers import FORMATS, SOURCES, CameraImportError, import_cameras


class Command(BaseCommand):
    help = (
        "Import surveillance cameras from an Overpass API JSON export, a GeoJSON "
        "FeatureCollection or a CSV table with lat, lon and OSM-tag columns. Re-importing "
        "updates the same cameras; any invalid record aborts the whole import. New cameras "
        "are 'reported' until editors verify them. See map/importers.py for the details."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to import.")
        parser.add_argument(
            "--format",
            choices=FORMATS,
            help="The file's format; by default guessed from its name and content.",
        )
        parser.add_argument(
            "--source",
            choices=SOURCES,
            default="citizen",
            help=(
                "citizen (default): OpenStreetMap or citizens' data; police: the police's "
                "official list, whose cameras are marked as on the police list."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change, without writing anything.",
        )

    def handle(self, *args, path, format, source, dry_run, **options):
        try:
            result = import_cameras(path, format=format, source=source, dry_run=dry_run)
        except CameraImportError as error:
            raise CommandError(f"Nothing was imported. {error}") from None
        skipped = sum(result.skipped.values())
        self.stdout.write(f"Read {result.records} records ({result.format}) from {path}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {result.created}, updated {result.updated}, "
                f"unchanged {result.unchanged}, skipped {skipped}."
            )
        )
        for reason, count in sorted(result.skipped.items()):
            self.stdout.write(f"  skipped {count}: {reason}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
