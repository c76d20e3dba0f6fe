"""The site's own routes in the reader's language, and their old addresses redirecting there.

Serbian: /mapa/prijava/, /mapa/kamere/<id>/, /pretraga/… ; English: /en/map/report/… . The
Serbian words come from the catalogue (context "URL"), so these tests need it compiled.
"""

import importlib
import re
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.urls import resolve, reverse, translate_url
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.models import StandardPage
from map.models import MapPage
from portal.legacy_urls import MovedView
from portal.redaction import redact
from tests.routes import in_english, in_serbian

from ..home.factories import StandardPageFactory
from .factories import CameraFactory, CameraReportFactory, map_pages

pytestmark = pytest.mark.django_db

# Each route: its name, the Serbian address, the English one, the old (Serbian) one; <id> and
# <token> are filled in by `addresses`.
ROUTES = [
    ("map:report", "/mapa/prijava/", "/en/map/report/", "/map/report/"),
    ("map:report_thanks", "/mapa/prijava/hvala/", "/en/map/report/thanks/", "/map/report/thanks/"),
    (
        "map:report_follow",
        "/mapa/prijava/pracenje/<token>/",
        "/en/map/report/follow/<token>/",
        "/map/report/follow/<token>/",
    ),
    ("map:camera_page", "/mapa/kamere/<id>/", "/en/map/cameras/<id>/", "/map/cameras/<id>/"),
    ("map:open_data", "/mapa/podaci/", "/en/map/data/", "/map/data/"),
    ("map:embed", "/mapa/ugradnja/", "/en/map/embed/", "/map/embed/"),
    ("search", "/pretraga/", "/en/search/", "/search/"),
]
NAMES = [route[0] for route in ROUTES]


@pytest.fixture
def site():
    """Serbian and English home and map pages, a camera and a report of it."""
    home, english_home, map_page = map_pages()
    camera = CameraFactory()
    report = CameraReportFactory(camera=camera)
    return {
        "home": home,
        "english_home": english_home,
        "map_page": map_page,
        "values": {"<id>": str(camera.pk), "<token>": report.follow_token},
        "args": {"map:camera_page": [camera.pk], "map:report_follow": [report.follow_token]},
    }


def filled(path, site):
    for placeholder, value in site["values"].items():
        path = path.replace(placeholder, value)
    return path


def addresses(name, site):
    """{"sr-latn": …, "en": …, "old": …} for the route with this name."""
    _, serbian, english, old = next(route for route in ROUTES if route[0] == name)
    return {
        "sr-latn": filled(serbian, site),
        "en": filled(english, site),
        "old": filled(old, site),
    }


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("language", ["sr-latn", "en"])
def test_each_route_answers_at_its_address_in_each_language(client, site, name, language):
    expected = addresses(name, site)[language]
    with translation.override(language):
        assert reverse(name, args=site["args"].get(name, [])) == expected
    response = client.get(expected, {"q": "kamere"} if name == "search" else {})
    assert response.status_code == 200
    assert response.resolver_match.view_name == name
    assert response["Content-Language"] == language


@pytest.mark.parametrize("name", NAMES)
def test_each_old_address_redirects_permanently_keeping_the_query(client, site, name):
    address = addresses(name, site)
    response = client.get(address["old"], {"q": "kamere vračar", "camera": "7"})
    assert response.status_code == 301
    assert response["Location"] == f"{address['sr-latn']}?q=kamere+vra%C4%8Dar&camera=7"
    response = client.head(address["old"])
    assert (response.status_code, response["Location"]) == (301, address["sr-latn"])
    # And where it leads answers.
    assert client.get(address["old"], follow=True).status_code == 200


def test_a_report_sent_to_the_old_address_is_sent_again_to_the_new_one(client, site):
    """A form loaded before the move posts to its old address: 308 keeps the method and body,
    where a 301 would turn it into a GET and drop the report."""
    response = client.post("/map/report/?camera=7", {"note": "Na stubu."})
    assert response.status_code == 308
    assert response["Location"] == "/mapa/prijava/?camera=7"


