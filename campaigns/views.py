"""Signing a petition, confirming a signature, and the count for partner sites.

PetitionPage's routes call these views with the page; the sign form posts to `sign_petition`,
which finds the petition by id instead of walking Wagtail's page tree.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import PageViewRestriction

from home.forms import is_from_a_bot
from home.ratelimit import client_key, hit

from .emails import normalise_email
from .forms import SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION, SignatureForm
from .models import PetitionPage, Signature
from .models.petitions import CLIENT_KEY_LENGTH
from .routing import public_page_at
from .signals import PETITIONS
from .tasks import send_signature_mail

COUNT_MAX_AGE = 30  # seconds partner sites and proxies may reuse the count
# What signing reads of a petition (its state, where it lives); a page shown again with the
# form's errors loads the rest. Loading every field took a fifth of a signature's time.
SIGNING_FIELDS = ("path", "url_path", "translation_key", "locale", "state", "deadline", "closed_at")
# How long the shared cache keeps what signing read of a petition: a new version of the
# petitions (campaigns/signals.py) makes it stale sooner.
PETITION_TO_SIGN_SECONDS = 600
# The largest id a row can have (64-bit).
MAX_ID = 2**63 - 1


def sign(request, petition, thanks=None):
    """The petition page (Wagtail's route) and the signing: a POST here or to sign_petition,
    which knows the `thanks` page's address already."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = None
    if request.method == "POST" and petition.is_open():
        thanks = thanks or thanks_url(request, petition)
        if is_from_a_bot(request.POST):
            # A bot: answer as if it worked, so it learns nothing, and store nothing.
            return redirect(thanks)
        form = SignatureForm(request.POST)
        if form.is_valid():
            record_signature(request, petition, form.cleaned_data)
            return redirect(thanks)
    if form is None and petition.is_open():
        form = SignatureForm()
    if petition.get_deferred_fields():
        petition = PetitionPage.objects.get(pk=petition.pk)
    return TemplateResponse(
        request, "campaigns/petition_page.html", petition_context(request, petition, form)
    )


def thanks_url(request, petition):
    """The local address of the page after signing.

    What petition.get_url(request) gives on the petition's own site, without the query that
    finds the request's site: the form that posted was served from the petition's site, and
    this is the address its visitor goes on to. The request caches the sites' root paths.
    """
    parts = petition.get_url_parts(request)
    if parts is None or parts[2] is None:
        raise Http404  # outside every site: Wagtail would not serve it either
    return parts[2] + petition.reverse_subpage("check_mail")


@require_POST
def sign_petition(request, page_id):
    """Where the sign form posts: the petition found by its id, not by Wagtail's walk down the
    page tree, which cost half of a signature's time."""
    return sign(request, *petition_to_sign(request, page_id))


def petition_to_sign(request, page_id):
    """The live, public petition `page_id` in the language of the address (/en/ for English
    pages), as Wagtail would serve it, and the address of its thanks page; anything else is
    not found.

    Kept in the shared cache for the next signers: reading the page, the view restrictions and
    the sites' root paths took a third of a signature's time. What is kept is stamped with the
    petitions' version (campaigns/signals.py), which changes with pages, view restrictions and
    sites; one read fetches both. A petition lives under one site, so the thanks page's address
    is the same for every request.
    """
    if page_id > MAX_ID:
        # No page has it, and SQLite cannot even compare it (the lookup through page_ptr skips
        # Django's range check): not found, as any other unknown id.
        raise Http404
    key = f"campaigns:petition-to-sign:{page_id}:{translation.get_language()}"
    kept = cache.get_many([PETITIONS.key, key])
    version = kept.get(PETITIONS.key) or PETITIONS.new()
    if key in kept and kept[key][0] == version:
        return kept[key][1:]
    petition = get_object_or_404(
        PetitionPage.objects.live().only(*SIGNING_FIELDS),
        pk=page_id,
        locale__language_code=translation.get_language(),
    )
    if in_private_section(petition):
        raise Http404
    thanks = thanks_url(request, petition)
    cache.set(key, (version, petition, thanks), PETITION_TO_SIGN_SECONDS)
    return petition, thanks


def in_private_section(page):
    """Whether a view restriction covers the page: PageQuerySet.public()'s test (a restricted
    page and its descendants), on the page in hand. public() builds a query from every
    restriction, which cost more than reading their few paths."""
    paths = PageViewRestriction.objects.values_list("page__path", flat=True)
    return any(page.path.startswith(path) for path in paths)


def petition_context(request, petition, form):
    """The petition page's context: its own view and a sign POST with errors show the same."""
    count = petition.confirmed_count()
    return {
        **petition.get_context(request),
        "form": form,
        "count": count,
        "progress": min(count, petition.goal),
        "percent": min(100, count * 100 // petition.goal),
        "state": petition.current_state(),
        "recent_signers": petition.recent_signers() if petition.show_recent_signers else [],
    }


def over_client_rate(request, petition):
    """Count this attempt in every window of the per-client, per-petition rates; whether it
    goes over one. A review signal only: many people may share the client's address."""
    scope = f"petition:{petition.translation_key}"
    return bool(hit(request, scope, *settings.PETITION_SIGNATURE_RATE_LIMITS))


def record_signature(request, petition, data):
    """Store a new signature and mail its link, or mail the owner of an address that has
    signed already. Either way the signer sees the same page.

    One transaction for the per-client counters, the signature and its mail, not one each: on
    SQLite every write transaction waits its turn for the lock, and PostgreSQL flushes its log
    at every commit. An address that has signed is told by the failed insert, which undoes the
    whole transaction: that is rarer than a new signature, so it pays for a second one, and a
    new signature needs no savepoint.
    """
    signature = Signature(
        petition=petition,
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data["email"],
        email_normalised=normalise_email(data["email"]),
        municipality_id=data["municipality"],
        newsletter=data["newsletter"],
        show_first_name=data["show_first_name"],
        language=translation.get_language(),
        mails_sent=1,
        client_key=client_key(request)[:CLIENT_KEY_LENGTH],
    )
    signature.record_consent(SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION, timezone.now())
    try:
        with transaction.atomic():
            signature.over_client_rate = over_client_rate(request, petition)
            signature.save()
            mail_signer(petition, signature, "campaigns/mail/signature_confirm.txt")
    except IntegrityError:
        # Signed before, maybe a moment ago by a concurrent request: count the attempt and
        # mail the owner.
        with transaction.atomic():
            over_client_rate(request, petition)
            earlier = Signature.objects.filter(
                petition_key=petition.translation_key,
                email_normalised=signature.email_normalised,
            ).first()
            if earlier is not None and earlier.claim_mail():
                mail_signer(petition, earlier, "campaigns/mail/signature_repeat.txt")


def mail_signer(petition, signature, template):
    """Queue the mail in the signature's transaction: the queue is a table of the same database,
    so the job and the signature are committed together or not at all, in one commit. The
    worker renders the mail (campaigns/tasks.py) in the language of the page used, so the
    request does not pay for it."""
    send_signature_mail.enqueue(
        signature_id=signature.pk,
        petition_id=petition.pk,
        template=template,
        language=translation.get_language(),
    )


def check_mail(request, petition):
    return TemplateResponse(
        request, "campaigns/petition_check_mail.html", {"page": petition, "self": petition}
    )


def confirm(request, petition, token):
    """A page with a button: mail scanners follow links with GET, so only POST confirms."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    signature = Signature.from_token(token)
    if signature is None or signature.petition_key != petition.translation_key:
        outcome, status = "invalid", 404
    elif signature.invalidated_at is not None:
        # Not "the link does not work, sign again": signing again cannot bring it back.
        outcome, status = "invalidated", 410
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
