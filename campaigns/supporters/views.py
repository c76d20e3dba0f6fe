"""A supporter's side: joining on the JoinPage, "My activity", editing, the data download and
deleting the account.

What belongs to a person is found by the addresses they have verified (allauth's EmailAddress):
signatures and registrations by the normalised address (campaigns.emails), camera reports by
the account that sent them or, for reports sent without logging in, the address given for
follow-up. An address someone merely typed in proves nothing, so unverified ones match nothing.
"""

import json

from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.login import perform_password_login
from allauth.account.models import EmailAddress, Login
from allauth.account.stages import EmailVerificationStage, LoginStageController
from allauth.account.utils import get_next_redirect_url
from allauth.account.views import ConfirmEmailView as AllauthConfirmEmailView
from allauth.account.views import signup as allauth_signup
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, re_path
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

from campaigns.emails import normalise_email
from campaigns.events.models import Registration
from campaigns.information_requests.models import Authority, InformationRequest
from campaigns.petitions.models import Signature
from campaigns.supporters.erasure import for_account, may_be_erased
from campaigns.supporters.forms import (
    ConfirmWithPasswordForm,
    DeleteAccountForm,
    SupporterForm,
)
from campaigns.supporters.joining import join
from campaigns.supporters.models import Supporter
from campaigns.supporters.pages import JoinPage
from campaigns.supporters.tasks import send_account_deleted_mail
from home.languages import content_language
from home.sections import section
from map.models import CameraReport, Municipality

# Joining


def live_join_page():
    """The join page in the reader's language, if it is published."""
    return section(JoinPage)


def join_page_url():
    """The join page in the reader's language, for links from the account pages."""
    page = live_join_page()
    return page.url if page else None


def sign_up(request):
    """allauth's /accounts/signup/ (and its links: the login page's, the mails'), made one way in.

    With a live join page in the reader's language, a GET leads there, keeping a safe `next`,
    and whatever is sent here goes to the join page's view and form: no account is made
    without the supporter's answers and consent. Only a site without a join page gets
    allauth's own sign-up, which makes the account alone.
    """
    page = live_join_page()
    if page is None:
        return allauth_signup(request)
    if request.method not in ("GET", "HEAD"):
        return join(request, page)
    url = page.get_url(request)
    next_url = get_next_redirect_url(request)
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return redirect(url)


# What we hold about a person


class Holdings:
    """Everything the site holds about one account, found as the module's docstring says.

    Each list costs one query, however many rows it has.
    """

    def __init__(self, user):
        self.user = user
        self.addresses = list(
            EmailAddress.objects.filter(user=user)
            .order_by("-primary", "email")
            .values("email", "verified", "primary")
        )
        verified = [row["email"] for row in self.addresses if row["verified"]]
        self.normalised = sorted({normalise_email(address) for address in verified})
        self.lowered = sorted({address.lower() for address in verified})

    def supporter(self):
        """The profile, with its municipality named in the reader's language."""
        return (
            Supporter.objects.filter(user=self.user)
            .select_related("municipality")
            .prefetch_related("helps")
            .annotate(municipality_name=Municipality.objects.local_name_of())
            .first()
        )

    def signatures(self):
        return (
            Signature.objects.filter(email_normalised__in=self.normalised)
            .select_related("petition", "municipality")
            .order_by("-created_at", "pk")
        )

    def registrations(self):
        return (
            Registration.objects.filter(email_normalised__in=self.normalised)
            .select_related("event")
            .order_by("-created_at", "pk")
        )

    def information_requests(self):
        # By the address exactly (case aside), as camera reports: the list links to each
        # request's page, whose address is the key to it, and a "+tag" or a dot is no proof
        # that someone else's request is theirs.
        return (
            InformationRequest.objects.alias(email_lower=Lower("email"))
            .filter(email_lower__in=self.lowered)
            .select_related("authority", "register_entry")
            .order_by("-created_at", "pk")
        )

    def reports(self):
        return (
            CameraReport.objects.alias(email_lower=Lower("email"))
            .filter(Q(reporter=self.user) | Q(email_lower__in=self.lowered))
            .order_by("-created_at", "pk")
        )


def in_reader_language(records, field):
    """`records` as a list, each with `page_shown`: the page its `field` names, or that page's
    live translation in the reader's language when there is one. One query for all of them.

    Registrations belong to the default language's event and signatures to the page signed,
    in the signer's language: either may be in another language than the reader's.
    """
    records = list(records)
    keys = {getattr(record, field).translation_key for record in records}
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=keys, locale__language_code=content_language()
        )
    }
    for record in records:
        page = getattr(record, field)
        record.page_shown = translations.get(page.translation_key, page)
    return records


def with_local_authorities(tracked_requests):
    """`tracked_requests` as a list, each with `authority_shown`: its authority in the
    reader's language where it is translated. One query for all of them."""
    tracked_requests = list(tracked_requests)
    shown = Authority.in_active_language([tracked.authority for tracked in tracked_requests])
    for tracked, authority in zip(tracked_requests, shown, strict=True):
        tracked.authority_shown = authority
    return tracked_requests


