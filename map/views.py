"""The embeddable map: /map/embed/, the one page of the site that other sites may frame."""

from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt

from .figures import municipalities
from .filters import CameraFilterForm


@xframe_options_exempt
def embed(request):
    """A full-window map of the cameras the query string's filters select (as the map page's).

    Framing is allowed here only: every other response keeps X-Frame-Options: DENY.
    """
    municipality_list = municipalities()
    form = CameraFilterForm(
        request.GET, municipalities=[(item.slug, item.local_name) for item in municipality_list]
    )
    response = render(
        request,
        "map/embed.html",
        {"filters": form.values(), "municipalities": municipality_list},
    )
    # The modern form of the exemption; browsers that know it ignore X-Frame-Options.
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response
