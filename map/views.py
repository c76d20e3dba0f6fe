"""The embeddable map: /map/embed/, the one page of the site that other sites may frame."""

from csp.decorators import csp_replace
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt

from .figures import municipalities
from .filters import CameraFilterForm


@xframe_options_exempt
# frame-ancestors is the exemption's modern form (browsers that know it ignore
# X-Frame-Options); the rest of the public Content-Security-Policy holds.
@csp_replace({"frame-ancestors": "*"})
def embed(request):
    """A full-window map of the cameras the query string's filters select (as the map page's).

    Framing is allowed here only: every other response keeps X-Frame-Options: DENY.
    """
    municipality_list = municipalities()
    form = CameraFilterForm(
        request.GET, municipalities=[(item.slug, item.local_name) for item in municipality_list]
    )
    return render(
        request,
        "map/embed.html",
        {"filters": form.values(), "municipalities": municipality_list},
    )
