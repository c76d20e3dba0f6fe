from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalisedSitemap(Sitemap):
    """Wagtail's sitemap lists one language tree; ours lists the site in every language."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for localised_root in Page.objects.filter(translation_key=root.translation_key):
            trees |= Page.objects.descendant_of(localised_root, inclusive=True)
        return trees.live().public().order_by("path").defer_streamfields().specific()
