"""The site's own routes' addresses in a given language, whatever language a test left active.

The words of these addresses are translated (/mapa/prijava/, /en/map/report/; map/urls.py), and
a request under /en/ leaves English active in the test's thread: a bare reverse() after it gives
the English address.
"""

from django.urls import reverse
from django.utils import translation


def in_serbian(name, *args):
    with translation.override("sr-latn"):
        return reverse(name, args=args)


def in_english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


# The words of the pages' own sub-routes (home/page_routes.py): a Serbian page's for each
# English one. English pages keep the English words, which Serbian pages redirect to theirs.
SERBIAN_SUB_PATHS = {
    "thanks/": "hvala/",
    "registered/": "upis/",
    "confirm/": "potvrda/",
    "cancel/": "otkazivanje/",
    "feed/": "rss/",
    "feed/atom/": "atom/",
    "event.ics": "kalendar.ics",
}