def register_entry(tracked):
    """What the register holds of `tracked`, if its author offered it (register_entry is
    selected with it)."""
    entry = getattr(tracked, "register_entry", None)
    if entry is None:
        return None
    return {
        "status": entry.status,
        "name_shown": entry.requester_name,
        "answer_uploaded": bool(entry.answer_upload),
        "submitted_at": local_iso(entry.submitted_at),
        "consent": consent(entry),
    }


def local_iso(value):
    return timezone.localtime(value).isoformat() if value else None


def consent(record):
    return {
        "text": record.consent_text,
        "version": record.consent_version,
        "given_at": local_iso(record.consented_at),
    }


def data_export(user):
    """All we hold about `user`, as JSON-ready data. The MFA part says which kinds of second
    factor are set up, never their secrets."""
    holdings = Holdings(user)
    supporter = holdings.supporter()
    profile = None
    if supporter is not None:
        profile = {
            "first_name": supporter.first_name,
            "municipality": supporter.municipality.name,
            "ways_to_help": [str(way.label) for way in supporter.ways()],
            "newsletter": supporter.newsletter,
            "monthly_cameras_to_recheck": supporter.recheck_mail,
            "last_cameras_to_recheck_mail": (
                local_iso(supporter.recheck_mail_sent_at)
                if supporter.recheck_mail_sent_at
                else None
            ),
            "language": supporter.language,
            "joined_at": local_iso(supporter.created_at),
            "consent": consent(supporter),
        }
    mfa_types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    return {
        "account": {
            "email": user.email,
            "created_at": local_iso(user.date_joined),
            "last_login": local_iso(user.last_login),
        },
        "email_addresses": holdings.addresses,
        "supporter": profile,
        "signatures": [
            {
                "petition": signature.petition.title,
                "first_name": signature.first_name,
                "last_name": signature.last_name,
                "email": signature.email,
                "municipality": signature.municipality.name,
                "newsletter": signature.newsletter,
                "show_first_name": signature.show_first_name,
                "signed_at": local_iso(signature.created_at),
                "confirmed_at": local_iso(signature.confirmed_at),
                "consent": consent(signature),
            }
            for signature in holdings.signatures()
        ],
        "event_registrations": [
            {
                "event": registration.event.title,
                "name": registration.name,
                "email": registration.email,
                "status": registration.status,
                "registered_at": local_iso(registration.created_at),
                "cancelled_at": local_iso(registration.cancelled_at),
                "consent": consent(registration),
            }
            for registration in holdings.registrations()
        ],
        "requests_to_authorities": [
            {
                "authority": tracked.authority.name,
                "subject": tracked.subject,
                "law": tracked.law,
                "email": tracked.email,
                "received_on": tracked.received_on.isoformat(),
                "authority_said_it_needs_longer": tracked.extended,
                "answer_due_on": tracked.answer_due_on.isoformat(),
                "answered_on": tracked.answered_on.isoformat() if tracked.answered_on else None,
                "outcome": tracked.outcome or None,
                "made_at": local_iso(tracked.created_at),
                "reminders_asked_at": local_iso(tracked.confirmed_at),
                "consent": consent(tracked),
                "register_entry": register_entry(tracked),
            }
            for tracked in holdings.information_requests()
        ],
        "camera_reports": [
            {
                "latitude": report.latitude,
                "longitude": report.longitude,
                "note": report.note,
                "email": report.email,
                "status": report.status,
                "reported_at": local_iso(report.created_at),
                "reviewed_at": local_iso(report.reviewed_at),
            }
            for report in holdings.reports()
        ],
        "two_factor": {kind: kind in mfa_types for kind in Authenticator.Type.values},
    }


# The account pages


@never_cache
@login_required
def activity(request):
    holdings = Holdings(request.user)
    context = {
        "supporter": holdings.supporter(),
        "signatures": in_reader_language(holdings.signatures(), "petition"),
        "registrations": in_reader_language(holdings.registrations(), "event"),
        "reports": holdings.reports(),
        "information_requests": with_local_authorities(holdings.information_requests()),
        "unverified": [row["email"] for row in holdings.addresses if not row["verified"]],
        "join_url": join_page_url(),
    }
    return TemplateResponse(request, "account/activity.html", context)


def own_supporter(request):
    supporter = Supporter.objects.filter(user=request.user).first()
    if supporter is None:
        raise Http404
    return supporter


@never_cache
@login_required
def edit(request):
    supporter = own_supporter(request)
    form = SupporterForm(request.POST or None, supporter=supporter)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, gettext("Your details are saved."))
        return redirect("supporter_activity")
    return TemplateResponse(request, "account/supporter_edit.html", {"form": form})


@require_POST
@login_required
def toggle_newsletter(request):
    supporter = own_supporter(request)
    supporter.newsletter = not supporter.newsletter
    supporter.save(update_fields=["newsletter"])
    if supporter.newsletter:
        messages.success(request, gettext("You will get our news."))
    else:
        messages.success(request, gettext("You will get no more news from us."))
    return redirect("supporter_activity")


