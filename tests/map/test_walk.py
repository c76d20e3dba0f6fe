"""A walk that avoids cameras (map/streets/routing.py, map/streets/views.py): the shortest and
the least-watched walk on small street networks made here, against lengths worked out by hand
and networkx's own shortest paths on the same graph.

Places are metres east and north of tests/map/test_streets.py's ORIGIN (its `at`, `street`,
`block`, `overpass` and `camera` helpers); the ways here share OSM nodes where they meet, as
OSM's do."""

import networkx as nx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from map.models import Camera, StreetSegment
from map.streets import routing
from map.streets.coverage import compute_coverage
from map.streets.importer import import_streets
from map.streets.routing import (
    MAX_SNAP_M,
    TIE_BREAK,
    build_street_graph,
    cheapest,
    snap,
    step_text,
    street_graph,
    walks,
)
from map.streets.views import coverage_record, listed_names

from ..browser.axe import axe_violations
from ..browser.test_map_page import tiles  # noqa: F401  (a fixture)
from .factories import MunicipalityFactory
from .test_streets import X0, Y0, at, block, camera, overpass, street
from .test_streets_api import box

pytestmark = pytest.mark.django_db


def streets_of(tmp_path, *elements):
    import_streets(overpass(tmp_path, *elements))
    compute_coverage()  # bumps the camera data version: the graph is built again
    return street_graph()


def point(east, north):
    """(longitude, latitude) of a place, as routing takes it."""
    return at(east, north)


def query(east, north):
    """ "latitude,longitude", as the API and the page take it."""
    longitude, latitude = at(east, north)
    return f"{latitude:.8f},{longitude:.8f}"


def the_walks(streets, start, end):
    _from, _to, (shortest, least_watched) = walks(streets, point(*start), point(*end))
    return shortest, least_watched


def steps(route):
    return [(step["street"], round(step["length_m"], 1)) for step in route.steps]


def test_the_least_watched_walk_goes_round_a_camera(tmp_path, settings):
    """A 100-m square block. A panning camera (40 m) in the middle of the south street sees
    80 of its 100 m: with k = 4 that side costs 100 x (1 + 4 x 0.8) = 420, the other three
    sides 300, so the least-watched walk takes them."""
    settings.WALK_AVOIDANCE_K = 4
    watcher = camera(50, 0, camera_type="panning")
    streets = streets_of(tmp_path, *block())
    shortest, least_watched = the_walks(streets, (0, 0), (100, 0))

    assert shortest.length_m == pytest.approx(100, abs=0.01)
    assert shortest.cameras == [watcher.pk]
    assert steps(shortest) == [("Južna", 100)]
    assert least_watched.length_m == pytest.approx(300, abs=0.01)
    assert least_watched.cameras == []
    assert steps(least_watched) == [("Zapadna", 100), ("Severna", 100), ("Istočna", 100)]
    assert least_watched.watched_m == 0
    assert shortest.watched_m == pytest.approx(80, abs=0.01)
    # The line runs from the start to the end, round the block.
    assert least_watched.coordinates[0] == pytest.approx(list(point(0, 0)), abs=1e-6)
    assert least_watched.coordinates[-1] == pytest.approx(list(point(100, 0)), abs=1e-6)
    assert len(least_watched.coordinates) == 4


def test_a_camera_that_costs_less_than_the_detour_is_passed(tmp_path, settings):
    """The same block, k = 1: the south side costs 100 x 1.8 = 180, under the detour's 300."""
    settings.WALK_AVOIDANCE_K = 1
    camera(50, 0, camera_type="panning")
    _shortest, least_watched = the_walks(streets_of(tmp_path, *block()), (0, 0), (100, 0))
    assert least_watched.length_m == pytest.approx(100, abs=0.01)
    assert len(least_watched.cameras) == 1


