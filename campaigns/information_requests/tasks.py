"""The tracked requests' mails: the tracking page's link, and the reminders before the term
ends, after it ended in silence, and before the term to complain of a refusal ends."""

from django.apps import apps
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.models import Site

from campaigns.tasks import send_mail

# The mails (kind: subject); their bodies are templates/campaigns/mail/request_<kind>.txt.
SUBJECTS = {
    "tracking": _("Your request to %(authority)s: its page and its term"),
    "before": _("The term for your request to %(authority)s ends on %(date)s"),
    "after": _("%(authority)s has not answered in time: you may complain"),
    "complaint": _("The term to complain of the refusal by %(authority)s ends on %(date)s"),
}


@task()
def send_request_mail(information_request_id, kind, language):
    """Mail a tracked request's author (kind: tracking, before, after, complaint), built here
    from the request as it is now: the job holds its id only, and a request deleted (by its author,
    or by the retention rule) before the worker ran gets nothing. The parameter's name is
    erasure's (campaigns/supporters/erasure.py ID_PARAMETERS). The model is looked up, not
    imported: it queues this task."""
    message = request_mail(information_request_id, kind, language)
    if message is not None:
        send_mail.call(*message, language=language)


def tracking_url(information_request, language):
    """The request's own page, absolute, in `language`."""
    site = Site.objects.filter(is_default_site=True).first()
    with translation.override(language):
        path = reverse("request_tracking", args=[information_request.token])
    return site.root_url + path


def still_applies(tracked, kind):
    """Whether a mail queued about `tracked` still has something to say when it is built."""
    if kind == "complaint":
        return tracked.complaint_due_on is not None
    if kind in ("before", "after"):
        return not tracked.is_answered
    return True


def request_mail(information_request_id, kind, language):
    """(subject, body, address) of a tracked request's mail, or None when it no longer
    applies: the request is gone, or answered since a reminder was due."""
    InformationRequest = apps.get_model("campaigns", "InformationRequest")
    tracked = (
        InformationRequest.objects.filter(pk=information_request_id)
        .select_related("authority")
        .first()
    )
    if tracked is None or not still_applies(tracked, kind):
        return None
    link = tracking_url(tracked, language)
    with translation.override(language):
        context = {
            "tracked": tracked,
            "tracking_url": link,
            "complaint_url": f"{link}#complaint",
        }
        subject = str(SUBJECTS[kind]) % {
            "authority": tracked.authority.localized.name,
            "date": formats.date_format(
                tracked.complaint_due_on if kind == "complaint" else tracked.answer_due_on,
                "DATE_FORMAT",
            ),
        }
        body = render_to_string(f"campaigns/mail/request_{kind}.txt", context)
    # The address as its owner typed it.
    return subject, body, tracked.email
