"""Demo data for the camera map: Belgrade's 17 city municipalities and generated cameras.

DEMO ONLY, never real locations (nor real streets: the demo street network is a made-up grid
named after real streets, `seed_demo_streets`). The boundaries are APPROXIMATE DEMO
BOUNDARIES: cells of a Voronoi diagram around rough municipality centres, clipped to a box
around the city, not the real borders. The cameras are random points inside those cells,
with `source=demo` and external ids `demo:N` so that the map can say what they are and nobody
mistakes them for real ones. The police-list counts and their date are made up too.

The numbers follow the initiative's story: the citizens' map shows about twice as many cameras
as the police list in Novi Beograd, Zvezdara and Stari Grad, with smaller gaps elsewhere.
A fixed random seed makes every run produce the same data.
"""

import datetime
import math
import random
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Locale

from home.demo_content import heading, paragraph

from .demo_reports import seed_demo_reports
from .geo import municipality_areas, municipality_for
from .models import (
    Camera,
    CameraMount,
    CameraType,
    MapPage,
    Municipality,
    Release,
    SurveillanceType,
    SurveillanceZone,
)
from .releases.publishing import publish_release
from .signals import bump_camera_data_version
from .streets.coverage import compute_coverage
from .streets.importer import way_fields
from .streets.models import StreetSegment

# The demo's releases (map/releases/): the second adds this many cameras to the first.
DEMO_CAMERAS_IN_SECOND_RELEASE = 12
DEMO_RELEASE_NOTES = [
    {
        "note": "Demo izdanje: generisane kamere, ne stvarne.",
        "note_en": "A demo release: generated cameras, not real ones.",
    },
    {
        "note": "Demo izdanje: dvanaest novih generisanih kamera.",
        "note_en": "A demo release: twelve more generated cameras.",
    },
]

SEED = 2020
POLICE_LIST_DATE = datetime.date(2021, 3, 1)
# Share of a municipality's verified cameras that are also on the police list.
ON_POLICE_LIST_SHARE = 0.4
# The demo cells are clipped to this box around the city (degrees).
BOX = {"south": 44.30, "north": 45.02, "west": 20.05, "east": 20.85}
KM_PER_DEGREE = 111.32


@dataclass(frozen=True)
class DemoMunicipality:
    slug: str
    name: str
    name_en: str
    latitude: float  # Rough centre of where people (and cameras) are.
    longitude: float
    spread_km: float  # How far cameras scatter around the centre.
    police_list: int
    verified: int
    reported: int


# slug, name, English name, centre latitude and longitude, spread (km),
# cameras on the police list, verified cameras on the citizens' map, reported cameras.
MUNICIPALITIES = [
    DemoMunicipality(*row)
    for row in [
        ("novi-beograd", "Novi Beograd", "New Belgrade", 44.810, 20.410, 1.6, 55, 118, 12),
        ("stari-grad", "Stari Grad", "Stari Grad", 44.821, 20.461, 0.6, 50, 104, 10),
        ("zvezdara", "Zvezdara", "Zvezdara", 44.797, 20.512, 1.2, 30, 64, 7),
        ("vracar", "Vračar", "Vračar", 44.799, 20.477, 0.6, 45, 60, 6),
        ("savski-venac", "Savski Venac", "Savski Venac", 44.790, 20.448, 0.9, 52, 66, 5),
        ("palilula", "Palilula", "Palilula", 44.835, 20.500, 2.0, 48, 62, 6),
        ("zemun", "Zemun", "Zemun", 44.850, 20.395, 2.0, 45, 59, 6),
        ("vozdovac", "Voždovac", "Voždovac", 44.770, 20.490, 1.8, 40, 50, 5),
        ("cukarica", "Čukarica", "Čukarica", 44.770, 20.405, 1.8, 30, 38, 4),
        ("rakovica", "Rakovica", "Rakovica", 44.745, 20.445, 1.2, 18, 22, 3),
        ("surcin", "Surčin", "Surčin", 44.795, 20.280, 2.0, 10, 13, 2),
        ("obrenovac", "Obrenovac", "Obrenovac", 44.655, 20.200, 1.5, 8, 10, 2),
        ("grocka", "Grocka", "Grocka", 44.670, 20.718, 1.5, 6, 8, 2),
        ("lazarevac", "Lazarevac", "Lazarevac", 44.380, 20.257, 1.5, 8, 10, 2),
        ("mladenovac", "Mladenovac", "Mladenovac", 44.438, 20.695, 1.5, 7, 9, 2),
        ("barajevo", "Barajevo", "Barajevo", 44.578, 20.415, 1.2, 3, 4, 1),
        ("sopot", "Sopot", "Sopot", 44.520, 20.575, 1.2, 2, 3, 1),
    ]
]


