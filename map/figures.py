"""Figures of the camera map: per municipality for the map page, city-wide for the home page.

Each function costs a fixed number of queries, however many municipalities and cameras there
are: counts come from one grouped query, never from a query per row.

Beside the cameras, the municipalities' street coverage (map/streets/coverage.py computes it per
segment), summed by `street_sums`, which the street pages' figures (coverage.py) use too. The
sums live here, and read the segments through the municipalities' `street_segments`, because
map/streets imports this module (its pages use the figures' cache): importing it back would
make a circle.
"""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils.translation import get_language, gettext

from home.serbian import collation_key

from .cameras import RECORDED_STATUSES, Camera, Municipality, needs_recheck_q
from .filters import camera_q

# The shared cache keeps the municipalities' ids; map/signals.py forgets them when one is
# saved or deleted, and they are read again after ten minutes in any case.
MUNICIPALITY_IDS_KEY = "map:municipality-ids"
MUNICIPALITY_IDS_SECONDS = 600


def is_municipality(pk):
    """Whether `pk` is one of the default language's municipalities, which cameras and
    signatures point at.

    Every signature asks, hence the ids in the cache. An id the cache does not know is looked
    up: municipalities added in bulk send no signal, so finding one refreshes the cache, and a
    made-up id costs one read, never a write.
    """
    ids = cache.get(MUNICIPALITY_IDS_KEY)
    if ids is None:
        ids = frozenset(Municipality.objects.canonical().values_list("pk", flat=True))
        cache.set(MUNICIPALITY_IDS_KEY, ids, MUNICIPALITY_IDS_SECONDS)
    if pk in ids:
        return True
    if Municipality.objects.canonical().filter(pk=pk).exists():
        cache.delete(MUNICIPALITY_IDS_KEY)
        return True
    return False


def municipalities():
    """The municipalities, named in the reader's language, in alphabetical order.

    Cameras point at the default language's municipality; a translation only renames it.
    """
    rows = (
        Municipality.objects.canonical()
        .annotate(local_name=Municipality.objects.local_name_of(relation=""))
        .only("id", "slug", "name", "police_list_count", "police_list_date")
    )
    return sorted(
        rows, key=lambda municipality: collation_key(municipality.local_name, get_language())
    )


@dataclass
class Row:
    """One line of the table and the chart: a municipality, the cameras outside any, or all."""

    name: str
    municipality: Municipality | None = None
    police_list_count: int | None = None
    # False for a total that lacks some municipality's count: no difference can be told.
    police_list_complete: bool = True
    cameras: int = 0  # shown with the filters
    facial_recognition: int = 0
    on_police_list: int = 0
    needs_recheck: int = 0  # shown with the filters and not confirmed for a while
    verified: int = 0  # verified, whatever the filters: the citizen map in the comparison
    demo: int = 0
    # Metres of street, and of it inside the views of the verified cameras and of the police
    # list's (map/streets/coverage.py), whatever the filters: 0 without streets.
    street_m: float = 0.0
    street_seen_m: float = 0.0
    street_police_seen_m: float = 0.0

    @property
    def streets_in_view(self):
        """Percent of the street length the verified cameras see; None without streets."""
        return 100 * self.street_seen_m / self.street_m if self.street_m else None

    @property
    def streets_in_view_police(self):
        """Percent of the street length the police list's cameras see; None without streets."""
        return 100 * self.street_police_seen_m / self.street_m if self.street_m else None

    @property
    def difference(self):
        """Cameras shown beyond the police list's count; None when the list has no count."""
        if self.police_list_count is None or not self.police_list_complete:
            return None
        return self.cameras - self.police_list_count


@dataclass
class MunicipalityFigures:
    rows: list[Row]  # the table's: the filters' municipality, or all and the cameras outside
    total: Row
    municipality_rows: list[Row]  # the chart's: every municipality, whatever the filters
    police_list_dates: list[date]  # the dates of the police list's counts, oldest first
    # Whether streets have been imported: without them the table has no street columns, as
    # zeros would say that the cameras see nothing.
    has_streets: bool = False

    @property
    def chart_rows(self):
        """Each municipality's row with its bars' lengths, in percent of the longest bar."""
        longest = max(
            [1]
            + [row.verified for row in self.municipality_rows]
            + [row.police_list_count or 0 for row in self.municipality_rows]
        )
        return [
            (row, 100 * row.verified / longest, 100 * (row.police_list_count or 0) / longest)
            for row in self.municipality_rows
        ]

    @property
    def has_demo_data(self):
        return self.total.demo > 0


