"""The street coverage for people: how it is computed, and the streets as a table.

/mapa/ulice/metod/  (/en/map/streets/method/)  the method: every assumption, read from the
                                               settings, with its sources and limits
/mapa/ulice/        (/en/map/streets/)         each municipality's street length and the share
                                               each network sees; with ?municipality=<slug>,
                                               its named streets, sortable (&sort=) and in
                                               pages (&page=): the map layer without a map

Both read what they show from the shared cache, under the camera data version (coverage
computed gives a new one), so a render costs the same few queries however many streets there
are. The method page and the summary are kept whole in the page cache; a municipality's table
is not (its sort is no parameter the page cache keys on), only its rows are.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.shortcuts import render
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from home.breadcrumbs import Crumb
from home.page_cache import SITE, allow, cached_view
from home.serbian import collation_key
from map.cameras import CameraType
from map.figure_cache import cached_municipalities
from map.pages import MapPage
from map.releases.models import Release
from map.versions import CAMERA_DATA, camera_data_version

from .coverage import municipality_figures, street_figures
from .importer import NETWORK_HIGHWAYS
from .models import StreetSegment

# Streets to a page of the table: a municipality has hundreds to thousands.
PER_PAGE = 50
# Old versions' entries are never read again; they only wait to expire.
CACHE_SECONDS = 24 * 60 * 60
PAGE_CACHE_SECONDS = 60 * 60


@dataclass
class Column:
    key: str  # its name in ?sort=
    label: str
    share: str | None  # the share of the row it shows; None: not a share
    first_descending: bool = True  # the order a first click sorts by: the most first


COLUMNS = [
    Column("name", _("Street"), None, first_descending=False),
    Column("length", _("Length (m)"), None),
    Column("coverage", _("In view of our map's cameras (%)"), "covered_share"),
    Column("face", _("In view of cameras capable of facial recognition (%)"), "face_covered_share"),
    Column(
        "police", _("In view of our map's cameras on the police list (%)"), "police_covered_share"
    ),
]
SORTS = {sort for column in COLUMNS for sort in (column.key, f"-{column.key}")}
DEFAULT_SORT = "-coverage"


def page_context(request, title):
    """What both pages' frame needs: the breadcrumbs and the canonical address."""
    return {
        "crumb": Crumb(title, request.path, MapPage.for_language(get_language())),
        "canonical_url": request.build_absolute_uri(request.path),
    }


# The method


def camera_views():
    """(kind of camera, its view) for each camera type the settings give a view, then the
    default: what map/streets/sight.py draws."""
    labels = dict(CameraType.choices)
    rows = [
        (labels.get(camera_type, camera_type), view)
        for camera_type, view in settings.CAMERA_VIEWS.items()
    ]
    return [*rows, (gettext("Type or direction unknown"), settings.CAMERA_VIEW_UNKNOWN)]


def last_computed():
    """When the coverage was last computed, how many segments it covers and how many wait
    for the next run, and the newest release at or before that time: two queries."""
    state = StreetSegment.objects.aggregate(
        computed_at=Max("coverage_at"),
        segments=Count("pk"),
        waiting=Count("pk", filter=Q(coverage_at=None)),
    )
    release = None
    if state["computed_at"] is not None:
        release = (
            Release.objects.filter(published_at__lte=state["computed_at"])
            .order_by("-published_at")
            .only("number", "published_at")
            .first()
        )
    return {**state, "release": release}


@require_safe
@cached_view([CAMERA_DATA])
def street_method(request):
    return render(
        request,
        "map/streets/method.html",
        {
            **page_context(request, gettext("How we work out what the cameras see")),
            "camera_views": camera_views(),
            "crs": settings.STREET_COVERAGE_CRS,
            # The walk's weight, where the walk is set up; no figure made up where it is not.
            "walk_k": getattr(settings, "WALK_AVOIDANCE_K", None),
            "highways": sorted(NETWORK_HIGHWAYS),
            "state": last_computed(),
        },
    )


# The table


class StreetTableForm(forms.Form):
    municipality = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "We have no streets of this municipality; choose one from the list."
            )
        },
    )

    def __init__(self, data=None, *, municipalities=()):
        super().__init__(data)
        self.fields["municipality"].choices = [
            ("", _("Choose a municipality")),
            *municipalities,
        ]