@pytest.mark.parametrize(
    "path",
    [
        "/map/report/?next=https://evil.example/",
        "/map/report/?//evil.example/",
        "/map/cameras/1/?url=//evil.example",
        "/search/?q=%0d%0aLocation:%20https://evil.example/",
    ],
)
def test_no_redirect_leaves_the_site(client, site, path):
    location = client.get(path)["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert location.split("?")[0] in ("/mapa/prijava/", "/mapa/kamere/1/", "/pretraga/")


def test_old_addresses_outside_the_routes_are_not_found(client, site):
    for path in ("/map/report/follow/", "/map/cameras/x/", "/map/report/follow/a/b/"):
        assert client.get(path).status_code == 404


def test_the_embed_and_its_old_address_may_be_framed_by_any_site(client, site):
    """Other sites frame /map/embed/: its redirect carries the embed's framing headers, so no
    browser refuses the frame on the redirect; every other redirect stays unframeable."""
    for path in ("/map/embed/", "/mapa/ugradnja/", "/en/map/embed/"):
        response = client.get(path)
        assert "X-Frame-Options" not in response, path
        assert "frame-ancestors *" in response["Content-Security-Policy"], path
    response = client.get("/map/report/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("name", NAMES)
def test_the_language_switch_leads_to_the_same_view_in_the_other_language(site, name):
    address = addresses(name, site)
    with translation.override("sr-latn"):
        assert translate_url(f"{address['sr-latn']}?a=1", "en") == f"{address['en']}?a=1"
    with translation.override("en"):
        assert translate_url(f"{address['en']}?a=1", "sr-latn") == f"{address['sr-latn']}?a=1"


@pytest.mark.parametrize("name", ["map:report", "map:camera_page", "map:open_data", "search"])
def test_pages_link_to_themselves_in_the_other_language(client, site, name):
    address = addresses(name, site)
    serbian = client.get(address["sr-latn"]).text
    # Through the view that remembers the reader's choice (home/scripts.py).
    assert f'href="/jezik/en/?next={quote(address["en"], safe="")}" hreflang="en"' in serbian
    english = client.get(address["en"]).text
    assert (
        f'href="/jezik/sr-latn/?next={quote(address["sr-latn"], safe="")}" hreflang="sr-Latn"'
        in (english)
    )
    cyrillic = f"/cir{address['sr-latn']}"
    assert f'href="/jezik/sr-cyrl/?next={quote(cyrillic, safe="")}" hreflang="sr-Cyrl"' in english


def test_the_map_page_and_the_routes_under_its_address_both_answer(client, site):
    """/mapa/ is Wagtail's map page; /mapa/prijava/… are the site's routes, tried first."""
    for path, view in (("/mapa/", "wagtail_serve"), ("/en/map/", "wagtail_serve")):
        response = client.get(path)
        assert response.status_code == 200
        assert response.resolver_match.url_name == view
        assert isinstance(response.context["page"], MapPage)
    assert client.get("/mapa/prijava/").resolver_match.view_name == "map:report"


def test_the_map_page_takes_no_child_page_the_routes_could_hide(client, site):
    assert MapPage.allowed_subpage_models() == []
    client.force_login(get_user_model().objects.create_superuser("urednik", "u@example.org", "x"))
    map_page = site["map_page"]
    assert not map_page.permissions_for_user(
        get_user_model().objects.get(username="urednik")
    ).can_add_subpage()
    add = reverse("wagtailadmin_pages:add", args=["home", "standardpage", map_page.pk])
    # Wagtail's answer to what the user may not do: back to the dashboard, with a message.
    response = client.get(add)
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def add_page(client, parent, slug):
    add = reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk])
    data = querydict_from_html(client.get(add).text, form_id="page-edit-form")
    data.update(nested_form_data({"title": "Stranica", "slug": slug, "body": streamfield([])}))
    return client.post(add, data)


