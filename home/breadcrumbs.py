"""`Crumb`: a page that is not a Wagtail page (a camera's, a Django view's) as
components/breadcrumbs.html takes a page, under the Wagtail page it belongs to."""

from dataclasses import dataclass

from wagtail.models import Page


@dataclass
class Crumb:
    """A title and an address under `parent` (None: under the home page alone)."""

    title: str
    url: str
    parent: Page | None

    def get_url(self, request=None):
        return self.url

    def get_ancestors(self):
        if self.parent is None:
            return Page.objects.none()
        return Page.objects.ancestor_of(self.parent, inclusive=True)