# The map page, under the home page.
MAP_PAGE = {
    "sr": {
        "title": "Mapa kamera",
        "slug": "mapa",
        "intro": (
            "Kamere koje su građani prijavili i koje smo proverili, opštinu po opštinu, pored "
            "broja kamera sa zvaničnog spiska policije."
        ),
        "body": [
            heading("Kako nastaje mapa"),
            paragraph(
                "<p>Svaku prijavu proveravamo pre nego što se kamera pojavi na mapi kao "
                "proverena: najbolja potvrda je jasna fotografija, a kameru potvrđuju i druge "
                "nezavisne prijave. Prijavljene kamere koje još nismo proverili možete da "
                "uključite filterom iznad mape.</p>"
            ),
            paragraph(
                "<p>Podaci sa mape su otvoreni: preuzmite ih kao GeoJSON ili CSV i koristite ih "
                "uz navođenje izvora.</p>"
            ),
        ],
    },
    "en": {
        "title": "Camera map",
        "slug": "map",
        "intro": (
            "The cameras citizens reported and we checked, municipality by municipality, beside "
            "the number of cameras on the police's official list."
        ),
        "body": [
            heading("How the map is made"),
            paragraph(
                "<p>We check every report before a camera appears on the map as verified: a "
                "clear photo is the best confirmation, and other independent reports confirm "
                "it too. Reported cameras we have not checked yet can be included with the "
                "filter above the map.</p>"
            ),
            paragraph(
                "<p>The map's data is open: download it as GeoJSON or CSV and reuse it, "
                "crediting the source.</p>"
            ),
        ],
    },
}


def seed_demo_section(seeder):
    """seed_demo's part of the map (DEMO_CONTENT in portal/settings/base.py): the map page in
    both languages, the municipalities, cameras and reports, the demo street network. Returns
    the page the main menu leads to."""
    map_page = seeder.ensure_child(seeder.sr_home, MapPage, MAP_PAGE["sr"])
    seeder.ensure_translation(map_page, seeder.english, MAP_PAGE["en"])
    seeder.created += seed_demo_map(seeder.english)
    # After the cameras, whose coverage of the streets it computes.
    seeder.created += seed_demo_streets()
    return [map_page]


