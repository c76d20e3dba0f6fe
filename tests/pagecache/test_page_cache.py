"""The page cache (home/page_cache.py): who gets a kept page, what it carries, and that every
change an anonymous reader could see makes it render again at once."""

import re
import time

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Site

from campaigns.petitions.pages import PetitionPage
from home.data_versions import tick
from home.models import NavigationSettings, OrganisationSettings
from home.page_cache import NEAR, STATUS_HEADER, page_version
from map.models import Camera
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    PetitionPageFactory,
    SignatureFactory,
)
from tests.factories import make_user
from tests.home.factories import StandardPageFactory, site_home
from tests.home.test_pages import translate
from tests.knowledge.factories import (
    ExplainerPageFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
    KnowledgeIndexPageFactory,
    TopicFactory,
)
from tests.map.factories import CameraFactory, MapPageFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def fetch(client, url, **headers):
    """GET `url`: (what the cache did, the page's text)."""
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response[STATUS_HEADER], response.content.decode()


def kept(client, url):
    """GET `url` until the cache keeps it (the first render may create the site's settings,
    a change that its own copy must not survive); the page's text."""
    for _ in range(3):
        status, html = fetch(client, url)
        if status == "hit":
            return html
    raise AssertionError(f"{url} was never served from the cache")


@pytest.fixture
def home():
    home = site_home()
    OrganisationSettings.objects.update_or_create(
        site=Site.objects.get(), defaults={"name": "Kamere"}
    )
    return home


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="O nama", slug="o-nama", intro="Ko smo mi.")


# Who gets a kept page, and what it carries


def test_an_anonymous_readers_page_is_kept_and_carries_nothing_of_a_visitor(client, about):
    first = client.get("/o-nama/")
    assert first[STATUS_HEADER] == "miss"
    html = kept(client, "/o-nama/")
    response = client.get("/o-nama/")
    assert response[STATUS_HEADER] == "hit"
    assert "Ko smo mi." in html
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in html
    # One copy for everyone: the language is in the address, the encoding in the key.
    assert response["Vary"] == "Accept-Encoding"
    # Browsers ask again every time (a reader who logs in must not see this copy); a cache in
    # front keeps it a minute, and may answer with it for 30 s more while it asks again.
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert "stale-while-revalidate" not in response["Cache-Control"]
    assert response["CDN-Cache-Control"] == "public, s-maxage=60, stale-while-revalidate=30"
    assert response["ETag"] and response["Last-Modified"]


def test_a_kept_page_costs_no_database_query(client, about):
    kept(client, "/o-nama/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/o-nama/")
    assert response[STATUS_HEADER] == "hit"
    assert len(queries) == 0


