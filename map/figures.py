"""Figures of the camera map: per municipality for the map page, city-wide for the home page.

Each function costs a fixed number of queries, however many municipalities and cameras there
are: counts come from one grouped query, never from a query per row.
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
    municipality_rows = [
        Row(
            name=municipality.local_name,
            municipality=municipality,
            police_list_count=municipality.police_list_count,
            **counts.get(municipality.id, {}),
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
    for name in conditions:
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
    )


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
