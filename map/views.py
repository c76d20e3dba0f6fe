"""Views of the map besides its page: the embeddable map (/mapa/ugradnja/, /en/map/embed/, the
one page of the site that other sites may frame) and each public camera's own page
(/mapa/kamere/<id>/, /en/map/cameras/<id>/)."""

from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model

from home.breadcrumbs import Crumb
from home.page_cache import cached_view, model_version

from .figure_cache import cached_municipalities
from .filters import CameraFilterForm
from .filters import Status as FilterStatus
from .models import ANSWER_BUTTONS, RECORDED_STATUSES, Camera, CameraPhoto, MapPage
from .versions import CAMERA_DATA

# A camera's page shows this many photos at most: its work stays bounded, however many an
# editor attaches.
MAX_PHOTOS = 6
# The small map's zoom: a street and its corners.
CAMERA_PAGE_ZOOM = 17
OSM_COPYRIGHT_URL = "https://www.openstreetmap.org/copyright"


@xframe_options_exempt
# frame-ancestors is the exemption's modern form (browsers that know it ignore
# X-Frame-Options); the rest of the public Content-Security-Policy holds.
@csp_replace({"frame-ancestors": "*"})
def embed(request):
    """A full-window map of the cameras the query string's filters select (as the map page's).

    Framing is allowed here only: every other response keeps X-Frame-Options: DENY.
    """
    municipality_list = cached_municipalities()
    form = CameraFilterForm(
        request.GET, municipalities=[(item.slug, item.local_name) for item in municipality_list]
    )
    return render(
        request,
        "map/embed.html",
        {"filters": form.values(), "municipalities": municipality_list},
    )


def public_camera(pk):
    """The camera with this id, if the public may see it (as the API: on the map or retired),
    else a 404."""
    cameras = Camera.with_municipality_names(
        Camera.objects.filter(status__in=RECORDED_STATUSES).select_related("municipality")
    )
    return get_object_or_404(cameras, pk=pk)


def camera_photos(camera):
    """The camera's photos in their order, each image with its renditions: one query for the
    photos and images, one for all their renditions, however many photos there are."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return list(
        CameraPhoto.objects.filter(camera=camera)
        .select_related("image")
        .prefetch_related(Prefetch("image__renditions", queryset=renditions))
        .order_by("sort_order", "pk")[:MAX_PHOTOS]
    )


def what_it_is(camera):
    """(label, value) pairs of what is known of the camera's kind, in the reader's language."""
    pairs = []
    for name in (
        "surveillance_type",
        "camera_type",
        "surveillance",
        "surveillance_zone",
        "camera_mount",
        "manufacturer",
        "model",
        "operator",
    ):
        field = Camera._meta.get_field(name)
        value = getattr(camera, f"get_{name}_display")() if field.choices else getattr(camera, name)
        if value:
            pairs.append((capfirst(field.verbose_name), value))
    facial_recognition = Camera._meta.get_field("facial_recognition").verbose_name
    pairs.append(
        (
            capfirst(facial_recognition),
            gettext("Yes") if camera.facial_recognition else gettext("No"),
        )
    )
    return pairs


def map_links(request, camera, map_page):
    """Links to the map page: filtered to the camera's municipality, and centred on it."""
    if map_page is None:
        return {}
    url = map_page.get_url(request)
    # The map's default filter shows verified cameras only.
    status = {
        Camera.Status.REPORTED: {"status": FilterStatus.ALL},
        Camera.Status.RETIRED: {"status": FilterStatus.RETIRED},
    }.get(camera.status, {})
    query = f"?{urlencode(status)}" if status else ""
    # The map page's own way to say where it looks (#map=zoom/latitude/longitude).
    view = f"#map=18/{camera.latitude:.5f}/{camera.longitude:.5f}"
    links = {"on_map": f"{url}{query}{view}"}
    if camera.municipality_id:
        query = urlencode({**status, "municipality": camera.municipality.slug})
        links["municipality"] = f"{url}?{query}"
    return links


@require_safe
# What it shows of the map page: its address, its title in the breadcrumbs.
@cached_view([CAMERA_DATA, model_version(MapPage)])
def camera_page(request, pk):
    """A public camera's own page, to share: where it is, what it is, its photos and history,
    and what a visitor can do about it. Nothing on it says who reported or checked it."""
    camera = public_camera(pk)
    map_page = MapPage.for_language(get_language())
    report_url = reverse("map:report")
    context = {
        "camera": camera,
        "photos": camera_photos(camera),
        "map": {
            "tiles": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "zoom": CAMERA_PAGE_ZOOM,
        },
        "what_it_is": what_it_is(camera),
        "direction": (
            None
            if camera.direction is None
            else gettext("{degrees}° from north").replace("{degrees}", str(camera.direction))
        ),
        "is_demo": camera.source == Camera.Source.DEMO,
        "osm_url": osm_url(camera.external_id),
        "osm_copyright_url": OSM_COPYRIGHT_URL,
        "answers": [
            (kind, label, f"{report_url}?{urlencode({'camera': camera.pk, 'kind': kind})}")
            for kind, label in ANSWER_BUTTONS
        ],
        "crumb": Crumb(camera.place_name, request.path, map_page),
        "canonical_url": request.build_absolute_uri(request.path),
        **{f"map_{name}_url": url for name, url in map_links(request, camera, map_page).items()},
    }
    # Its Cache-Control is the page cache's: shared for an anonymous reader, private for
    # whoever has a session or a message waiting (home/page_cache.py).
    return render(request, "map/camera_page.html", context)


def osm_url(external_id):
    """The OpenStreetMap page of a camera imported from it ("osm:node/123"), else None."""
    if not external_id or not external_id.startswith("osm:"):
        return None
    kind, _, number = external_id.removeprefix("osm:").partition("/")
    if kind not in ("node", "way", "relation") or not number.isdigit():
        return None
    return f"https://www.openstreetmap.org/{kind}/{number}"
