import sys
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.utils import InterfaceError, OperationalError
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from knowledge.models import GlossaryPage, GlossaryTerm, KnowledgeIndexPage, Topic

from .search import (
    clean_query,
    excerpt,
    highlight,
    matching_pages,
    page_text,
    planned_for_the_index,
    search_terms,
)

# Errors that say the database could not be reached or answer, not that a query was wrong.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
RESULTS_PER_PAGE = 10
# Glossary terms shown above the pages: the few closest, the glossary has the rest.
GLOSSARY_RESULTS = 5


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


@require_GET
def search(request):
    """Live public pages and glossary terms of the reader's language that have every word of
    the query, the pages ten at a time, each with a snippet of its text around the words."""
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    context = {"query": query, "terms": terms}
    if not terms:
        # No query, or one without a single letter or digit: the form alone.
        return render(request, "search.html", context)
    locale = Locale.get_active()
    words = " ".join(terms)
    pages = matching_pages(locale, terms)
    with planned_for_the_index():
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        # Run the search once: the template asks for the length before going through them.
        results.object_list = list(results.object_list)
    for page in results:
        page.search_title = highlight(page.title, terms)
        page.search_snippet = excerpt(page_text(page), terms)
        page.search_summary = getattr(page, "meta_description", page.search_description)
        page.search_url = page.get_url(request)
    glossary = GlossaryPage.objects.live().public().filter(locale=locale).first()
    glossary_url = glossary.get_url(request) if glossary else None
    terms_found = []
    if glossary_url and results.number == 1:
        in_locale = GlossaryTerm.objects.filter(locale=locale)
        found = get_search_backend().search(words, in_locale, operator="and")
        terms_found = list(found[:GLOSSARY_RESULTS])
        for term in terms_found:
            term.url = term.get_url(glossary_url)
    context.update(
        results=results,
        glossary_terms=terms_found,
        query_string=urlencode({"q": query}),
    )
    if not results and not terms_found:
        knowledge = KnowledgeIndexPage.objects.live().public().filter(locale=locale).first()
        context.update(
            glossary_url=glossary_url,
            knowledge_url=knowledge.get_url(request) if knowledge else None,
            topics=list(Topic.objects.filter(locale=locale)) if knowledge else [],
        )
    return render(request, "search.html", context)
