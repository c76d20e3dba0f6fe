"""A tracked request's page, at the address mailed to its author: its term, what has happened
since, the complaint to the Commissioner when it is late or refused, and its deletion.

Whoever holds the address may act on it, as on a camera report's follow-up page: the address
is the key (128 random bits), nothing on the page says who made the request, and every answer
is private and kept by no cache. The complaint's name and address are not stored.
"""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from campaigns.information_requests.complaints import attachments, complaint_letter, file_name
from campaigns.information_requests.deadlines import Law
from campaigns.information_requests.forms import (
    PUBLISH_CONSENT_TEXT,
    PUBLISH_CONSENT_VERSION,
    ComplaintForm,
    ProgressForm,
    PublishForm,
)
from campaigns.information_requests.letters import mail_link
from campaigns.information_requests.models import Authority, InformationRequest
from campaigns.information_requests.pages import private
from campaigns.information_requests.register import RegisterEntry
from home.forms import is_from_a_bot
from home.languages import default_language
from home.ratelimit import over_rate

ACTIONS = ("confirm", "progress", "delete", "complaint", "complaint_pdf", "publish", "withdraw")


def progress_form(tracked, data=None):
    return ProgressForm(
        data,
        law=tracked.law,
        initial={
            "urgent": tracked.urgent,
            "received_on": tracked.received_on,
            "extended": tracked.extended,
            "answered_on": tracked.answered_on,
            "outcome": tracked.outcome,
            "complained_on": tracked.complained_on,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def tracking(request, token):
    tracked = get_object_or_404(
        InformationRequest.objects.select_related("authority", "page"), token=token
    )
    action = request.POST.get("action") if request.method == "POST" else None
    if action is not None and action not in ACTIONS:
        action = None
    commissioner = Authority.complaint_body()
    today = timezone.localdate()
    context = {
        "tracked": tracked,
        "commissioner": commissioner,
        "today": today,
        "days_left": (tracked.answer_due_on - today).days,
        "progress_form": progress_form(tracked),
        "complaint_form": ComplaintForm(refusal=tracked.is_refused),
        "attachments": attachments(tracked),
    }
    entry = RegisterEntry.objects.filter(tracked=tracked).first()
    personal_data = tracked.law == Law.PERSONAL_DATA
    context.update(
        entry=entry,
        publish_form=PublishForm(
            personal_data=personal_data,
            initial={
                "show_name": bool(entry and entry.requester_name),
                "name": entry.requester_name if entry else "",
            },
        ),
    )
    here = request.path
    if action == "confirm":
        tracked.confirm()
        return redirect(f"{here}#reminders")
    if action == "delete":
        # Not yet published, its entry goes with it; a published one stays on the register.
        if entry is not None and entry.status != RegisterEntry.Status.PUBLISHED:
            entry.withdraw()
        tracked.delete()
        return private(TemplateResponse(request, "campaigns/request_deleted.html", {}))
    if action in ("progress", "publish"):
        # What is written down changes pages others read (the register's): within a rate.
        refused = over_rate(request, "request-tracking", "REQUEST_TRACKING_RATE_LIMIT")
        if refused:
            return refused
    if action == "progress":
        form = progress_form(tracked, request.POST)
        if form.is_valid():
            tracked.record_progress(**form.cleaned_data)
            RegisterEntry.follow(tracked)
            return redirect(f"{here}#progress")
        context["progress_form"] = form
    if action == "withdraw" and entry is not None:
        entry.withdraw()
        return redirect(f"{here}#register")
    if action == "publish":
        form = PublishForm(request.POST, request.FILES, personal_data=personal_data)
        if form.is_valid():
            RegisterEntry.submit(
                tracked,
                name=form.shown_name(),
                answer=form.cleaned_data["answer"],
                consent_text=PUBLISH_CONSENT_TEXT,
                consent_version=PUBLISH_CONSENT_VERSION,
            )
            return redirect(f"{here}#register")
        context["publish_form"] = form
    if action in ("complaint", "complaint_pdf") and commissioner and tracked.may_complain():
        # The letters' limit, shared: a complaint is a letter too.
        refused = over_rate(request, "request-letter", "REQUEST_LETTER_RATE_LIMIT")
        if refused:
            return refused
        form = ComplaintForm(request.POST, refusal=tracked.is_refused)
        context["complaint_form"] = form
        if is_from_a_bot(request.POST):
            context["complaint_form"] = ComplaintForm(refusal=tracked.is_refused)
        elif form.is_valid():
            letter = complaint_letter(
                tracked,
                commissioner=commissioner,
                complainant=form.complainant(),
                written_on=timezone.localdate(),
                reading_language=get_language(),
            )
            if action == "complaint_pdf":
                response = HttpResponse(letter.pdf(), content_type="application/pdf")
                response["Content-Disposition"] = f'attachment; filename="{file_name(tracked)}"'
                return private(response)
            link, has_letter = mail_link(commissioner.request_email, letter)
            context.update(complaint=letter, mail_link=link, mail_has_letter=has_letter)
    return private(TemplateResponse(request, "campaigns/request_tracking.html", context))


@require_http_methods(["GET", "HEAD"])
def register_figures(request):
    """The register's figures per authority as open data: the same counts as the register
    page, in the authority's Serbian name and, where it has one, its English. Cached briefly
    by anyone: nothing in it is personal."""
    figures = RegisterEntry.figures()
    authorities = Authority.objects.filter(translation_key__in=figures).select_related("locale")
    names = {}
    for authority in authorities:
        names.setdefault(authority.translation_key, {})[authority.locale.language_code] = (
            authority.name
        )
    rows = [
        {
            "authority": names.get(key, {}).get(default_language())
            or next(iter(names.get(key, {}).values()), ""),
            "authority_en": names.get(key, {}).get("en", ""),
            **counts,
        }
        for key, counts in figures.items()
    ]
    rows.sort(key=lambda row: (-row["requests"], row["authority"]))
    response = JsonResponse(
        {
            "generated_on": timezone.localdate().isoformat(),
            "definitions": FIGURE_DEFINITIONS,
            "authorities": rows,
        },
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, public=True, max_age=300)
    return response


# What each figure counts, for whoever reads the data without the page.
FIGURE_DEFINITIONS = {
    "requests": "published requests to the authority",
    "answered_in_time": "answered, with what was asked, by the last day of the term",
    "late": "answered after the term, or the term over with no answer",
    "refused": "refused in whole or in part",
    "complaints": "complained of to the Commissioner",
    "waiting": "the term still running, no answer yet",
}
