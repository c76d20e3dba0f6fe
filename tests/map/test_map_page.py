"""The camera map page, its table and chart, the camera map block, the embed and the home figures.

The map itself is drawn by JavaScript: tests/browser/test_map_page.py drives it in Chromium.
"""

import html
import json
import re
from datetime import date

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils.text import slugify
from wagtail.models import Locale

from home.models import NavigationSettings
from map.blocks import CameraMapBlock, municipality_choices
from map.bounds import municipality_bounds
from map.figures import city_figures
from map.models import Camera, MapPage, Municipality
from map.widgets import SelfHostedLeafletField
from tests.routes import in_serbian

from ..home.factories import HomePageFactory
from .factories import CameraFactory, MunicipalityFactory, map_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """Serbian and English home and map pages."""
    home, home_en, map_page = map_pages()
    return {"home": home, "home_en": home_en, "map": map_page}


@pytest.fixture
def cameras(site):
    """Three municipalities (one translated), cameras in two of them and one outside all."""
    vracar = MunicipalityFactory(
        name="Vračar", slug="vracar", police_list_count=3, police_list_date=date(2024, 3, 1)
    )
    english = vracar.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Vracar (en)"
    english.save()
    zemun = MunicipalityFactory(name="Zemun", slug="zemun", police_list_count=10)
    MunicipalityFactory(name="Čukarica", slug="cukarica")  # no cameras, no police count
    CameraFactory.create_batch(2, municipality=vracar, camera_type="fixed")
    CameraFactory(municipality=vracar, facial_recognition=False, on_police_list=True)
    CameraFactory(municipality=vracar, status=Camera.Status.REPORTED)
    CameraFactory(municipality=vracar, status=Camera.Status.REJECTED)
    CameraFactory.create_batch(4, municipality=zemun, facial_recognition=False)
    CameraFactory(municipality=None)
    return {"vracar": vracar, "zemun": zemun}


# A dash for the eye, the word for screen readers (the Serbian page's "unknown").
UNKNOWN = "\N{EN DASH} nepoznato"
EN_UNKNOWN = "\N{EN DASH} unknown"


def table_rows(html):
    """The figures table as lists of cell texts, header row first."""
    table = re.search(r'<table class="figures-table">(.*?)</table>', html, re.S).group(1)
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        if (cells := re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S))
    ]


def count_queries(client, path):
    # The render behind a page cache miss (home/page_cache.py): without the page cache.
    middleware = [name for name in settings.MIDDLEWARE if "page_cache" not in name]
    with override_settings(MIDDLEWARE=middleware):
        # Warm Wagtail's cached site root paths; twice, as the first request creates the site
        # settings, whose save gives the map's data a new version (the figures' cache, whose
        # cold cost tests/test_page_queries.py counts).
        client.get(path)
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
    return len(queries)


def test_map_page_renders_in_both_languages(client, site):
    serbian = client.get("/mapa/")
    english = client.get("/en/map/")
    assert serbian.status_code == english.status_code == 200
    assert '<html lang="sr-latn"' in serbian.text
    assert '<h1 class="map-page__title">Mapa kamera</h1>' in serbian.text
    assert '<html lang="en"' in english.text
    assert '<h1 class="map-page__title">Camera map</h1>' in english.text
    assert "Cameras per municipality" in english.text


def test_map_element_carries_the_api_tiles_and_the_words_of_the_readers_language(client, cameras):
    text = client.get("/en/map/").text
    assert 'data-api="/api/cameras.geojson"' in text
    assert f'data-tiles="{settings.MAP_TILE_URL}"' in text
    assert "data-sync-url" in text
    assert 'data-filter-form="camera-filters"' in text
    labels_id = re.search(r'data-labels="([^"]+)"', text).group(1)
    labels = json.loads(
        re.search(
            rf'<script id="{labels_id}" type="application/json">(.*?)</script>', text, re.S
        ).group(1)
    )
    assert labels["municipalities"]["vracar"] == "Vracar (en)"
    assert labels["status"]["verified"] == "Verified"
    assert labels["shown"] == "Cameras shown: {count}"
    # The map's own files, never a CDN's.
    assert "/static/js_lib_leaflet/leaflet.js" in text
    assert "/static/map/camera-map.js" in text
    assert "unpkg" not in text and "cdn" not in text.lower()


