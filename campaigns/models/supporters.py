"""Supporters: people who joined the initiative with an account, and the page they join on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models import BasePage
from map.models import Municipality

from .consent import ConsentRecord

__all__ = ["JoinPage", "Supporter", "SupporterHelp", "WayToHelp"]


class WayToHelp(models.TextChoices):
    CAMERAS = "cameras", _("Mapping cameras")
    LEGAL = "legal", _("Legal help")
    COMMUNICATIONS = "communications", _("Communications")
    EVENTS = "events", _("Events")
    TECHNICAL = "technical", _("Technical help")


class JoinPage(BasePage):
    """Why join and what supporters do, with the sign-up form (campaigns/supporters.py)."""

    intro = models.TextField(_("Introduction"), max_length=500, blank=True)
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Why join"),
        blank=True,
        help_text=_("Why join and what supporters do. The join form follows it."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("Join page")
        verbose_name_plural = _("Join pages")

    @property
    def summary(self):
        return self.intro

    def serve(self, request, *args, **kwargs):
        from campaigns.supporters import join

        return join(request, self)


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
