"""`manage.py publish_release`: publish the next release of the camera data now, as an
editor's "Publish" in the admin does (map/releases/publishing.py)."""

from django.core.management.base import BaseCommand

from map.releases.models import NOTE_MAX_LENGTH
from map.releases.publishing import publish_release


class Command(BaseCommand):
    help = "Freeze the cameras as they are now into the next numbered release."

    def add_arguments(self, parser):
        parser.add_argument("--note", default="", help="The note, in the default language.")
        parser.add_argument("--note-en", default="", help="The note in English.")

    def handle(self, *args, note, note_en, **options):
        release = publish_release(note[:NOTE_MAX_LENGTH], note_en[:NOTE_MAX_LENGTH])
        counts = release.counts
        self.stdout.write(
            f"Release {release.number} published: {counts['cameras']} cameras; "
            f"{counts['added']} added, {counts['retired']} retired, {counts['removed']} removed, "
            f"{counts['moved']} moved, {counts['changed']} changed."
        )