def test_map_element_carries_the_addresses_its_popups_link_to(client, cameras):
    text = client.get("/en/map/").text
    # The script adds a camera's id: /en/map/cameras/<id>/ and /en/map/report/?camera=<id>&….
    assert 'data-camera-page="/en/map/cameras/"' in text
    assert 'data-report="/en/map/report/"' in text
    assert 'data-search-form="map-search"' in text
    assert "/static/vendor/supercluster/supercluster.min.js" in text
    cameras = in_serbian("map:camera_page", 0).removesuffix("0/")
    assert f'data-camera-page="{cameras}"' in client.get("/mapa/").text


def test_the_map_page_may_ask_for_the_readers_position_and_nothing_else_more(client, site):
    policy = client.get("/en/map/")["Permissions-Policy"]
    assert "geolocation=(self)" in policy
    assert "camera=()" in policy and "microphone=()" in policy
    # Other pages, the embed too (framed elsewhere), keep it off.
    assert "geolocation=()" in client.get("/en/")["Permissions-Policy"]
    assert "geolocation=()" in client.get("/en/map/embed/")["Permissions-Policy"]


def places(text):
    """The place search's results: (link text, address) pairs."""
    results = re.search(r"data-place-results>(.*?)</div>", text, re.S)
    if not results:
        return None
    return [
        (html.unescape(name), href)
        for href, name in re.findall(r'<li><a href="([^"]*)"[^>]*>([^<]*)</a>', results.group(1))
    ]


def test_place_search_without_javascript_finds_municipalities_and_addresses(client, cameras):
    assert places(client.get("/en/map/").text) is None  # no search: no results
    knez = CameraFactory(address="Knez Mihailova 12", municipality=cameras["vracar"])
    CameraFactory(address="Knez Mihailova 12", municipality=cameras["vracar"])  # listed once
    djure = CameraFactory(address="Đure Jakšića 3", municipality=cameras["zemun"])
    CameraFactory(address="Knez Mihailova 14", status=Camera.Status.REJECTED)

    # Without Serbian letters, in any case; the English page names it in English.
    assert places(client.get("/en/map/?place=VRACAR").text) == [
        ("Vracar (en)", "?municipality=vracar")
    ]
    assert places(client.get("/mapa/?place=vracar").text) == [("Vračar", "?municipality=vracar")]
    assert places(client.get("/en/map/?place=knez+mihailova").text) == [
        ("Knez Mihailova 12", f"/en/map/cameras/{knez.pk}/")
    ]
    for query in ["djure jaksica", "Đure", "jakšić"]:
        assert places(client.get("/mapa/", {"place": query}).text) == [
            ("Đure Jakšića 3", in_serbian("map:camera_page", djure.pk))
        ], query
    text = client.get("/en/map/?place=atlantis").text
    assert places(text) == []
    assert "No municipality or address matches." in text
    # Too long or too short: bounded work, no error.
    assert client.get("/en/map/", {"place": "x" * 5000}).status_code == 200
    assert places(client.get("/en/map/?place=k").text) == []


def test_place_search_costs_the_same_queries_however_many_cameras(client, cameras):
    path = "/en/map/?place=knez"
    before = count_queries(client, path)
    CameraFactory.create_batch(20, address="Knez Mihailova 5")
    assert count_queries(client, path) == before
    assert count_queries(client, "/en/map/") == before - 1  # the search's one query


def test_report_link_leads_to_the_report_form(client, site):
    text = client.get("/en/map/").text
    assert 'href="/en/map/report/" data-camera-map-report' in text


