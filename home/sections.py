"""The site's sections: the one live, public page of a kind in each language that links on
other pages lead to (the map, the knowledge base, the news, the campaigns, "join").

A page type is a section when it says so (`site_section = True`). Every section of a language
is found in one query and kept while no page of those kinds changes (home/kept.py), so a page
that links to several of them (the home page links to four) reads none of them per render.
"""

from wagtail.models import Page, get_page_models

from home.languages import content_language

from .kept import kept
from .page_cache import model_version
from .page_queries import in_private_section


def section_types():
    return [model for model in get_page_models() if getattr(model, "site_section", False)]


def _find(language_code):
    """{page type's label: its first live public page in the language, in tree order}."""
    found = {}
    pages = (
        Page.objects.live()
        .exclude(in_private_section())
        .type(*section_types())
        .filter(locale__language_code=language_code)
        .order_by("path")
        .specific()
    )
    for page in pages:
        found.setdefault(page.specific_class._meta.label_lower, page)
    return found


def section(model, language_code=None):
    """The live public page of type `model` in a language (the active one by default): where
    links to that part of the site lead; None if it has none."""
    language_code = content_language(language_code)
    sections = kept(
        f"sections:{language_code}",
        [model_version(kind) for kind in section_types()],
        lambda: _find(language_code),
    )
    return sections.get(model._meta.label_lower)
