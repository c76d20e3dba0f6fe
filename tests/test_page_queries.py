"""The cost of a page cache miss (issue 18, "cheap misses"): every public page type's render,
as an anonymous reader gets it, in a fixed number of queries, the same with a little data and
with more cameras, explainers, news, signatures, glossary terms and menu items.

What many pages show is kept in the shared cache by data version, and read again once after its
data changes: the site's settings (home/models.py SiteWideSetting), the sections links lead to
(home/sections.py), the knowledge base's topics and glossary and an explainer's related
explainers (knowledge/models.py, all through home/kept.py), and the map's figures (under the
camera data version, map/figure_cache.py). A render with all of them kept is the common miss,
held to 12 queries; one with an empty cache (the first after a deploy or a change) costs more,
and is held to the same number with more data too.

The figures change on the next render after a camera is verified, merged, deleted or imported.
"""

import itertools
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Page

from campaigns.models import (
    EventPage,
    NewsIndexPage,
    NewsPage,
    PetitionPage,
    RegisterEntry,
    RegisterPage,
    RequestPage,
)
from campaigns.pages import CampaignIndexPage
from campaigns.supporters.pages import JoinPage
from home.models import HomePage, NavigationSettings, OrganisationSettings, StandardPage
from knowledge.models import ExplainerPage, GlossaryPage, KnowledgeIndexPage
from map.importers import import_cameras
from map.models import Camera, MapPage, Municipality
from map.moderation import merge_report, verify_cameras
from map.signals import bump_camera_data_version
from tests.factories import make_user
from tests.routes import in_english, in_serbian

from .campaigns.factories import AuthorityFactory, SignatureFactory
from .home.factories import StandardPageFactory
from .knowledge.factories import ExplainerPageFactory, GlossaryTermFactory
from .map.factories import CameraFactory, CameraReportFactory

pytestmark = pytest.mark.django_db

# Issue 18: at most 12 queries for the uncached render of each page type.
MOST_QUERIES = 12

PAGE_TYPES = {
    "home": HomePage,
    "standard": StandardPage,
    "knowledge index": KnowledgeIndexPage,
    "explainer": ExplainerPage,
    "glossary": GlossaryPage,
    "map": MapPage,
    "campaigns index": CampaignIndexPage,
    "petition": PetitionPage,
    "event": EventPage,
    "request": RequestPage,
    "register": RegisterPage,
    "join": JoinPage,
    "news index": NewsIndexPage,
    "news": NewsPage,
}


@pytest.fixture(autouse=True)
def every_render_a_miss(settings):
    """What is counted is the render behind a page cache miss: no page cache in front of it."""
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "page_cache" not in name]


def demo_page(kind, language="sr-latn"):
    """The demo's first live page of a kind in a language."""
    model = PAGE_TYPES[kind]
    return (
        model.objects.live()
        .filter(locale__language_code=language)
        .order_by("path")
        .select_related("locale")
        .first()
    )


def path_and_text(kind, language):
    """A page's address in a language and a text its render must show."""
    reverse = in_serbian if language == "sr-latn" else in_english
    if kind == "camera":
        camera = Camera.objects.filter(status=Camera.Status.VERIFIED).order_by("pk").first()
        with translation.override(language):
            place = camera.place_name
        return reverse("map:camera_page", camera.pk), f"<h1>{place}</h1>"
    if kind == "open data":
        return reverse("map:open_data"), "cameras.geojson"
    page = demo_page(kind, language)
    return page.url, page.title


def count_queries(client, path, text):
    """The queries of a render with warm caches: the second, as the first creates what a fresh
    database lacks (the site settings' rows)."""
    client.get(path)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    assert text in response.text
    return len(queries)


