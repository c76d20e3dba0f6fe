from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
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


@requires_csrf_token
def server_error(request):
    """The 500 page in the reader's language, without touching the database that may be down."""
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