def test_a_long_way_watched_at_one_end_is_not_watched_at_the_other(tmp_path, settings):
    """One OSM way of 200 m through a junction at its middle, and a 160-m detour from its
    start to that junction. A panning camera (40 m) 10 m from the way's far end sees 50 m of
    it, all beyond the junction: the walk to the junction is in no view, so it is the least
    watched as well as the shortest, and makes no detour (found by a review: every piece of
    a way once counted the whole way's share)."""
    settings.WALK_AVOIDANCE_K = 4
    camera(190, 0, camera_type="panning")
    streets = streets_of(
        tmp_path,
        street(1, (0, 0), (100, 0), (200, 0), name="Duga"),
        street(2, (0, 0), (0, 30), (100, 30), (100, 0), name="Obilazak"),
    )
    shortest, least_watched = the_walks(streets, (0, 0), (100, 0))
    assert least_watched.length_m == shortest.length_m == pytest.approx(100, abs=0.01)
    assert shortest.watched_m == least_watched.watched_m == 0
    # Beyond the junction, the piece the camera sees counts what it sees of that piece.
    shortest, _least_watched = the_walks(streets, (100, 0), (200, 0))
    assert shortest.watched_m == pytest.approx(50, abs=0.01)


def test_without_cameras_both_walks_are_the_same(tmp_path):
    shortest, least_watched = the_walks(streets_of(tmp_path, *block()), (0, 0), (100, 100))
    assert shortest.length_m == least_watched.length_m == pytest.approx(200, abs=0.01)
    assert shortest.coordinates == least_watched.coordinates
    assert shortest.cameras == least_watched.cameras == []


def test_a_street_of_several_ways_is_one_step_and_unnamed_ways_are_told_by_their_kind(tmp_path):
    streets = streets_of(
        tmp_path,
        street(1, (0, 0), (100, 0), name="Kralja Petra"),
        street(2, (100, 0), (250, 0), name="Kralja Petra"),
        street(3, (100, 0), (100, 100), name="Poprečna"),
        street(4, (250, 0), (250, 60), highway="footway"),
        street(5, (250, 60), (250, 100), highway="footway"),
    )
    with translation.override("en"):
        shortest, _least_watched = the_walks(streets, (0, 0), (250, 100))
        assert steps(shortest) == [("Kralja Petra", 250), ("unnamed footway", 100)]
        assert [step_text(step) for step in shortest.steps] == [
            "Kralja Petra, 250 m",
            "unnamed footway, 100 m",
        ]
    # In the site's own language by default.
    shortest, _least_watched = the_walks(streets, (0, 0), (250, 100))
    assert step_text(shortest.steps[1]) == "pešačka staza bez imena, 100 m"


def test_a_whole_way_is_cut_where_another_meets_it(tmp_path):
    """One OSM way of three points, crossed at its middle point by another: the graph has the
    four ends and the junction, and a walk turns there."""
    streets = streets_of(
        tmp_path,
        street(1, (0, 0), (100, 0), (200, 0), name="Duga"),
        street(2, (100, -100), (100, 0), (100, 100), name="Poprečna"),
    )
    assert streets.graph.number_of_nodes() == 5
    assert streets.graph.number_of_edges() == 4
    lengths = sorted(data["length"] for _u, _v, data in streets.graph.edges(data=True))
    assert lengths == pytest.approx([100, 100, 100, 100], abs=0.01)
    shortest, _ = the_walks(streets, (0, 0), (100, 100))
    assert shortest.length_m == pytest.approx(200, abs=0.01)
    assert steps(shortest) == [("Duga", 100), ("Poprečna", 100)]


def test_a_walk_starts_and_ends_where_the_points_are_along_a_street(tmp_path):
    """Points 5 m and 3 m off a straight street are taken to the street: 170 - 30 = 140 m."""
    streets = streets_of(tmp_path, street(1, (0, 0), (200, 0), name="Prava"))
    from_snap, to_snap, (shortest, least_watched) = walks(streets, point(30, 5), point(170, -3))
    assert (from_snap.distance, to_snap.distance) == (
        pytest.approx(5, abs=0.01),
        pytest.approx(3, abs=0.01),
    )
    assert shortest.length_m == least_watched.length_m == pytest.approx(140, abs=0.01)
    assert shortest.coordinates[0] == pytest.approx(list(point(30, 0)), abs=1e-6)


