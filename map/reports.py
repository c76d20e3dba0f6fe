"""The public "report a camera" form and the reporter's follow-up page.

After sending, the reporter lands on their report's follow-up page: its reference, what became
of it, and nothing about who sent it. The page's address holds the report's random key, so it
is the thanks page and the bookmark at once, and no reference travels in a query string.
"""

import math

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_permissions_policy.decorators import permissions_policy_override

from home.forms import is_from_a_bot
from home.ratelimit import rate_limit

from .filters import PUBLIC_STATUSES
from .forms import CameraReportForm, valid_client_key
from .management.commands.purge_report_data import REJECTED_REPORT_RETENTION
from .models import Camera, CameraReport, MapPage
from .moderation import retire_if_gone

# Camera ids in links are small numbers; anything longer is not one of ours.
MAX_ID_DIGITS = 9
# What anyone can answer about a camera on the map, and the form's words for each answer.
RECHECK_ANSWERS = {
    CameraReport.Kind.SEEN: {
        "heading": gettext_lazy("Confirm a camera you saw"),
        "lead": gettext_lazy("You are telling us that this camera is still there:"),
    },
    CameraReport.Kind.GONE: {
        "heading": gettext_lazy("Report a camera that is gone"),
        "lead": gettext_lazy("You are telling us that this camera is no longer there:"),
    },
    CameraReport.Kind.MOVED: {
        "heading": gettext_lazy("Report a camera that has moved"),
        "lead": gettext_lazy("You are telling us that this camera is now somewhere else:"),
    },
    CameraReport.Kind.CHANGED: {
        "heading": gettext_lazy("Report a change to a camera"),
        "lead": gettext_lazy("You are telling us that something about this camera has changed:"),
    },
}


# "Use my location": the one page that may ask for the device's position.
@permissions_policy_override({**settings.PERMISSIONS_POLICY, "geolocation": ["self"]})
@require_http_methods(["GET", "POST"])
@rate_limit("camera-report", "CAMERA_REPORT_RATE_LIMIT")
def report(request):
    # The form posts back to its own address, so ?camera=&kind= holds for both methods.
    camera, kind = reported_camera(request.GET)
    if request.method == "POST":
        if is_from_a_bot(request.POST):
            # A bot: answer as if it worked, so it learns nothing, and store nothing.
            return redirect("map:report_thanks")
        sent_before = already_sent(request.POST.get("client_key"))
        if sent_before:
            # The offline queue sending again after it lost the answer: nothing new is stored.
            return redirect("map:report_follow", token=sent_before.follow_token)
        reporter = request.user if request.user.is_authenticated else None
        form = CameraReportForm(
            request.POST, request.FILES, reporter=reporter, camera=camera, kind=kind
        )
        if form.is_valid():
            try:
                with transaction.atomic():
                    report = form.save()
            except IntegrityError:
                # The same report sent twice at once: the other attempt stored it.
                report = already_sent(form.cleaned_data.get("client_key"))
                if report is None:
                    raise
                form.instance.photo.delete(save=False)
            else:
                if report.kind == CameraReport.Kind.GONE:
                    # Enough people said so, with nobody saying otherwise: off the map now.
                    retire_if_gone(report.camera)
                messages.success(request, _("Thank you: your report is sent."))
            return redirect("map:report_follow", token=report.follow_token)
    else:
        form = CameraReportForm(initial=preset_position(request.GET), camera=camera, kind=kind)
    return render(
        request,
        "map/report.html",
        {
            "form": form,
            "camera": camera,
            "kind": form.kind,
            "answer": RECHECK_ANSWERS.get(form.kind),
            "photo_lost": bool(request.FILES) and bool(form.errors),
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "map_center": settings.MAP_CENTER,
            "map_zoom": settings.MAP_ZOOM,
        },
    )


@require_GET
def report_thanks(request):
    """What the honeypot's bots see; people land on their report's follow-up page."""
    return render(
        request, "map/report_thanks.html", {"map_page": MapPage.for_language(get_language())}
    )


@require_GET
@never_cache
def report_follow(request, token):
    """What became of a report, for whoever holds its address: no account, no personal data."""
    report = get_object_or_404(
        CameraReport.objects.select_related("camera__municipality"),
        follow_token=token,
    )
    camera = report.camera
    return render(
        request,
        "map/report_follow.html",
        {
            "report": report,
            "camera": camera,
            # A camera editors have since removed or rejected has no public page.
            "camera_is_public": camera is not None and camera.status in PUBLIC_STATUSES,
            "camera_verified": camera is not None and camera.status == Camera.Status.VERIFIED,
            "deleted_on": (
                report.reviewed_at + REJECTED_REPORT_RETENTION
                if report.status == CameraReport.Status.REJECTED and report.reviewed_at
                else None
            ),
            "map_page": MapPage.for_language(get_language()),
        },
    )


def already_sent(client_key):
    """The report the offline queue already sent under `client_key`, else None."""
    if not valid_client_key(client_key):
        return None
    return CameraReport.objects.filter(client_key=client_key).first()


def reported_camera(query):
    """(camera, kind) from ?camera=<id>&kind=seen|gone|moved|changed, the map's and camera
    pages' links: a re-check's answer.

    Only a camera the public sees counts; any other id, or none, gives a report of a new
    camera, never an error. A camera without a kind is one seen again.
    """
    number = query.get("camera", "")
    if not (number.isascii() and number.isdigit() and len(number) <= MAX_ID_DIGITS):
        return None, CameraReport.Kind.NEW
    camera = Camera.with_municipality_names(
        Camera.objects.filter(pk=int(number), status__in=PUBLIC_STATUSES)
    ).first()
    if camera is None:
        return None, CameraReport.Kind.NEW
    kind = query.get("kind")
    if kind in RECHECK_ANSWERS:
        return camera, CameraReport.Kind(kind)
    return camera, CameraReport.Kind.SEEN


def preset_position(query):
    """The spot from ?lat=..&lon=.. (the map's "report a camera here"), if it is a real one."""
    try:
        latitude, longitude = float(query["lat"]), float(query["lon"])
    except (KeyError, ValueError):
        return {}
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return {}
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return {}
    return {"latitude": round(latitude, 6), "longitude": round(longitude, 6)}
