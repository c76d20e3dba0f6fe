"""Wagtail hooks of the ground floor: restricted content behind the staff's second factor."""

from wagtail import hooks

from .staff_mfa import check_restricted_content


@hooks.register("before_serve_page")
def second_factor_for_private_pages(page, request, serve_args, serve_kwargs):
    return check_restricted_content(request, page.get_view_restrictions)


@hooks.register("before_serve_document")
def second_factor_for_private_documents(document, request):
    return check_restricted_content(request, document.collection.get_view_restrictions)
