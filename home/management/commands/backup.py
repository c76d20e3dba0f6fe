"""`manage.py backup`: a backup of the database and one of the media, with django-dbbackup,
into the backup storage (settings: BACKUP_DIR or BACKUP_S3_BUCKET); older ones beyond
BACKUP_KEEP are deleted. The scheduler runs it daily.

Restoring is dbbackup's own (README, "Backups"): `manage.py dbrestore` and `mediarestore`.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Back up the database and the media into the backup storage; keep the last BACKUP_KEEP."

    def handle(self, *args, **options):
        if not settings.BACKUPS:
            self.stdout.write("Backups are off (BACKUPS=false).")
            return
        call_command("dbbackup", clean=True, compress=True, noinput=True, verbosity=0)
        call_command("mediabackup", clean=True, compress=True, noinput=True, verbosity=0)
        self.stdout.write("Database and media backed up.")
