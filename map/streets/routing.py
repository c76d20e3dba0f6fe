"""A walk that avoids cameras: the shortest walk and the least-watched one between two points.

A DEMONSTRATOR, not a safety tool: the coverage it reads is a model (map/streets/sight.py),
the cameras on our map are not all the cameras there are, and nothing here knows about
walls, trees, zoom or what a camera's software does.

The graph: OSM ways (map.models.StreetSegment) are whole ways, so they are cut where a node is
shared with another way (or twice by the same one) and at their ends. Its nodes are those
junctions, its edges the pieces of ways between them, each with its length in metres (in
settings.STREET_COVERAGE_CRS), its way's name and kind, and its own coverage share: the
metres of it inside the views of the verified cameras the coverage job listed on its way
(StreetSegment.camera_ids), cut as the coverage cuts a way (map/streets/coverage.py). A way's
share would not do: OSM ways run on through many junctions, and a camera at one end of one
would make its every piece look watched. Two weights:

- `length`: the shortest walk;
- `watched`: length x (1 + settings.WALK_AVOIDANCE_K x coverage), the least-watched walk.

A point is snapped to the nearest piece of street (an STRtree of the pieces), within
MAX_SNAP_M; the walk starts there, partway along that piece. The search is A* over the
networkx graph's edges (copied into lists by node number, which a Python loop reads faster),
with the straight line to the end as its estimate (no weight is below a piece's length, and
no piece is shorter than the straight line between its ends, so it finds the cheapest walk);
its own loop rather than nx.astar_path so that a walk can start and end partway along a
piece without adding nodes to the graph every request shares. bench/street_route.py times it
beside networkx's dijkstra_path on the same graph, and the tests compare their costs.

The graph is built once per process and kept under the camera data version
(map/versions.py), which computing the coverage bumps: rebuilt only after cameras or the
coverage change. Streets imported without computing the coverage again count from then.
Each walk counts the distinct verified cameras whose view its line passes through: only the
cameras the coverage job listed on its pieces' ways (StreetSegment.camera_ids) are drawn.
Before a walk is asked, the walk page needs only the streets' names and bounds: those come
from a few queries (`street_summary`), kept under the same version, without the graph.
"""

import heapq
import itertools
import logging
import math
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

import networkx as nx
import numpy as np
import shapely
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db import connections
from django.db.models import Max, Min
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pyproj import Transformer
from shapely import STRtree
from shapely.ops import substring

from home.serbian import fold_text
from map.cameras import Camera
from map.releases.models import Release
from map.versions import camera_data_version

from .coverage import covered_lengths, meeting, views_of
from .models import StreetSegment
from .sight import to_metres

logger = logging.getLogger(__name__)

# Farther than this from every street, a point is refused: a walk would begin with a long
# walk we know nothing about.
MAX_SNAP_M = 500
# Where each weight is in an edge of StreetGraph.adjacency.
WEIGHTS = {"length": 1, "watched": 2}
# An old version's summary is never read again; it only waits to expire.
SUMMARY_SECONDS = 24 * 60 * 60
# Shorter pieces of a walk are left out of it: a point snapped next to a junction.
MIN_PIECE_M = 0.01
# Closer than this, a start and a destination are the same place: there is no walk.
SAME_PLACE_M = 1
# Steps' lengths are rounded to this many metres: a walker's figure, not a surveyor's.
STEP_ROUNDING_M = 10

# How a way without a name is told, by its kind (OSM's highway=*).
UNNAMED = {
    "footway": _("unnamed footway"),
    "path": _("unnamed path"),
    "steps": _("unnamed steps"),
    "cycleway": _("unnamed cycleway"),
    "bridleway": _("unnamed bridleway"),
    "pedestrian": _("unnamed pedestrian street"),
    "track": _("unnamed track"),
    "service": _("unnamed service road"),
    "living_street": _("unnamed street"),
    "residential": _("unnamed street"),
    "unclassified": _("unnamed street"),
    "road": _("unnamed road"),
}
UNNAMED_ROAD = _("unnamed road")
# Ways a walker may not take (Serbian law keeps pedestrians off motorways): their coverage
# counts, but the walks leave them out.
CLOSED_TO_WALKERS = frozenset({"motorway", "motorway_link"})
# Of two walks as long, the shortest walk is the one fewer cameras see: a metre in view
# weighs this much more. A thousandth: more than the millimetres by which the projection
# makes streets of the same length differ, so at most 0.1 % of the watched length longer
# than the very shortest.
TIE_BREAK = 1e-3
# The weight the search reads for each kind: "length" with that tie-break.
TIE_BROKEN = {"length": "shortest"}

