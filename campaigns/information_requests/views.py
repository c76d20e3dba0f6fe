"""A tracked request's page, at the address mailed to its author: its term, what has happened
since, the complaint to the Commissioner when it is late or refused, and its deletion.

Whoever holds the address may act on it, as on a camera report's follow-up page: the address
is the key (128 random bits), nothing on the page says who made the request, and every answer
is private and kept by no cache. The complaint's name and address are not stored.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from campaigns.information_requests.complaints import attachments, complaint_letter, file_name
from campaigns.information_requests.forms import ComplaintForm, ProgressForm
from campaigns.information_requests.letters import mail_link
from campaigns.information_requests.models import Authority, InformationRequest
from campaigns.information_requests.pages import private
from home.forms import is_from_a_bot
from home.ratelimit import over_rate

ACTIONS = ("confirm", "progress", "delete", "complaint", "complaint_pdf")


def progress_form(tracked, data=None):
    return ProgressForm(
        data,
        initial={
            "received_on": tracked.received_on,
            "extended": tracked.extended,
            "answered_on": tracked.answered_on,
            "outcome": tracked.outcome,
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
    here = request.path
    if action == "confirm":
        tracked.confirm()
        return redirect(f"{here}#reminders")
    if action == "delete":
        tracked.delete()
        return private(TemplateResponse(request, "campaigns/request_deleted.html", {}))
    if action == "progress":
        form = progress_form(tracked, request.POST)
        if form.is_valid():
            tracked.record_progress(**form.cleaned_data)
            return redirect(f"{here}#progress")
        context["progress_form"] = form
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
