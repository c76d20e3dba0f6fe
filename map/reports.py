"""The public "report a camera" form and the reporter's follow-up page.

After sending, the reporter lands on their report's follow-up page: its reference, what became
of it, and nothing about who sent it. The page's address holds the report's random key, so it
is the thanks page and the bookmark at once, and no reference travels in a query string.
"""

import math

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_permissions_policy.decorators import permissions_policy_override

from home.forms import is_from_a_bot
from home.ratelimit import rate_limit

from .filters import PUBLIC_STATUSES
from .forms import CameraReportForm
from .management.commands.purge_report_data import REJECTED_REPORT_RETENTION
from .models import Camera, CameraReport, MapPage

# Camera ids in links are small numbers; anything longer is not one of ours.
MAX_ID_DIGITS = 9


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
        reporter = request.user if request.user.is_authenticated else None
        form = CameraReportForm(
            request.POST, request.FILES, reporter=reporter, camera=camera, kind=kind
        )
        if form.is_valid():
            report = form.save()
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


def reported_camera(query):
    """(camera, kind) from ?camera=<id>&kind=seen|gone, the map's and camera pages' links.

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
    if query.get("kind") == CameraReport.Kind.GONE:
        return camera, CameraReport.Kind.GONE
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
