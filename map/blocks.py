"""StreamField blocks of the camera map: a map of cameras that explainers and campaigns embed."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BLOCK_TEMPLATES, BaseStreamBlock

from .figures import municipalities
from .filters import STATUS_CHOICES


def status_choices():
    """The block's choices of cameras; the migrations name this function."""
    return STATUS_CHOICES


def municipality_choices():
    """A callable, asked when an editor opens the form: municipalities come and go."""
    return [("", _("All municipalities"))] + [
        (municipality.slug, municipality.local_name) for municipality in municipalities()
    ]


class CameraMapBlock(blocks.StructBlock):
    """A map of cameras with a chosen centre, zoom and filters; links to the full map.

    Its settings are not words of the page: none of them is indexed for search.
    """

    latitude = blocks.FloatBlock(
        label=_("Centre latitude"), min_value=-90, max_value=90, default=settings.MAP_CENTER["lat"]
    )
    longitude = blocks.FloatBlock(
        label=_("Centre longitude"),
        min_value=-180,
        max_value=180,
        default=settings.MAP_CENTER["lng"],
    )
    zoom = blocks.IntegerBlock(
        label=_("Zoom"),
        min_value=3,
        max_value=19,
        default=settings.MAP_ZOOM,
        help_text=_("12 shows the whole city, 16 a few streets."),
    )
    status = blocks.ChoiceBlock(
        label=_("Cameras"), choices=status_choices, default="verified", search_index=False
    )
    facial_recognition = blocks.BooleanBlock(
        label=_("Only cameras capable of facial recognition"), required=False
    )
    municipality = blocks.ChoiceBlock(
        label=_("Municipality"),
        choices=municipality_choices,
        required=False,
        search_index=False,
    )

    class Meta:
        icon = "site"
        label = _("Camera map")
        template = f"{BLOCK_TEMPLATES}/camera_map_block.html"
        preview_value = {
            "latitude": settings.MAP_CENTER["lat"],
            "longitude": settings.MAP_CENTER["lng"],
            "zoom": settings.MAP_ZOOM,
            "status": "verified",
            "facial_recognition": True,
            "municipality": "",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["filters"] = {
            "status": value["status"],
            # An unticked box is no filter (None), not "without facial recognition" (False).
            "facial_recognition": value["facial_recognition"] or None,
            "municipality": value["municipality"],
        }
        return context


class CameraMapStreamBlock(BaseStreamBlock):
    """The shared blocks and the camera map: the map page's body, and any page's that needs one."""

    camera_map = CameraMapBlock()