def test_only_the_cameras_whose_view_the_walk_passes_through_count(tmp_path):
    """A dome (20 m) near the east end of a 200-m street sees its way, so the way lists it;
    a walk along the west half does not pass through its view, one to the end does. Two
    cameras on one street count two; a camera seen from two ways counts once."""
    near_end = camera(180, 0)
    streets = streets_of(
        tmp_path,
        street(1, (0, 0), (200, 0), name="Prava"),
        street(2, (200, 0), (300, 0), name="Dalja"),
    )
    assert StreetSegment.objects.get(external_id="osm:way/1").camera_ids == [near_end.pk]
    # Its view reaches 200 m, the second way's start too.
    assert StreetSegment.objects.get(external_id="osm:way/2").camera_ids == [near_end.pk]
    west, _ = the_walks(streets, (0, 0), (100, 0))
    assert west.cameras == []
    whole, _ = the_walks(streets, (0, 0), (300, 0))
    assert whole.cameras == [near_end.pk]

    other = camera(20, 0)
    streets = streets_of(tmp_path)  # computed again with the new camera
    whole, _ = the_walks(streets, (0, 0), (300, 0))
    assert sorted(whole.cameras) == sorted([near_end.pk, other.pk])


def test_the_walks_are_networkx_shortest_paths_on_the_same_graph(tmp_path, settings):
    """A 5 x 5 grid of uneven blocks with cameras here and there: between every pair of
    junctions tried, the walks cost what networkx's Dijkstra finds by the same weights."""
    settings.WALK_AVOIDANCE_K = 3
    xs = [0, 90, 170, 300, 380]
    ys = [0, 120, 200, 260, 400]
    elements = []
    for j, y in enumerate(ys):
        for i in range(len(xs) - 1):
            elements.append(street(len(elements) + 1, (xs[i], y), (xs[i + 1], y), name=f"Red {j}"))
    for i, x in enumerate(xs):
        for j in range(len(ys) - 1):
            elements.append(street(len(elements) + 1, (x, ys[j]), (x, ys[j + 1]), name=f"Kol {i}"))
    for east, north in [(45, 0), (170, 160), (300, 230), (90, 330), (340, 400), (380, 60)]:
        camera(east, north, camera_type="panning")
    streets = streets_of(tmp_path, *elements)
    node = {
        (x, y): min(streets.xy, key=lambda key, x=x, y=y: _distance(streets.xy[key], x, y))
        for x in xs
        for y in ys
    }
    pairs = [
        ((0, 0), (380, 400)),
        ((380, 0), (0, 400)),
        ((90, 120), (300, 260)),
        ((0, 200), (380, 200)),
    ]
    for start, end in pairs:
        from_snap = snap(streets, *point(*start), "from")
        to_snap = snap(streets, *point(*end), "to")
        # The shortest walk's search weighs a metre in view TIE_BREAK more ("shortest").
        for weight, attribute in (("length", "shortest"), ("watched", "watched")):
            _path, ours = cheapest(streets, from_snap, to_snap, weight)
            theirs = nx.dijkstra_path_length(
                streets.graph, node[start], node[end], weight=attribute
            )
            # Within 0.1: the import keeps 7 decimals of a degree, about a centimetre, so a
            # point given in metres lies a hair off its junction.
            assert ours == pytest.approx(theirs, abs=0.1), (start, end, weight)
        shortest, least_watched = the_walks(streets, start, end)
        very_shortest = nx.dijkstra_path_length(
            streets.graph, node[start], node[end], weight="length"
        )
        assert very_shortest - 0.01 <= shortest.length_m <= very_shortest * (1 + TIE_BREAK)
        assert least_watched.length_m >= shortest.length_m - 0.01


def _distance(xy, east, north):
    return (xy[0] - X0 - east) ** 2 + (xy[1] - Y0 - north) ** 2


# The API


def walk_json(client, **params):
    """The API's answer, in English (it speaks the reader's Accept-Language)."""
    return client.get(reverse("map_api:walk"), params, headers={"Accept-Language": "en"})