def municipality_figures(filters, municipality_list):
    """Counts per municipality for `filters` (see map.filters), in one grouped query.

    `municipality_list` comes from `municipalities()`. A municipality filter keeps only its
    row; cameras outside every municipality get a row of their own when there are any.
    """
    shown = camera_q(filters)
    conditions = {
        "cameras": shown,
        "facial_recognition": shown & Q(facial_recognition=True),
        "on_police_list": shown & Q(on_police_list=True),
        "needs_recheck": shown & needs_recheck_q(),
        "verified": Q(status=Camera.Status.VERIFIED),
        "demo": shown & Q(source=Camera.Source.DEMO),
    }
    # Prefixed: an annotation named like a field would stand for the field in later filters.
    grouped = (
        Camera.objects.filter(status__in=RECORDED_STATUSES)
        .values("municipality_id")
        .annotate(**{f"n_{name}": Count("id", filter=q) for name, q in conditions.items()})
        .order_by()
    )
    counts = {
        row["municipality_id"]: {name: row[f"n_{name}"] for name in conditions} for row in grouped
    }
    streets = street_coverage()
    municipality_rows = [
        Row(
            name=municipality.local_name,
            municipality=municipality,
            police_list_count=municipality.police_list_count,
            **counts.get(municipality.id, {}),
            **streets.get(municipality.id, {}),
        )
        for municipality in municipality_list
    ]
    chosen = filters.get("municipality")
    if chosen:
        rows = [row for row in municipality_rows if row.municipality.slug == chosen]
    else:
        rows = list(municipality_rows)
        outside = counts.get(None)
        if outside and outside["cameras"]:
            rows.append(Row(name=gettext("Outside any municipality"), **outside))

    total = Row(name=gettext("Total"))
    summed = list(conditions)
    # The streets' total only where every municipality's streets are there: else a few
    # municipalities' shares would read as the city's (found by a review).
    if all(row.street_m for row in rows if row.municipality is not None):
        summed += STREET_FIELDS
    for name in summed:
        setattr(total, name, sum(getattr(row, name) for row in rows))
    police_counts = [row.police_list_count for row in rows if row.municipality is not None]
    known = [count for count in police_counts if count is not None]
    if known:
        total.police_list_count = sum(known)
        total.police_list_complete = len(known) == len(police_counts)
    dates = {item.police_list_date for item in municipality_list if item.police_list_date}
    return MunicipalityFigures(
        rows=rows,
        total=total,
        municipality_rows=municipality_rows,
        police_list_dates=sorted(dates),
        has_streets=bool(streets),
    )


def street_sums(rows, seen, through=""):
    """`rows`, a values() of street segments grouped by what they share, with each group's
    metres summed: the segments' length as `length`, and each of `seen` (StreetSegment's metres
    in a network's view: map/streets/coverage.py NETWORKS) under its own name. One query, the
    groups in no order. `through`: "street_segments__" when `rows` are municipalities."""
    sums = {"length": "length_m", **{field: field for field in seen}}
    return rows.annotate(
        **{name: Sum(f"{through}{field}") for name, field in sums.items()}
    ).order_by()


# Row's fields of the metres a network sees, and the segments' fields summed into them.
STREET_SEEN = {"street_seen_m": "covered_m", "street_police_seen_m": "police_covered_m"}
STREET_FIELDS = ["street_m", *STREET_SEEN]


def street_coverage():
    """{municipality id: Row's street fields} of the municipalities with streets, in one
    grouped query however many streets there are; empty before streets are imported."""
    rows = street_sums(
        Municipality.objects.filter(street_segments__isnull=False).values("pk"),
        seen=STREET_SEEN.values(),
        through="street_segments__",
    )
    return {
        row["pk"]: {
            "street_m": row["length"],
            **{name: row[field] for name, field in STREET_SEEN.items()},
        }
        for row in rows
    }


def city_figures():
    """The home page's figures: verified cameras (and how many of them are demo data), the
    municipalities they are in, and the police list's total (None unless some count is known).

    Two queries. None when no camera is verified yet: no figure beats a misleading zero.
    """
    cameras = Camera.objects.filter(status=Camera.Status.VERIFIED).aggregate(
        cameras=Count("id"),
        municipalities=Count("municipality", distinct=True),
        demo=Count("id", filter=Q(source=Camera.Source.DEMO)),
    )
    if not cameras["cameras"]:
        return None
    police = Municipality.objects.canonical().aggregate(police_list=Sum("police_list_count"))
    return {**cameras, **police}
