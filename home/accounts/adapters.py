"""How django-allauth fits the site: addresses never stored, pages in the reader's language."""

import logging
from contextvars import ContextVar

from allauth.account import app_settings as account_settings
from allauth.account import forms as allauth_forms
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend
from allauth.core.internal.ratelimit import parse_rates
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.webauthn.forms import (
    AddWebAuthnForm,
    AuthenticateWebAuthnForm,
    ReauthenticateWebAuthnForm,
)
from django.conf import settings
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import ValidationError
from django.urls import reverse

from home.forms import HONEYPOT_ATTRS, HONEYPOT_LABEL
from home.ratelimit import client_key, too_many_requests
from home.scripts import for_reader

logger = logging.getLogger(__name__)

# Set while allauth's adapter checks a password (AllauthOnlyBackend).
allauth_authenticating = ContextVar("allauth_authenticating", default=False)


class AccountAdapter(DefaultAccountAdapter):
    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's mail (plain text), in Cyrillic to a reader of the Cyrillic pages, as the
        site's own mails are (campaigns/tasks.py): its links are /cir/ ones already."""
        message = super().render_mail(template_prefix, email, context, headers)
        message.subject = for_reader(message.subject)
        message.body = for_reader(message.body)
        return message

    def get_client_ip(self, request):
        """The client's daily pseudonym (home/ratelimit.py) instead of its address.

        allauth uses the value only as part of its rate limits' cache keys (and in mail
        notifications, which are off), so the counters in the shared cache hold a hash that
        changes daily, never an address. TRUSTED_PROXY_COUNT is honoured as for our own limits.
        """
        return client_key(request)

    def authenticate(self, request, **credentials):
        token = allauth_authenticating.set(True)
        try:
            return super().authenticate(request, **credentials)
        finally:
            allauth_authenticating.reset(token)

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            # Over the "login_failed" limit: the password is not even checked.
            logger.warning("Login refused, too many failures (client %s).", log_key(request))
            raise

    def authentication_failed(self, request, **credentials):
        # Failures are logged, but neither the client's address nor the one typed in: the
        # client by its daily pseudonym only, enough to see one client trying many times.
        logger.warning("Failed login (client %s).", log_key(request))

    def get_login_redirect_url(self, request):
        # The home page in the language the reader logged in with.
        return reverse("wagtail_serve", args=[""])

    def get_logout_redirect_url(self, request):
        return reverse("wagtail_serve", args=[""])


class AllauthOnlyBackend(AuthenticationBackend):
    """allauth's backend, checking passwords for allauth's login (and re-authentication) only.

    Any other caller of authenticate() (Django's LoginView, a form some app adds) gets no
    user: logins without allauth's checks (verified address, rate limits, second factor) are
    impossible, not only unrouted. Permissions and sessions work as in allauth's backend.
    """

    def authenticate(self, request, **credentials):
        if not allauth_authenticating.get():
            return None
        return super().authenticate(request, **credentials)


def log_key(request):
    """The client's daily pseudonym (home/ratelimit.py), shortened for the log."""
    return client_key(request)[:12]


def user_display(user):
    """People are known here by their address: allauth makes up usernames from it."""
    return user.email


class PasswordRulesAsText:
    """The password rules as one paragraph, not Django's HTML list.

    The site's form_field component puts help text in a <p>, where a list cannot go (the
    browser would move it out, and aria-describedby would point at an empty paragraph).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = " ".join(password_validators_help_texts())


class SignupForm(PasswordRulesAsText, allauth_forms.SignupForm):
    """allauth's sign-up form, its honeypot hidden like the site's other honeypots.

    allauth gives the field no label and an inline style; here it has a tempting label (axe
    wants one even off-screen) and templates/allauth/elements/fields.html puts it off-screen,
    hidden from screen readers and out of the tab order.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        honeypot = self.fields[settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD]
        honeypot.label = HONEYPOT_LABEL
        honeypot.widget.attrs = dict(HONEYPOT_ATTRS)
        honeypot.is_honeypot = True


class ResetPasswordKeyForm(PasswordRulesAsText, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(PasswordRulesAsText, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(PasswordRulesAsText, allauth_forms.SetPasswordForm):
    pass


def rate_limited(request):
    """allauth's "too many requests" answer: the site's 429 page.

    allauth does not say which limit was reached, so the wait given is the longest window
    among its limits: an upper bound, never too short.
    """
    longest = max(
        rate.duration
        for rates in account_settings.RATE_LIMITS.values()
        for rate in parse_rates(rates)
    )
    return too_many_requests(request, int(longest))


def wrong_if_malformed(clean):
    """A security key's answer that does not even parse is a wrong answer, not a server error.

    allauth turns the TypeError of a malformed credential into the form's "incorrect code"
    error, but fido2 also raises ValueError (bad base64 or CBOR) and KeyError (a missing
    member) for what any client can post: those were 500s.
    """
    try:
        return clean()
    except (ValueError, KeyError) as error:
        raise get_mfa_adapter().validation_error("incorrect_code") from error


class AddSecurityKeyForm(AddWebAuthnForm):
    def clean(self):
        return wrong_if_malformed(super().clean)


class AuthenticateWithSecurityKeyForm(AuthenticateWebAuthnForm):
    def clean_credential(self):
        return wrong_if_malformed(super().clean_credential)


class ReauthenticateWithSecurityKeyForm(ReauthenticateWebAuthnForm):
    def clean_credential(self):
        return wrong_if_malformed(super().clean_credential)
