"""The monthly mail to supporters who map cameras: the cameras in their municipality that need a
re-check (issue 20), with a one-click unsubscribe (RFC 8058), being list mail.

Who gets it: supporters who map cameras (that way to help) and ticked "once a month, mail me
the cameras …" (`recheck_mail`), whose primary address is verified, who were not sent one in
the last RECHECK_MAIL_EVERY, and in whose municipality a camera needs a re-check.
`send_recheck_mails` (run daily by run_schedule) claims them with one UPDATE that dates the
mail, so that a run repeated or running on two nodes mails each person once, then queues a job
per supporter holding only their id: the task table keeps finished jobs for a day and must not
keep who was mailed what. The job builds the mail when it runs, in the language the supporter
last gave their details in, and sends nothing to someone who stopped it or left meanwhile.

The unsubscribe address holds a signed token of the supporter's id (django.core.signing, under
a salt of its own), so it works without logging in and cannot be guessed for anyone else.
"""

import datetime
from urllib.parse import urlencode

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.models import Site

from campaigns.list_mail import list_headers, one_click_unsubscribe
from campaigns.supporters.models import Supporter, WayToHelp
from campaigns.tasks import send_mail
from home.models import OrganisationSettings
from map.models import Camera, MapPage, needs_recheck_q

# At most one mail in this long, however often the job runs.
RECHECK_MAIL_EVERY = datetime.timedelta(days=30)
# The cameras a mail names, the longest unconfirmed first; the rest are counted, with a link
# to the map's list of them all.
CAMERAS_PER_MAIL = 20
# Supporters claimed per run: a daily run mails this many at most (the rest the next day).
SUPPORTERS_PER_RUN = 5000
UNSUBSCRIBE_SALT = "campaigns.supporter.recheck-mail"


def unsubscribe_token(supporter):
    return signing.dumps(supporter.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def supporter_from_token(token):
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Supporter.objects.filter(pk=pk).first() if isinstance(pk, int) else None


def due_supporters(now):
    """Those who asked for the mail, may get one now, and have cameras to re-check."""
    cameras_to_recheck = Camera.objects.filter(
        needs_recheck_q(), municipality_id=OuterRef("municipality_id")
    )
    # The address the job mails: the primary one, verified.
    verified = EmailAddress.objects.filter(user_id=OuterRef("user_id"), verified=True, primary=True)
    not_lately = Supporter.objects.filter(recheck_mail_sent_at__isnull=True) | (
        Supporter.objects.filter(recheck_mail_sent_at__lt=now - RECHECK_MAIL_EVERY)
    )
    return not_lately.filter(
        Exists(cameras_to_recheck),
        Exists(verified),
        recheck_mail=True,
        user__is_active=True,
        helps__way=WayToHelp.CAMERAS,
    )


def send_recheck_mails():
    """Claim the supporters due a mail and queue one job each; returns how many."""
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            due_supporters(now).order_by("pk").values_list("pk", flat=True)[:SUPPORTERS_PER_RUN]
        )
        # Dated only where still due: a run elsewhere that claimed one first keeps it.
        claimed = list(
            due_supporters(now)
            .filter(pk__in=ids)
            .select_for_update(of=("self",))
            .values_list("pk", flat=True)
        )
        Supporter.objects.filter(pk__in=claimed).update(recheck_mail_sent_at=now)
        transaction.on_commit(lambda: [send_recheck_mail.enqueue(pk) for pk in claimed])
    return len(claimed)


@task()
def send_recheck_mail(supporter_id):
    """Build and send one supporter's mail, if they still want it and there is something to
    re-check. Its parameter's name is erasure's (campaigns/supporters/erasure.py)."""
    supporter = (
        Supporter.objects.filter(pk=supporter_id, recheck_mail=True, user__is_active=True)
        .select_related("user", "municipality")
        .first()
    )
    address = (
        supporter
        and EmailAddress.objects.filter(
            user_id=supporter.user_id, verified=True, primary=True
        ).first()
    )
    if address is None:
        return
    site = Site.objects.get(is_default_site=True)
    with translation.override(supporter.language):
        cameras = Camera.with_municipality_names(
            Camera.objects.filter(needs_recheck_q(), municipality=supporter.municipality)
        ).order_by("last_confirmed_at", "pk")
        total = cameras.count()
        if not total:
            return
        listed = list(cameras[:CAMERAS_PER_MAIL])
        link = site.root_url + reverse("recheck_unsubscribe", args=[unsubscribe_token(supporter)])
        map_list = recheck_list_url(supporter)
        body = render_to_string(
            "campaigns/mail/recheck.txt",
            {
                "supporter": supporter,
                "municipality": listed[0].municipality_name,
                "cameras": [
                    (camera, site.root_url + reverse("map:camera_page", args=[camera.pk]))
                    for camera in listed
                ],
                "total": total,
                "days": settings.CAMERA_RECHECK_AFTER.days,
                "more": total - len(listed),
                "map_list_url": map_list,
                "unsubscribe_url": link,
                "organisation": OrganisationSettings.for_site(site).name,
            },
        )
        subject = gettext("Cameras to re-check in %(municipality)s") % {
            "municipality": listed[0].municipality_name
        }
    send_mail.call(
        subject, body, address.email, headers=list_headers(link), language=supporter.language
    )


def recheck_list_url(supporter):
    """The map's list of the cameras to re-check in the supporter's municipality: its table
    without JavaScript, its markers with it."""
    map_page = MapPage.for_language(translation.get_language())
    query = urlencode(
        {"status": "all", "needs_recheck": "true", "municipality": supporter.municipality.slug}
    )
    return f"{map_page.get_full_url()}?{query}" if map_page else ""


def show_or_unsubscribe(request, token):
    supporter = supporter_from_token(token)
    if supporter is None:
        raise Http404
    if request.method == "POST":
        Supporter.objects.filter(pk=supporter.pk).update(recheck_mail=False)
        subscribed = False
    else:
        subscribed = supporter.recheck_mail
    return TemplateResponse(
        request, "campaigns/recheck_unsubscribe.html", {"subscribed": subscribed}
    )


# GET shows a button, which unsubscribes with POST (one click from the mail provider too).
unsubscribe = one_click_unsubscribe(show_or_unsubscribe)


# portal/urls.py includes these in its i18n_patterns: /unsubscribe/rechecks/<token>/ and
# /en/unsubscribe/rechecks/<token>/.
urlpatterns = [path("<str:token>/", unsubscribe, name="recheck_unsubscribe")]
