from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Camera, CameraReport, Municipality


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    list_display = ["name", "slug", "police_list_count", "police_list_date"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class CameraViewSet(SnippetViewSet):
    model = Camera
    icon = "view"
    menu_label = _("Cameras")
    list_display = ["__str__", "municipality", "status", "facial_recognition", "on_police_list"]
    list_filter = ["status", "municipality", "camera_type", "facial_recognition", "source"]
    list_per_page = 50
    search_fields = ["address", "operator", "model", "external_id"]
    search_backend_name = None


class CameraReportViewSet(SnippetViewSet):
    model = CameraReport
    icon = "warning"
    menu_label = _("Reports")
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status"]


class CameraMapViewSetGroup(SnippetViewSetGroup):
    items = [CameraReportViewSet, CameraViewSet, MunicipalityViewSet]
    menu_icon = "globe"
    menu_label = _("Camera map")
    menu_name = "camera-map"


register_snippet(CameraMapViewSetGroup)
