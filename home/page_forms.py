"""The admin's form for every page: a slug whose address the site's own routes answer is refused.

The site's own views (the camera report form at /mapa/prijava/, the search at /pretraga/, the
accounts under /accounts/…; portal/urls.py) are tried before Wagtail's pages, so a page at one
of their addresses would be saved and published but never seen. The editor is told at once,
on the slug, rather than finding out from readers.
"""

from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm

# The name of Wagtail's own view of pages: an address that resolves to it is the page's.
WAGTAIL_SERVE = "wagtail_serve"


def route_taking(parent_page, slug):
    """The address of a child of `parent_page` with this slug when a route of the site (not
    Wagtail) answers it, else None. One resolve, no query beyond the parent's address."""
    if parent_page is None or not slug:
        return None
    parts = parent_page.get_url_parts()
    if parts is None:  # the tree's root, or a page outside every site: no address
        return None
    address = f"{parts[2]}{slug}/"
    language = parent_page.locale.language_code
    # A Serbian page at /en/ or /en-…/ would be read as English, and not found.
    if translation.get_language_from_path(address) not in (None, language):
        return address
    with translation.override(language):
        try:
            match = resolve(address)
        except Resolver404:
            return None
    return None if match.url_name == WAGTAIL_SERVE else address


def route_taken_message(address):
    """What the editor is told when a route answers `address`."""
    return _(
        "The site's own page %(address)s has this address, so this page would "
        "never be seen there. Choose another slug."
    ) % {"address": address}


class SitePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        address = route_taking(self.parent_page, cleaned_data.get("slug"))
        if address is not None:
            self.add_error("slug", route_taken_message(address))
        return cleaned_data


class SiteCopyForm(CopyForm):
    """Wagtail's "Copy" form, with the same check: a copy gets a slug and a parent of its own.
    (Moving a page is checked in home/wagtail_hooks.py.)"""

    def clean(self):
        cleaned_data = super().clean()
        parent = cleaned_data.get("new_parent_page") or self.page.get_parent()
        address = route_taking(parent, cleaned_data.get("new_slug"))
        if address is not None:
            self.add_error("new_slug", route_taken_message(address))
        return cleaned_data
