"""Menus and the language switcher, each link in the reader's language."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.models import NavigationSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menus(context):
    """The main and footer menus' links, each page in the reader's language.

    Both menus come from one query: the chosen pages and their translations into the
    active language, preferring the translation.
    """
    request = context["request"]
    current = context.get("page")
    navigation = NavigationSettings.for_request(request)
    menus = {"main": navigation.main_menu, "footer": navigation.footer_menu}
    chosen = {name: [block["value"] for block in menu.raw_data] for name, menu in menus.items()}
    chosen_ids = {page_id for ids in chosen.values() for page_id in ids}
    if not chosen_ids:
        return {name: [] for name in menus}

    pages = (
        Page.objects.live()
        .select_related("locale")
        .filter(
            Q(id__in=chosen_ids)
            | Q(
                locale__language_code=get_language(),
                translation_key__in=Page.objects.filter(id__in=chosen_ids).values(
                    "translation_key"
                ),
            )
        )
    )
    by_id = {page.id: page for page in pages}
    localised = {
        page.translation_key: page
        for page in by_id.values()
        if page.locale.language_code == get_language()
    }
    result = {}
    for name, ids in chosen.items():
        links = []
        for page_id in ids:
            page = by_id.get(page_id)
            if page is None:  # unpublished or deleted since it was chosen
                continue
            page = localised.get(page.translation_key, page)
            url = page.get_url(request)
            if url is not None:
                # A section's link stays marked on its subpages; the home page's only on itself.
                is_current = current is not None and (
                    current.pk == page.pk or (page.depth > 2 and current.path.startswith(page.path))
                )
                links.append({"title": page.title, "url": url, "is_current": is_current})
        result[name] = links
    return result


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of this page, or that language's home page.

    Pages without a translation lead to the home page rather than to a missing address.
    """
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
    links = []
    active = get_language()
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif page is not None and code != active:
            url = _home_url(request, code)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_active": code == active,
                "is_translation": target is not None,
            }
        )
    return links


def _home_url(request, language_code):
    site = Site.find_for_request(request)
    if site is None:
        return "/"
    home = (
        Page.objects.live()
        .filter(translation_key=site.root_page.translation_key, locale__language_code=language_code)
        .first()
    )
    return home.get_url(request) if home else "/"


@register.simple_tag(takes_context=True)
def absolute_url(context, target):
    """The full address of a page or a path on this site, as the visitor reached it."""
    request = context["request"]
    if isinstance(target, Page):
        target = target.get_url(request)
    return request.build_absolute_uri(target)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The pages above `page`, from its language's home page down, as (title, url) pairs."""
    request = context["request"]
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return [(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors]


@register.filter
def json_ld(data):
    """A <script> of structured data, safe to put in HTML (as Django's json_script does)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    for character, escaped in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        text = text.replace(character, escaped)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def breadcrumb_list(context, page, crumbs):
    """schema.org BreadcrumbList of the crumbs and the page itself."""
    request = context["request"]
    items = [*crumbs, (page.title, page.get_url(request))]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": title,
                "item": request.build_absolute_uri(url),
            }
            for position, (title, url) in enumerate(items, start=1)
        ],
    }