DISCLAIMER = _(
    "A demonstrator, not a safety tool: it knows only the cameras on our map, and what they "
    "see is a model (a set distance and angle), not a measurement. Cameras we do not know of, "
    "walls, trees, zoom and what a camera's software does are not in it."
)


class WalkError(ValueError):
    """A walk that cannot be given, with the reason for the reader and the HTTP status."""

    def __init__(self, message, status=422, parameter=None):
        super().__init__(message)
        self.message, self.status, self.parameter = message, status, parameter


@cache
def _to_degrees(crs):
    return Transformer.from_crs(crs, "EPSG:4326", always_xy=True)


@dataclass
class Way:
    """What the pieces of one StreetSegment share."""

    name: str
    highway: str
    municipality: str
    camera_ids: tuple


@dataclass(kw_only=True)
class StreetSummary:
    """What the walk page shows before a walk is asked: the form's street names and the map's
    bounds, and what the coverage rests on. A few queries (`street_summary`), no graph."""

    # Municipality slug (or "") -> its street names a walk may start or end on, sorted.
    names: dict
    # [[south, west], [north, east]] of all streets, or None.
    bounds: list | None
    computed_at: object = None
    release: int | None = None
    avoidance_k: float = 0.0


@dataclass(kw_only=True)
class StreetGraph(StreetSummary):
    graph: nx.Graph
    # Node -> (x, y) in metres.
    xy: dict
    ways: list
    # Per edge, in the STRtree's order: (u, v) as the line runs, its way's index, and the
    # line in metres.
    edges: list
    edge_ways: list
    lines: np.ndarray
    # Per edge: the share of its length in view of a verified camera.
    edge_shares: np.ndarray
    tree: STRtree | None
    # Camera id -> (id, longitude, latitude, camera_type, direction), for the listed ones.
    cameras: dict
    # (municipality slug or "", street name in lower case) -> (x, y) on the street.
    places: dict
    # Street name as folded (home/serbian.py) -> the slugs of the municipalities it is in.
    named_in: dict
    # The graph's nodes numbered, their places and edges as lists by number: what the search
    # reads (`cheapest`).
    nodes: list = field(default_factory=list)
    number: dict = field(default_factory=dict)
    xs: list = field(default_factory=list)
    ys: list = field(default_factory=list)
    adjacency: list = field(default_factory=list)
    segments: int = 0


@dataclass
class Snap:
    edge: int
    along: float  # metres from the edge's first node (edges[edge][0])
    distance: float  # metres from the point to the street
    point: tuple  # (x, y) on the street


@dataclass
class Route:
    kind: str
    length_m: float
    watched_m: float
    cameras: list
    coordinates: list  # [[longitude, latitude], ...]
    steps: list = field(default_factory=list)


# Building the graph