def test_table_counts_verified_cameras_per_municipality(client, cameras):
    rows = table_rows(client.get("/en/map/").text)
    # The figures compared and their difference first, then what the map's count holds.
    assert rows == [
        [
            "Municipality",
            "On our map",
            "On the police list (total)",
            "Difference (our map \N{MINUS SIGN} police)",
            "On our map, capable of facial recognition",
            "On our map and on the police list",
            "On our map, needing a re-check",
        ],
        # Serbian alphabetical order (also in English): Č after C, before the rest.
        ["Čukarica", "0", EN_UNKNOWN, EN_UNKNOWN, "0", "0", "0"],
        ["Vracar (en)", "3", "3", "0", "2", "1", "0"],
        ["Zemun", "4", "10", "-6", "0", "0", "0"],
        ["Outside any municipality", "1", EN_UNKNOWN, EN_UNKNOWN, "1", "0", "0"],
        # The counts known add up; no difference while a municipality's count is unknown.
        ["Total", "8", "13", EN_UNKNOWN, "3", "1", "0"],
    ]
    serbian = table_rows(client.get("/mapa/").text)
    assert serbian[1] == ["Čukarica", "0", UNKNOWN, UNKNOWN, "0", "0", "0"]


def test_table_names_municipalities_in_the_readers_language(client, cameras):
    rows = table_rows(client.get("/en/map/").text)
    assert ["Vracar (en)", "3", "3", "0", "2", "1", "0"] in rows


def test_filters_narrow_the_table(client, cameras):
    rows = table_rows(client.get("/en/map/?status=all").text)
    assert ["Vracar (en)", "4", "3", "+1", "3", "1", "0"] in rows
    rows = table_rows(client.get("/en/map/?facial_recognition=true").text)
    assert rows[-1][:2] + rows[-1][4:] == ["Total", "3", "3", "0", "0"]
    rows = table_rows(client.get("/en/map/?camera_type=fixed&on_police_list=false").text)
    assert rows[-1][:2] == ["Total", "2"]
    rows = table_rows(client.get("/en/map/?on_police_list=true").text)
    assert rows[-1][:2] + rows[-1][4:] == ["Total", "1", "0", "1", "0"]


def test_municipality_filter_keeps_its_row_and_the_chart_keeps_every_municipality(client, cameras):
    text = client.get("/mapa/?municipality=zemun").text
    assert table_rows(text)[1:] == [["Zemun", "4", "10", "-6", "0", "0", "0"]]
    assert text.count('class="comparison__row"') == 3


def test_wrong_filters_are_named_and_the_defaults_apply(client, cameras):
    response = client.get("/en/map/?status=everything&camera_type=laser&municipality=atlantis")
    assert response.status_code == 200
    assert "Choose which cameras to show from the list." in response.text
    assert "Choose a camera type from the list." in response.text
    assert "Choose a municipality from the list." in response.text
    assert table_rows(response.text)[-1][:2] == ["Total", "8"]


def test_filter_form_shows_the_chosen_filters(client, cameras):
    text = client.get("/mapa/?status=all&municipality=zemun&facial_recognition=true").text
    assert re.search(r'<input type="radio" name="status" value="all"[^>]*checked', text)
    assert '<option value="zemun" selected>Zemun</option>' in text
    assert re.search(r'name="facial_recognition" value="true"[^>]*checked', text)
    assert 'data-filters="status=all&amp;municipality=zemun&amp;facial_recognition=true"' in text


def test_chart_compares_the_citizen_map_with_the_police_list(client, cameras):
    text = client.get("/en/map/").text
    assert "3 on the citizen map, 3 on the police list" in text
    assert "4 on the citizen map, 10 on the police list" in text
    assert "0 on the citizen map; no police list count" in text
    # One scale for all bars: the longest (Zemun's police list, 10) is 100.
    assert '<rect class="comparison__bar--map" x="0" y="0" width="30.00"' in text
    assert '<rect class="comparison__bar--police" x="0" y="11" width="100.00"' in text
    # The bars repeat the numbers in the text: screen readers skip them.
    assert text.count('class="comparison__bars" viewBox="0 0 100 20"') == 3
    assert 'preserveAspectRatio="none" aria-hidden="true"' in text
    assert "The police list's counts are from March 1, 2024." in text


def test_demo_notice_shows_only_when_demo_cameras_are_shown(client, cameras):
    notice = '<p class="demo-notice" data-camera-map-demo hidden>'
    assert notice in client.get("/en/map/").text
    CameraFactory(municipality=cameras["zemun"], status="reported", source=Camera.Source.DEMO)
    assert notice in client.get("/en/map/").text  # only verified cameras are shown
    text = client.get("/en/map/?status=all").text
    assert '<p class="demo-notice" data-camera-map-demo>' in text
    assert "They are not real camera locations." in text