def seed_demo_map(english):
    """Add what is missing of the demo municipalities (with their `english` translations) and
    demo cameras; leave alone what is there. Returns a line for each kind of thing added."""
    added = []
    default = Locale.get_default()
    existing = {
        municipality.slug: municipality
        for municipality in Municipality.objects.filter(locale=default)
    }
    new = [demo for demo in MUNICIPALITIES if demo.slug not in existing]
    boundaries = demo_boundaries()
    for demo in new:
        existing[demo.slug] = Municipality.objects.create(
            locale=default,
            name=demo.name,
            slug=demo.slug,
            boundary=boundaries[demo.slug],
            police_list_count=demo.police_list,
            police_list_date=POLICE_LIST_DATE,
        )
    if new:
        added.append(f"Demo municipalities: {len(new)}")

    translated = set(
        Municipality.objects.filter(locale=english).values_list("translation_key", flat=True)
    )
    names_en = {demo.slug: demo.name_en for demo in MUNICIPALITIES}
    translations = 0
    for municipality in existing.values():
        if municipality.translation_key not in translated:
            translation = municipality.copy_for_translation(english)
            translation.name = names_en.get(municipality.slug, municipality.name)
            translation.save()
            translations += 1
    if translations:
        added.append(f"English translations of municipalities: {translations}")

    demo_ids = set(
        Camera.objects.filter(source=Camera.Source.DEMO).values_list("external_id", flat=True)
    )
    missing = [camera for camera in demo_cameras(existing) if camera.external_id not in demo_ids]
    if missing and not demo_ids and not Release.objects.exists():
        # A first seed: two releases, the second with the last cameras added, so that the
        # releases' pages show figures, files and a diff.
        earlier, later = (
            missing[:-DEMO_CAMERAS_IN_SECOND_RELEASE],
            missing[-DEMO_CAMERAS_IN_SECOND_RELEASE:],
        )
        Camera.objects.bulk_create(earlier, batch_size=500)
        publish_release(**DEMO_RELEASE_NOTES[0])
        Camera.objects.bulk_create(later, batch_size=500)
        publish_release(**DEMO_RELEASE_NOTES[1])
        bump_camera_data_version()  # Bulk writes send no signals to do it.
        added.append(f"Demo cameras: {len(missing)}, in two demo releases")
    elif missing:
        Camera.objects.bulk_create(missing, batch_size=500)
        bump_camera_data_version()  # Bulk writes send no signals to do it.
        added.append(f"Demo cameras: {len(missing)}")
    # A queue for the demo moderator, about some of those cameras.
    added += seed_demo_reports()
    return added


# The demo street network: a made-up grid over the central municipalities, where most demo
# cameras are, so that the street coverage and the walk that avoids cameras show something.
# NOT real streets: a square grid of STREET_GRID junctions STREET_SPACING_M apart, each line
# cut into ways of STREET_WAY_BLOCKS blocks as OSM cuts its ways, named from DEMO_STREETS.
STREET_GRID_SOUTH_WEST = (44.789, 20.44)  # latitude, longitude
STREET_GRID = (36, 36)  # junctions north-south, east-west
STREET_SPACING_M = 100
STREET_WAY_BLOCKS = 2
# Every this many lines north-south is an unnamed footway.
STREET_FOOTWAY_EVERY = 5