def test_the_api_gives_both_walks_and_what_they_rest_on(tmp_path, client, settings):
    settings.WALK_AVOIDANCE_K = 4
    camera(50, 0, camera_type="panning")
    streets_of(tmp_path, *block())
    response = walk_json(client, **{"from": query(0, 0), "to": query(100, 0)})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Accept-Language" in response["Vary"]
    assert "OpenStreetMap" in response["X-Attribution"]
    body = response.json()
    assert "not a safety tool" in body["disclaimer"]
    assert body["coverage"]["computed_at"]
    assert body["coverage"]["release"] is None  # no release yet
    assert body["coverage"]["avoidance_k"] == 4
    shortest, least_watched = body["routes"]["shortest"], body["routes"]["least_watched"]
    assert (shortest["length_m"], shortest["cameras"]) == (100.0, 1)
    assert (least_watched["length_m"], least_watched["cameras"]) == (300.0, 0)
    assert [step["text"] for step in least_watched["steps"]] == [
        "Zapadna, 100 m",
        "Severna, 100 m",
        "Istočna, 100 m",
    ]
    assert least_watched["geometry"]["type"] == "LineString"
    assert len(least_watched["geometry"]["coordinates"]) == 4


def test_the_api_names_the_release_the_coverage_was_computed_from(tmp_path, client):
    from map.releases.publishing import publish_release

    camera(50, 0)
    publish_release(note="Prvo")
    streets_of(tmp_path, *block())
    body = walk_json(client, **{"from": query(0, 0), "to": query(100, 0)}).json()
    assert body["coverage"]["release"] == 1


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "from"),
        ({"from": "44.8,20.4"}, "to"),
        ({"from": "garbage", "to": "44.8,20.4"}, "from"),
        ({"from": "44.8,20.4", "to": "1,2,3"}, "to"),
        ({"from": "nan,nan", "to": "44.8,20.4"}, "from"),
        ({"from": "inf,20", "to": "44.8,20.4"}, "from"),
        ({"from": "91,20.4", "to": "44.8,20.4"}, "from"),
        ({"from": "44.8,181", "to": "44.8,20.4"}, "from"),
        ({"from": "44.8," + "1" * 100_000, "to": "44.8,20.4"}, "from"),
        ({"from": "4" * 40 + ",20.4", "to": "44.8,20.4"}, "from"),
    ],
)
def test_bad_points_are_a_400_naming_the_parameter(tmp_path, client, params, parameter):
    streets_of(tmp_path, *block())
    response = walk_json(client, **params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["parameter"] == parameter
    assert parameter in body["error"]


def test_points_far_from_the_streets_are_refused_clearly(tmp_path, client):
    streets_of(tmp_path, *block())
    far = query(0, MAX_SNAP_M + 200)
    response = walk_json(client, **{"from": query(0, 0), "to": far})
    assert response.status_code == 422
    assert response.json() == {
        "error": f"The destination is more than {MAX_SNAP_M} m from the nearest street.",
        "parameter": "to",
    }
    # Within the distance, a point is taken to the nearest street.
    near = query(50, MAX_SNAP_M - 50)
    assert walk_json(client, **{"from": query(0, 0), "to": near}).status_code == 200


def test_without_streets_the_api_says_so(client):
    response = walk_json(client, **{"from": "44.8,20.4", "to": "44.81,20.41"})
    assert response.status_code == 422
    assert response.json()["error"] == "No streets have been imported yet."


def test_two_streets_not_connected_are_a_clear_error(tmp_path, client):
    streets_of(
        tmp_path,
        street(1, (0, 0), (100, 0), name="Ovde"),
        street(2, (0, 300), (100, 300), name="Tamo"),
    )
    response = walk_json(client, **{"from": query(0, 0), "to": query(100, 300)})
    assert response.status_code == 422
    assert "not connected" in response.json()["error"]


def grid(size, spacing=100):
    elements = []
    for j in range(size):
        for i in range(size - 1):
            corners = ((i * spacing, j * spacing), ((i + 1) * spacing, j * spacing))
            elements.append(street(len(elements) + 1, *corners, name=f"Red {j}"))
            corners = ((j * spacing, i * spacing), (j * spacing, (i + 1) * spacing))
            elements.append(street(len(elements) + 1, *corners, name=f"Kol {j}"))
    return elements


@pytest.mark.parametrize("size", [2, 8])
def test_the_queries_of_a_walk_do_not_grow_with_the_network(tmp_path, client, size):
    """Building the graph reads the segments, their cameras, the coverage's date and its
    release: four queries, whatever the size; a walk on a built graph asks none of its own
    (the licence's settings only)."""
    for index in range(size):
        camera(index * 100, 0)
    import_streets(overpass(tmp_path, *grid(size)))
    compute_coverage()
    with CaptureQueriesContext(connection) as built:
        street_graph()
    assert len(built) == 4
    params = {"from": query(0, 0), "to": query((size - 1) * 100, (size - 1) * 100)}
    with CaptureQueriesContext(connection) as walked:
        assert walk_json(client, **params).status_code == 200
    assert len(walked) <= 2


def test_the_graph_is_kept_until_the_camera_data_changes(tmp_path):
    first = streets_of(tmp_path, *block())
    assert street_graph() is first
    camera(50, 0).save()  # a camera's save bumps the version
    assert street_graph() is not first


# The page


def walk_page(client, **params):
    with translation.override("en"):
        url = reverse("map:walk")
    return client.get(url, params)


def test_the_page_states_the_disclaimer_and_offers_the_streets(tmp_path, client):
    streets_of(tmp_path, *block())
    response = walk_page(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A demonstrator, not a safety tool" in html
    assert '<option value="Južna">' in html
    assert 'list="walk-street-names"' in html
    assert "walk-map.js" in html
    assert "Shortest walk" not in html  # nothing asked yet
    data = response.context["walk_map"]
    assert data["routes"] == [] and data["bounds"]


def test_the_page_without_a_walk_asked_does_not_build_the_graph(tmp_path, client, monkeypatch):
    """Most visitors open the page and ask nothing: its form's streets, the map's bounds and
    what the coverage rests on come from a few queries, not the graph (seconds to build for a
    city, after every change of the cameras; found by a review). A walk asked builds it."""
    MunicipalityFactory(slug="stari-grad", name="Stari grad", boundary=box(-1000, -1000, 150, 1000))
    MunicipalityFactory(slug="barajevo", name="Barajevo", boundary=box(5000, -1000, 6000, 1000))
    import_streets(
        overpass(
            tmp_path,
            *block(),
            street(5, (100, 0), (100, -300), highway="footway"),
            street(6, (0, 100), (-200, 300), highway="motorway", name="Autoput"),
            street(7, (100, 100), (400, 100), name="Daleka"),  # outside every municipality
        )
    )
    compute_coverage()  # a new camera data version: no graph for it yet
    monkeypatch.setattr(routing, "_kept", None)

    with CaptureQueriesContext(connection) as bare:
        response = walk_page(client)
    assert response.status_code == 200
    assert routing._kept is None
    assert response.context["street_names"] == ["Daleka", "Istočna", "Južna", "Severna", "Zapadna"]
    offered = [value for value, _label in response.context["form"].fields["from_in"].choices]
    assert offered == ["", "stari-grad"]
    points = [point for segment in StreetSegment.objects.all() for point in segment.points]
    longitudes, latitudes = zip(*points, strict=True)
    assert response.context["walk_map"]["bounds"] == [
        [min(latitudes), min(longitudes)],
        [max(latitudes), max(longitudes)],
    ]
    assert response.context["coverage"]["computed_at"]
    # Kept under the camera data version, as the graph is: the next reader asks nothing of
    # the streets.
    with CaptureQueriesContext(connection) as again:
        walk_page(client)
    assert len(again) < len(bare)
    assert not any("street" in query["sql"].lower() for query in again.captured_queries)

    # The graph gives the page the same.
    graph = street_graph()
    assert response.context["street_names"] == listed_names(graph)
    assert response.context["walk_map"]["bounds"] == graph.bounds
    assert response.context["coverage"] == coverage_record(graph)

    monkeypatch.setattr(routing, "_kept", None)
    asked = walk_page(client, **{"from": query(0, 0), "to": query(100, 100)})
    assert asked.context["routes"]
    assert routing._kept is not None


def test_the_page_lists_both_walks_for_two_points_of_the_map(tmp_path, client, settings):
    settings.WALK_AVOIDANCE_K = 4
    camera(50, 0, camera_type="panning")
    streets_of(tmp_path, *block())
    response = walk_page(client, **{"from": query(0, 0), "to": query(100, 0)})
    html = response.content.decode()
    assert "Shortest walk" in html and "Least-watched walk" in html
    assert "100 m, passing 1 camera" in html
    assert "300 m, passing 0 cameras" in html
    assert "<li>Zapadna, 100 m</li>" in html
    assert [route["kind"] for route in response.context["walk_map"]["routes"]] == [
        "shortest",
        "least_watched",
    ]


def test_the_page_lists_both_walks_between_two_named_streets_without_javascript(tmp_path, client):
    streets_of(tmp_path, *block())
    response = walk_page(client, from_street="južna", to_street="Severna", to_in="")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Shortest walk" in html and "Least-watched walk" in html
    # From the middle of Južna to the middle of Severna: 50 + 100 + 50 m.
    (shortest, _) = response.context["routes"]
    assert shortest["length_m"] == pytest.approx(200, abs=0.1)


def test_the_page_says_what_is_wrong_with_what_was_asked(tmp_path, client):
    streets_of(tmp_path, *block())
    response = walk_page(client, from_street="Nepostojeća", to_street="Južna")
    assert response.status_code == 200
    assert "We have no street called “Nepostojeća”." in response.content.decode()
    response = walk_page(client, **{"from": "garbage", "to": query(0, 0)})
    assert response.status_code == 200
    assert "Give from as latitude,longitude" in response.content.decode()
    response = walk_page(client, from_street="x" * 5000, to_street="Južna")
    assert response.status_code == 200
    assert not response.context["routes"]


def test_street_names_are_found_as_people_type_them_and_never_guessed(tmp_path, client):
    """Without diacritics or in Cyrillic; a name two municipalities share asks which one
    (found by a review: one was picked without a word); the same street twice is no walk;
    only municipalities with streets are offered."""
    stari_grad = MunicipalityFactory(
        slug="stari-grad", name="Stari grad", boundary=box(-1000, -1000, 150, 1000)
    )
    MunicipalityFactory(slug="vracar", name="Vračar", boundary=box(150, -1000, 1000, 1000))
    MunicipalityFactory(slug="barajevo", name="Barajevo", boundary=box(5000, -1000, 6000, 1000))
    streets_of(
        tmp_path,
        street(1, (0, 0), (40, 0), name="Južna"),  # Stari grad
        street(2, (40, 0), (100, 0), name="Njegoševa"),  # Stari grad
        street(3, (100, 0), (200, 0), name="Njegoševa"),  # Vračar
        street(4, (200, 0), (300, 0), name="Krunska"),  # Vračar
    )
    html = walk_page(client, from_street="juzna", to_street="Крунска").content.decode()
    assert "<li>Njegoševa, 160 m</li>" in html

    response = walk_page(client, from_street="njegoseva", to_street="Krunska")
    assert response.context["form"].errors["from_in"] == [
        "There is a street called “njegoseva” in Stari grad, Vračar: choose one."
    ]
    response = walk_page(
        client, from_street="njegoseva", from_in=stari_grad.slug, to_street="Krunska"
    )
    assert response.context["routes"]
    response = walk_page(client, from_street="Krunska", from_in="stari-grad", to_street="Južna")
    assert response.context["form"].errors["from_street"] == [
        "We have no street called “Krunska” in that municipality."
    ]
    response = walk_page(client, from_street="Krunska", to_street="krunska")
    assert "The start and the destination are the same place." in response.content.decode()
    assert not response.context["routes"]
    offered = [value for value, _label in response.context["form"].fields["from_in"].choices]
    assert offered == ["", "stari-grad", "vracar"]


def test_the_shortest_of_two_walks_as_long_passes_fewer_cameras(tmp_path, settings):
    """Round the block from corner to corner, both ways are 200 m; a camera watches one."""
    camera(50, 0, camera_type="panning")
    shortest, least_watched = the_walks(streets_of(tmp_path, *block()), (0, 0), (100, 100))
    assert shortest.length_m == pytest.approx(200, abs=0.01)
    assert shortest.cameras == least_watched.cameras == []


def test_walks_leave_motorways_out(tmp_path):
    """A motorway straight across, a street round: the walk goes round."""
    streets = streets_of(
        tmp_path,
        street(1, (0, 0), (100, 0), highway="motorway"),
        street(2, (0, 0), (0, 50), (100, 50), (100, 0), name="Obilazna"),
    )
    shortest, _least_watched = the_walks(streets, (0, 0), (100, 0))
    assert shortest.length_m == pytest.approx(200, abs=0.01)


def test_the_page_renders_without_streets(client):
    response = walk_page(client)
    assert response.status_code == 200
    assert response.context["walk_map"]["bounds"] is None


# The demo


def test_the_demo_has_a_street_network_with_coverage_to_walk(demo_content, client):
    segments = StreetSegment.objects.filter(external_id__startswith="demo-")
    assert 300 <= segments.count() <= 2000
    assert segments.filter(municipality__slug="stari-grad").exists()
    assert segments.exclude(camera_ids=[]).exists()
    assert segments.filter(covered_m__gt=0).count() == segments.exclude(camera_ids=[]).count()
    # Across Stari Grad and Vračar, where the demo cameras are thickest.
    response = client.get(reverse("map_api:walk"), {"from": "44.818,20.445", "to": "44.792,20.482"})
    assert response.status_code == 200
    routes = response.json()["routes"]
    assert routes["least_watched"]["cameras"] <= routes["shortest"]["cameras"]
    assert routes["shortest"]["cameras"] > 0
    assert (
        Camera.objects.filter(pk__in=routes["shortest"]["camera_ids"]).count()
        == (routes["shortest"]["cameras"])
    )


def test_the_graph_build_costs_the_same_queries_for_any_network(tmp_path):
    import_streets(overpass(tmp_path, *grid(3)))
    with CaptureQueriesContext(connection) as small:
        build_street_graph()
    import_streets(overpass(tmp_path, *grid(6), name="more.json"))
    with CaptureQueriesContext(connection) as large:
        build_street_graph()
    assert len(small) == len(large)


# In the browser


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_tapping_two_points_on_the_map_lists_both_walks(
    tmp_path,
    live_server,
    browser_page,
    tiles,  # noqa: F811  (the fixture imported above)
):
    """A 300-m grid with a camera in its middle: two taps on the map, and the page lists both
    walks and draws them, the least-watched one dashed."""
    camera(150, 100, camera_type="panning")
    streets_of(tmp_path, *grid(4))
    with translation.override("en"):
        url = reverse("map:walk")
    browser_page.goto(f"{live_server.url}{url}")
    walk_map = browser_page.locator("[data-walk-map]")
    walk_map.wait_for()
    box = walk_map.bounding_box()
    browser_page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.5)
    status = browser_page.locator("[data-walk-status]")
    assert status.inner_text() == "Now tap where you are going."
    browser_page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.5)
    browser_page.wait_for_url("**from=**")
    titles = browser_page.locator(".walk-route h3").all_inner_texts()
    assert [title.split(" (")[0].strip() for title in titles] == [
        "Shortest walk",
        "Least-watched walk",
    ]
    assert browser_page.locator(".walk-route .walk-steps li").count() >= 2
    browser_page.wait_for_selector('[data-walk-map][data-walks-drawn="2"]')
    assert browser_page.locator("path.walk-line--least_watched").count() == 1
    assert browser_page.locator("path.walk-line--shortest").count() == 1
    assert axe_violations(browser_page) == []


def test_the_page_is_valid_html(tmp_path, client, nu_checker):
    camera(50, 0, camera_type="panning")
    streets_of(tmp_path, *block())
    nu_checker(
        {
            "empty": walk_page(client).content,
            "walks": walk_page(client, **{"from": query(0, 0), "to": query(100, 0)}).content,
            "error": walk_page(client, from_street="Nema", to_street="Južna").content,
        }
    )
