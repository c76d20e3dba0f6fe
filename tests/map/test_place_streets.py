"""The place search lists a street once, with its number of cameras, and says when it lists
only the first places: on the map page without JavaScript (map/places.py) and in the site
search's group of places (map/search.py)."""

import re

import pytest

from map.models import Camera
from map.places import MAX_RESULTS, MAX_ROWS
from map.search import MAX_CAMERAS
from tests.routes import in_serbian

from .factories import CameraFactory, MunicipalityFactory
from .test_map_page import count_queries, places, site  # noqa: F401  (a fixture)

# ruff: noqa: F811

pytestmark = pytest.mark.django_db

CUT = "Showing the first {count}; narrow your search."


def details(text):
    """The words after each place found: "3 cameras, Vračar"."""
    results = re.search(r"data-place-results>(.*?)</div>", text, re.S).group(1)
    return re.findall(r'<span class="map-search__detail">([^<]*)</span>', results)


@pytest.fixture
def bulevar(site, django_capture_on_commit_callbacks):
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    zvezdara = MunicipalityFactory(name="Zvezdara", slug="zvezdara")
    # Committed: the site search's index of streets follows the committed data.
    with django_capture_on_commit_callbacks(execute=True):
        cameras = [
            CameraFactory(address=address, municipality=vracar, latitude=latitude)
            for address, latitude in [
                ("Bulevar kralja Aleksandra 14", 44.805),
                ("Bulevar kralja Aleksandra 12", 44.801),
                ("bulevar kralja aleksandra 20a", 44.809),
                ("Bulevar kralja Aleksandra 12", 44.802),  # two at one address
            ]
        ]
        other = CameraFactory(address="Bulevar kralja Aleksandra 300", municipality=zvezdara)
        CameraFactory(address="Bulevar kralja Aleksandra 1", municipality=vracar, status="rejected")
    return {"cameras": cameras, "other": other}


def test_a_streets_cameras_are_one_place_with_their_number(client, bulevar):
    text = client.get("/en/map/", {"place": "bulevar kralja"}).text

    first, other = bulevar["cameras"][0], bulevar["other"]
    # Without JavaScript the street's first camera's page; the script zooms to all four.
    assert places(text) == [
        ("Bulevar kralja Aleksandra", f"/en/map/cameras/{first.pk}/"),
        ("Bulevar kralja Aleksandra 300", f"/en/map/cameras/{other.pk}/"),
    ]
    assert details(text) == ["4 cameras, Vračar", "Zvezdara"]
    south, west, north, east = (
        float(side) for side in re.search(r'data-bounds="([^"]+)"', text).group(1).split(",")
    )
    assert (south, north) == (44.801, 44.809)
    longitudes = [camera.longitude for camera in bulevar["cameras"]]
    assert (west, east) == pytest.approx((min(longitudes), max(longitudes)), abs=1e-6)
    assert "Places found: 2" in text
    assert "data-place-cut hidden>" in text  # (the script's words are in the page too)
    # One building's cameras: its address, as one camera's.
    twelve = bulevar["cameras"][1]
    text = client.get("/en/map/", {"place": "aleksandra 12"}).text
    assert places(text) == [("Bulevar kralja Aleksandra 12", f"/en/map/cameras/{twelve.pk}/")]


def test_more_places_than_the_list_holds_are_said_to_be_cut(client, site):
    for number in range(10, 10 + MAX_RESULTS + 1):
        CameraFactory(address=f"Ulica broj {number} 7")

    text = client.get("/en/map/", {"place": "ulica broj"}).text

    assert [name for name, _ in places(text)] == [
        f"Ulica broj {number} 7" for number in range(10, 10 + MAX_RESULTS)
    ]
    assert f"data-place-cut>{CUT.format(count=MAX_RESULTS)}</p>" in text
    # Not "Places found: 8": there were more.
    assert f'role="status">More than {MAX_RESULTS} places found</p>' in text
    serbian = client.get("/mapa/", {"place": "broj 15"}).text
    assert "data-place-cut hidden" in serbian and len(places(serbian)) == 1


def test_the_rows_read_are_bounded_and_a_street_cut_short_is_left_out(client, site):
    # More different addresses than are read: the street the rows end in is not miscounted.
    Camera.objects.bulk_create(
        Camera(address=f"{street} {number}", latitude=44.8, longitude=20.4, status="verified")
        for street, numbers in (("Aaa ulica", 150), ("Bbb ulica", MAX_ROWS))
        for number in range(1, numbers + 1)
    )

    text = client.get("/en/map/", {"place": "ulica"}).text

    assert [name for name, _ in places(text)] == ["Aaa ulica"]
    assert details(text) == ["150 cameras"]
    assert f"data-place-cut>{CUT.format(count=MAX_RESULTS)}</p>" in text


def test_grouping_costs_the_same_queries_however_many_streets(client, site):
    CameraFactory(address="Nova ulica 1")
    path = "/en/map/?place=ulica"
    before = count_queries(client, path)
    for number in range(30):
        CameraFactory(address=f"Ulica {number} {number}")
        CameraFactory(address=f"Ulica {number} {number + 100}")
    assert count_queries(client, path) == before


def test_the_site_search_lists_a_street_once_and_says_when_it_cut_the_list(
    client, bulevar, django_capture_on_commit_callbacks
):
    response = client.get(in_serbian("search"), {"q": "bulevar kralja aleksandra"})
    group = response.text.split('class="search__group"', 1)[1].split("</section>")[0]
    links = re.findall(
        r'<a href="([^"]*)">([^<]*)</a><span class="search__detail">, ([^<]*)', group
    )
    first, other = bulevar["cameras"][0], bulevar["other"]
    # ("4 kamere" once the Serbian catalogue has the words.)
    assert [(href, label) for href, label, _ in links] == [
        (in_serbian("map:camera_page", first.pk), "Bulevar kralja Aleksandra"),
        (in_serbian("map:camera_page", other.pk), "Bulevar kralja Aleksandra 300"),
    ]
    assert re.fullmatch(r"4 (kamere|cameras), Vračar", links[0][2])
    assert links[1][2] == "Zvezdara"
    assert "suzite pretragu" not in group and "narrow your search" not in group

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(MAX_CAMERAS):
            CameraFactory(address=f"Bulevar {number} {number}", municipality=None)
    group = (
        client.get(in_serbian("search"), {"q": "bulevar"})
        .text.split('class="search__group"', 1)[1]
        .split("</section>")[0]
    )
    assert len(re.findall(r"<li>", group)) == MAX_CAMERAS
    assert re.search(r"(Prikazano prvih|Showing the first) 5", group)
