from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.languages import default_language
from home.scripts import CYRILLIC


class LocalisedSitemap(Sitemap):
    """Wagtail's sitemap lists one language tree; ours lists the site in every language."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for localised_root in Page.objects.filter(translation_key=root.translation_key):
            trees |= Page.objects.descendant_of(localised_root, inclusive=True)
        return trees.live().public().order_by("path").defer_streamfields().specific()


class CyrillicSitemap(LocalisedSitemap):
    """The Serbian pages again, at their Cyrillic twins' addresses (home/scripts.py)."""

    def items(self):
        return super().items().filter(locale__language_code=default_language())

    def _urls(self, page, protocol, domain):
        with translation.override(CYRILLIC):
            return super()._urls(page, protocol, domain)
