"""The event's edit form in the admin: its position is set on a map, like a camera's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.page_forms import SitePageForm
from map.admin_forms import parse_point, point
from map.widgets import SelfHostedLeafletField


class EventPageForm(SitePageForm):
    """Binds the map widget to the separate latitude and longitude columns, as
    map.admin_forms.CameraAdminForm does; online events have no position."""

    location = forms.CharField(
        label=_("Position on the map"),
        required=False,
        widget=SelfHostedLeafletField(srid=4326, id_prefix="id_"),
        help_text=_(
            'Drag the marker, or type "latitude,longitude" in the box above the map. Kept only '
            "when the event has a venue or an address."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.latitude is not None and self.instance.longitude is not None:
            self.initial["location"] = point(self.instance.latitude, self.instance.longitude)

    def clean_location(self):
        value = self.cleaned_data["location"].strip()
        if not value:
            return None
        return parse_point(value)

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The event must end after it starts."))
        in_person = bool(cleaned_data.get("venue") or cleaned_data.get("address"))
        if not in_person and not cleaned_data.get("online_url"):
            self.add_error(
                "venue", _("Give a venue or an address, or an online link for an online event.")
            )
        # The map always holds a marker; an online event has no position.
        position = cleaned_data.get("location") if in_person else None
        self.instance.latitude, self.instance.longitude = position or (None, None)
        return cleaned_data
