"""How much of each street segment the cameras see, per camera network.

For each segment: the length of its line (in metres, settings.STREET_COVERAGE_CRS) inside
at least one camera's view (map/streets/sight.py), for three networks:

- covered_m: the verified cameras;
- face_covered_m: the verified cameras capable of facial recognition;
- police_covered_m: the cameras on the police's list (verified or reported).

Overlapping views count once: a segment's covered length is the length of its intersection
with the union of the views that reach it. The pairs of a segment and a view that meet come
from an STRtree of the views, so the work grows with segments plus cameras, not with their
product; shapely does each batch of segments in a few calls rather than a loop in Python.
Totals per street and per municipality are sums of the segments' lengths
(`street_figures`, `municipality_figures`), summed as the map page's figures sum them
(map/figures.py `street_sums`).
"""

import hashlib
import itertools
import json
import math

import numpy as np
import shapely
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Min, Q
from django.utils import timezone
from shapely import STRtree

from map.cameras import PUBLIC_STATUSES, Camera
from map.figures import street_sums
from map.versions import bump_camera_data_version

from .models import StreetSegment
from .sight import to_metres, view_shape

NETWORKS = {
    "covered_m": Q(status=Camera.Status.VERIFIED),
    "face_covered_m": Q(status=Camera.Status.VERIFIED, facial_recognition=True),
    "police_covered_m": Q(status__in=PUBLIC_STATUSES, on_police_list=True),
}
# The network whose cameras each segment lists (`camera_ids`): the walk counts those.
SEEN_BY = "covered_m"
BATCH = 2000
# Degrees of latitude are 111 km everywhere; the boxes below are a little generous.
METRES_PER_DEGREE = 111_320
NEAR_MARGIN_M = 5


def camera_views(q):
    """The views of the cameras `q` selects, as an array of shapes in metres."""
    return identified_views(q)[1]


def identified_views(q):
    """The ids (a list) and views (an array of shapes in metres) of the cameras `q` selects."""
    rows = list(
        Camera.objects.filter(q).values_list(
            "pk", "longitude", "latitude", "camera_type", "direction"
        )
    )
    return [row[0] for row in rows], views_of(rows)


def views_of(rows):
    """The views of cameras given as (id, longitude, latitude, camera_type, direction) rows:
    an array of shapes in metres, in their order."""
    if not rows:
        return np.array([], dtype=object)
    xs, ys = to_metres([row[1] for row in rows], [row[2] for row in rows])
    return np.array(
        [
            view_shape(x, y, camera_type, direction)
            for x, y, (_pk, _lon, _lat, camera_type, direction) in zip(xs, ys, rows, strict=True)
        ],
        dtype=object,
    )


def segment_lines(points_lists):
    """LineStrings in metres of segments' points ([[lon, lat], ...] each), projected in one
    call: a call per segment would cost more than the coverage itself."""
    counts = [len(points) for points in points_lists]
    flat = [point for points in points_lists for point in points]
    xs, ys = to_metres([point[0] for point in flat], [point[1] for point in flat])
    return shapely.linestrings(
        np.column_stack([xs, ys]), indices=np.repeat(np.arange(len(counts)), counts)
    )


def segment_line(points):
    return segment_lines([points])[0]


def meeting(lines, tree):
    """The pairs (line indexes, view indexes: two arrays, by line) of `lines` and the views
    in `tree` (their STRtree, or None) that meet, from one query."""
    if tree is None or not len(lines):
        return np.array([], dtype=int), np.array([], dtype=int)
    return tree.query(lines, predicate="intersects")


def covered_lengths(lines, views, tree, pairs=None):
    """Metres of each of `lines` inside the union of `views` (tree: their STRtree; `pairs`:
    what `meeting` gave for them, if already asked).

    The lines met by one view are cut in one call, the others by the union of theirs, so
    that overlapping views count once."""
    lengths = np.zeros(len(lines))
    if tree is None or not len(lines):
        return lengths
    line_index, view_index = meeting(lines, tree) if pairs is None else pairs
    if not len(line_index):
        return lengths
    met, starts, counts = np.unique(line_index, return_index=True, return_counts=True)
    single = counts == 1
    lengths[met[single]] = shapely.length(
        shapely.intersection(lines[met[single]], views[view_index[starts[single]]])
    )
    # Pieces of a line cut by two views do not merge where they overlap (their ends differ
    # in the last bits), so the views are merged first, then cut the line once.
    for line, start, count in zip(met[~single], starts[~single], counts[~single], strict=True):
        seen = shapely.union_all(views[view_index[start : start + count]])
        lengths[line] = lines[line].intersection(seen).length
    return lengths


