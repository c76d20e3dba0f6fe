"""The page people join the initiative on."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from campaigns.supporters.joining import join
from home.blocks import BaseStreamBlock
from home.models import IntroPage
from home.page_cache import free_text

__all__ = ["JoinPage"]


class JoinPage(IntroPage):
    """Why join and what supporters do, with the sign-up form (joining.py)."""

    site_section = True

    # Where to go after joining (allauth's sign-up sends people here with it): any address
    # anyone may write, so a page with one is rendered for its reader and never kept.
    cache_query_params = {"next": free_text}

    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Why join"),
        blank=True,
        help_text=_("Why join and what supporters do. The join form follows it."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = [*IntroPage.content_panels, FieldPanel("body")]
    search_fields = [*IntroPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("Join page")
        verbose_name_plural = _("Join pages")

    @property
    def summary(self):
        return self.intro

    def serve(self, request, *args, **kwargs):
        return join(request, self)
