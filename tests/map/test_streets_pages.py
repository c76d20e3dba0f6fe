"""The street coverage for people (map/streets/pages.py): the method page, which shows the
settings the computation reads, the streets as a sortable table, and the streets' shares in the
map page's comparison of municipalities, against shares worked out by hand on small made-up
networks (tests/map/test_streets.py's helpers: places in metres from a point in Belgrade)."""

import re

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from map.figures import municipalities, municipality_figures
from map.releases.models import Release
from map.streets.coverage import compute_coverage
from map.streets.importer import import_streets
from map.streets.pages import PER_PAGE
from tests.routes import in_english, in_serbian

from ..test_fuzz import FUZZ, VALUES
from .factories import MunicipalityFactory, map_pages
from .test_streets import at, camera, overpass, way

pytestmark = pytest.mark.django_db


def square(west, south, east, north):
    """A GeoJSON Polygon of the box given in metres from the tests' origin."""
    (west_lon, south_lat), (east_lon, north_lat) = at(west, south), at(east, north)
    ring = [
        [west_lon, south_lat],
        [east_lon, south_lat],
        [east_lon, north_lat],
        [west_lon, north_lat],
        [west_lon, south_lat],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def cells(html, caption_id):
    """The rows of the table captioned `caption_id`, as lists of cell texts, header first."""
    table = re.search(rf'<caption id="{caption_id}">.*?</table>', html, re.S).group(0)
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in found]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        if (found := re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S))
    ]


@pytest.fixture
def streets(tmp_path):
    """Stari grad (x < 0) with three streets, Zemun (x > 0) with one, and a street outside.

    Stari grad: Kralja Petra, 200 m from -300 to -100, a dome at -200 (20 m each way: 40 m,
    20 %); Dušanova, 100 m, a dome on it that recognises faces (40 m, 40 %) and is on the
    police list; Zmaja od Noćaja, 50 m, no camera (0 %). 350 m in all, 80 m seen (22.857 %),
    40 m by facial recognition, 40 m by the police list's. Zemun: Glavna, 400 m, a dome at
    its end (20 m: 5 %)."""
    stari_grad = MunicipalityFactory(
        name="Stari grad", slug="stari-grad", boundary=square(-1000, -1000, 0, 1000)
    )
    zemun = MunicipalityFactory(name="Zemun", slug="zemun", boundary=square(0, -1000, 1000, 1000))
    import_streets(
        overpass(
            tmp_path,
            way(1, (-300, 0), (-200, 0), name="Kralja Petra"),
            way(2, (-200, 0), (-100, 0), name="Kralja Petra"),
            way(3, (-500, 300), (-400, 300), name="Dušanova"),
            way(4, (-500, 600), (-450, 600), name="Zmaja od Noćaja"),
            way(5, (100, 0), (500, 0), name="Glavna"),
            way(6, (2000, 0), (2100, 0), name="Daleka"),
        )
    )
    camera(-200, 0)
    camera(-450, 300, facial_recognition=True, on_police_list=True)
    camera(500, 0)
    compute_coverage()
    return {"stari-grad": stari_grad, "zemun": zemun}


# The method page


def test_method_page_shows_the_settings_it_computes_with(client, streets, settings):
    text = client.get(in_english("map:street_method")).text
    views = cells(text, "method-views-caption")
    assert views == [
        ["Kind of camera", "Width of view (degrees)", "Depth of view (metres)"],
        ["Fixed", "60", "30"],
        ["Dome", "360 (all around)", "20"],
        ["Panning", "360 (all around)", "40"],
        ["Type or direction unknown", "360 (all around)", "15"],
    ]
    assert settings.STREET_COVERAGE_CRS in text
    assert "<code>footway</code>" in text
    assert "<code>construction</code>" not in text
    assert "for 6 pieces of street" in text


def test_a_changed_setting_shows_on_the_method_page(client, streets, settings, uncached):
    settings.CAMERA_VIEWS = {**settings.CAMERA_VIEWS, "fixed": {"angle": 75, "range": 45}}
    settings.CAMERA_VIEW_UNKNOWN = {"angle": 360, "range": 12}
    settings.STREET_COVERAGE_CRS = "EPSG:3909"
    settings.WALK_AVOIDANCE_K = 7
    text = client.get(in_english("map:street_method")).text
    views = cells(text, "method-views-caption")
    assert views[1] == ["Fixed", "75", "45"]
    assert views[-1] == ["Type or direction unknown", "360 (all around)", "12"]
    assert "EPSG:3909" in text
    assert "(1 + 7 \N{MULTIPLICATION SIGN}" in text


def test_the_walk_weight_is_left_out_where_it_is_not_set(client, streets, settings):
    del settings.WALK_AVOIDANCE_K
    assert "least-watched walk" not in client.get(in_english("map:street_method")).text


def test_method_page_names_the_release_the_coverage_was_computed_after(client, streets):
    Release.objects.create(number=1, storage_prefix="releases/1-a/")
    compute_coverage()  # after the release
    text = client.get(in_english("map:street_method")).text
    assert 'href="/en/map/releases/1/">Release 1</a>' in text


