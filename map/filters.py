"""The camera map's filters, as the map page's form: the same names and values as the API's.

The form works without JavaScript (it filters the page's table); with JavaScript the map sends
its values unchanged to `/api/cameras.geojson`, so a filtered address means the same thing to
the page and to the API.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q, TextChoices
from django.utils.translation import gettext_lazy as _

from .cameras import PUBLIC_STATUSES, Camera, CameraType


class Status(TextChoices):
    VERIFIED = "verified", _("Verified cameras")
    ALL = "all", _("Verified and reported cameras")


STATUS_CHOICES = Status.choices


class CameraFilterForm(forms.Form):
    """Filters read from the query string; a wrong value is named and then ignored."""

    status = forms.ChoiceField(
        label=_("Show"),
        choices=STATUS_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose verified cameras or all cameras.")},
    )
    camera_type = forms.ChoiceField(
        label=_("Camera type"),
        choices=[("", _("Any type")), *CameraType.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a camera type from the list.")},
    )
    municipality = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    # value="true": what the API expects, so the form's values go to it unchanged.
    facial_recognition = forms.BooleanField(
        label=_("Only cameras capable of facial recognition"),
        required=False,
        widget=forms.CheckboxInput(attrs={"value": "true"}),
    )
    on_police_list = forms.BooleanField(
        label=_("Only cameras on the police list"),
        required=False,
        widget=forms.CheckboxInput(attrs={"value": "true"}),
    )

    def __init__(self, data=None, *, municipalities=(), **kwargs):
        """`municipalities`: (slug, name) pairs, in the order the list should show them."""
        # Without a status in the address the default applies; with a wrong one, the form
        # shows the error next to the radio buttons and the default applies too.
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = Status.VERIFIED
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, initial={"status": Status.VERIFIED}, **kwargs)
        self.fields["municipality"].choices = [("", _("All municipalities")), *municipalities]

    def values(self):
        """The valid filters: the defaults in place of missing or wrong values."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "status": cleaned.get("status") or Status.VERIFIED,
            "camera_type": cleaned.get("camera_type", ""),
            "municipality": cleaned.get("municipality", ""),
            "facial_recognition": cleaned.get("facial_recognition", False),
            "on_police_list": cleaned.get("on_police_list", False),
        }


def camera_q(filters):
    """A Q selecting the cameras that `filters` (as `CameraFilterForm.values()` gives) show."""
    statuses = [Camera.Status.VERIFIED] if filters["status"] == Status.VERIFIED else PUBLIC_STATUSES
    conditions = {"status__in": statuses}
    if filters.get("camera_type"):
        conditions["camera_type"] = filters["camera_type"]
    if filters.get("municipality"):
        conditions["municipality__slug"] = filters["municipality"]
    if filters.get("facial_recognition"):
        conditions["facial_recognition"] = True
    if filters.get("on_police_list"):
        conditions["on_police_list"] = True
    return Q(**conditions)


def query_string(filters):
    """The filters as the API and the page's address write them; unset ones left out."""
    return urlencode(
        {name: "true" if value is True else value for name, value in filters.items() if value}
    )