@never_cache
@login_required
def download(request):
    body = json.dumps(data_export(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kamere-my-data.json"'
    # never_cache already forbids storing; said outright for the personal data it carries.
    response["Cache-Control"] = "no-store"
    return response


def may_delete_themselves(user):
    """People with the admin are deleted by an administrator (erasure.py says why)."""
    return may_be_erased(user)


@never_cache
@login_required
def delete_account(request):
    user = request.user
    allowed = may_delete_themselves(user)
    form = DeleteAccountForm(request.POST or None, user=user)
    if allowed and request.method == "POST" and form.is_valid():
        address = user.email
        with transaction.atomic():
            erase(user)
            # Queued once the erasure commits; built in the worker, in the reader's language.
            site_id = Site.find_for_request(request).pk
            arguments = (address, get_language(), site_id)
            transaction.on_commit(lambda: send_account_deleted_mail.enqueue(*arguments))
        logout(request)
        messages.success(request, gettext("Your account and your personal data are deleted."))
        return redirect("wagtail_serve", "")
    context = {"form": form, "allowed": allowed}
    return TemplateResponse(request, "account/delete.html", context)


def erase(user):
    """Erase or anonymise what we hold about `user`, then delete the account. Run it in a
    transaction: all of it happens, or none. erasure.py does it, the same way as for
    an erasure request staff handle: signatures anonymised (counts and totals stay),
    registrations cancelled (the freed place goes to the waiting list) and deleted, camera
    reports without their contact, the person's jobs, sessions and audit log details, then the
    account with its supporter record, addresses and second factors.
    """
    for_account(user).erase()


# Confirming an address


class ConfirmEmailView(AllauthConfirmEmailView):
    """allauth's confirmation page, asking for the account's password in a stranger's browser.

    Otherwise anyone could open an account with someone else's address and a password of their
    own: the address's owner, clicking "confirm" in the mail, would verify it for them, and the
    account's "My activity" would show the petitions and events that address signed up for.
    The browser that signed up (its pending sign-up is in the session) and the account's own
    logged-in session confirm without it; anyone else must know the password, checked like a
    login (allauth's "login_failed" rate limits, failures logged). The GET page changes nothing.
    """

    def may_confirm_without_password(self):
        user_id = self.object.email_address.user_id
        if self.request.user.is_authenticated:
            return self.request.user.pk == user_id
        # peek: looking does not consume the pending sign-up, which allauth's flow needs next.
        stage = LoginStageController.enter(self.request, EmailVerificationStage.key)
        return bool(stage and stage.login.user and stage.login.user.pk == user_id)

    def needs_password(self):
        return bool(
            self.object
            and self.object.email_address.can_set_verified()
            and not self.may_confirm_without_password()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.needs_password():
            context["password_form"] = kwargs.get("password_form") or ConfirmWithPasswordForm()
        return context

    def post(self, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            self.object = None
            return self.render_to_response(self.get_context_data(), status=404)
        if not self.needs_password():
            return super().post(*args, **kwargs)
        form = ConfirmWithPasswordForm(self.request.POST)
        user = self.check_password(form) if form.is_valid() else None
        if user is None:
            return self.render_to_response(self.get_context_data(password_form=form), status=400)
        response = super().post(*args, **kwargs)
        if not self.object.email_address.verified:
            return response
        # Mailbox and password together are what the login form asks for next: log in through
        # allauth's login flow, so its stages (a second factor, where set up) still apply. It
        # lands where the browser that signed up would: "My activity" (ACCOUNT_SIGNUP_REDIRECT_URL).
        login = Login(
            user=user,
            email=self.object.email_address.email,
            redirect_url=get_adapter(self.request).get_signup_redirect_url(self.request),
        )
        return perform_password_login(self.request, {"email": login.email}, login)

    def check_password(self, form):
        """The account whose address this is, if the password is its own; else a form error."""
        email_address = self.object.email_address
        try:
            user = get_adapter(self.request).authenticate(
                self.request, email=email_address.email, password=form.cleaned_data["password"]
            )
        except ValidationError as error:  # over the failed-login limit
            form.add_error("password", error)
            return None
        if user is None or user.pk != email_address.user_id:
            form.add_error(
                "password",
                gettext(
                    "That is not the password of this account. If you did not open an account "
                    "with us, ignore the mail: the account is deleted unconfirmed."
                ),
            )
            return None
        return user


urlpatterns = [
    # Before allauth's URLs, which also name a view "account_signup" at this address: this one
    # answers, and the same name keeps allauth's templates and reverse() as they are.
    path("signup/", sign_up, name="account_signup"),
    # The same for allauth's confirmation page (allauth's pattern for the key).
    re_path(
        r"^confirm-email/(?P<key>[-:\w]+)/$",
        ConfirmEmailView.as_view(),
        name="account_confirm_email",
    ),
    path("activity/", activity, name="supporter_activity"),
    path("activity/edit/", edit, name="supporter_edit"),
    path("activity/newsletter/", toggle_newsletter, name="supporter_newsletter"),
    path("activity/download/", download, name="supporter_download"),
    path("activity/delete/", delete_account, name="supporter_delete"),
]
