"""A release of the camera dataset and the scheduler's monthly proposal of one."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The files of every release, in the order the pages list them (map/releases/files.py).
RELEASE_FILES = (
    "cameras.geojson",
    "cameras.csv",
    "municipalities.json",
    "changes.json",
    "changes.csv",
    "datapackage.json",
)
NOTE_MAX_LENGTH = 2000


class Release(models.Model):
    """A published, numbered snapshot of the cameras. Never edited after it is made: its
    files, figures and changes say what the data was at `published_at`."""

    number = models.PositiveIntegerField(_("number"), unique=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now, db_index=True)
    # The editor's words in each language; the English one falls back to the Serbian.
    note = models.TextField(_("note"), blank=True, max_length=NOTE_MAX_LENGTH)
    note_en = models.TextField(_("note in English"), blank=True, max_length=NOTE_MAX_LENGTH)
    # Where the files are in the default storage: "releases/<number>-<random>/".
    storage_prefix = models.CharField(max_length=100, unique=True, editable=False)
    # {file name: {"bytes": n, "sha256": hex, "gzip_bytes": n or absent}}
    files = models.JSONField(default=dict, editable=False)
    # The municipalities as map.camera_data.municipality_records() gave them, and totals.
    figures = models.JSONField(default=dict, editable=False)
    # Counts of cameras and of each kind of change since the previous release.
    counts = models.JSONField(default=dict, editable=False)
    # The first changes of each kind, for the release's page (the files have them all).
    changes_preview = models.JSONField(default=dict, editable=False)
    previous_number = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("release")
        verbose_name_plural = _("releases")

    def __str__(self):
        return str(_("Release %(number)s") % {"number": self.number})

    @property
    def local_note(self):
        """The note in the reader's language, else in the default one."""
        if get_language() != settings.LANGUAGE_CODE and self.note_en:
            return self.note_en
        return self.note


class ReleaseProposal(models.Model):
    """The scheduler proposed a release for this month (one a month, whichever node's clock
    ran the job): the editors were mailed, and the admin's dashboard says so."""

    month = models.DateField(unique=True)  # its first day
    proposed_at = models.DateTimeField(default=timezone.now)
    changed_cameras = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-month"]

    def __str__(self):
        return f"{self.month:%Y-%m}"
