"""Wagtail hooks of the ground floor: restricted content behind the staff's second factor; no page
moved to an address a route of the site answers; the Cyrillic pages' exceptions list and the
rich text mark for words kept in Latin."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail.features import InlineStyleFeature
from wagtail.admin.ui.tables import Column
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import page_cache
from .accounts.staff_mfa import check_restricted_content
from .blocks import KEEP_LATIN
from .models import TransliterationException
from .page_forms import (
    route_taken_message,
    route_taking,
    subpage_route_taken_message,
    subpage_taking_route,
)


@hooks.register("before_serve_page")
def second_factor_for_private_pages(page, request, serve_args, serve_kwargs):
    return check_restricted_content(request, page.get_view_restrictions)


# Whether an anonymous reader's copy of the page may be kept (home/page_cache.py). A page with
# view restrictions answers with Wagtail's never-cache headers, so it never is.
hooks.register("before_serve_page", page_cache.before_serve)


@hooks.register("before_serve_document")
def second_factor_for_private_documents(document, request):
    return check_restricted_content(request, document.collection.get_view_restrictions)


def move_refused(page, destination):
    """Why `page` may not move under `destination`, or None: it keeps its slug, and it and its
    subpages would never be seen where a route of the site answers their new addresses."""
    address = route_taking(destination, page.slug)
    if address is not None:
        return route_taken_message(address)
    clash = subpage_taking_route(page, destination, page.slug)
    return None if clash is None else subpage_route_taken_message(*clash)


@hooks.register("before_move_page")
def no_page_moved_under_a_route(request, page, destination):
    """Moving one page (home/page_forms.py checks adding, editing, copying)."""
    refused = move_refused(page, destination)
    if refused is not None:
        messages.error(request, refused)
        return redirect("wagtailadmin_pages:move", page.pk)
    return None


@hooks.register("before_bulk_action")
def no_pages_bulk_moved_under_a_route(request, action_type, objects, action_class_instance):
    """Moving several pages from a listing at once: none moves if one may not."""
    if action_type != "move" or not all(isinstance(page, Page) for page in objects):
        return None
    destination = action_class_instance.cleaned_form.cleaned_data.get("chooser")
    for page in objects:
        refused = move_refused(page, destination)
        if refused is not None:
            messages.error(request, refused)
            return redirect(request.get_full_path())
    return None


class TransliterationExceptionViewSet(SnippetViewSet):
    """The words the Cyrillic pages write in a form of their own or leave in Latin: editors and
    moderators keep the list (home/migrations/0010 gives them its permissions)."""

    model = TransliterationException
    icon = "edit"
    menu_label = _("Cyrillic exceptions")
    list_display = [
        "word",
        Column("on_cyrillic_pages", label=_("On Cyrillic pages")),
        "reason",
    ]
    search_fields = ["word", "cyrillic", "reason"]
    search_backend_name = None


register_snippet(TransliterationExceptionViewSet)


@hooks.register("register_rich_text_features")
def keep_latin_feature(features):
    """A mark for words that stay in Latin on the Cyrillic pages (a name, a quotation), kept in
    the text as <span translate="no">, which home/cyrillic.py leaves as it is."""
    style = KEEP_LATIN.upper().replace("-", "_")
    features.register_editor_plugin(
        "draftail",
        KEEP_LATIN,
        InlineStyleFeature(
            {
                "type": style,
                "label": "Lat",
                "description": _("Not transliterated into Cyrillic"),
                # Seen as marked in the editor; the pages show it as any other text.
                "style": {"textDecoration": "underline dotted"},
            }
        ),
    )
    features.register_converter_rule(
        "contentstate",
        KEEP_LATIN,
        {
            "from_database_format": {'span[translate="no"]': InlineStyleElementHandler(style)},
            "to_database_format": {
                "style_map": {style: {"element": "span", "props": {"translate": "no"}}}
            },
        },
    )