def summary_rows(version):
    """Each municipality with streets, in the reader's alphabetical order, then the streets
    outside any: (municipality or None, its figures)."""
    figures = cache.get_or_set(
        f"map:streets:summary:{version}", municipality_figures, CACHE_SECONDS
    )
    by_slug = {row["municipality__slug"]: row for row in figures}
    rows = [
        (municipality, by_slug[municipality.slug])
        for municipality in cached_municipalities(version)
        if municipality.slug in by_slug
    ]
    if None in by_slug:
        rows.append((None, by_slug[None]))
    return [(municipality, shown(row)) for municipality, row in rows]


def street_rows(municipality, version):
    """The municipality's named streets, in the reader's alphabetical order."""
    language = get_language()
    return cache.get_or_set(
        f"map:streets:table:{version}:{language}:{municipality.pk}",
        lambda: sorted(
            street_figures(municipality.pk),
            key=lambda row: collation_key(row["name"], language),
        ),
        CACHE_SECONDS,
    )


def shown(row):
    """A row of street_figures() or municipality_figures() as the tables show it: shares in
    per cent, lengths in metres and kilometres."""
    return {
        "name": row.get("name"),
        "length": row["length"],
        "length_km": row["length"] / 1000,
        **{column.key: 100 * row[column.share] for column in COLUMNS if column.share},
    }


def sorted_rows(rows, sort):
    """`rows` (in alphabetical order) by `sort`; equal ones stay in alphabetical order."""
    key = sort.removeprefix("-")
    if key == "name":
        return rows[::-1] if sort.startswith("-") else rows
    field = "length" if key == "length" else next(c.share for c in COLUMNS if c.key == key)
    # sorted() is stable, reversed too: ties keep their alphabetical order.
    return sorted(rows, key=lambda row: row[field], reverse=sort.startswith("-"))


def headers(slug, sort):
    """Each column: its label, the address that sorts by it (the other way round if it is
    the sorted one), and its aria-sort ("ascending", "descending" or None)."""
    result = []
    for column in COLUMNS:
        if sort.removeprefix("-") == column.key:
            descending = sort.startswith("-")
            order = "descending" if descending else "ascending"
            target = column.key if descending else f"-{column.key}"
        else:
            order = None
            target = f"-{column.key}" if column.first_descending else column.key
        href = "?" + urlencode({"municipality": slug, "sort": target})
        result.append({"column": column, "href": href, "aria_sort": order})
    return result


@require_safe
def streets_page(request):
    version = camera_data_version()
    summary = summary_rows(version)
    form = StreetTableForm(
        request.GET if "municipality" in request.GET else None,
        municipalities=[
            (municipality.slug, municipality.local_name)
            for municipality, _row in summary
            if municipality is not None
        ],
    )
    municipality = None
    if form.is_bound and form.is_valid() and form.cleaned_data["municipality"]:
        slug = form.cleaned_data["municipality"]
        municipality = next(m for m, _row in summary if m is not None and m.slug == slug)
    context = {
        **page_context(request, gettext("Streets in view of the cameras")),
        "form": form,
        "summary": summary,
        "municipality": municipality,
        "default_sort": DEFAULT_SORT,
        "share_columns": [column for column in COLUMNS if column.share],
    }
    if municipality is not None:
        # A sort or page we do not know is the default: the table, not an error.
        sort = request.GET.get("sort", DEFAULT_SORT)
        if sort not in SORTS:
            sort = DEFAULT_SORT
        rows = sorted_rows(street_rows(municipality, version), sort)
        streets = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
        streets.object_list = [shown(row) for row in streets.object_list]
        context.update(
            sort=sort,
            streets=streets,
            headers=headers(municipality.slug, sort),
            query_string=urlencode({"municipality": municipality.slug, "sort": sort}),
        )
    response = render(request, "map/streets/streets.html", context)
    if not request.GET:
        # Only the bare summary is kept whole: the page cache's key leaves out `sort`, so a
        # kept table would answer for every order of it.
        allow(request, [SITE, CAMERA_DATA], PAGE_CACHE_SECONDS)
    return response