def more_data():
    """More of everything a page lists or counts: cameras, explainers, news, signatures,
    glossary terms and menu items."""
    municipalities = list(Municipality.objects.canonical())
    for municipality, status in itertools.product(municipalities[:6], ["verified", "reported"]):
        CameraFactory.create_batch(4, municipality=municipality, status=status)
    knowledge = demo_page("knowledge index")
    for _ in range(4):
        ExplainerPageFactory(parent=knowledge)
    for _ in range(4):
        GlossaryTermFactory()
    for petition in PetitionPage.objects.live():
        SignatureFactory.create_batch(
            15, petition=petition, municipality=municipalities[0], confirmed_at=timezone.now()
        )
    # The register's entries, to the demo's authority and to others.
    entry = RegisterEntry.published().first()
    for number in range(6):
        authority = AuthorityFactory() if number % 2 else entry.authority
        RegisterEntry.objects.create(
            **{
                field.attname: getattr(entry, field.attname)
                for field in RegisterEntry._meta.concrete_fields
                if field.attname not in ("id", "authority_id")
            },
            authority=authority,
        )
    home = demo_page("home")
    extra = [StandardPageFactory(parent=home) for _ in range(4)]
    navigation = NavigationSettings.objects.get()
    navigation.main_menu = [
        *(("page", Page.objects.get(pk=block.value.pk)) for block in navigation.main_menu),
        *(("page", page) for page in extra),
    ]
    navigation.footer_menu = navigation.main_menu
    navigation.save()


@pytest.mark.parametrize("language", ["sr-latn", "en"])
@pytest.mark.parametrize("kind", [*PAGE_TYPES, "camera", "open data"])
def test_each_page_type_renders_in_a_fixed_number_of_queries(client, demo_content, kind, language):
    path, text = path_and_text(kind, language)
    before = count_queries(client, path, text)
    more_data()
    assert count_queries(client, path, text) == before
    assert before <= MOST_QUERIES, f"{kind} ({language}): {before} queries"


def test_a_render_with_an_empty_cache_costs_the_same_with_more_data(client, demo_content):
    """Every page type in one test: the demo content is built once (it costs seconds)."""
    pages = {kind: path_and_text(kind, "sr-latn") for kind in [*PAGE_TYPES, "camera", "open data"]}

    def cold(path, text):
        count_queries(client, path, text)
        for alias in caches:
            caches[alias].clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    before = {kind: cold(*page) for kind, page in pages.items()}
    more_data()
    assert {kind: cold(*page) for kind, page in pages.items()} == before


@pytest.mark.parametrize("language_path", ["/mapa/", "/en/map/", "/mapa/?status=all"])
def test_map_page_after_a_change_to_the_cameras_costs_the_same_with_more_cameras(
    client, demo_content, language_path
):
    """The cold case: the first render after a change reads the figures once more."""

    def cold():
        client.get(language_path)
        client.get(language_path)
        bump_camera_data_version()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(language_path).status_code == 200
        return len(queries)

    before = cold()
    more_data()
    assert cold() == before


# The map's figures: exact after every kind of change


def figures_table(client, query=""):
    """The map page's table as {municipality: cameras shown}; verified ones unless `query`
    says otherwise."""
    text = client.get(f"/en/map/{query}").text
    table = re.search(r'<table class="figures-table">(.*?)</table>', text, re.S).group(1)
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if len(cells) > 1 and cells[1][:1].isdigit():
            rows[cells[0]] = int(cells[1].replace(",", ""))
    return rows


@pytest.fixture
def vracar(demo_content):
    return Municipality.objects.canonical().get(slug="vracar")


def test_figures_come_from_the_cache_until_the_cameras_data_version_changes(client, vracar):
    before = figures_table(client)
    # Written without signals or a new version: the cache still has the figures as they were.
    camera = Camera.objects.filter(municipality=vracar, status=Camera.Status.VERIFIED).first()
    Camera.objects.filter(pk=camera.pk).update(status=Camera.Status.REPORTED)
    assert figures_table(client) == before
    bump_camera_data_version()
    after = figures_table(client)
    assert after["Vračar"] == before["Vračar"] - 1
    assert after["Total"] == before["Total"] - 1


