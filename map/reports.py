"""The public "report a camera" form and its thank-you page."""

import math

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods
from django_permissions_policy.decorators import permissions_policy_override

from home.ratelimit import rate_limit

from .forms import HONEYPOT_FIELD, CameraReportForm
from .models import MapPage


# "Use my location": the one page that may ask for the device's position.
@permissions_policy_override({**settings.PERMISSIONS_POLICY, "geolocation": ["self"]})
@require_http_methods(["GET", "POST"])
@rate_limit("camera-report", "CAMERA_REPORT_RATE_LIMIT")
def report(request):
    if request.method == "POST":
        if request.POST.get(HONEYPOT_FIELD):
            # A bot: answer as if it worked, so it learns nothing, and store nothing.
            return redirect("map:report_thanks")
        reporter = request.user if request.user.is_authenticated else None
        form = CameraReportForm(request.POST, request.FILES, reporter=reporter)
        if form.is_valid():
            form.save()
            return redirect("map:report_thanks")
    else:
        form = CameraReportForm(initial=preset_position(request.GET))
    return render(
        request,
        "map/report.html",
        {
            "form": form,
            "photo_lost": bool(request.FILES) and bool(form.errors),
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "map_center": settings.MAP_CENTER,
            "map_zoom": settings.MAP_ZOOM,
        },
    )


@require_GET
def report_thanks(request):
    return render(
        request, "map/report_thanks.html", {"map_page": MapPage.for_language(get_language())}
    )


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
