"""The site's page querysets: which pages are public, asked in the same query as the pages.

Wagtail's `PageQuerySet.public()` first reads every view restriction in a query of its own and
then builds a condition from their paths: one more query for each list of pages on a page (the
home page lists four kinds). Here the same test, "no restriction on the page or an ancestor", is
a subquery of the pages' own query: a restriction's page is an ancestor or the page itself
exactly when its tree path starts the page's path (treebeard's materialised paths).
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.models import PageManager, PageQuerySet, PageViewRestriction


def in_private_section():
    """True for a page under a view restriction (on it or on an ancestor), in the pages' query."""
    return Q(
        Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))
    )


class SitePageQuerySet(PageQuerySet):
    def private_q(self):
        # public() and not_public() both ask this.
        return in_private_section()


SitePageManager = PageManager.from_queryset(SitePageQuerySet)