def assumptions_fingerprint():
    """A digest of the settings a coverage rests on: what a camera sees and the projection."""
    assumptions = [
        settings.CAMERA_VIEWS,
        settings.CAMERA_VIEW_UNKNOWN,
        settings.STREET_COVERAGE_CRS,
    ]
    text = json.dumps(assumptions, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def stale_segments():
    """The segments whose coverage is missing (imported since, changed by an import) or was
    computed under other assumptions (changed settings)."""
    return StreetSegment.objects.filter(
        Q(coverage_at__isnull=True) | ~Q(coverage_assumptions=assumptions_fingerprint())
    )


def update_stale_coverage():
    """Compute the stale segments (the scheduler's frequent `update_coverage`): imports and
    changed settings send no signal, and should not wait a day to show."""
    stale = stale_segments()
    if not stale.exists():
        return 0
    return compute_coverage(stale)


def compute_coverage(segments=None):
    """Compute and store the covered lengths of `segments` (a queryset; all by default).
    Returns how many segments were computed."""
    within = Q()
    if segments is None:
        segments = StreetSegment.objects.all()
    else:
        # Only the cameras that may see some of these segments: those within sight of
        # their boxes. Building every camera's view would cost more than the few segments.
        within = cameras_within_sight(segments)
        if within is None:
            return 0
    networks = {}
    for field, q in NETWORKS.items():
        ids, views = identified_views(q & within)
        networks[field] = (ids, views, STRtree(views) if len(views) else None)
    now = timezone.now()
    assumptions = assumptions_fingerprint()
    done = 0
    rows = segments.order_by("pk").values_list("pk", "points").iterator(chunk_size=BATCH)
    while batch := list(itertools.islice(rows, BATCH)):
        lines = segment_lines([points for _pk, points in batch])
        # Never more than the segment: the projection's rounding may add a millimetre.
        full = shapely.length(lines)
        covered = {}
        for field, (ids, views, tree) in networks.items():
            pairs = meeting(lines, tree)
            covered[field] = np.minimum(covered_lengths(lines, views, tree, pairs), full)
            if field == SEEN_BY:
                seen_by = cameras_per_line(len(lines), pairs, ids)
        done += _save(
            [
                [
                    *(float(covered[field][index]) for field in NETWORKS),
                    seen_by[index],
                    assumptions,
                    now,
                    pk,
                ]
                for index, (pk, _points) in enumerate(batch)
            ]
        )
    if done:
        # The writes above send no signal: the pages and answers that show coverage are
        # kept under the camera data version (map/signals.py).
        bump_camera_data_version()
    return done


def farthest_view_m():
    """How far the farthest-seeing camera sees, by the settings."""
    views = [*settings.CAMERA_VIEWS.values(), settings.CAMERA_VIEW_UNKNOWN]
    return max(view["range"] for view in views)


def segments_near(points):
    """The segments whose box comes within sight of any of `points` ((longitude, latitude)):
    those a camera there may see."""
    near = Q(pk__in=[])
    for longitude, latitude in points:
        dlat, dlon = reach_degrees(latitude)
        near |= Q(
            south__lte=latitude + dlat,
            north__gte=latitude - dlat,
            west__lte=longitude + dlon,
            east__gte=longitude - dlon,
        )
    return StreetSegment.objects.filter(near)


def cameras_within_sight(segments):
    """A Q of the cameras within sight of the box around `segments`, or None if none."""
    box = segments.aggregate(Min("west"), Min("south"), Max("east"), Max("north"))
    if box["west__min"] is None:
        return None
    dlat, dlon = reach_degrees(max(abs(box["south__min"]), abs(box["north__max"])))
    return Q(
        latitude__range=(box["south__min"] - dlat, box["north__max"] + dlat),
        longitude__range=(box["west__min"] - dlon, box["east__max"] + dlon),
    )


def reach_degrees(latitude):
    """How many degrees of latitude and of longitude, at `latitude`, the farthest view spans."""
    reach = farthest_view_m() + NEAR_MARGIN_M
    dlat = reach / METRES_PER_DEGREE
    return dlat, reach / (METRES_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01))


def update_coverage_near(points):
    """Compute again the segments a camera at any of `points` may see: after one camera was
    added, moved, changed or deleted (`points`: where it was and where it is)."""
    return compute_coverage(segments_near(points))


def cameras_per_line(count, pairs, ids):
    """For each of `count` lines, the sorted ids of the cameras whose views meet it (`pairs`:
    line and view indexes from `meeting`; `ids`: the views' cameras)."""
    seen_by = [[] for _ in range(count)]
    for line, view in zip(*pairs, strict=True):
        seen_by[line].append(ids[view])
    return [sorted(cameras) for cameras in seen_by]


def _save(rows):
    """Store rows of (the NETWORKS' lengths..., camera ids, assumptions, computed at, pk):
    one statement run for all rows, as the cameras' import writes (map/importers.py says why:
    bulk_update builds a CASE per field and row, which took 95 % of the time here)."""
    if not rows:
        return 0
    names = [*NETWORKS, "camera_ids", "coverage_assumptions", "coverage_at"]
    fields = [StreetSegment._meta.get_field(name) for name in names]
    camera_ids, coverage_at = fields[-3], fields[-1]
    for row in rows:
        row[-4] = camera_ids.get_db_prep_save(row[-4], connection)
        row[-2] = coverage_at.get_db_prep_save(row[-2], connection)
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    table = quote(StreetSegment._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET {assignments} WHERE {quote(StreetSegment._meta.pk.column)} = %s",  # noqa: S608
            rows,
        )
    return len(rows)


def _shares(rows):
    for row in rows:
        length = row["length"] or 0
        for field in NETWORKS:
            row[f"{field.removesuffix('_m')}_share"] = (row[field] / length) if length else 0.0
    return rows


def municipality_figures():
    """Per municipality: street length and the metres and shares each network sees."""
    rows = street_sums(StreetSegment.objects.values("municipality__slug"), NETWORKS)
    return _shares(list(rows.order_by("municipality__slug")))


def street_figures(municipality=None):
    """Per named street (within a municipality): length and what each network sees."""
    rows = StreetSegment.objects.exclude(name="")
    if municipality is not None:
        rows = rows.filter(municipality=municipality)
    rows = street_sums(rows.values("name", "municipality__slug"), NETWORKS)
    return _shares(list(rows.order_by("municipality__slug", "name")))
