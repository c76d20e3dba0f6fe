"""One login for everyone (allauth's), and a second factor for everyone who may enter the admin.

- `admin_login` takes the place of Wagtail's own login page (/admin/login/, the admin's
  WAGTAILADMIN_LOGIN_URL) and `frontend_login` that of Django's plain login view, which
  `wagtail.urls` adds at /_util/login/: the site has no second way in that would skip
  allauth's checks (verified address, rate limits, the second factor).
- `StaffMFAMiddleware`: under STAFF_REQUIRE_MFA, the admin opens only for a session that
  passed a second factor; a person with access to the admin who has none yet is led to set
  one up.
"""

import logging

from allauth.account.adapter import get_adapter
from allauth.account.authentication import get_authentication_records
from allauth.account.utils import get_next_redirect_url
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import BaseViewRestriction

from home.accounts.adapters import log_key

logger = logging.getLogger(__name__)

ADMIN_ACCESS = "wagtailadmin.access_admin"
# What allauth's login asks for as a second factor: recovery codes only stand in for these.
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
# The user (id) whose first second factor was set up in this session (`note_first_factor`).
FACTOR_SET_UP_SESSION_KEY = "home.staff_mfa.factor_set_up"


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


def frontend_login(request):
    """/_util/login/ (Wagtail's front-end login, Django's LoginView): on to allauth's login.

    It takes no password, whatever the method: old links and bookmarks land on allauth's
    login, with their `next` if it stays on this site.
    """
    next_url = get_next_redirect_url(request)
    if next_url:
        return redirect_to_login(next_url, login_url=reverse("account_login"))
    return redirect("account_login")


def passed_second_factor(request):
    """Whether this session, not just the account, has passed a second factor.

    allauth records each step of a login in the session (method "mfa": an authenticator's
    code, a security key or a recovery code, at login or on re-authentication). A session
    opened some other way (force_login, a login route other than allauth's, a login from
    before the second factor was set up elsewhere) has no such record.
    """
    user = request.user
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    return request.session.get(FACTOR_SET_UP_SESSION_KEY) == str(user.pk)


def note_first_factor(sender, request, user, authenticator, **kwargs):
    """Count setting up the account's first second factor as passing it, in that session.

    allauth records nothing when an authenticator is added, so without this an editor would
    have to give the code again right after activating the app. Setting it up needed the
    password again (allauth's re-authentication) and a working code or key, which is all a
    login could ask of an account that had no second factor. Only the first: adding one more
    must not stand in for the factor the account already has.
    """
    if request is None or authenticator.type not in SECOND_FACTORS:
        return
    others = Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTORS)
    if not others.exclude(pk=authenticator.pk).exists():
        request.session[FACTOR_SET_UP_SESSION_KEY] = str(user.pk)


def log_failed_second_factor(sender, request, user, authenticator, **kwargs):
    # The password was right: worth a warning. The client only by its daily pseudonym.
    logger.warning(
        "Wrong second factor for user %s (client %s).",
        user.pk,
        log_key(request) if request is not None else "-",
    )


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.check(request) or self.get_response(request)

    @staticmethod
    def check(request):
        """A redirect for a request that needs a second factor first, or None."""
        if not settings.STAFF_REQUIRE_MFA or not request.user.is_authenticated:
            return None
        if request.path.startswith(reverse("wagtailadmin_home")):
            return check_admin(request)
        # The second factor's own pages too, for everyone who has one: a session that has not
        # passed the factor must not remove it or add one of its own, and then pass that one.
        if (
            request.path.startswith(reverse("mfa_index"))
            and is_mfa_enabled(request.user, SECOND_FACTORS)
            and not passed_second_factor(request)
        ):
            return reauthenticate_with_second_factor(request)
        return None


def check_admin(request):
    # The admin's login and logout pages stay open: there is nothing to protect on them.
    if request.path in (reverse("admin_login"), reverse("wagtailadmin_logout")):
        return None
    if not request.user.has_perm(ADMIN_ACCESS):
        return None
    return staff_second_factor(request)


def check_restricted_content(request, view_restrictions):
    """A redirect for a staff session that has not passed the second factor and asks for
    content restricted to logged-in people or groups (a private page, a document in a private
    collection): what the editors may read there is as sensitive as the admin. None otherwise.

    `view_restrictions` is called only for staff: for everyone else, no query.
    """
    if not settings.STAFF_REQUIRE_MFA or not request.user.is_authenticated:
        return None
    if not request.user.has_perm(ADMIN_ACCESS):
        return None
    by_identity = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)
    if not any(restriction.restriction_type in by_identity for restriction in view_restrictions()):
        return None
    return staff_second_factor(request)


def staff_second_factor(request):
    """For someone with access to the admin: a redirect to set up or pass the second factor,
    or None when this session has passed it."""
    if not is_mfa_enabled(request.user, SECOND_FACTORS):
        messages.warning(
            request,
            _(
                "The editors' admin needs a second factor for your account: set up an "
                "authenticator app, and then the admin opens."
            ),
        )
        return redirect("mfa_activate_totp")
    if not passed_second_factor(request):
        return reauthenticate_with_second_factor(request)
    return None


def reauthenticate_with_second_factor(request):
    """allauth's re-authentication by second factor, then back to the page asked for."""
    methods = get_adapter(request).get_reauthentication_methods(request.user)
    urls = [method["url"] for method in methods if method["id"].startswith("mfa_reauthenticate")]
    if request.path in urls:
        return None
    if not urls:
        # No way to pass the factor here (allauth's default methods always have one): the
        # session ends, and the next login asks for the factor.
        logout(request)
        return redirect_to_login(request.get_full_path(), login_url=reverse("account_login"))
    messages.warning(
        request, _("Confirm that it is you with your second factor, and then the page opens.")
    )
    return redirect_to_login(request.get_full_path(), login_url=urls[0])
