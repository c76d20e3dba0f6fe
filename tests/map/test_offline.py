"""The report form as an installable app (map/offline.py): its manifest, its service worker's
address and headers, and the files the worker keeps (README: "Offline reports"). The worker
itself runs in Chromium: tests/browser/test_offline_report.py."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client

from map.offline import OFFLINE_ASSETS, worker_config

pytestmark = pytest.mark.django_db

TILE_ORIGIN = "https://tile.openstreetmap.org"


def worker_settings(body):
    """The worker's configuration, as /sw.js gives it."""
    match = re.match(r"self\.kamereOffline = (\{.*\});\n", body)
    assert match, body
    return json.loads(match.group(1))


@pytest.fixture
def fresh_worker_config():
    """worker_config is computed once per process: anew for a test's own settings."""
    worker_config.cache_clear()
    yield
    worker_config.cache_clear()


def test_the_service_worker_is_served_from_the_root_as_javascript(fresh_worker_config):
    response = Client().get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    # Browsers check for a new worker on each visit: never an old copy from a cache.
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    config = worker_settings(body)
    assert config["pages"] == ["/mapa/prijava/", "/cir/mapa/prijava/", "/en/map/report/"]
    assert config["followPrefixes"] == [
        "/mapa/prijava/pracenje/",
        "/cir/mapa/prijava/pracenje/",
        "/en/map/report/follow/",
    ]
    assert 'importScripts("/static/map/offline-queue.js", "/static/map/offline-worker.js");' in body


def test_the_worker_may_fetch_tiles_and_nothing_else_of_another_host(fresh_worker_config):
    policy = Client().get("/sw.js")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))

    # The worker keeps tiles, which it fetches itself: connect-src in a worker.
    assert directives["connect-src"].split() == ["'self'", TILE_ORIGIN]
    assert directives["script-src"] == "'self'"
    # The pages keep theirs.
    page_policy = Client().get("/en/map/report/")["Content-Security-Policy"]
    assert "connect-src 'self';" in page_policy + ";"


def test_the_worker_is_only_read(fresh_worker_config):
    assert Client().post("/sw.js").status_code == 405


@pytest.mark.parametrize(
    ("address", "form", "language"),
    [
        ("/mapa/app.webmanifest", "/mapa/prijava/", "sr-latn"),
        ("/en/map/app.webmanifest", "/en/map/report/", "en"),
    ],
)
def test_the_manifest_starts_the_app_on_the_report_form(address, form, language, settings):
    response = Client().get(address)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert response["Cache-Control"] == "private, max-age=3600"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == form
    assert manifest["display"] == "standalone"
    assert manifest["lang"] == language
    # static/css/site.css: --navy, as the pages' theme-color, and --paper.
    assert (manifest["theme_color"], manifest["background_color"]) == ("#14213d", "#ffffff")
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL)), icon


def test_every_page_links_the_manifest_in_its_language():
    assert '<link rel="manifest" href="/mapa/app.webmanifest">' in (
        Client().get("/mapa/prijava/").content.decode()
    )
    assert '<link rel="manifest" href="/en/map/app.webmanifest">' in (
        Client().get("/en/map/report/").content.decode()
    )


@pytest.mark.parametrize("form", ["/mapa/prijava/", "/cir/mapa/prijava/", "/en/map/report/"])
def test_the_form_page_hands_its_script_the_workers_address_and_scope(form):
    page = Client().get(form).content.decode()
    match = re.search(r'<script id="offline-config" type="application/json">(.*?)</script>', page)

    # The worker sees this language's form (and its follow-up pages), nothing else.
    assert json.loads(match.group(1)) == {
        "worker": "/sw.js",
        "scope": form,
        "followPrefixes": [
            "/mapa/prijava/pracenje/",
            "/cir/mapa/prijava/pracenje/",
            "/en/map/report/follow/",
        ],
    }


def test_the_worker_keeps_only_files_of_the_static_manifest(
    settings, tmp_path, fresh_worker_config
):
    """The names the worker keeps are the hashed names of the deploy's manifest: a file
    missing from it would make the worker's install fail, and with it the whole offline form."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    hashed = set(json.loads((tmp_path / "staticfiles.json").read_text())["paths"].values())

    response = Client().get("/sw.js")

    body = response.content.decode()
    config = worker_settings(body)
    kept = [url.removeprefix(settings.STATIC_URL) for url in config["assets"]]
    assert len(kept) == len(OFFLINE_ASSETS)
    assert set(kept) <= hashed
    # Hashed names: a deploy that changes a file changes the worker, which keeps it anew.
    assert all(re.search(r"\.[0-9a-f]{12}\.\w+$", name) for name in kept)
    scripts = re.search(r"importScripts\((.*)\);", body).group(1)
    for url in json.loads(f"[{scripts}]"):
        assert url.removeprefix(settings.STATIC_URL) in hashed
