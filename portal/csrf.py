"""Cross-site request forgery protection for forms on cached pages.

A page the page cache (home/page_cache.py) keeps is one copy for every visitor, so it cannot
carry Django's CSRF token, which is each visitor's own. Its forms (sign a petition, register for
an event, join) are protected instead by what the browser says of where the form was sent
from: `Sec-Fetch-Site: same-origin`, or an `Origin` that is this site's. A page elsewhere
cannot make a browser say either (they are headers no script may set), which is what the token
proves too; OWASP lists both as a defence of their own. Every current browser sends them on a
form's POST, with JavaScript or without.

Only for visitors who are not logged in: a logged-in user's pages are never cached, still
carry the token, and Django's whole check (the token included) stays theirs. A request that
says nothing of its origin, or another one, gets Django's check, which without a token fails
with the 403 page (templates/403_csrf.html).
"""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin

from portal.middleware import logged_in


def same_origin(request):
    """Whether the browser says the request comes from a page of this site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    return origin == f"{request.scheme}://{request.get_host()}" or (
        origin in settings.CSRF_TRUSTED_ORIGINS
    )


class SameOriginFormsMiddleware(MiddlewareMixin):
    """Before Django's CsrfViewMiddleware, which stays in charge of everything else."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
            and not logged_in(request)
            and same_origin(request)
        ):
            # Django's own flag for a request it should not check (its test client sets it);
            # csrf_protect on a view honours it too.
            request._dont_enforce_csrf_checks = True