def build_street_graph(avoidance_k=None):
    """The street graph of every StreetSegment, with what routing needs beside it."""
    k = avoidance(avoidance_k)
    rows = list(
        StreetSegment.objects.order_by("pk").values_list(
            "name",
            "highway",
            "points",
            "node_ids",
            "length_m",
            "camera_ids",
            "municipality__slug",
        )
    )
    counts = [len(row[2]) for row in rows]
    flat = [point for row in rows for point in row[2]]
    xs, ys = to_metres([p[0] for p in flat], [p[1] for p in flat]) if flat else ([], [])
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    starts = np.concatenate([[0], np.cumsum(counts)]).astype(int)
    all_xy = np.column_stack([xs, ys]) if flat else np.zeros((0, 2))
    # Metres walked from the first point of all to each point, in one call: a way's own
    # distances are differences of these (the steps between ways are never read).
    walked = np.concatenate([[0.0], np.cumsum(np.hypot(np.diff(xs), np.diff(ys)))])

    def keys(row):
        points, node_ids = row[2], row[3]
        if isinstance(node_ids, list) and len(node_ids) == len(points):
            return node_ids
        # Without OSM node ids, the same place is the same node.
        return [("at", point[0], point[1]) for point in points]

    node_keys = [keys(row) for row in rows]
    # A junction: a node more than one way passes (or one way twice), or a way's end.
    seen = Counter(key for way_keys in node_keys for key in way_keys)
    graph = nx.Graph()
    xy = {}
    ways = []
    edges, edge_ways, piece_xy = [], [], []
    places = defaultdict(list)

    def add(u, v, way, first, last, coords, along):
        """Add the piece of `way` from point `first` to `last` (u to v). A piece that would
        double an edge (two ways between the same junctions, a loop) is cut at a point of
        its own, so the graph stays simple; a doubling with no point between keeps the
        shorter."""
        length = float(along[last] - along[first])
        if u != v and not graph.has_edge(u, v):
            edges.append((u, v))
            edge_ways.append(way)
            piece_xy.append(coords)
            # Its "watched" weight once the pieces' coverage is known (below).
            graph.add_edge(u, v, length=length, edge=len(edges) - 1)
            return
        if last - first >= 2:
            middle = (first + last) // 2
            node = ("via", way, middle)
            xy[node] = tuple(coords[middle - first])
            add(u, node, way, first, middle, coords[: middle - first + 1], along)
            add(node, v, way, middle, last, coords[middle - first :], along)
            return
        if u != v and length < graph.edges[u, v]["length"]:
            index = graph.edges[u, v]["edge"]
            edges[index], edge_ways[index], piece_xy[index] = (u, v), way, coords
            graph.add_edge(u, v, length=length, edge=index)

    named_in = defaultdict(set)
    for index, row in enumerate(rows):
        name, highway, points, _nodes, _length_m, camera_ids, slug = row
        ways.append(Way(name, highway, slug or "", tuple(camera_ids or ())))
        if highway in CLOSED_TO_WALKERS:
            continue
        start = starts[index]
        coords = all_xy[start : start + len(points)]
        # Metres from the way's first point to each of its points.
        along = walked[start : start + len(points)] - walked[start]
        way_keys = node_keys[index]
        for key, point in zip(way_keys, coords, strict=True):
            xy.setdefault(key, (float(point[0]), float(point[1])))
        cuts = [i for i, key in enumerate(way_keys) if seen[key] > 1]
        cuts = sorted({0, len(way_keys) - 1, *cuts})
        for first, last in itertools.pairwise(cuts):
            add(
                way_keys[first], way_keys[last], index, first, last, coords[first : last + 1], along
            )
        if name:
            half = along[-1] / 2
            middle = (np.interp(half, along, coords[:, 0]), np.interp(half, along, coords[:, 1]))
            folded = fold_text(name)
            places[(slug or "", folded)].append(middle)
            places[("", folded)].append(middle)
            named_in[folded].add(slug or "")

    lines = np.array([], dtype=object)
    if piece_xy:
        lines = shapely.linestrings(
            np.concatenate(piece_xy),
            indices=np.repeat(np.arange(len(piece_xy)), [len(c) for c in piece_xy]),
        )
    listed = sorted({pk for way in ways for pk in way.camera_ids})
    cameras = {}
    if listed:
        cameras = {
            row[0]: row
            for row in Camera.objects.filter(pk__in=listed).values_list(
                "pk", "longitude", "latitude", "camera_type", "direction"
            )
        }
    shares = piece_shares(lines, edge_ways, ways, cameras)
    for index, (u, v) in enumerate(edges):
        data = graph.edges[u, v]
        data["watched"] = data["length"] * (1 + k * shares[index])
        data["shortest"] = data["length"] * (1 + TIE_BREAK * shares[index])
    source = streets_source()
    nodes = list(graph.nodes)
    number = {node: index for index, node in enumerate(nodes)}
    adjacency = [
        [
            (number[neighbour], data["shortest"], data["watched"])
            for neighbour, data in graph.adj[node].items()
        ]
        for node in nodes
    ]
    return StreetGraph(
        graph=graph,
        xy=xy,
        ways=ways,
        edges=edges,
        edge_ways=edge_ways,
        lines=lines,
        edge_shares=shares,
        nodes=nodes,
        number=number,
        xs=[xy[node][0] for node in nodes],
        ys=[xy[node][1] for node in nodes],
        adjacency=adjacency,
        tree=STRtree(lines) if len(lines) else None,
        cameras=cameras,
        places={key: representative(points) for key, points in places.items()},
        names=offered_names((row[0], row[1], row[6]) for row in rows),
        named_in=dict(named_in),
        avoidance_k=k,
        segments=len(rows),
        **source,
    )


