"""The knowledge base's part of the site search (home/search.py, home/views.py): the glossary
terms the reader named, in a box above the pages, and, when nothing is found, the topics to
browse and the whole glossary. knowledge/wagtail_hooks.py registers both under home's hooks
(home imports no other app)."""

from itertools import islice
from urllib.parse import urlencode

from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from home.search import ResultGroup, ResultItem, stems_of

from .models import GlossaryPage, GlossaryTerm, KnowledgeIndexPage, Topic

# Glossary terms shown above the pages: the few closest, the glossary has the rest.
GLOSSARY_RESULTS = 5
GLOSSARY_CANDIDATES = 50


def glossary_url(request, locale):
    """The address of the locale's glossary page, or None. A search that finds nothing needs it
    for the glossary box and again for the suggestions: it is kept on the request, so read once
    per request and never older than the request."""
    urls = request.__dict__.setdefault("_knowledge_glossary_urls", {})
    if locale.pk not in urls:
        glossary = GlossaryPage.objects.live().public().filter(locale=locale).first()
        urls[locale.pk] = glossary.get_url(request) if glossary else None
    return urls[locale.pk]


def glossary_results(request, query):
    """A ResultGroup of the glossary terms of the reader's language that the query names, or
    None."""
    locale = Locale.get_active()
    url = glossary_url(request, locale)
    if not url:
        return None
    in_locale = GlossaryTerm.objects.filter(locale=locale)
    found = get_search_backend().search(" ".join(query.stems), in_locale, operator=query.operator)
    # Only the terms the reader named (as the term, a variant or in its one-line definition):
    # a word deep in a term's explanation ("potpisanom" for "potpisi") is not what the box
    # above the pages promises. The index finds candidates; the best are checked.
    named = (term for term in found[:GLOSSARY_CANDIDATES] if names(query, term))
    items = [
        ResultItem(label=term.term, url=term.get_url(url), detail=term.definition)
        for term in islice(named, GLOSSARY_RESULTS)
    ]
    return ResultGroup(
        title=gettext("In the glossary"),
        items=items,
        template="knowledge/search_glossary.html",
    )


def names(query, term):
    """Whether the query names the glossary term: its stems (all of them, or with the query's
    operator "or" any) are among those of the term, its variants and its one-line definition."""
    text = " ".join([term.term, *term.variant_list, term.definition])
    stems = set(stems_of(text, query.language))
    wanted = set(query.stems)
    return wanted <= stems if query.operator == "and" else bool(wanted & stems)


def topic_suggestions(request, query):
    """When nothing is found: the topics of the explainers to browse, and the glossary."""
    locale = Locale.get_active()
    knowledge = KnowledgeIndexPage.objects.live().public().filter(locale=locale).first()
    items = []
    if knowledge:
        knowledge_url = knowledge.get_url(request)
        items = [
            ResultItem(label=topic.name, url=f"{knowledge_url}?{urlencode({'topic': topic.slug})}")
            for topic in Topic.objects.filter(locale=locale)
        ]
    url = glossary_url(request, locale)
    return ResultGroup(
        title=gettext("Or browse the explainers by topic:"),
        items=items,
        more=ResultItem(label=gettext("See every term in the glossary"), url=url) if url else None,
        template="knowledge/search_suggestions.html",
    )
