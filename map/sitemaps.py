"""The cameras' own pages for search engines: /sitemap-cameras.xml (robots.txt names it).

Apart from /sitemap.xml, the pages' sitemap, because there can be many more cameras than pages:
/sitemap-cameras.xml is an index of one sitemap per language, each in pages of at most
`CameraSitemap.limit` addresses (`?p=2`…). A request reads one such page (a count and one
slice of the cameras, by id), so its work stays bounded however many cameras there are.
Only verified cameras are listed: generated demo cameras are not real (their pages say
noindex), and reported ones are not yet checked. Addresses are the request's host, as
robots.txt gives it.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from .models import Camera


class CameraSitemap(Sitemap):
    """The verified cameras' pages in one language."""

    limit = 5000

    def __init__(self, language_code):
        self.language_code = language_code

    def cameras(self):
        return Camera.objects.filter(status=Camera.Status.VERIFIED).exclude(
            source=Camera.Source.DEMO
        )

    def items(self):
        # Pairs rather than cameras: the paginator slices this, one page at a time.
        return self.cameras().order_by("pk").values_list("pk", "updated_at")

    def location(self, item):
        pk, _ = item
        return f"{self.url_prefix}{pk}/"

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return self.cameras().aggregate(newest=Max("updated_at"))["newest"]

    @property
    def url_prefix(self):
        """A camera's address without its id: reversed once, not for each camera."""
        if not hasattr(self, "_url_prefix"):
            with translation.override(self.language_code):
                url = reverse("map:camera_page", args=[0])
            self._url_prefix = url.removesuffix("0/")
        return self._url_prefix


CAMERA_SITEMAPS = {code: CameraSitemap(code) for code, _ in settings.LANGUAGES}
