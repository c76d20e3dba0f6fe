"""The camera's edit form in the admin: the position is set on a map."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import PUBLIC_STATUSES, Camera
from .widgets import SelfHostedLeafletField

# What wagtailgeowidget's Leaflet widget reads and writes: a WGS 84 point, longitude first.
POINT = re.compile(r"^SRID=4326;POINT\s?\((-?\d+(?:\.\d+)?)\s(-?\d+(?:\.\d+)?)\)$")


def point(latitude, longitude):
    return f"SRID=4326;POINT({longitude:.7f} {latitude:.7f})"


def parse_point(value):
    """(latitude, longitude) of the map widget's value, or a ValidationError for the field."""
    match = POINT.match(value.strip())
    if not match:
        raise ValidationError(
            _("The position could not be read. Drag the marker or type latitude,longitude.")
        )
    longitude, latitude = float(match[1]), float(match[2])
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValidationError(
            _("Latitude must be between -90 and 90, longitude between -180 and 180.")
        )
    return latitude, longitude


class CameraAdminForm(WagtailAdminModelForm):
    """Binds a map widget to the model's separate latitude and longitude columns.

    The columns stay plain indexed numbers (fast bbox queries without GIS libraries); editors
    drag a marker, or type "latitude,longitude" into the box above the map.
    """

    location = forms.CharField(
        label=_("Position"),
        widget=SelfHostedLeafletField(srid=4326, id_prefix="id_"),
        help_text=_('Drag the marker, or type "latitude,longitude" in the box above the map.'),
        error_messages={"required": _("Place the camera on the map.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.latitude is not None and self.instance.longitude is not None:
            self.initial["location"] = point(self.instance.latitude, self.instance.longitude)

    def clean_location(self):
        return parse_point(self.cleaned_data["location"])

    def clean(self):
        cleaned_data = super().clean()
        if "location" in cleaned_data:
            self.instance.latitude, self.instance.longitude = cleaned_data["location"]
        status = cleaned_data.get("status")
        if "status" in self.changed_data:
            # An editor who marks a camera verified, or puts a retired one back on the map,
            # vouches for it now (a verified one's date too, unless they set it); one who
            # retires it retires it now, unless they say when.
            back_on_the_map = (
                self.initial.get("status") == Camera.Status.RETIRED and status in PUBLIC_STATUSES
            )
            if status == Camera.Status.VERIFIED or back_on_the_map:
                self.instance.last_confirmed_at = timezone.now()
            if status == Camera.Status.VERIFIED and "verified_at" not in self.changed_data:
                cleaned_data["verified_at"] = self.instance.last_confirmed_at
            if status == Camera.Status.RETIRED and not cleaned_data.get("retired_at"):
                cleaned_data["retired_at"] = timezone.now()
        if status != Camera.Status.RETIRED:
            # Back on the map (or rejected after all): it is not retired.
            cleaned_data["retired_at"] = None
        return cleaned_data