def test_method_page_renders_in_both_languages_and_links_the_other(client, streets):
    serbian = client.get(in_serbian("map:street_method"))
    english = client.get(in_english("map:street_method"))
    assert serbian.status_code == english.status_code == 200
    assert '<html lang="sr-latn"' in serbian.text
    assert '<html lang="en"' in english.text
    assert f'hreflang="en" href="http://testserver{in_english("map:street_method")}"' in (
        serbian.text
    )
    assert 'href="/api/streets.geojson"' in english.text
    assert "OpenStreetMap contributors" in english.text


def test_method_page_says_so_before_any_street_is_imported(client):
    text = client.get(in_english("map:street_method")).text
    assert "No streets have been imported yet." in text


# The streets table


def test_without_a_municipality_the_page_sums_up_each_one(client, streets):
    rows = cells(client.get(in_english("map:streets")).text, "streets-summary-caption")
    assert rows[1:] == [
        ["Stari grad", "0.4", "22.9", "11.4", "11.4"],
        ["Zemun", "0.4", "5.0", "0.0", "0.0"],
        ["Outside any municipality", "0.1", "0.0", "0.0", "0.0"],
    ]


def test_a_municipalitys_streets_sorted_by_coverage_by_default(client, streets):
    text = client.get(in_english("map:streets"), {"municipality": "stari-grad"}).text
    rows = cells(text, "streets-caption")
    assert rows[1:] == [
        ["Dušanova", "100", "40.0", "40.0", "40.0"],
        ["Kralja Petra", "200", "20.0", "0.0", "0.0"],
        ["Zmaja od Noćaja", "50", "0.0", "0.0", "0.0"],
    ]
    assert re.search(r'<th scope="col" aria-sort="descending"><a href="[^"]*sort=coverage"', text)
    assert text.count("aria-sort=") == 1


@pytest.mark.parametrize(
    ("sort", "names"),
    [
        ("coverage", ["Zmaja od Noćaja", "Kralja Petra", "Dušanova"]),
        ("name", ["Dušanova", "Kralja Petra", "Zmaja od Noćaja"]),
        ("-name", ["Zmaja od Noćaja", "Kralja Petra", "Dušanova"]),
        ("-length", ["Kralja Petra", "Dušanova", "Zmaja od Noćaja"]),
        ("length", ["Zmaja od Noćaja", "Dušanova", "Kralja Petra"]),
        # Ties keep the alphabetical order.
        ("-face", ["Dušanova", "Kralja Petra", "Zmaja od Noćaja"]),
        ("-police", ["Dušanova", "Kralja Petra", "Zmaja od Noćaja"]),
    ],
)
def test_the_table_sorts_by_each_column(client, streets, sort, names):
    text = client.get(in_english("map:streets"), {"municipality": "stari-grad", "sort": sort}).text
    assert [row[0] for row in cells(text, "streets-caption")[1:]] == names
    order = "descending" if sort.startswith("-") else "ascending"
    key = sort.removeprefix("-")
    # The sorted column's link sorts it the other way round.
    other = key if sort.startswith("-") else f"-{key}"
    assert re.search(rf'aria-sort="{order}"><a href="[^"]*sort={re.escape(other)}"', text)


def test_the_serbian_table_writes_numbers_the_serbian_way(client, streets):
    text = client.get(in_serbian("map:streets"), {"municipality": "stari-grad"}).text
    assert cells(text, "streets-caption")[1] == ["Dušanova", "100", "40,0", "40,0", "40,0"]


@pytest.mark.parametrize(
    "query",
    [
        {"municipality": "nowhere"},
        {"municipality": "stari-grad", "sort": "evil"},
        {"municipality": "stari-grad", "page": "x"},
        {"municipality": "stari-grad", "page": "999"},
        {"municipality": ["stari-grad", "zemun"]},
        {"sort": "name"},
        {"municipality": "x" * 5000},
    ],
)
def test_bad_parameters_give_a_message_or_the_default_never_an_error(client, streets, query):
    response = client.get(in_english("map:streets"), query)
    assert response.status_code == 200
    if query.get("municipality") == "nowhere":
        assert "We have no streets of this municipality" in response.text


@FUZZ
@given(st.dictionaries(st.sampled_from(["municipality", "sort", "page", "other"]), VALUES))
def test_no_query_gives_a_server_error(client, streets, query):
    # As tests/test_fuzz.py sends the public forms: any text, lists for scalars, NULs.
    response = client.get(in_english("map:streets"), query)
    assert response.status_code < 500


