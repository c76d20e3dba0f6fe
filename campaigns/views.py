"""Signing a petition, confirming a signature, and the count for partner sites.

PetitionPage's routes call these views with the page.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from home.ratelimit import hit

from .emails import normalise_email
from .forms import HONEYPOT_FIELD, SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION, SignatureForm
from .models import PetitionPage, Signature
from .routing import public_page_at
from .tasks import queue_mail

COUNT_MAX_AGE = 30  # seconds partner sites and proxies may reuse the count


def sign(request, petition):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = None
    if request.method == "POST" and petition.is_open():
        if request.POST.get(HONEYPOT_FIELD):
            # A bot: answer as if it worked, so it learns nothing, and store nothing.
            return redirect(petition.url + petition.reverse_subpage("check_mail"))
        form = SignatureForm(request.POST)
        if form.is_valid():
            record_signature(request, petition, form.cleaned_data)
            return redirect(petition.url + petition.reverse_subpage("check_mail"))
    if form is None and petition.is_open():
        form = SignatureForm()
    return TemplateResponse(
        request,
        "campaigns/petition_page.html",
        {
            **petition.get_context(request),
            "form": form,
            "count": (count := petition.confirmed_count()),
            "progress": min(count, petition.goal),
            "percent": min(100, count * 100 // petition.goal),
            "state": petition.current_state(),
            "recent_signers": petition.recent_signers() if petition.show_recent_signers else [],
        },
    )


def within_rate_limits(request, petition):
    """Count this attempt in every window of the per-client, per-petition limits."""
    scope = f"petition:{petition.translation_key}"
    # Every window counts the attempt, so no short-circuit.
    waits = [hit(request, scope, rate) for rate in settings.PETITION_SIGNATURE_RATE_LIMITS]
    return not any(waits)


def record_signature(request, petition, data):
    """Store a new signature and mail its link, or mail the owner of an address that has
    signed already. Either way the signer sees the same page."""
    counted = within_rate_limits(request, petition)
    signature = Signature(
        petition=petition,
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data["email"],
        email_normalised=normalise_email(data["email"]),
        municipality=data["municipality"],
        newsletter=data["newsletter"],
        show_first_name=data["show_first_name"],
        language=translation.get_language(),
        counted=counted,
        mails_sent=1,
    )
    signature.record_consent(SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION, timezone.now())
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError:
        # Signed before, maybe a moment ago by a concurrent request: mail the owner instead.
        earlier = Signature.objects.filter(
            petition_key=petition.translation_key,
            email_normalised=signature.email_normalised,
        ).first()
        if earlier is not None and earlier.claim_mail():
            mail_signer(request, petition, earlier, "campaigns/mail/signature_repeat.txt")
        return
    mail_signer(request, petition, signature, "campaigns/mail/signature_confirm.txt")


def mail_signer(request, petition, signature, template):
    context = {
        "petition": petition,
        "signature": signature,
        "confirm_url": petition.confirmation_url(signature, request),
        "accepts_confirmations": petition.accepts_confirmations(),
    }
    subject = gettext("Confirm your signature: %(title)s") % {"title": petition.title}
    if signature.confirmed_at:
        subject = gettext("You have already signed: %(title)s") % {"title": petition.title}
    # The address as its owner typed it; the mail in the language of the page used.
    queue_mail(subject, render_to_string(template, context, request), signature.email)


def check_mail(request, petition):
    return TemplateResponse(
        request, "campaigns/petition_check_mail.html", {"page": petition, "self": petition}
    )


def confirm(request, petition, token):
    """A page with a button: mail scanners follow links with GET, so only POST confirms."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    signature = Signature.from_token(token)
    if (
        signature is None
        or signature.petition_key != petition.translation_key
        or signature.invalidated_at is not None
    ):
        outcome, status = "invalid", 404
    elif signature.confirmed_at is not None:
        outcome, status = "confirmed", 200
    elif not petition.accepts_confirmations():
        outcome, status = "closed", 410
    elif request.method == "POST":
        signature.confirm()
        outcome, status = "confirmed", 200
    else:
        outcome, status = "ask", 200
    return TemplateResponse(
        request,
        "campaigns/petition_confirm.html",
        {"page": petition, "self": petition, "outcome": outcome},
        status=status,
    )


@require_GET
def count_json(request, page_path):
    """`<petition url>count.json`: count, goal and state, for partner sites to show."""
    petition = public_page_at(request, page_path, PetitionPage, PetitionPage.sign)
    response = JsonResponse(
        {
            "count": petition.confirmed_count(),
            "goal": petition.goal,
            "state": petition.current_state().value,
        }
    )
    # Partner sites read it from their visitors' browsers.
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=COUNT_MAX_AGE)
    return response
