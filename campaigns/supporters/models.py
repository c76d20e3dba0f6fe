"""Supporters: people who joined the initiative with an account (the page they join on is
pages.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.consent import ConsentRecord
from map.models import Municipality

__all__ = ["Supporter", "SupporterHelp", "WayToHelp"]


class WayToHelp(models.TextChoices):
    CAMERAS = "cameras", _("Mapping cameras")
    LEGAL = "legal", _("Legal help")
    COMMUNICATIONS = "communications", _("Communications")
    EVENTS = "events", _("Events")
    TECHNICAL = "technical", _("Technical help")


class Supporter(ConsentRecord):
    """A supporter's answers when joining; the account itself is allauth's user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="supporter",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    newsletter = models.BooleanField(_("newsletter"), default=False)
    # Mapping: once a month, the cameras in their municipality that need a re-check
    # (campaigns/supporters/recheck_mail.py); when that mail last went, in the language they
    # joined in.
    recheck_mail = models.BooleanField(_("monthly list of cameras to re-check"), default=False)
    recheck_mail_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE, editable=False)
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        permissions = [("export_supporter", _("Can export supporters who agreed to be contacted"))]

    def __str__(self):
        return self.first_name

    def ways(self):
        """The ways to help, in WayToHelp's order. Reads the prefetched rows when there are."""
        chosen = {row.way for row in self.helps.all()}
        return [way for way in WayToHelp if way in chosen]

    def set_ways(self, ways):
        """Make the stored ways exactly `ways` (codes of WayToHelp)."""
        ways = set(ways)
        self.helps.exclude(way__in=ways).delete()
        existing = set(self.helps.values_list("way", flat=True))
        SupporterHelp.objects.bulk_create(
            SupporterHelp(supporter=self, way=way) for way in sorted(ways - existing)
        )


class SupporterHelp(models.Model):
    """One way a supporter wants to help. A row per way, not a list in a JSON field: a plain
    join filters the admin's listing by it alike on SQLite and PostgreSQL, and an index
    serves it."""

    supporter = models.ForeignKey(
        Supporter, verbose_name=_("supporter"), on_delete=models.CASCADE, related_name="helps"
    )
    way = models.CharField(_("way to help"), max_length=20, choices=WayToHelp.choices)

    class Meta:
        verbose_name = _("way to help")
        verbose_name_plural = _("ways to help")
        constraints = [
            models.UniqueConstraint(fields=["supporter", "way"], name="one_row_per_way"),
        ]
        indexes = [models.Index(fields=["way", "supporter"])]

    def __str__(self):
        return self.get_way_display()
