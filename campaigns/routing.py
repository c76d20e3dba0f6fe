from django.http import Http404
from wagtail.models import Site


def public_page_at(request, page_path, page_class, view):
    """The public page of `page_class` whose own address (its `view` route) is `page_path`.

    For files under a page's address, such as `count.json` or `event.ics`: Wagtail routes only
    addresses that end in a slash, so these views find the page as Wagtail's serve view does.
    Anything else there (an address under the page, another kind of page, a private page) is
    not found.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in page_path.split("/") if component]
    page, route_args, _kwargs = site.root_page.localized.specific.route(request, components)
    page = page.specific
    if not isinstance(page, page_class) or route_args[0].__func__ is not view:
        raise Http404
    if page.get_view_restrictions().exists():
        raise Http404
    return page