def test_a_verified_camera_counts_on_the_next_render(client, vracar):
    camera = CameraFactory(municipality=vracar, status=Camera.Status.REPORTED)
    before = figures_table(client)
    verify_cameras([camera], make_user("urednik", admin_access=True))
    after = figures_table(client)
    assert after["Vračar"] == before["Vračar"] + 1
    assert after["Total"] == before["Total"] + 1


def test_a_deleted_camera_leaves_the_figures_on_the_next_render(client, vracar):
    camera = CameraFactory(municipality=vracar)
    before = figures_table(client)
    camera.delete()
    after = figures_table(client)
    assert after["Vračar"] == before["Vračar"] - 1
    assert after["Total"] == before["Total"] - 1


def test_a_merged_report_that_verifies_a_camera_counts_on_the_next_render(client, vracar, settings):
    camera = CameraFactory(
        municipality=vracar,
        status=Camera.Status.REPORTED,
        confirmations=settings.CAMERA_VERIFICATION_THRESHOLD - 1,
    )
    report = CameraReportFactory(latitude=camera.latitude, longitude=camera.longitude)
    before = figures_table(client)
    merge_report(report, camera, make_user("urednik", admin_access=True))
    after = figures_table(client)
    assert after["Vračar"] == before["Vračar"] + 1
    assert after["Total"] == before["Total"] + 1


def test_imported_cameras_count_on_the_next_render(client, demo_content, tmp_path):
    before = figures_table(client, "?status=all")
    source = tmp_path / "cameras.geojson"
    source.write_text(
        '{"type": "FeatureCollection", "features": ['
        '{"type": "Feature", "id": "node/990001", "properties": {"man_made": "surveillance"},'
        ' "geometry": {"type": "Point", "coordinates": [20.4701, 44.8001]}},'
        '{"type": "Feature", "id": "node/990002", "properties": {"man_made": "surveillance"},'
        ' "geometry": {"type": "Point", "coordinates": [20.4702, 44.8002]}}]}'
    )
    assert import_cameras(source).created == 2
    assert figures_table(client, "?status=all")["Total"] == before["Total"] + 2


def test_a_change_to_the_menus_or_the_organisation_shows_on_the_next_render(client, demo_content):
    """The menus' choices and the organisation's settings are kept in the cache under the site
    settings' version (home/templatetags/navigation_tags.py, home/models.py)."""
    path, text = path_and_text("standard", "sr-latn")
    assert text in client.get(path).text
    page = StandardPageFactory(parent=demo_page("home"), title="Nova stranica u meniju")
    navigation = NavigationSettings.objects.get()
    navigation.main_menu = [("page", page)]
    navigation.save()
    assert "Nova stranica u meniju" in client.get(path).text
    organisation = OrganisationSettings.objects.get()
    organisation.name = "Inicijativa protiv kamera"
    organisation.save()
    assert "Inicijativa protiv kamera" in client.get(path).text


# What is kept by data version (home/kept.py): fresh on the next render after its data changes


def test_a_renamed_topic_shows_on_the_next_render(client, demo_content):
    explainer = demo_page("explainer")
    topic = explainer.topics.first()
    index = demo_page("knowledge index")
    assert topic.name in client.get(explainer.url).text
    assert topic.name in client.get(index.url).text
    topic.name = "Potpuno novo ime teme"
    topic.save()
    assert "Potpuno novo ime teme" in client.get(explainer.url).text
    assert "Potpuno novo ime teme" in client.get(index.url).text


def test_an_unpublished_related_explainer_leaves_the_next_render(client, demo_content):
    explainer = demo_page("explainer")
    related = explainer.related()
    assert related
    gone = related[0]
    assert f'href="{gone.url}"' in client.get(explainer.url).text
    gone.unpublish()
    assert f'href="{gone.url}"' not in client.get(explainer.url).text


def test_an_unpublished_section_leaves_the_links_on_the_next_render(client, demo_content):
    home = demo_page("home")
    news = demo_page("news index")
    assert f'href="{news.url}"' in client.get(home.url).text
    news.unpublish()
    assert f'href="{news.url}"' not in client.get(home.url).text
