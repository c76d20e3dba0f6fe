"""The page people join the initiative on."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from campaigns.supporters.joining import join
from home.blocks import BaseStreamBlock
from home.models import BasePage

__all__ = ["JoinPage"]


class JoinPage(BasePage):
    """Why join and what supporters do, with the sign-up form (joining.py)."""

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
        return join(request, self)