@pytest.mark.parametrize(
    ("language", "slug", "address"),
    [("sr-latn", "pretraga", "/pretraga/"), ("en", "search", "/en/search/")],
)
def test_an_editor_cannot_put_a_page_where_a_route_answers(client, site, language, slug, address):
    client.force_login(get_user_model().objects.create_superuser("urednik", "u@example.org", "x"))
    parent = site["home"] if language == "sr-latn" else site["english_home"]
    response = add_page(client, parent, slug)
    assert response.status_code == 200
    assert address in str(response.context["form"].errors["slug"])
    assert not StandardPage.objects.filter(slug=slug).exists()
    # A slug that no route takes is saved, also one under a route's first word (/mapa/…).
    assert add_page(client, parent, "o-nama").status_code == 302
    about = StandardPage.objects.get(slug="o-nama", locale=parent.locale)
    assert add_page(client, about, "prijava").status_code == 302


def test_editing_a_page_onto_a_route_is_refused(client, site):
    client.force_login(get_user_model().objects.create_superuser("urednik", "u@example.org", "x"))
    page = StandardPageFactory(parent=site["home"], slug="o-nama")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(edit).text, form_id="page-edit-form")
    data.update(nested_form_data({"slug": "pretraga", "body": streamfield([])}))
    response = client.post(edit, data)
    assert response.status_code == 200
    assert "/pretraga/" in str(response.context["form"].errors["slug"])


@pytest.mark.parametrize("language", ["sr-latn", "en"])
def test_the_follow_up_key_stays_out_of_the_logs_in_either_language(site, language):
    token = site["values"]["<token>"]
    with translation.override(language):
        path = reverse("map:report_follow", args=[token])
    assert token not in redact(f'"GET {path} HTTP/1.1" 200')
    assert token not in redact(f"GET /map/report/follow/{token}/?x=1")


def test_sitemaps_and_the_api_give_the_cameras_addresses_in_each_language(client, site):
    camera_id = site["values"]["<id>"]
    CameraFactory(status="verified", source="osm", pk=int(camera_id) + 1000)
    serbian = client.get("/sitemap-cameras-sr-latn.xml").text
    english = client.get("/sitemap-cameras-en.xml").text
    assert f"/mapa/kamere/{int(camera_id) + 1000}/</loc>" in serbian
    assert f"/en/map/cameras/{int(camera_id) + 1000}/</loc>" in english
    feature = client.get(f"/api/cameras/{camera_id}.geojson").json()
    assert feature["properties"]["page_url"] == f"http://testserver/mapa/kamere/{camera_id}/"


DEMO_MODULES = [
    "home.demo_content",
    "knowledge.demo.glossary",
    "knowledge.demo.law",
    "knowledge.demo.pages",
    "knowledge.demo.technology",
    "campaigns.demo.content",
    "campaigns.demo.news",
]


def texts(value):
    """Every string in the demo content's nested dicts, lists and tuples."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts(item)


def test_the_demo_content_links_to_the_routes_new_addresses():
    """A newcomer's first links lead straight to the page, not through an old address."""
    links = set()
    for name in DEMO_MODULES:
        module = importlib.import_module(name)
        for constant in (value for key, value in vars(module).items() if key.isupper()):
            for text in texts(constant):
                links.update(re.findall(r'href="(/[^"#?]*)', text))
    assert in_serbian("map:report") in links and in_english("map:report") in links
    for link in links:
        language = "en" if link.startswith("/en/") else "sr-latn"
        with translation.override(language):
            match = resolve(link)
        assert getattr(match.func, "view_class", None) is not MovedView, link


def test_a_redirect_reads_nothing_from_the_database(client, site, django_assert_num_queries):
    """Old addresses are followed by crawlers for years: each answer costs no query."""
    address = addresses("map:camera_page", site)
    with django_assert_num_queries(0):
        assert client.get(address["old"]).status_code == 301
