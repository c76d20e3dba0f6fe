"""Non-page views of the camera map.

`urlpatterns` live under the language prefix (/map/…, /en/map/…); `api_urlpatterns` are
language-neutral open data under /api/.
"""

from django.urls import path  # noqa: F401

app_name = "map"

urlpatterns = []

api_urlpatterns = []
