"""List mail: news sent to many people who asked for it (petition updates, the monthly
re-check mail), each with a one-click unsubscribe (RFC 8058). One home for the headers and for
the view that takes the unsubscribing POST."""

import functools

from django.http import HttpResponseNotAllowed
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

# The headers of RFC 8058: a mail provider may unsubscribe its user with one POST of this body
# to the List-Unsubscribe address, without opening any page.
ONE_CLICK_BODY = "List-Unsubscribe=One-Click"


def list_headers(unsubscribe_url):
    return {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": ONE_CLICK_BODY}


def one_click_unsubscribe(show_or_unsubscribe):
    """A view `(request, token)` from `show_or_unsubscribe(request, token)`, which shows a
    button on GET and unsubscribes on POST.

    Mail providers' one-click POST comes without cookies, so that POST alone skips the CSRF
    check: the signed token in the address is what authorises it.
    """

    @csrf_exempt
    @never_cache
    @functools.wraps(show_or_unsubscribe)
    def view(request, token):
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
            return show_or_unsubscribe(request, token)
        return csrf_protect(show_or_unsubscribe)(request, token)

    return view