def test_filters_wait_behind_a_button_that_counts_the_chosen_ones(client, cameras):
    """The filters fold into a disclosure above the map, so that the map opens the page."""
    text = client.get("/en/map/").text
    assert re.search(r'<details class="map-page__filters">\s*<summary', text)
    assert '<span id="camera-filters-active"></span>' in text
    # The form is still a plain GET form, inside the disclosure, before the map.
    form = text.index('<form id="camera-filters"')
    assert text.index('<details class="map-page__filters"') < form
    # (The site's header may have a disclosure of its own, before this one.)
    assert text.index("</details>", form) < text.index("data-camera-map")
    assert text.index("data-camera-map") < text.index('id="camera-figures"')
    text = client.get("/en/map/?status=all&municipality=zemun&camera_type=").text
    assert re.search(
        r'<span id="camera-filters-active"> <span class="map-page__filters-count">'
        r'<span class="visually-hidden">active:</span> 2</span></span>',
        text,
    )
    assert '<details class="map-page__filters">' in text


def test_filters_open_when_one_is_wrong(client, cameras):
    text = client.get("/en/map/?municipality=atlantis").text
    assert '<details class="map-page__filters" open>' in text
    assert "Choose a municipality from the list." in text


def map_bounds(text):
    return json.loads(html.unescape(re.search(r'data-bounds="([^"]*)"', text).group(1)))


def test_map_knows_where_each_municipality_is_to_zoom_to_it(client, cameras):
    """Around its public cameras; around its boundary without cameras; else nowhere."""
    vracar, zemun = cameras["vracar"], cameras["zemun"]
    Camera.objects.filter(municipality=vracar).update(latitude=44.80, longitude=20.47)
    Camera.objects.filter(municipality=vracar, status="verified").update(latitude=44.79)
    # A rejected camera is not shown: it does not widen the box.
    Camera.objects.filter(municipality=vracar, status="rejected").update(latitude=10)
    square = [[20.1, 44.6], [20.3, 44.6], [20.3, 44.9], [20.1, 44.9], [20.1, 44.6]]
    zemun.boundary = {"type": "Polygon", "coordinates": [square]}
    zemun.save()  # its cameras win over its boundary
    MunicipalityFactory(slug="surcin", boundary={"type": "Polygon", "coordinates": [square]})
    MunicipalityFactory(slug="broken", boundary={"type": "Polygon", "coordinates": [[1, 2]]})
    bounds = map_bounds(client.get("/en/map/").text)
    assert bounds["vracar"] == [44.79, 20.47, 44.80, 20.47]
    zemun_cameras = Camera.objects.filter(municipality=zemun)
    latitudes = [camera.latitude for camera in zemun_cameras]
    longitudes = [camera.longitude for camera in zemun_cameras]
    assert bounds["zemun"] == [min(latitudes), min(longitudes), max(latitudes), max(longitudes)]
    assert bounds["surcin"] == [44.6, 20.1, 44.9, 20.3]
    assert "cukarica" not in bounds and "broken" not in bounds
    # Only the map page zooms to a municipality: the embed and the block keep their view.
    assert "data-bounds" not in client.get("/en/map/embed/?municipality=zemun").text


def test_map_bounds_follow_changes_to_the_cameras(
    client, cameras, django_capture_on_commit_callbacks
):
    assert "cukarica" not in map_bounds(client.get("/en/map/").text)
    cukarica = Municipality.objects.get(slug="cukarica", locale__language_code="sr-latn")
    with django_capture_on_commit_callbacks(execute=True):
        CameraFactory(municipality=cukarica, latitude=44.75, longitude=20.40)
    assert map_bounds(client.get("/en/map/").text)["cukarica"] == [44.75, 20.40, 44.75, 20.40]


