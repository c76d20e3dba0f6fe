"""Non-page views of the camera map.

`urlpatterns` live under the language prefix (/map/…, /en/map/…); `api_urlpatterns` are
language-neutral open data under /api/.
"""

from django.urls import path

from . import api, reports, views

app_name = "map"

urlpatterns = [
    path("report/", reports.report, name="report"),
    path("report/thanks/", reports.report_thanks, name="report_thanks"),
    path("report/follow/<slug:token>/", reports.report_follow, name="report_follow"),
    path("data/", api.open_data, name="open_data"),
    path("embed/", views.embed, name="embed"),
    path("cameras/<int:pk>/", views.camera_page, name="camera_page"),
]

api_urlpatterns = [
    path("cameras.geojson", api.cameras_geojson, name="cameras_geojson"),
    path("cameras.csv", api.cameras_csv, name="cameras_csv"),
    path("cameras/<int:pk>.geojson", api.camera_geojson, name="camera"),
    path("municipalities.json", api.municipalities_json, name="municipalities"),
]
