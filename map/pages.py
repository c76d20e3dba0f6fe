"""The camera map's page: the map, its filters, and the same figures as a table and a chart."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_permissions_policy import PermissionsPolicyMiddleware
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage
from home.page_cache import choice_of, free_text
from home.sections import section

from .blocks import CameraMapStreamBlock
from .figure_cache import cached_municipalities, cached_municipality_figures
from .filters import CameraFilterForm
from .versions import camera_data_version


class MapPage(BasePage):
    """The camera map, with the same figures as a table and a chart for use without the map."""

    intro = models.TextField(_("Introduction"), max_length=500, blank=True)
    body = StreamField(CameraMapStreamBlock(), verbose_name=_("Body"), blank=True)

    parent_page_types = ["home.HomePage"]
    # No children: under its address, /mapa/… and /en/map/…, map/urls.py's routes (tried
    # first) would hide them (tests/map/test_translated_urls.py).
    subpage_types = []
    max_count_per_parent = 1
    template = "map/map_page.html"
    site_section = True

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("Camera map page")
        verbose_name_plural = _("Camera map pages")

    @property
    def summary(self):
        return self.intro

    # Its filters, kept for the values their form offers, and the place searched for
    # (map/templatetags/camera_map_tags.py): free text, rendered for its reader, never kept.
    cache_query_params = {
        **{name: choice_of(field) for name, field in CameraFilterForm.base_fields.items()},
        "place": free_text,
    }

    @classmethod
    def for_language(cls, language_code):
        """The live map page in a language, or None: where links to "the map" lead."""
        return section(cls, language_code)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # "Near me" asks the browser for the reader's position, which never leaves it.
        response._permissions_policy_override = PermissionsPolicyMiddleware.compute_header_value(
            {**settings.PERMISSIONS_POLICY, "geolocation": ["self"]}, name="map page"
        )
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # From the cache (map/figure_cache.py), so their time does not grow with the cameras;
        # both under the one version read here.
        version = camera_data_version()
        municipality_list = cached_municipalities(version)
        form = CameraFilterForm(
            request.GET,
            municipalities=[(item.slug, item.local_name) for item in municipality_list],
        )
        filters = form.values()
        figures = cached_municipality_figures(filters, municipality_list, version)
        context.update(
            filter_form=form,
            filters=filters,
            # How many filters differ from the defaults: the closed filter panel says so.
            active_filters=sum(
                1 for name, value in filters.items() if value and value != form.initial.get(name)
            ),
            municipalities=municipality_list,
            figures=figures,
        )
        return context