def test_map_bounds_cost_three_queries_however_many_municipalities(
    cameras, django_assert_num_queries
):
    for _ in range(5):
        square = [[20.1, 44.6], [20.3, 44.6], [20.3, 44.9], [20.1, 44.9], [20.1, 44.6]]
        municipality = MunicipalityFactory(boundary={"type": "Polygon", "coordinates": [square]})
        CameraFactory.create_batch(2, municipality=municipality)
        MunicipalityFactory(boundary={"type": "Polygon", "coordinates": [square]})
    cache.clear()
    with django_assert_num_queries(3):
        bounds = municipality_bounds()
    assert len(bounds) == 2 + 10
    with django_assert_num_queries(0):
        assert municipality_bounds() == bounds  # from the cache


def test_map_page_queries_do_not_grow_with_municipalities_or_cameras(client, cameras):
    paths = ["/en/map/?status=all", "/mapa/?municipality=vracar", "/en/map/embed/"]
    before = [count_queries(client, path) for path in paths]
    assert before[0] <= 13 and before[2] <= 5
    en = Locale.objects.get(language_code="en")
    for number in range(8):
        municipality = MunicipalityFactory(police_list_count=number)
        translation = municipality.copy_for_translation(en)
        translation.save()
        CameraFactory.create_batch(3, municipality=municipality, direction=90)
    CameraFactory.create_batch(5, municipality=cameras["vracar"], status="reported")
    assert [count_queries(client, path) for path in paths] == before


def test_page_is_a_single_child_of_the_home_page(site):
    assert MapPage.parent_page_types == ["home.HomePage"]
    assert not MapPage.can_create_at(site["map"])  # no children
    assert not MapPage.can_create_at(site["home"])  # one per home page
    assert MapPage.can_create_at(HomePageFactory())


def test_map_page_body_takes_the_camera_map_block(client, site, cameras):
    site["map"].body = [
        (
            "camera_map",
            {
                "latitude": 44.8,
                "longitude": 20.45,
                "zoom": 15,
                "status": "all",
                "facial_recognition": True,
                "municipality": "vracar",
            },
        )
    ]
    site["map"].save_revision().publish()
    text = client.get("/mapa/").text
    assert text.count("data-camera-map\n") == 2
    assert 'data-latitude="44.800000"' in text and 'data-zoom="15"' in text
    assert 'data-filters="status=all&amp;facial_recognition=true&amp;municipality=vracar"' in text
    assert (
        'href="/mapa/?status=all&amp;facial_recognition=true&amp;municipality=vracar'
        '#map=15/44.80000/20.45000"'
    ) in text


def test_editors_can_edit_the_map_page_with_its_camera_map_block(admin_client, site, cameras):
    response = admin_client.get(f"/admin/pages/{site['map'].pk}/edit/")
    assert response.status_code == 200
    # The block's label, in the body's block definitions (JSON in an HTML attribute). The page
    # itself is called "Mapa kamera" too: the bare words would prove nothing.
    assert "{&quot;label&quot;: &quot;Mapa kamera&quot;" in response.text
    assert "Vra\\u010dar" in response.text  # the municipality choices, in the block's JSON


def test_camera_map_block_preview_and_choices(rf, cameras):
    block = CameraMapBlock()
    assert ("vracar", "Vračar") in municipality_choices()
    assert municipality_choices()[0][0] == ""
    html = block.render(block.meta.preview_value, context={"request": rf.get("/")})
    assert 'data-filters="status=verified&amp;facial_recognition=true"' in html
    assert 'data-latitude="44.812500"' in html


def test_embed_may_be_framed_and_nothing_else(client, site):
    embed = client.get(in_serbian("map:embed"), {"facial_recognition": "true"})
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed.headers
    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]
    assert "script-src 'self'" in embed.headers["Content-Security-Policy"]  # the rest holds
    assert 'data-filters="status=verified&amp;facial_recognition=true"' in embed.text
    assert 'href="/mapa/?status=verified&amp;facial_recognition=true" target="_blank"' in (
        embed.text
    )
    english = client.get("/en/map/embed/")
    assert "X-Frame-Options" not in english.headers
    assert 'href="/en/map/?status=verified" target="_blank"' in english.text
    for path in ["/", "/mapa/", "/en/map/", in_serbian("map:report"), "/api/cameras.geojson"]:
        response = client.get(path)
        assert response.headers["X-Frame-Options"] == "DENY", path
        assert "frame-ancestors *" not in response.headers["Content-Security-Policy"], path


