import functools

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.forms import BoundedModelChoiceFilter
from home.models import HomePage
from home.record_access import RecordsListedFormatter
from home.search import SEARCH_RESULTS_HOOK

from .admin_forms import CameraAdminForm
from .admin_views import (
    CONTACTS_SEEN_ACTION,
    ModerationViewSet,
    PendingReportsPanel,
    RejectCamerasBulkAction,
    VerifyCamerasBulkAction,
    can_moderate,
)
from .blocks import CameraMapStreamBlock
from .models import Camera, CameraReport, MapPage, Municipality
from .releases.admin import ReleasesViewSet, can_publish, proposal_panel
from .search import place_results
from .versions import CAMERA_DATA


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    list_display = ["name", "slug", "police_list_count", "police_list_date"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class CameraFilterSet(WagtailFilterSet):
    municipality = BoundedModelChoiceFilter(
        label=_("municipality"), queryset=Municipality.objects.canonical()
    )

    class Meta:
        model = Camera
        fields = [
            "status",
            "municipality",
            "surveillance_type",
            "camera_type",
            "facial_recognition",
            "on_police_list",
            "source",
        ]


class CameraViewSet(SnippetViewSet):
    model = Camera
    icon = "view"
    menu_label = _("Cameras")
    list_display = ["__str__", "municipality", "status", "facial_recognition", "on_police_list"]
    filterset_class = CameraFilterSet
    list_per_page = 50
    search_fields = ["address", "operator", "model", "external_id"]
    search_backend_name = None
    # The model's panels, with a form that edits latitude and longitude on a map.
    edit_handler = ObjectList(Camera.panels, base_form_class=CameraAdminForm)

    def get_queryset(self, request):
        return Camera.objects.select_related("municipality")


class CameraMapViewSetGroup(SnippetViewSetGroup):
    items = [ModerationViewSet, CameraViewSet, MunicipalityViewSet, ReleasesViewSet]
    menu_icon = "globe"
    menu_label = _("Camera map")
    menu_name = "camera-map"


register_snippet(CameraMapViewSetGroup)

# Municipalities and cameras' places in the site search's results.
hooks.register(SEARCH_RESULTS_HOOK, place_results)
hooks.register("register_bulk_action", VerifyCamerasBulkAction)
hooks.register("register_bulk_action", RejectCamerasBulkAction)


@hooks.register("page_cache_versions")
def cameras_shown(page):
    """A cached page that shows the cameras is rendered again when they change
    (home/page_cache.py): the map page, a page with the map's blocks, the home page's figures."""
    return [CAMERA_DATA] if shows_cameras(type(page)) else []


@functools.cache
def shows_cameras(page_type):
    return issubclass(page_type, (MapPage, HomePage)) or any(
        isinstance(getattr(field, "stream_block", None), CameraMapStreamBlock)
        for field in page_type._meta.get_fields()
    )


@hooks.register("construct_homepage_panels")
def add_pending_reports_panel(request, panels):
    if can_moderate(request.user):
        panels.append(PendingReportsPanel())
    if can_publish(request.user):
        panel = proposal_panel()
        if panel is not None:
            panels.append(panel)


@hooks.register("register_permissions")
def camera_report_permissions():
    # Reports are not snippets, so their permissions are offered in the group editor here:
    # moderating them, and seeing their reporters' addresses in full.
    return Permission.objects.filter(
        content_type__app_label="map", codename__in=["change_camerareport", "view_camerareport"]
    )


class ReportContactsFormatter(RecordsListedFormatter):
    label = _("See reporters' contacts")


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(
        f"map.report.{CameraReport.Status.ACCEPTED}",
        _("Accept report"),
        _("Report accepted as a new camera"),
    )
    actions.register_action(
        f"map.report.{CameraReport.Status.MERGED}",
        _("Merge report"),
        _("Report merged into a camera"),
    )
    actions.register_action(
        f"map.report.{CameraReport.Status.GONE}",
        _("Mark camera gone"),
        _("Report: camera marked as gone"),
    )
    actions.register_action(
        f"map.report.{CameraReport.Status.REJECTED}", _("Reject report"), _("Report rejected")
    )
    actions.register_action("map.camera.verify", _("Verify camera"), _("Camera verified"))
    actions.register_action("map.camera.reject", _("Reject camera"), _("Camera rejected"))
    actions.register_action("map.camera.retire", _("Retire camera"), _("Camera retired"))
    actions.register_action("map.release.publish", _("Publish release"), _("Release published"))
    actions.register_action(CONTACTS_SEEN_ACTION)(ReportContactsFormatter)


# The map's actions, for links in blocks (home/blocks.py SITE_ACTION_HOOK).
@hooks.register("register_site_action")
def report_camera_action():
    return "report_camera", _("Report a camera"), lambda request: reverse("map:report")


@hooks.register("register_site_action")
def camera_map_action():
    def url(request):
        page = MapPage.for_language(get_language())
        return page.get_url(request) if page else ""

    return "camera_map", _("The camera map"), url
