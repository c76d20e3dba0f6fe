"""Non-page views of the camera map.

`urlpatterns` live under the language prefix, their words in the reader's language
(/mapa/prijava/…, /en/map/report/…; portal/urls.py); `api_urlpatterns` are language-neutral
open data under /api/. The addresses these had before they were translated (/map/report/…)
redirect to them (portal/legacy_urls.py).
"""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from . import api, offline, osm_export, reports, views
from .releases import views as releases
from .streets import api as streets_api
from .streets import pages as street_pages
from .streets import views as walk

app_name = "map"

urlpatterns = [
    # Context "URL": translators see these are addresses (lower case, no spaces or accents).
    path(pgettext_lazy("URL", "report/"), reports.report, name="report"),
    path(pgettext_lazy("URL", "report/thanks/"), reports.report_thanks, name="report_thanks"),
    # The converter stays out of the translated words, so no translation can break it.
    path(
        format_lazy("{}<slug:token>/", pgettext_lazy("URL", "report/follow/")),
        reports.report_follow,
        name="report_follow",
    ),
    # The report form as an app (map/offline.py): a file name, the same in every language.
    path("app.webmanifest", offline.web_manifest, name="web_manifest"),
    path(pgettext_lazy("URL", "data/"), api.open_data, name="open_data"),
    path(pgettext_lazy("URL", "embed/"), views.embed, name="embed"),
    path(
        format_lazy("{}<int:pk>/", pgettext_lazy("URL", "cameras/")),
        views.camera_page,
        name="camera_page",
    ),
    # The dataset's releases (map/releases/views.py).
    path(pgettext_lazy("URL", "releases/"), releases.releases_page, name="releases"),
    path(
        format_lazy("{}atom.xml", pgettext_lazy("URL", "releases/")),
        releases.releases_feed,
        name="releases_feed",
    ),
    path(
        format_lazy("{}<int:number>/", pgettext_lazy("URL", "releases/")),
        releases.release_page,
        name="release",
    ),
    # The street coverage for people (map/streets/pages.py): the streets as a table, the method.
    path(pgettext_lazy("URL", "streets/"), street_pages.streets_page, name="streets"),
    path(pgettext_lazy("URL", "streets/method/"), street_pages.street_method, name="street_method"),
    # A walk that avoids cameras (map/streets/views.py).
    path(pgettext_lazy("URL", "walk/"), walk.walk_page, name="walk"),
]

api_urlpatterns = [
    path("cameras.geojson", api.cameras_geojson, name="cameras_geojson"),
    path("cameras.csv", api.cameras_csv, name="cameras_csv"),
    path("cameras/<int:pk>.geojson", api.camera_geojson, name="camera"),
    path("municipalities.json", api.municipalities_json, name="municipalities"),
    # Back to OpenStreetMap (map/osm_export.py).
    path("osm/cameras.osm", osm_export.cameras_osm, name="osm_cameras"),
    path("osm/tag-changes.json", osm_export.tag_changes_json, name="osm_tag_changes"),
    # Releases: frozen files at addresses that never change (map/releases/views.py).
    path("releases.json", releases.releases_json, name="releases"),
    path("releases/<int:number>/<str:name>", releases.release_file, name="release_file"),
    # What the cameras see of each street (map/streets/api.py).
    path("streets.geojson", streets_api.streets_geojson, name="streets_geojson"),
    path("streets.csv", streets_api.streets_csv, name="streets_csv"),
    path("street-coverage.csv", streets_api.municipalities_csv, name="street_coverage_csv"),
    # Both walks between two points (map/streets/views.py).
    path("walk.json", walk.walk_json, name="walk"),
]
