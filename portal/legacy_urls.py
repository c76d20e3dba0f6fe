"""The site's own addresses as they were before their words were translated: /map/report/,
/map/cameras/<id>/, /search/… in Serbian, now /mapa/prijava/, /mapa/kamere/<id>/, /pretraga/….

They must answer for ever: mailed follow-up links, shared camera pages, bookmarks, and other
sites' frames of /map/embed/. Each one redirects, permanently and with its query string, to
the same view's address in the language being read (portal/urls.py lists these after the
translated routes, so they are only reached where a translation differs from the old words:
an untranslated address is served, never redirected to itself).

The target is always reversed from our own routes, a path on this site: no input chooses
where the redirect goes, so there is no open redirect.
"""

from csp.decorators import csp_replace
from django.http import HttpResponsePermanentRedirect
from django.urls import path
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import RedirectView

# The old Serbian addresses: (route, the name of the view it now has).
MAP_ROUTES = [
    ("map/report/", "map:report"),
    ("map/report/thanks/", "map:report_thanks"),
    ("map/report/follow/<slug:token>/", "map:report_follow"),
    ("map/data/", "map:open_data"),
    ("map/cameras/<int:pk>/", "map:camera_page"),
]


class MovedView(RedirectView):
    """301 for GET and HEAD; 308 for a POST (a report form loaded from the old address and
    sent after the move), so the browser sends the same body again rather than dropping it."""

    permanent = True
    query_string = True
    http_method_names = ["get", "head", "post"]

    def post(self, request, *args, **kwargs):
        response = HttpResponsePermanentRedirect(self.get_redirect_url(*args, **kwargs))
        response.status_code = 308
        return response


# Other sites frame the embed at its old address; the redirect may be framed as the embed
# itself (map/views.py embed), so no browser refuses the frame on the redirect's headers.
moved_embed = xframe_options_exempt(
    csp_replace({"frame-ancestors": "*"})(MovedView.as_view(pattern_name="map:embed"))
)

urlpatterns = [
    *(path(route, MovedView.as_view(pattern_name=name)) for route, name in MAP_ROUTES),
    path("map/embed/", moved_embed),
    path("search/", MovedView.as_view(pattern_name="search")),
]