def demo_street_ways():
    """The demo network as Overpass ways (what map/streets/importer.py reads): a list of
    elements, always the same."""
    # Lines east-west and north-south named from two halves of the names: no two lines that
    # cross share a name, so a walk's steps say where it turns.
    names = sorted({name for streets in DEMO_STREETS.values() for name in streets})
    row_names, column_names = names[: len(names) // 2], names[len(names) // 2 :]
    rows, columns = STREET_GRID
    south, west = STREET_GRID_SOUTH_WEST
    dlat = STREET_SPACING_M / (KM_PER_DEGREE * 1000)
    dlon = dlat / math.cos(math.radians(south))

    def node(row, column):
        # Made-up node ids, below zero as no OSM node's is.
        return -(row * columns + column + 1), south + row * dlat, west + column * dlon

    lines = []
    for row in range(rows):
        lines.append(
            ([node(row, column) for column in range(columns)], row_names[row % len(row_names)])
        )
    for column in range(columns):
        named = column_names[column % len(column_names)]
        name = "" if column % STREET_FOOTWAY_EVERY == 2 else named
        lines.append(([node(row, column) for row in range(rows)], name))
    ways = []
    for nodes, name in lines:
        for first in range(0, len(nodes) - 1, STREET_WAY_BLOCKS):
            part = nodes[first : first + STREET_WAY_BLOCKS + 1]
            ways.append(
                {
                    "type": "way",
                    "id": len(ways) + 1,
                    "nodes": [node_id for node_id, _lat, _lon in part],
                    "geometry": [{"lat": lat, "lon": lon} for _id, lat, lon in part],
                    "tags": {"highway": "residential", "name": name}
                    if name
                    else {"highway": "footway"},
                }
            )
    return ways


def seed_demo_streets():
    """Add the demo street network (external ids "demo-way/N") and compute its coverage,
    unless it is there. Each way gets its municipality as import_streets gives it."""
    if StreetSegment.objects.filter(external_id__startswith="demo-").exists():
        return []
    areas = municipality_areas(Municipality.objects.canonical())
    segments = []
    for element in demo_street_ways():
        fields, _skip = way_fields(element)
        longitude, latitude = fields["points"][len(fields["points"]) // 2]
        segments.append(
            StreetSegment(
                external_id=f"demo-way/{element['id']}",
                municipality=municipality_for(latitude, longitude, areas),
                **fields,
            )
        )
    StreetSegment.objects.bulk_create(segments, batch_size=1000)
    compute_coverage()
    return [f"Demo street segments: {len(segments)}, with their coverage"]


def demo_boundaries():
    """Approximate demo boundaries: a GeoJSON Polygon for each municipality's slug.

    Voronoi cells in a plane where a degree of longitude is shortened as at Belgrade's
    latitude, so that "nearest centre" means nearest on the ground.
    """
    scale = math.cos(math.radians(MUNICIPALITIES[0].latitude))
    box = [
        (BOX["west"] * scale, BOX["south"]),
        (BOX["east"] * scale, BOX["south"]),
        (BOX["east"] * scale, BOX["north"]),
        (BOX["west"] * scale, BOX["north"]),
    ]  # Counter-clockwise, as RFC 7946 wants outer rings.
    sites = {demo.slug: (demo.longitude * scale, demo.latitude) for demo in MUNICIPALITIES}
    boundaries = {}
    for slug, site in sites.items():
        cell = box
        for other_slug, other in sites.items():
            if other_slug != slug:
                cell = _nearer_part(cell, site, other)
        ring = [[round(x / scale, 5), round(y, 5)] for x, y in cell]
        boundaries[slug] = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
    return boundaries


def _nearer_part(polygon, site, other):
    """The part of a convex polygon nearer to `site` than to `other` (Sutherland-Hodgman)."""
    nx, ny = other[0] - site[0], other[1] - site[1]
    # Points p with p·n <= limit are nearer to site: the half-plane of the bisector.
    limit = (other[0] ** 2 + other[1] ** 2 - site[0] ** 2 - site[1] ** 2) / 2
    result = []
    previous = polygon[-1]
    for point in polygon:
        point_side = point[0] * nx + point[1] * ny - limit
        previous_side = previous[0] * nx + previous[1] * ny - limit
        if (point_side <= 0) != (previous_side <= 0):
            t = previous_side / (previous_side - point_side)
            result.append(
                (
                    previous[0] + t * (point[0] - previous[0]),
                    previous[1] + t * (point[1] - previous[1]),
                )
            )
        if point_side <= 0:
            result.append(point)
        previous = point
    return result


# Real streets of the central municipalities, so that demo popups, camera pages and the place
# search show what real data looks like. A demo camera's street is as made up as its position.
DEMO_STREETS = {
    "novi-beograd": ["Bulevar Mihajla Pupina", "Bulevar Zorana Đinđića", "Jurija Gagarina"],
    "stari-grad": ["Knez Mihailova", "Čika Ljubina", "Kralja Petra", "Dositejeva", "Đure Jakšića"],
    "zvezdara": ["Bulevar kralja Aleksandra", "Dimitrija Tucovića", "Vojislava Ilića"],
    "vracar": ["Njegoševa", "Krunska", "Maksima Gorkog", "Južni bulevar"],
    "savski-venac": ["Nemanjina", "Kneza Miloša", "Resavska"],
    "palilula": ["Takovska", "Cvijićeva", "Bulevar despota Stefana"],
    "zemun": ["Glavna", "Gospodska", "Ugrinovačka"],
    "vozdovac": ["Vojvode Stepe", "Ustanička", "Bulevar oslobođenja"],
}
# Half of those cameras have a street address; the rest are named after their municipality.
ADDRESS_SHARE = 0.5


def demo_cameras(municipalities):
    """The demo cameras, unsaved and always the same, for municipalities by slug."""
    rng = random.Random(SEED)  # noqa: S311 (made-up data, not secrets)
    # Its own sequence, so that adding addresses left every other demo value as it was.
    street_rng = random.Random(SEED + 1)  # noqa: S311
    areas = {
        area.municipality.slug: area
        for area in municipality_areas(
            Municipality(slug=slug, boundary=boundary)
            for slug, boundary in demo_boundaries().items()
        )
    }
    cameras = []
    for demo in MUNICIPALITIES:
        on_list = min(round(demo.verified * ON_POLICE_LIST_SHARE), demo.police_list)
        statuses = [Camera.Status.VERIFIED] * demo.verified + [Camera.Status.REPORTED] * (
            demo.reported
        )
        for index, status in enumerate(statuses):
            camera = Camera(
                external_id=f"demo:{len(cameras) + 1}",
                source=Camera.Source.DEMO,
                status=status,
                municipality=municipalities.get(demo.slug),
                on_police_list=status == Camera.Status.VERIFIED and index < on_list,
                surveillance="public",
                **_position(rng, demo, areas[demo.slug]),
                **_kind(rng),
                **_history(rng, status),
                address=_address(street_rng, demo.slug),
            )
            cameras.append(camera)
    return cameras


def _address(rng, slug):
    streets = DEMO_STREETS.get(slug)
    if not streets or rng.random() >= ADDRESS_SHARE:
        return ""
    return f"{rng.choice(streets)} {rng.randint(1, 120)}"


def _position(rng, demo, area):
    """A random point near the municipality's centre and inside its demo cell."""
    lat_sigma = demo.spread_km / KM_PER_DEGREE
    lon_sigma = lat_sigma / math.cos(math.radians(demo.latitude))
    while True:
        latitude = round(rng.gauss(demo.latitude, lat_sigma), 6)
        longitude = round(rng.gauss(demo.longitude, lon_sigma), 6)
        if area.contains(latitude, longitude):
            return {"latitude": latitude, "longitude": longitude}


def _kind(rng):
    """Mostly the Safe City project's facial-recognition cameras, as the initiative found."""
    roll = rng.random()
    if roll < 0.70:
        return {
            "camera_type": CameraType.DOME,
            "camera_mount": CameraMount.POLE,
            "manufacturer": "Huawei",
            "model": "IPC6625-Z30",
            "facial_recognition": True,
            "surveillance_zone": SurveillanceZone.TOWN,
        }
    kind = {
        "camera_type": CameraType.FIXED,
        "camera_mount": rng.choice([CameraMount.POLE, CameraMount.WALL]),
        "direction": rng.randrange(360),
    }
    if roll < 0.85:
        kind.update(manufacturer="Huawei", model="IPC6225-VRZ-ES", facial_recognition=True)
        kind["surveillance_zone"] = SurveillanceZone.TOWN
    elif roll < 0.95:
        kind["surveillance_zone"] = rng.choice(
            [SurveillanceZone.BUILDING, SurveillanceZone.ENTRANCE, SurveillanceZone.PARKING]
        )
    else:
        kind.update(
            surveillance_type=SurveillanceType.ALPR, surveillance_zone=SurveillanceZone.TRAFFIC
        )
    return kind


def _history(rng, status):
    first_reported = datetime.datetime(2019, 6, 1, 12, tzinfo=datetime.UTC) + datetime.timedelta(
        days=rng.randrange(800), minutes=rng.randrange(600)
    )
    # Last seen at some point of the last 16 months, so that about a quarter of the demo's
    # cameras need a re-check (CAMERA_RECHECK_AFTER, a year) and the map shows some.
    last_confirmed = timezone.now() - datetime.timedelta(days=rng.randrange(480))
    if status == Camera.Status.REPORTED:
        return {
            "first_reported_at": first_reported,
            "last_confirmed_at": last_confirmed,
            "confirmations": 1,
        }
    return {
        "first_reported_at": first_reported,
        "verified_at": first_reported + datetime.timedelta(days=rng.randrange(1, 60)),
        "last_confirmed_at": last_confirmed,
        "confirmations": rng.randrange(2, 6),
    }
