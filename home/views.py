import sys
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.utils import InterfaceError, OperationalError
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from wagtail.models import Locale, Page

from . import social_images
from .models import OrganisationSettings
from .search import (
    SEARCH_SUGGESTIONS_HOOK,
    excerpt,
    highlight,
    matching_pages,
    page_text,
    parse_query,
    planned_for_the_index,
    result_groups,
)

# Errors that say the database could not be reached or answer, not that a query was wrong.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
RESULTS_PER_PAGE = 10


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def favicon_ico(request):
    """/favicon.ico, asked for by clients that ignore the SVG icon (Safari, feed readers).

    A temporary redirect to the PNG icon: its hashed file name changes with the image.
    """
    return HttpResponseRedirect(static("img/apple-touch-icon.png"))


# A default image's address names its version: it never changes, so browsers and the networks'
# crawlers may keep it for a year.
SOCIAL_IMAGE_MAX_AGE = 365 * 24 * 3600


@require_safe
def social_image(request, page_id, version):
    """/social/<page id>-<version>.png: a live, public page's default Open Graph image
    (home/social_images.py). Only its current versions exist (its own script's and Cyrillic):
    any other address is a 404, so nobody can make us draw more than two images per title."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    site_name = OrganisationSettings.for_request(request).name
    if page is None:
        raise Http404
    versions = social_images.current_versions(page, site_name)
    if version not in versions:
        raise Http404
    response = HttpResponse(
        social_images.image_bytes(page, version, versions), content_type="image/png"
    )
    patch_cache_control(response, public=True, max_age=SOCIAL_IMAGE_MAX_AGE, immutable=True)
    return response


# The error handlers read nothing of the request but its language. Django's own are decorated
# with requires_csrf_token, which reads request.POST again: a body Django refused to parse (a
# form in UTF-16, too many fields) raised once more inside the handler, and the client got the
# server's bare error page instead of ours.
def bad_request(request, exception=None):
    """The 400 page: something in the request itself (its body, a parameter) was wrong."""
    return HttpResponseBadRequest(loader.render_to_string("400.html", request=request))


def server_error(request):
    """The 500 page in the reader's language, without touching the database that may be down.

    When the database is what failed (stopped, unreachable, timed out: Django's
    OperationalError and InterfaceError), a 503 with Retry-After instead: the site is not
    broken, only unavailable for a moment, and a load balancer or a client may try again.
    Django calls this handler while it handles the exception, so sys.exc_info() names it.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(loader.render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html", request=request))


@require_safe
def search(request):
    """Live public pages of the reader's language that have every word of the query in any of
    its forms, or, when none has them all, any of them; the pages ten at a time, each with a
    snippet of its text around the words; above them the other apps' groups of results
    (places on the map, glossary terms), and their suggestions when nothing is found."""
    locale = Locale.get_active()
    query = parse_query(request.GET.get("q", ""), locale.language_code)
    context = {"query": query.text, "terms": query.words}
    if not query.words:
        # No query, or one without a single letter or digit: the form alone.
        return render(request, "search.html", context)
    with planned_for_the_index():
        results = search_results(request, locale, query.stems, "and")
        # Any word will do when no page has them all ("kako da prijavim kameru").
        if not results and len(query.stems) > 1:
            query.operator = "or"
            results = search_results(request, locale, query.stems, "or")
    # Said only over pages found with some of the words, not over "nothing matches".
    some_words = query.operator == "or" and bool(results)
    # Within a page of results, what readers can no longer act on (a closed petition, a past
    # event: such pages say `is_finished`) comes after what they can, in the search's order.
    results.object_list = sorted(results, key=lambda page: getattr(page, "is_finished", False))
    for page in results:
        page.search_title = highlight(page.title, query.searched, query.language)
        page.search_snippet = excerpt(page_text(page), query.searched, language=query.language)
        page.search_summary = getattr(page, "meta_description", page.search_description)
        page.search_url = page.get_url(request)
    groups = result_groups(request, query) if results.number == 1 else []
    context.update(
        results=results,
        some_words=some_words,
        result_groups=groups,
        # No page, but places or glossary terms: "0 pages found" would read as nothing found.
        only_other_matches=not results.paginator.count and bool(groups),
        query_string=urlencode({"q": query.text}),
    )
    if not results and not groups:
        context["suggestions"] = result_groups(request, query, SEARCH_SUGGESTIONS_HOOK)
    return render(request, "search.html", context)


def search_results(request, locale, stems, operator):
    """The page of results the request asks for (`page`), its pages read."""
    pages = matching_pages(locale, stems, operator)
    results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    # Run the search once: the template asks for the length before going through them.
    results.object_list = list(results.object_list)
    return results
