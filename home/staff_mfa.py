"""The Wagtail admin behind allauth: its login, and a second factor for everyone who may enter.

- `admin_login` takes the place of Wagtail's own login page (/admin/login/, the admin's
  WAGTAILADMIN_LOGIN_URL), so the admin has no second way in that would skip allauth's
  checks: verified address, rate limits, the second factor.
- `StaffMFAMiddleware`: under STAFF_REQUIRE_MFA, a person with access to the admin who has no
  second factor yet is led to set one up before any admin page opens.
"""

from allauth.account.utils import get_next_redirect_url
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

ADMIN_ACCESS = "wagtailadmin.access_admin"


def admin_login(request):
    """Where the admin sends people it does not let in.

    Wagtail sends both the signed-out and the signed-in without access here. allauth's login
    would pass a signed-in person straight back to the admin (`next`), which would send them
    here again, without end: they get a page saying why instead.
    """
    next_url = get_next_redirect_url(request) or reverse("wagtailadmin_home")
    if not request.user.is_authenticated:
        return redirect_to_login(next_url, login_url=reverse("account_login"))
    if request.user.has_perm(ADMIN_ACCESS):
        return redirect(next_url)
    # The page says it all: Wagtail's "no permission" (English only) and allauth's "logged in"
    # would only repeat it, here or on the next page. Read is dropped.
    list(messages.get_messages(request))
    return render(request, "account/no_admin_access.html", {"messages": ()}, status=403)


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.needs_second_factor(request):
            messages.warning(
                request,
                _(
                    "The editors' admin needs a second factor for your account: set up an "
                    "authenticator app, and then the admin opens."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def needs_second_factor(request):
        if not settings.STAFF_REQUIRE_MFA:
            return False
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        # The admin's login and logout pages stay open: there is nothing to protect on them.
        if request.path in (reverse("admin_login"), reverse("wagtailadmin_logout")):
            return False
        user = request.user
        return user.is_authenticated and user.has_perm(ADMIN_ACCESS) and not is_mfa_enabled(user)