def avoidance(k=None):
    """The weight of a metre in view (settings.WALK_AVOIDANCE_K unless `k` is given)."""
    k = settings.WALK_AVOIDANCE_K if k is None else k
    # Below zero a watched street would cost less than its length, and the search's estimate
    # (the straight line) could overshoot: it would no longer find the cheapest walk.
    return max(0.0, float(k))


def offered_names(rows):
    """{municipality slug or "": the sorted names of its streets a walk may take} of (name,
    highway, municipality slug) rows: named ways, not closed to walkers."""
    names = defaultdict(set)
    for name, highway, slug in rows:
        if name and highway not in CLOSED_TO_WALKERS:
            names[slug or ""].add(name)
    return {slug: sorted(street_names) for slug, street_names in names.items()}


def streets_source():
    """The bounds of all streets (their boxes'), when their coverage was last computed and
    from which release: two queries, whatever the number of streets."""
    found = StreetSegment.objects.aggregate(
        at=Max("coverage_at"),
        south=Min("south"),
        west=Min("west"),
        north=Max("north"),
        east=Max("east"),
    )
    computed_at, release = found["at"], None
    if computed_at is not None:
        release = (
            Release.objects.filter(published_at__lte=computed_at)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
    bounds = None
    if found["south"] is not None:
        bounds = [[found["south"], found["west"]], [found["north"], found["east"]]]
    return {"bounds": bounds, "computed_at": computed_at, "release": release}


def build_street_summary():
    """The StreetSummary of every StreetSegment: three queries, the names' the largest (one
    row per name, highway and municipality), and no geometry read."""
    rows = StreetSegment.objects.exclude(name="").values_list(
        "name", "highway", "municipality__slug"
    )
    return StreetSummary(
        names=offered_names(rows.distinct()), avoidance_k=avoidance(), **streets_source()
    )


def street_summary():
    """The StreetSummary, kept in the shared cache under the camera data version as the graph
    is kept (`street_graph`): the bare walk page, which most visitors see, reads it without
    building the graph (seconds for a city) or reading every street again."""
    version = camera_data_version()
    return shared_cache.get_or_set(
        f"map:walk-streets:{version}", build_street_summary, SUMMARY_SECONDS
    )


def piece_shares(lines, edge_ways, ways, cameras):
    """The share of each piece (`lines`, in metres) inside the views of the verified cameras
    listed on ways (`cameras`: id -> row): only the pieces of ways some camera sees are cut."""
    shares = np.zeros(len(lines))
    watched = [index for index, way in enumerate(edge_ways) if ways[way].camera_ids]
    if not watched or not cameras:
        return shares
    views = views_of(list(cameras.values()))
    tree = STRtree(views)
    pieces = lines[watched]
    covered = covered_lengths(pieces, views, tree, meeting(pieces, tree))
    full = shapely.length(pieces)
    shares[watched] = np.divide(
        np.minimum(covered, full), full, out=np.zeros(len(pieces)), where=full > 0
    )
    return shares


def representative(points):
    """Of a street's ways' middle points, the one nearest to their mean: a point on it."""
    points = np.asarray(points)
    centre = points.mean(axis=0)
    nearest = points[np.argmin(((points - centre) ** 2).sum(axis=1))]
    return float(nearest[0]), float(nearest[1])


_kept = None
_lock = threading.Lock()


def street_graph():
    """This process's street graph, built again when the camera data version has moved on.

    The first is built in the request. A later one, with settings.WALK_GRAPH_IN_BACKGROUND,
    by a thread while the graph in hand goes on answering (its coverage says when it was
    computed): every camera an editor saves moves the version on, and a walker should not
    wait seconds for each."""
    version = camera_data_version()
    kept = _kept
    if kept is not None and kept[0] == version:
        return kept[1]
    if kept is not None and settings.WALK_GRAPH_IN_BACKGROUND:
        if _lock.acquire(blocking=False):  # else a thread is building it already
            threading.Thread(target=_build_then_release, args=(version,), daemon=True).start()
        return kept[1]
    with _lock:
        _keep(version)
        return _kept[1]


def _keep(version):
    global _kept
    if _kept is None or _kept[0] != version:
        _kept = (version, build_street_graph())


def _build_then_release(version):
    """The background build: the lock is the caller's, released here once it is done."""
    try:
        _keep(version)
    except Exception:
        logger.exception("The street graph could not be built; the one in hand stays.")
    finally:
        _lock.release()
        connections.close_all()  # this thread's own, which nothing else would close


# Finding the way


def snap(streets, longitude, latitude, parameter):
    """Where on the nearest street the point is, or a WalkError if it is too far from all."""
    if streets.tree is None:
        raise WalkError(gettext("No streets have been imported yet."), 422, parameter)
    x, y = to_metres([longitude], [latitude])
    point = shapely.points(x[0], y[0])
    found, distances = streets.tree.query_nearest(
        point, max_distance=MAX_SNAP_M, return_distance=True
    )
    if not len(found):
        if parameter == "to":
            message = gettext("The destination is more than %(metres)s m from the nearest street.")
        else:
            message = gettext("The start is more than %(metres)s m from the nearest street.")
        raise WalkError(message % {"metres": MAX_SNAP_M}, 422, parameter)
    # Of pieces at the same distance (a junction), the lowest index: the same answer each time.
    edge = int(min(found))
    line = streets.lines[edge]
    along = float(line.project(point))
    on = line.interpolate(along)
    return Snap(edge, along, float(distances[0]), (on.x, on.y))


def cheapest(streets, start, end, weight):
    """The cheapest walk by `weight` ("length" or "watched") from the snapped `start` to
    `end`: (its nodes, its cost), the nodes [] when the walk stays on the piece both are on;
    None when they are not connected.

    A* over `streets.adjacency`, the graph's own edges as lists by node number: a Python
    search reads them at about twice the speed of networkx's dicts of dicts."""
    position = WEIGHTS[weight]
    adjacency, xs, ys, number = streets.adjacency, streets.xs, streets.ys, streets.number
    end_x, end_y = end.point
    hypot = math.hypot

    def ends(snap_):
        u, v = streets.edges[snap_.edge]
        data = streets.graph.adj[u][v]
        # The part of a piece walked from or to a point weighs as the piece does.
        ratio = data[TIE_BROKEN.get(weight, weight)] / data["length"] if data["length"] else 1.0
        return ratio, data["length"], number[u], number[v]

    start_ratio, start_length, su, sv = ends(start)
    end_ratio, end_length, eu, ev = ends(end)
    tails = {}
    for node, metres in ((eu, end.along), (ev, end_length - end.along)):
        tails[node] = min(tails.get(node, math.inf), end_ratio * metres)
    best, best_last = math.inf, None
    if start.edge == end.edge:
        best, best_last = start_ratio * abs(start.along - end.along), -1
    costs, parents, heap = {}, {}, []
    for node, metres in ((su, start.along), (sv, start_length - start.along)):
        cost = start_ratio * metres
        if cost < costs.get(node, math.inf):
            costs[node], parents[node] = cost, None
            estimate = hypot(xs[node] - end_x, ys[node] - end_y)
            heapq.heappush(heap, (cost + estimate, -cost, node))
    done = set()
    while heap:
        # Of nodes as promising, the one farthest along first (-cost): on a grid, where many
        # walks are as short, this heads for the end rather than widening a front of equals.
        bound, cost, node = heapq.heappop(heap)
        if bound >= best:
            break
        if node in done:
            continue
        cost = -cost
        done.add(node)
        if node in tails and cost + tails[node] < best:
            best, best_last = cost + tails[node], node
        for edge in adjacency[node]:
            neighbour = edge[0]
            new = cost + edge[position]
            if new < costs.get(neighbour, math.inf) and neighbour not in done:
                costs[neighbour], parents[neighbour] = new, node
                estimate = hypot(xs[neighbour] - end_x, ys[neighbour] - end_y)
                heapq.heappush(heap, (new + estimate, -new, neighbour))
    if best_last is None:
        return None
    if best_last == -1:
        return [], best
    path = [best_last]
    while parents[path[-1]] is not None:
        path.append(parents[path[-1]])
    return [streets.nodes[node] for node in reversed(path)], best


def oriented(streets, edge, node):
    """The edge's line in metres as coordinates, starting at `node` (one of its ends)."""
    coords = shapely.get_coordinates(streets.lines[edge])
    return coords if streets.edges[edge][0] == node else coords[::-1]


def describe(way):
    return way.name or str(UNNAMED.get(way.highway, UNNAMED_ROAD))


def route(streets, start, end, kind, weight):
    """The Route of `kind` between two snaps, cheapest by `weight`."""
    found = cheapest(streets, start, end, weight)
    if found is None:
        raise WalkError(gettext("These two points are not connected by the streets we have."))
    path, _cost = found
    pieces = []  # (way index, coordinates in metres)
    start_line = streets.lines[start.edge]
    end_line = streets.lines[end.edge]
    if not path:
        pieces.append((start.edge, substring(start_line, start.along, end.along)))
    else:
        first = path[0]
        to_first = 0.0 if streets.edges[start.edge][0] == first else start_line.length
        pieces.append((start.edge, substring(start_line, start.along, to_first)))
        for u, v in itertools.pairwise(path):
            edge = streets.graph.adj[u][v]["edge"]
            pieces.append((edge, oriented(streets, edge, u)))
        last = path[-1]
        from_last = 0.0 if streets.edges[end.edge][0] == last else end_line.length
        pieces.append((end.edge, substring(end_line, from_last, end.along)))
    coords, steps, length, watched, candidates = [], [], 0.0, 0.0, set()
    for edge, piece in pieces:
        if not isinstance(piece, np.ndarray):
            piece = shapely.get_coordinates(piece)
        if len(piece) < 2:
            continue
        metres = float(np.hypot(*np.diff(piece, axis=0).T).sum())
        if metres < MIN_PIECE_M:  # a point snapped a hair's breadth from a junction
            continue
        way = streets.ways[streets.edge_ways[edge]]
        length += metres
        # A part of a piece (where a walk starts or ends) counts its piece's share.
        watched += metres * streets.edge_shares[edge]
        candidates.update(way.camera_ids)
        coords.extend(piece[1:] if coords else piece)
        name = describe(way)
        if steps and steps[-1][0] == name:
            steps[-1][1] += metres
        else:
            steps.append([name, metres])
    if len(coords) < 2:  # the same point twice
        coords = [start.point, end.point]
    line = shapely.linestrings(coords)
    rows = [streets.cameras[pk] for pk in sorted(candidates) if pk in streets.cameras]
    views = views_of(rows)
    seen = [row[0] for row, met in zip(rows, shapely.intersects(views, line), strict=True) if met]
    coords = np.asarray(coords)
    longitudes, latitudes = _to_degrees(settings.STREET_COVERAGE_CRS).transform(
        coords[:, 0], coords[:, 1]
    )
    return Route(
        kind=kind,
        length_m=length,
        watched_m=watched,
        cameras=seen,
        coordinates=[
            [round(float(lon), 6), round(float(lat), 6)]
            for lon, lat in zip(longitudes, latitudes, strict=True)
        ],
        steps=[{"street": name, "length_m": metres} for name, metres in steps if metres >= 1],
    )


def walks(streets, start, end):
    """The shortest and the least-watched walk between two (longitude, latitude) points."""
    from_snap = snap(streets, *start, "from")
    to_snap = snap(streets, *end, "to")
    if math.dist(from_snap.point, to_snap.point) < SAME_PLACE_M:
        raise WalkError(gettext("The start and the destination are the same place."), 422, "to")
    return (
        from_snap,
        to_snap,
        [
            route(streets, from_snap, to_snap, "shortest", "length"),
            route(streets, from_snap, to_snap, "least_watched", "watched"),
        ],
    )


def place_of(streets, name, municipality=""):
    """(longitude, latitude) of a point on the street called `name` (in `municipality`, a
    slug, if given), or None. The name is compared as the search compares words: without
    case or diacritics, in either script ("njegoseva" is Njegoševa)."""
    found = streets.places.get((municipality or "", fold_text(name.strip())))
    if found is None:
        return None
    longitude, latitude = _to_degrees(settings.STREET_COVERAGE_CRS).transform(*found)
    return float(longitude), float(latitude)


def municipalities_named(streets, name):
    """The slugs of the municipalities that have a street called `name`."""
    return streets.named_in.get(fold_text(name.strip()), set())


def step_text(step):
    """ "Knez Mihailova, 240 m": a step as a walker reads it."""
    metres = max(STEP_ROUNDING_M, round(step["length_m"] / STEP_ROUNDING_M) * STEP_ROUNDING_M)
    return gettext("%(street)s, %(metres)s m") % {"street": step["street"], "metres": metres}
