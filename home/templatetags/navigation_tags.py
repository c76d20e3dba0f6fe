"""Menus and the language switcher, each link in the reader's language."""

import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.languages import content_language, language_tag
from home.models import NavigationSettings

register = template.Library()

# Serbian in its two scripts (home/scripts.py): "Lat", "Ћир" where the header is one row.
SCRIPTS = ("sr-latn", "sr-cyrl")
SHORT = 3


def _menu_ids(request):
    """{"main": [page id, ...], "footer": [...]}: the menus' choices."""
    navigation = NavigationSettings.for_request(request)
    return {
        "main": [block["value"] for block in navigation.main_menu.raw_data],
        "footer": [block["value"] for block in navigation.footer_menu.raw_data],
    }


def _site_pages(context):
    """The menus' chosen pages, the current page's live translations and its ancestors, from
    one query for the three tags (the menus, the language switcher, the breadcrumbs), once per
    request and language.

    Returns the menus' chosen ids (`_menu_ids`), the chosen live pages by id, their live
    translations into the active language by translation key, the current page's live
    translations by language code and its ancestors below the tree's root, from the top.
    """
    request = context["request"]
    current = context.get("page")
    current = current if isinstance(current, Page) and current.pk else None
    key = (get_language(), current.pk if current else None)
    memo = getattr(request, "_site_pages", None)
    if memo is not None and memo[0] == key:
        return memo[1]
    menus = _menu_ids(request)
    chosen_ids = {page_id for ids in menus.values() for page_id in ids}
    wanted = Q(id__in=chosen_ids, live=True) | Q(
        live=True,
        locale__language_code=content_language(),
        translation_key__in=Page.objects.filter(id__in=chosen_ids).values("translation_key"),
    )
    ancestor_paths = set()
    if current is not None:
        # The ancestors' paths are the current page's path's prefixes (treebeard's paths),
        # from depth 2 (the root, depth 1, is no crumb).
        step = Page.steplen
        ancestor_paths = {current.path[:end] for end in range(2 * step, len(current.path), step)}
        wanted |= Q(translation_key=current.translation_key, live=True) | Q(path__in=ancestor_paths)
    pages = (
        list(Page.objects.select_related("locale").filter(wanted))
        if chosen_ids or current is not None
        else []
    )
    live = [page for page in pages if page.live]
    by_id = {page.id: page for page in live if page.id in chosen_ids}
    chosen_keys = {page.translation_key for page in by_id.values()}
    localised = {
        page.translation_key: page
        for page in live
        if page.translation_key in chosen_keys and page.locale.language_code == content_language()
    }
    translations = {
        page.locale.language_code: page
        for page in live
        if current is not None and page.translation_key == current.translation_key
    }
    ancestors = sorted(
        (page for page in pages if page.path in ancestor_paths), key=lambda page: page.path
    )
    result = (menus, by_id, localised, translations, ancestors)
    request._site_pages = (key, result)
    return result


@register.simple_tag(takes_context=True)
def site_menus(context):
    """The main and footer menus' links, each page in the reader's language.

    Both menus come from one query (`_site_pages`, with the language switcher's): the chosen
    pages and their translations into the active language, preferring the translation.
    """
    request = context["request"]
    current = context.get("page")
    chosen, by_id, localised, _translations, _ancestors = _site_pages(context)
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
    """One link per reading language: the translation of this page, or that language's home
    page. Latin and Cyrillic are the same page in two scripts (home/scripts.py).

    Pages without a translation lead to the home page rather than to a missing address. The
    links go through `choose_language`, which remembers the choice; `url` is the address
    itself (for hreflang).
    """
    request = context["request"]
    page = context.get("page")
    translations = _site_pages(context)[3]
    links = []
    active = get_language()
    for code, name in settings.LANGUAGES:
        target = translations.get(content_language(code))
        if target is not None:
            with translation.override(code):
                url = target.get_url(request)
        elif page is not None and content_language(code) != content_language(active):
            with translation.override(code):
                url = _home_url(request, code)
        else:
            # Resolved in the reader's language, reversed in the other.
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "tag": language_tag(code),
                "name": name,
                # The scripts' names shortened in a wide header's row (site.css).
                "short": name[:SHORT] if code in SCRIPTS else "",
                "url": url,
                "choose_url": f"{reverse('choose_language', args=[code])}?"
                + urlencode({"next": url}),
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
        .filter(
            translation_key=site.root_page.translation_key,
            locale__language_code=content_language(language_code),
        )
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
    current = context.get("page")
    if isinstance(page, Page) and isinstance(current, Page) and current.pk == page.pk:
        ancestors = _site_pages(context)[4]  # read with the menus
    else:
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
