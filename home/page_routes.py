"""Pages' own sub-routes (RoutablePageMixin) with their words in the page's language.

A Serbian petition's thanks page is `…/hvala/`, an English one's `…/thanks/`. The words are
not translated lazily (pgettext_lazy, as the site's own routes in map/urls.py are): Wagtail
builds one resolver per page class and keeps it on the class, and a lazy pattern follows the
*active* language, while a link must follow the page's: the worker builds a mail in the
recipient's language, which may not be the page's, and the English words a Serbian page
had before must go on resolving there, since mails with them are out for ever. So each
translated sub-route is registered twice with plain words, the English under its name and
the Serbian under `<name>.sr` (translated_path), and the page picks one by its own locale:
reverse_subpage (and with it the `routablepageurl` tag) gives the page's language's words,
and the English words on a Serbian page redirect to the Serbian ones (301, 308 for a POST so
the body is sent again), arguments (tokens) and query string kept. English pages answer only
their English words, as before: Serbian words there are no sub-route, so they hide no child
page (a news item at `…/news/atom/`, say).
"""

import types

from django.http import Http404, HttpResponsePermanentRedirect
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .locales import language_code

# The suffix of a sub-route's name for its Serbian words.
SERBIAN = ".sr"


def translated_path(english, serbian, name=None):
    """Route a page's view at its English words and, for Serbian pages, at its Serbian ones.

    Wagtail's `path` decorator, applied twice: `name` (the view's name by default) reverses to
    the English words, `<name>.sr` to the Serbian. Keep converters out of the words' change
    (`potvrda/<str:token>/` for `confirm/<str:token>/`), so both take the same arguments.
    """

    def decorator(view):
        route_name = name or view.__name__
        view = path(english, name=route_name)(view)
        return path(serbian, name=route_name + SERBIAN)(view)

    return decorator


def is_serbian(page):
    return language_code(page.locale_id).split("-")[0] == "sr"


class LocalisedRoutablePageMixin(RoutablePageMixin):
    """RoutablePageMixin whose translated_path routes take the words of the page's language."""

    def subpage_route_name(self, name):
        """The name of route `name` in this page's language: `<name>.sr` on a Serbian page
        when the route has Serbian words, else `name`."""
        base = name.removesuffix(SERBIAN)
        serbian = base + SERBIAN
        # The routes first: an untranslated one (the page itself) never reads the locale.
        translated = any(route.name == serbian for route in self.get_resolver().url_patterns)
        return serbian if translated and is_serbian(self) else base

    def reverse_subpage(self, name, args=None, kwargs=None):
        return super().reverse_subpage(self.subpage_route_name(name), args, kwargs)

    def resolve_subpage(self, path):
        match = super().resolve_subpage(path)
        own_name = self.subpage_route_name(match.url_name)
        if match.url_name != own_name:
            if match.url_name.endswith(SERBIAN):
                # Serbian words on a page in another language: not its route (route() then
                # tries the child pages).
                raise Http404
            # The English words on a Serbian page: on to its own, as a bound method like the
            # views (campaigns/routing.py compares the view's function).
            match.func = types.MethodType(_moved(own_name), self)
        return match


def _moved(route_name):
    def moved(page, request, *args, **kwargs):
        target = page.get_url(request) + page.reverse_subpage(route_name, args, kwargs)
        query = request.META.get("QUERY_STRING", "")
        if query:
            target += "?" + query
        response = HttpResponsePermanentRedirect(target)
        if request.method not in ("GET", "HEAD"):
            # A form loaded from the old words and sent after the move: the browser sends the
            # same body to the new address (a 301 would turn it into a GET).
            response.status_code = 308
        return response

    return moved
