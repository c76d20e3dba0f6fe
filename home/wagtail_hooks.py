"""Wagtail hooks of the ground floor: restricted content behind the staff's second factor; no page
moved to an address a route of the site answers."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from .page_forms import route_taken_message, route_taking
from .staff_mfa import check_restricted_content


@hooks.register("before_serve_page")
def second_factor_for_private_pages(page, request, serve_args, serve_kwargs):
    return check_restricted_content(request, page.get_view_restrictions)


@hooks.register("before_serve_document")
def second_factor_for_private_documents(document, request):
    return check_restricted_content(request, document.collection.get_view_restrictions)


@hooks.register("before_move_page")
def no_page_moved_under_a_route(request, page, destination):
    """A page moved keeps its slug: where a route of the site answers that address under its
    new parent, it would never be seen (home/page_forms.py checks adding, editing, copying)."""
    address = route_taking(destination, page.slug)
    if address is not None:
        messages.error(request, route_taken_message(address))
        return redirect("wagtailadmin_pages:move", page.pk)
    return None
