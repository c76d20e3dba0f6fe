"""Wagtail hooks of the ground floor: restricted content behind the staff's second factor; no page
moved to an address a route of the site answers."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.models import Page

from . import page_cache
from .accounts.staff_mfa import check_restricted_content
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