def test_a_reader_with_a_current_copy_gets_a_304(client, about):
    kept(client, "/o-nama/")
    etag = client.get("/o-nama/")["ETag"]
    again = client.get("/o-nama/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_a_compressed_and_a_plain_copy_are_kept_apart(client, about):
    kept(client, "/o-nama/")
    zipped = client.get("/o-nama/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped[STATUS_HEADER] == "miss"
    assert zipped["Content-Encoding"] == "gzip"
    zipped = client.get("/o-nama/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped[STATUS_HEADER] == "hit"
    assert zipped["Content-Encoding"] == "gzip"
    plain = client.get("/o-nama/")
    assert plain[STATUS_HEADER] == "hit"
    assert not plain.has_header("Content-Encoding")


def test_a_logged_in_reader_never_gets_nor_leaves_a_kept_page(client, about):
    kept(client, "/o-nama/")
    client.force_login(make_user("ana"))
    response = client.get("/o-nama/")
    assert response[STATUS_HEADER] == "skip"
    assert "private" in response["Cache-Control"]
    assert "Moj nalog" in response.content.decode() or "My account" in response.content.decode()
    # And what it saw is not what the next visitor gets.
    assert "Moj nalog" not in Client().get("/o-nama/").content.decode()


def test_a_visitor_with_a_message_waiting_gets_the_page_rendered_for_them(client, about):
    kept(client, "/o-nama/")
    client.cookies[CookieStorage.cookie_name] = "anything"
    assert client.get("/o-nama/")[STATUS_HEADER] == "skip"


def test_a_visitor_with_a_session_gets_the_page_rendered_for_them(client, about):
    kept(client, "/o-nama/")
    client.cookies["sessionid"] = "anything"
    response = client.get("/o-nama/")
    assert response[STATUS_HEADER] == "skip"
    assert "private" in response["Cache-Control"]


def test_click_ids_share_the_page_and_never_reach_its_links(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    for number in range(13):  # two pages of explainers, twelve to a page: the list links them
        ExplainerPageFactory(parent=index, title=f"Objašnjenje {number}")
    kept(client, "/znanje/?page=2")
    status, html = fetch(client, "/znanje/?page=2&fbclid=IwAR0-visitor&utm_source=x")
    assert status == "hit"
    assert "fbclid" not in html and "utm_source" not in html
    status, first_page = fetch(client, "/znanje/?utm_source=y")
    assert status != "hit"  # another page of the list
    assert "utm_source" not in first_page


def test_a_query_too_long_to_be_worth_an_entry_is_rendered_each_time(client, home):
    KnowledgeIndexPageFactory(parent=home)
    Tag.objects.create(name="a" * 100, slug="a" * 100)  # taggit's longest slug
    url = "/znanje/?tag=" + "a" * 101
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200
        assert response[STATUS_HEADER] == "skip"
    assert client.get("/znanje/?tag=" + "a" * 100)[STATUS_HEADER] == "miss"


def test_a_route_under_a_page_is_never_kept(client, home):
    petition = PetitionPageFactory(parent=home, slug="peticija")
    kept(client, petition.url)
    # Its thanks page, and the confirmation links: routes under the page.
    response = client.get(petition.url + "hvala/")
    assert response[STATUS_HEADER] == "skip"


def test_a_password_protected_page_is_never_kept(client, about):
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="tajna"
    )
    for _ in range(3):
        response = client.get("/o-nama/")
        assert response[STATUS_HEADER] == "skip"
        assert "Ko smo mi." not in response.content.decode()


# Fresh at once


def test_publishing_a_page_shows_at_once_on_it_its_parent_and_its_menu(client, home, about):
    settings = NavigationSettings.for_site(Site.objects.get())
    settings.main_menu = [("page", about)]
    settings.save()
    kept(client, "/o-nama/")
    kept(client, "/")
    about.title = "Ko smo mi, ukratko"
    about.save_revision().publish()
    status, html = fetch(client, "/o-nama/")
    assert status == "miss" and "Ko smo mi, ukratko" in html
    status, html = fetch(client, "/")
    assert status == "miss" and "Ko smo mi, ukratko" in html  # in the menu


def test_unpublishing_or_deleting_a_page_takes_it_away_at_once(client, home, about):
    kept(client, "/o-nama/")
    about.unpublish()
    assert client.get("/o-nama/").status_code == 404
    about.save_revision().publish()
    kept(client, "/o-nama/")
    Page.objects.get(pk=about.pk).delete()
    assert client.get("/o-nama/").status_code == 404


def test_moving_a_page_takes_it_from_its_old_address_at_once(client, home, about):
    section = StandardPageFactory(parent=home, title="Sekcija", slug="sekcija")
    kept(client, "/o-nama/")
    kept(client, "/sekcija/")
    Page.objects.get(pk=about.pk).move(section, pos="last-child")
    # Wagtail's redirect from the old address, not the page kept there.
    old = client.get("/o-nama/")
    assert old.status_code == 301 and old["Location"] == "/sekcija/o-nama/"
    assert "Ko smo mi." in fetch(client, "/sekcija/o-nama/")[1]


def test_a_new_view_restriction_holds_at_once(client, about):
    kept(client, "/o-nama/")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="tajna"
    )
    response = client.get("/o-nama/")
    assert response[STATUS_HEADER] == "skip"
    assert "Ko smo mi." not in response.content.decode()


def test_the_site_settings_show_at_once_on_every_page(client, about):
    kept(client, "/o-nama/")
    settings = OrganisationSettings.for_site(Site.objects.get())
    settings.name = "Hiljade kamera"
    settings.save()
    status, html = fetch(client, "/o-nama/")
    assert status == "miss" and "Hiljade kamera" in html


def test_a_glossary_term_shows_at_once_on_the_glossary(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    GlossaryPageFactory(parent=index)
    term = GlossaryTermFactory(term="Biometrija", definition="Merenje tela.")
    html = kept(client, "/znanje/recnik/")
    assert "Merenje tela." in html
    term.definition = "Merenje tela i lica."
    term.save()
    status, html = fetch(client, "/znanje/recnik/")
    assert status == "miss" and "Merenje tela i lica." in html


def test_a_new_topic_shows_at_once_on_the_knowledge_base_but_leaves_other_pages_kept(
    client, home, about
):
    KnowledgeIndexPageFactory(parent=home)
    kept(client, "/znanje/")
    kept(client, "/o-nama/")
    topic = TopicFactory(name="Zakoni")
    ExplainerPageFactory(parent=Page.objects.get(slug="znanje"), topics=[topic])
    status, html = fetch(client, "/znanje/")
    assert status == "miss" and "Zakoni" in html
    assert fetch(client, "/o-nama/")[0] == "hit"  # shows no topic and no explainer


def test_a_verified_camera_shows_at_once_in_the_maps_figures(client, home, about):
    MapPageFactory(parent=home)
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    CameraFactory(municipality=vracar)
    html = kept(client, "/mapa/")
    kept(client, "/")  # the city's figures
    kept(client, "/o-nama/")
    figures = re.compile(r"Vračar</th>\s*<td[^>]*>(\d+)")
    assert figures.search(html)[1] == "1"
    reported = CameraFactory(municipality=vracar, status=Camera.Status.REPORTED)
    reported.status = Camera.Status.VERIFIED
    reported.save()
    status, html = fetch(client, "/mapa/")
    assert status == "miss" and figures.search(html)[1] == "2"
    assert fetch(client, "/")[0] == "miss"
    assert fetch(client, "/o-nama/")[0] == "hit"  # shows no camera


def test_a_confirmed_signature_counts_at_once_on_the_petition_and_the_pages_above_it(client, home):
    index = CampaignIndexPageFactory(parent=home, slug="kampanje")
    petition = PetitionPageFactory(parent=index, slug="peticija", goal=10)
    progress = '<progress class="petition__progress" max="10" value="{}"'
    assert progress.format(0) in kept(client, "/kampanje/peticija/")
    kept(client, "/kampanje/")
    SignatureFactory(petition=petition).confirm()
    status, html = fetch(client, "/kampanje/peticija/")
    assert status == "miss" and progress.format(1) in html
    assert fetch(client, "/kampanje/")[0] == "miss"
    assert fetch(client, "/")[0] == "miss"


def test_a_cache_in_front_keeps_a_live_figures_page_at_most_30_seconds(client, home):
    PetitionPageFactory(parent=home, slug="peticija")
    assert PetitionPage.page_cache_timeout == 30
    kept(client, "/peticija/")
    assert client.get("/peticija/")["Cache-Control"] == "public, max-age=0, s-maxage=30"


def test_a_page_cache_that_is_away_costs_speed_not_the_page(client, about, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    for _ in range(2):
        response = client.get("/o-nama/")
        assert response.status_code == 200
        assert response[STATUS_HEADER] == "skip"
        assert "Ko smo mi." in response.content.decode()


def test_a_change_made_by_another_process_shows_within_half_a_second(client, about):
    """This process serves its own copy without reading the versions again for half a second
    after it last found them current; another process's change (here: the version written
    straight into the shared cache, as that process would) shows after that at the latest."""
    kept(client, "/o-nama/")
    assert client.get("/o-nama/")[STATUS_HEADER] == "hit"
    caches["default"].set(page_version(about.pk).key, tick(), timeout=None)
    time.sleep(NEAR.CHECKED_FOR)
    assert NEAR.CHECKED_FOR == 0.5
    assert client.get("/o-nama/")[STATUS_HEADER] == "miss"


def test_a_kept_page_says_how_long_it_has_been_kept(client, about):
    """Age, so that a cache in front keeps a copy only for what is left of its s-maxage."""
    assert not client.get("/o-nama/").has_header("Age")  # rendered now
    kept(client, "/o-nama/")
    assert int(client.get("/o-nama/")["Age"]) <= 1
    time.sleep(1.1)
    NEAR.clear()  # from the shared cache, as another process serves it
    for _ in range(2):  # and from this process's copy
        response = client.get("/o-nama/")
        assert response[STATUS_HEADER] == "hit"
        assert 1 <= int(response["Age"]) <= 3


def test_a_retitled_translation_of_a_menu_page_shows_in_its_languages_menu(
    client, home, about, django_capture_on_commit_callbacks
):
    """The menus choose the Serbian page and show each reader its translation: the English
    page's new title is on the English pages at once, though no menu names that page."""
    translate(home, "en", title="Home")
    about_en = translate(about, "en", title="About", slug="about")
    # A page that is neither the retitled page's ancestor nor its translation.
    contact = StandardPageFactory(parent=home, title="Kontakt", slug="kontakt")
    contact_en = translate(contact, "en", title="Contact", slug="contact")
    settings = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.main_menu = [("page", about)]
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()  # Wagtail's reference index notes the link once the save commits
    assert ">About<" in kept(client, contact_en.url)
    about_en.title = "About the initiative"
    about_en.save_revision().publish()
    status, html = fetch(client, contact_en.url)
    assert status == "miss"
    assert ">About the initiative<" in html
