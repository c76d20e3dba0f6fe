"""The admin's form for every page: a slug whose address the site's own routes answer is refused.

The site's own views (the camera report form at /mapa/prijava/, the search at /pretraga/, the
accounts under /accounts/…; portal/urls.py) are tried before Wagtail's pages, so a page at one
of their addresses would be saved and published but never seen. The editor is told at once,
on the slug, rather than finding out from readers. A page's subpages move with it: a new slug
(or a copy with its subpages, or a move: home/wagtail_hooks.py) must not put one of them there
either.
"""

from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.models import Page

from home.languages import language_of_path

# The name of Wagtail's own view of pages: an address that resolves to it is the page's.
WAGTAIL_SERVE = "wagtail_serve"


def route_taking(parent_page, slug):
    """The address of a child of `parent_page` with this slug when a route of the site (not
    Wagtail) or one of the parent's own sub-routes does, else None. A resolve or two, no
    query beyond the parent's address and language."""
    if parent_page is None or not slug:
        return None
    parts = parent_page.get_url_parts()
    if parts is None:  # the tree's root, or a page outside every site: no address
        return None
    address = f"{parts[2]}{slug}/"
    if route_answers(address, parent_page.locale.language_code):
        return address
    return address if parent_route_answers(parent_page, slug) else None


def parent_route_answers(parent_page, slug):
    """Whether one of the parent's own sub-routes (a RoutablePageMixin page's feed or thanks
    page, in its language: home/page_routes.py) answers `<slug>/`: Wagtail tries them before
    the parent's children, so a child there would never be seen (a Serbian news item "rss")."""
    resolve_subpage = getattr(parent_page.specific_deferred, "resolve_subpage", None)
    if resolve_subpage is None:
        return False
    try:
        resolve_subpage(f"/{slug}/")
    except Http404:
        return False
    return True


def route_answers(address, language):
    """Whether a route of the site (not Wagtail) answers `address` for a page in `language`."""
    # A Serbian page at /en/ or /en-…/ would be read as English, and not found; one at /cir/
    # as the Cyrillic pages' prefix (home/scripts.py).
    if translation.get_language_from_path(address) not in (None, language):
        return True
    if language_of_path(address) is not None:
        return True
    with translation.override(language):
        try:
            match = resolve(address)
        except Resolver404:
            return False
    return match.url_name != WAGTAIL_SERVE


def subpage_taking_route(page, parent_page, slug):
    """The first subpage (at any depth) of `page` that a route of the site would answer for,
    were `page` at `slug` under `parent_page`: (its title, that address), else None.

    Its new address is the page's new one and the subpage's slugs below the page, read from
    its url_path (the last `depth` parts): one query for all the subpages, whatever their
    number, and a resolve each.
    """
    if page is None or page.pk is None or parent_page is None or not slug:
        return None
    parts = parent_page.get_url_parts()
    if parts is None:
        return None
    base = f"{parts[2]}{slug}/"
    language = parent_page.locale.language_code
    subpages = (
        Page.objects.filter(path__startswith=page.path, depth__gt=page.depth)
        .order_by("path")
        .values_list("title", "url_path", "depth")
    )
    for title, url_path, depth in subpages:
        below = url_path.strip("/").split("/")[page.depth - depth :]
        address = base + "".join(f"{part}/" for part in below)
        if route_answers(address, language):
            return title, address
    return None


def route_taken_message(address):
    """What the editor is told when a route answers `address`."""
    return _(
        "The site's own page %(address)s has this address, so this page would "
        "never be seen there. Choose another slug."
    ) % {"address": address}


def subpage_route_taken_message(title, address):
    """What the editor is told when a route answers the new address of subpage `title`."""
    return _(
        "The subpage “%(title)s” would move to %(address)s, the address of one of the "
        "site's own pages, and would never be seen there. Choose another slug or place, "
        "or change that subpage's slug first."
    ) % {"title": title, "address": address}


class SitePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        address = route_taking(self.parent_page, slug)
        if address is not None:
            self.add_error("slug", route_taken_message(address))
        elif "slug" in self.changed_data:
            # A new slug moves the page's subpages with it.
            clash = subpage_taking_route(self.instance, self.parent_page, slug)
            if clash is not None:
                self.add_error("slug", subpage_route_taken_message(*clash))
        return cleaned_data


class SiteCopyForm(CopyForm):
    """Wagtail's "Copy" form, with the same check: a copy gets a slug and a parent of its own.
    (Moving a page is checked in home/wagtail_hooks.py.)"""

    def clean(self):
        cleaned_data = super().clean()
        parent = cleaned_data.get("new_parent_page") or self.page.get_parent()
        slug = cleaned_data.get("new_slug")
        address = route_taking(parent, slug)
        if address is not None:
            self.add_error("new_slug", route_taken_message(address))
        elif cleaned_data.get("copy_subpages"):
            clash = subpage_taking_route(self.page, parent, slug)
            if clash is not None:
                self.add_error("new_slug", subpage_route_taken_message(*clash))
        return cleaned_data