def test_a_long_list_comes_in_pages(client, tmp_path):
    MunicipalityFactory(slug="dugo", boundary=square(-10_000, -10_000, 10_000, 10_000))
    count = PER_PAGE + 5
    import_streets(
        overpass(
            tmp_path,
            *(way(i, (0, 10 * i), (10, 10 * i), name=f"Ulica {i:03}") for i in range(1, count + 1)),
        )
    )
    url = in_english("map:streets")
    first = cells(client.get(url, {"municipality": "dugo", "sort": "name"}).text, "streets-caption")
    assert len(first) == 1 + PER_PAGE
    last = client.get(url, {"municipality": "dugo", "sort": "name", "page": "2"}).text
    assert [row[0] for row in cells(last, "streets-caption")[1:]] == [
        f"Ulica {i:03}" for i in range(PER_PAGE + 1, count + 1)
    ]
    assert "Page 2 of 2" in last


def more_streets(tmp_path, count):
    """`count` more named streets in Stari grad, each 10 m long, and a municipality more."""
    MunicipalityFactory(slug="dalje", boundary=square(3000, 3000, 9000, 9000))
    import_streets(
        overpass(
            tmp_path,
            *(
                way(1000 + i, (-900, -900 + 5 * i), (-890, -900 + 5 * i), name=f"U {i}")
                for i in range(count)
            ),
            way(999, (4000, 4000), (4100, 4000), name="Dalja"),
            name="more-streets.json",
        )
    )
    camera(-895, -900)
    compute_coverage()


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("map:streets", {}),
        ("map:streets", {"municipality": "stari-grad", "sort": "name", "page": "2"}),
        ("map:street_method", {}),
    ],
)
def test_the_pages_cost_the_same_with_more_streets(
    client, streets, tmp_path, django_assert_max_num_queries, name, query, uncached
):
    """A cold render (nothing kept) costs as many queries with few streets as with many."""
    url = in_english(name)
    client.get(url, query)  # the site settings' rows
    cache.clear()
    with django_assert_max_num_queries(50) as few:
        client.get(url, query)
    more_streets(tmp_path, 120)
    cache.clear()
    with django_assert_max_num_queries(len(few)):
        response = client.get(url, query)
    if "page" in query:  # a full second page of them
        assert len(cells(response.text, "streets-caption")) == 1 + PER_PAGE


def test_the_bare_summary_is_kept_in_the_page_cache_and_a_sorted_table_is_not(client, streets):
    """(The first render may create the site's settings, a change its own copy must not
    survive: hence a few requests.)"""
    url = in_english("map:streets")
    assert "hit" in [client.get(url)["X-Page-Cache"] for _ in range(3)]
    query = {"municipality": "stari-grad", "sort": "name"}
    assert "hit" not in [client.get(url, query)["X-Page-Cache"] for _ in range(3)]
    # A parameter the page cache does not key on would share the summary's entry: the
    # summary reads none, so it is the same page.
    assert "Streets in view, per municipality" in client.get(url, {"sort": "name"}).text


# The municipality comparison on the map page


@pytest.fixture
def map_site():
    map_pages()


def comparison(client, path="/en/map/"):
    table = re.search(r'<table class="figures-table">(.*?)</table>', client.get(path).text, re.S)
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in found]
        for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
        if (found := re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S))
    ]


def test_the_comparison_has_no_street_columns_before_streets_are_imported(client, map_site):
    MunicipalityFactory(name="Zemun", slug="zemun")
    header = comparison(client)[0]
    assert not any("Streets in view" in cell for cell in header)


def test_the_comparison_shows_each_municipalitys_streets_in_view(client, map_site, streets):
    rows = comparison(client)
    assert rows[0][-2:] == [
        "Streets in view of our map's cameras (per cent of length)",
        "Streets in view of our map's cameras on the police list (per cent of length)",
    ]
    by_name = {row[0]: row[-2:] for row in rows[1:]}
    assert by_name["Stari grad"] == ["22.9", "11.4"]
    assert by_name["Zemun"] == ["5.0", "0.0"]
    # 80 + 20 m of 750 m within the municipalities; the street outside them is in none.
    assert by_name["Total"] == ["13.3", "5.3"]
    # A municipality whose streets we lack: no city total that is a few municipalities'.
    MunicipalityFactory(name="Barajevo", slug="barajevo", boundary=square(5000, 5000, 6000, 6000))
    by_name = {row[0]: row[-2:] for row in comparison(client)[1:]}
    unknown = "\u2013 unknown"  # the dash, and its words for screen readers
    assert by_name["Barajevo"] == by_name["Total"] == [unknown, unknown]
    serbian = {row[0]: row[-2:] for row in comparison(client, "/mapa/")[1:]}
    assert serbian["Stari grad"] == ["22,9", "11,4"]
    # Retired cameras see nothing: no street columns for them.
    assert len(comparison(client, "/en/map/?status=retired")[0]) == 4


def test_the_comparison_reads_the_streets_in_one_query(streets, django_assert_num_queries):
    listed = municipalities()
    with django_assert_num_queries(2):  # the cameras', the streets'
        figures = municipality_figures({}, listed)
    row = next(row for row in figures.rows if row.name == "Stari grad")
    assert row.streets_in_view == pytest.approx(100 * 80 / 350, abs=0.001)
    assert figures.has_streets
