"""The cache in front of the site (a CDN, Varnish, nginx): chosen by the environment
(portal/frontend_cache.py), purged on the same changes as the page cache, here through a real
HTTP PURGE to a server of the test's own."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import wagtail_factories
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page, Site

from home.models import OrganisationSettings
from portal.frontend_cache import frontend_cache
from tests.home.factories import StandardPageFactory, site_home
from tests.home.test_pages import translate


@pytest.fixture
def varnish():
    """A cache that answers PURGE: the (host, path) of every purge it got."""
    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], purged
    server.shutdown()
    server.server_close()


@pytest.fixture
def purging(settings, varnish):
    port, purged = varnish
    settings.WAGTAILFRONTENDCACHE = frontend_cache(
        {"FRONTEND_CACHE": "http", "FRONTEND_CACHE_LOCATION": f"http://127.0.0.1:{port}"}.get
    )
    return purged


@pytest.mark.django_db
def test_publishing_purges_the_page_and_the_pages_that_show_it(
    purging, django_capture_on_commit_callbacks
):
    home = site_home()
    about = StandardPageFactory(parent=home, title="O nama", slug="o-nama")
    team = StandardPageFactory(parent=about, title="Tim", slug="tim")
    other = StandardPageFactory(parent=home, title="Kontakt", slug="kontakt")
    purging.clear()
    with django_capture_on_commit_callbacks(execute=True):
        about.title = "Ko smo mi"
        about.save_revision().publish()
    paths = {path for host, path in purging}
    assert {host for host, path in purging} == {"localhost"}
    # The page, the home page that lists it, the page under it whose breadcrumbs name it, and
    # their Cyrillic twins (home/scripts.py).
    assert paths == {"/o-nama/", "/", "/o-nama/tim/", "/cir/o-nama/", "/cir/", "/cir/o-nama/tim/"}
    assert other.url not in paths and team.url in paths


@pytest.mark.django_db
def test_a_site_setting_purges_every_page(purging, django_capture_on_commit_callbacks):
    home = site_home()
    StandardPageFactory(parent=home, title="O nama", slug="o-nama")
    purging.clear()
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationSettings.objects.update_or_create(
            site=Site.objects.get(), defaults={"name": "Hiljade kamera"}
        )
    assert {path for host, path in purging} == {"/", "/o-nama/", "/cir/", "/cir/o-nama/"}


@pytest.mark.django_db
def test_without_a_cache_in_front_nothing_is_sent(
    settings, varnish, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    home = site_home()
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert varnish[1] == []


def test_the_environment_chooses_the_cache_in_front():
    assert frontend_cache({}.get) == {}
    cloudflare = {"CLOUDFLARE_BEARER_TOKEN": "t", "CLOUDFLARE_ZONEID": "z"}
    assert frontend_cache({"FRONTEND_CACHE": "cloudflare", **cloudflare}.get) == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "t",
            "ZONEID": "z",
        }
    }
    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_ZONEID"):
        frontend_cache({"FRONTEND_CACHE": "cloudflare", "CLOUDFLARE_BEARER_TOKEN": "t"}.get)
    with pytest.raises(ImproperlyConfigured, match="FRONTEND_CACHE_LOCATION"):
        frontend_cache({"FRONTEND_CACHE": "http"}.get)
    with pytest.raises(ImproperlyConfigured, match="not 'fastly'"):
        frontend_cache({"FRONTEND_CACHE": "fastly"}.get)


# Old addresses: a cache in front knows pages by address only


def paths(purged):
    return {path for host, path in purged}


@pytest.mark.django_db
def test_moving_a_page_purges_its_old_address_and_those_of_the_pages_under_it(
    purging, django_capture_on_commit_callbacks
):
    home = site_home()
    about = StandardPageFactory(parent=home, title="O nama", slug="o-nama")
    StandardPageFactory(parent=about, title="Tim", slug="tim")
    section = StandardPageFactory(parent=home, title="Sekcija", slug="sekcija")
    purging.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=about.pk).move(section, pos="last-child")
    assert {"/o-nama/", "/o-nama/tim/"} <= paths(purging)  # where they were
    assert {"/sekcija/o-nama/", "/sekcija/o-nama/tim/"} <= paths(purging)  # where they are
    assert {"/cir/o-nama/", "/cir/sekcija/o-nama/tim/"} <= paths(purging)  # and in Cyrillic


@pytest.mark.django_db
def test_moving_a_translation_purges_its_old_addresses_in_its_language(
    purging, django_capture_on_commit_callbacks
):
    """English pages live under /en/ (i18n_patterns, Serbian unprefixed); the admin moves a
    page's translations with it, each a move of its own."""
    home = site_home()
    about = StandardPageFactory(parent=home, title="O nama", slug="o-nama")
    team = StandardPageFactory(parent=about, title="Tim", slug="tim")
    section = StandardPageFactory(parent=home, title="Sekcija", slug="sekcija")
    translate(home, "en", title="Home")
    about_en = translate(about, "en", title="About", slug="about")
    translate(team, "en", title="Team", slug="team")
    section_en = translate(section, "en", title="Section", slug="section")
    assert about_en.url == "/en/about/"
    purging.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=about_en.pk).move(section_en, pos="last-child")
    assert {"/en/about/", "/en/about/team/"} <= paths(purging)
    assert {"/en/section/about/", "/en/section/about/team/"} <= paths(purging)
    assert "/about/" not in paths(purging)
    # English pages have no Cyrillic twin.
    assert not any(path.startswith(("/cir/en/", "/cir/about/")) for path in paths(purging))


@pytest.mark.django_db
def test_a_new_slug_purges_the_old_addresses(purging, django_capture_on_commit_callbacks):
    home = site_home()
    about = StandardPageFactory(parent=home, title="O nama", slug="o-nama")
    StandardPageFactory(parent=about, title="Tim", slug="tim")
    purging.clear()
    with django_capture_on_commit_callbacks(execute=True):
        about.slug = "ko-smo-mi"
        about.save_revision().publish()
    assert {"/o-nama/", "/o-nama/tim/"} <= paths(purging)
    assert {"/ko-smo-mi/", "/ko-smo-mi/tim/"} <= paths(purging)


@pytest.mark.django_db
def test_editing_an_image_purges_the_pages_that_show_it(
    purging, django_capture_on_commit_callbacks, fresh_media
):
    home = site_home()
    image = wagtail_factories.ImageFactory(title="Kamera na uglu")
    StandardPageFactory(parent=home, title="O nama", slug="o-nama", social_image=image)
    StandardPageFactory(parent=home, title="Kontakt", slug="kontakt")
    purging.clear()
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Kamera sa prepoznavanjem lica"
        image.save()
    assert paths(purging) == {"/o-nama/", "/cir/o-nama/"}