def test_home_page_shows_live_figures_and_links_to_the_map(client, cameras):
    text = client.get("/en/").text
    figures = re.findall(r"<div><dt>(.*?)</dt><dd>(.*?)</dd></div>", text)
    assert figures == [
        ("Verified cameras on the citizen map", "8"),
        # Čukarica's count is unknown: the total is of the counts known, as in the table.
        ("Cameras on the police list", "13"),
        ("Municipalities with verified cameras", "2"),
    ]
    assert '<a class="button button--primary" href="/en/map/">' in text
    assert "Demo data" not in text


def test_home_page_figures_say_when_they_count_demo_cameras(client, cameras):
    CameraFactory(source=Camera.Source.DEMO)
    assert "Demo data: these figures count generated cameras" in client.get("/en/").text


def test_home_page_hides_figures_without_verified_cameras(client, site):
    CameraFactory(status=Camera.Status.REPORTED)
    text = client.get("/en/").text
    assert "home-figures" not in text
    assert "Verified cameras on the citizen map" not in text


def test_home_page_figures_are_cheap_and_live(client, cameras, django_assert_num_queries):
    with django_assert_num_queries(2):
        assert city_figures()["cameras"] == 8
    before = count_queries(client, "/en/")
    # The home page's other sections (petition, event, news, explainers) cost the rest.
    assert before <= 25
    CameraFactory.create_batch(10, municipality=MunicipalityFactory(police_list_count=1))
    assert count_queries(client, "/en/") == before
    assert "<dd>18</dd>" in client.get("/en/").text


def test_admin_geo_widget_loads_nothing_from_other_sites(admin_client, site):
    media = str(SelfHostedLeafletField().media)
    assert "js_lib_leaflet/leaflet.js" in media and "js_lib_leaflet/leaflet.css" in media
    assert "://" not in media
    page = admin_client.get("/admin/snippets/map/camera/add/").text
    assert "/static/js_lib_leaflet/leaflet.js" in page
    loaded = re.findall(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", page)
    assert loaded
    assert [url for url in loaded if re.match(r"(https?:)?//", url)] == []


def test_seed_adds_the_map_page_in_both_languages_and_leads_the_menu_with_it():
    call_command("seed_demo", verbosity=0)
    serbian = MapPage.objects.get(locale__language_code="sr-latn")
    english = MapPage.objects.get(locale__language_code="en")
    assert (serbian.title, serbian.slug, serbian.url) == ("Mapa kamera", "mapa", "/mapa/")
    assert (english.title, english.slug, english.url) == ("Camera map", "map", "/en/map/")
    assert serbian.translation_key == english.translation_key
    assert serbian.live and english.live
    navigation = NavigationSettings.objects.get()
    assert navigation.main_menu[0].value.specific == serbian


def test_seed_puts_a_new_map_page_first_in_an_existing_menu():
    call_command("seed_demo", verbosity=0)
    MapPage.objects.filter(locale__language_code="en").delete()
    MapPage.objects.all().delete()
    navigation = NavigationSettings.objects.get()
    navigation.main_menu = [("page", block.value) for block in navigation.main_menu if block.value]
    navigation.save()
    before = [block.value.slug for block in navigation.main_menu]

    call_command("seed_demo", verbosity=0)
    navigation.refresh_from_db()
    assert [block.value.slug for block in navigation.main_menu] == ["mapa", *before]


def test_the_table_lists_municipalities_in_serbian_alphabetical_order(client, site):
    # A plain sort (of decomposed letters) put Ć before Č, Lj before Lo and Đ after Z.
    made = ["Zemun", "Đurđevo", "Ćuprija", "Čačak", "Lozovik", "Ljig", "Cerak"]
    for name in made:
        MunicipalityFactory(name=name, slug=slugify(name))
    names = [row[0] for row in table_rows(client.get("/mapa/").text) if row[0] in made]
    assert names == ["Cerak", "Čačak", "Ćuprija", "Đurđevo", "Lozovik", "Ljig", "Zemun"]
