"""The cameras' filters: the one definition of each parameter, its values and what it selects.

`CameraFilters` is a form with a field per parameter, named and valued as the API
(`/api/cameras.geojson`, `.csv`) and the map's addresses write them; the API validates a
request with it (map/api.py turns its first error into a 400 naming the parameter).
`CameraFilterForm` is the same form as the map page, its embed and the open data page show
it: the values people choose from, and a wrong value named and then ignored. Both end in a
`CameraQuery`, whose `q()` is the only place where filters become a database query.

The map page's form works without JavaScript (it filters the page's table); with JavaScript
the map sends its values unchanged to `/api/cameras.geojson`, so a filtered address means the
same thing to the page and to the API.
"""

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, TextChoices
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from home.languages import CYRILLIC

from .cameras import PUBLIC_STATUSES, Camera, CameraType, Municipality, needs_recheck_q

# `status`: "all" is every status on the map; retired cameras only when asked for. In this
# order in the API's error message.
STATUS_VALUES = ("all", *PUBLIC_STATUSES, Camera.Status.RETIRED)
# A plain string, as the API's cache keys (CameraQuery's repr) have always named it.
DEFAULT_STATUS = "verified"
# A yes/no filter's values; the map's checkboxes send "true".
BOOLEANS = {"true": True, "false": False}


class Status(TextChoices):
    """The statuses the map's form offers (the API takes "reported" too)."""

    VERIFIED = "verified", _("Verified cameras")
    ALL = "all", _("Verified and reported cameras")
    RETIRED = "retired", _("Retired cameras (no longer there)")


STATUS_CHOICES = Status.choices


def municipality_slugs():
    """Every municipality's slug, in any language: asked only when a request names one."""
    return Municipality.objects.values_list("slug", "slug")


class BboxField(forms.Field):
    """`minLon,minLat,maxLon,maxLat`, in degrees, as a tuple of four floats."""

    default_error_messages = {
        "invalid": _("bbox must be four comma-separated numbers: minLon,minLat,maxLon,maxLat."),
        "out_of_range": _(
            "bbox longitudes must be between -180 and 180, latitudes between -90 and 90."
        ),
        "inverted": _("bbox minimums must not be greater than its maximums."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            numbers = tuple(float(part) for part in value.split(","))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if len(numbers) != 4 or not all(math.isfinite(number) for number in numbers):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        min_lon, min_lat, max_lon, max_lat = numbers
        longitudes_valid = -180 <= min_lon <= 180 and -180 <= max_lon <= 180
        if not (longitudes_valid and -90 <= min_lat <= 90 and -90 <= max_lat <= 90):
            raise ValidationError(self.error_messages["out_of_range"], code="out_of_range")
        if min_lon > max_lon or min_lat > max_lat:
            raise ValidationError(self.error_messages["inverted"], code="inverted")
        return numbers


class YesNoField(forms.TypedChoiceField):
    """A yes/no filter: "true" or "false" (True or False); empty is no filter (None)."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=[(value, value) for value in BOOLEANS],
            coerce=BOOLEANS.get,
            empty_value=None,
            required=False,
            **kwargs,
        )

    def to_python(self, value):
        # A checkbox widget reads its box as a boolean: ticked (whatever it sent) is "true",
        # unticked no filter, as the map page has always read it.
        if isinstance(value, bool):
            value = "true" if value else ""
        return super().to_python(value)


class CameraFilters(forms.Form):
    """The filters as the API takes them: a wrong value is an error; an empty one counts as
    absent (as an unset filter of the download form sends), and parameters it does not know
    are ignored. The labels and messages are the map's form's; the API words its own errors
    from the fields' values (map/api.py)."""

    # In the order the API checks them (it names the first wrong one): the municipality last,
    # the only one that asks the database.
    status = forms.ChoiceField(
        label=_("Show"),
        choices=[(value, value) for value in STATUS_VALUES],
        required=False,
        error_messages={"invalid_choice": _("Choose which cameras to show from the list.")},
    )
    bbox = BboxField(required=False)
    camera_type = forms.ChoiceField(
        label=_("Camera type"),
        choices=[("", _("Any type")), *CameraType.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a camera type from the list.")},
    )
    facial_recognition = YesNoField(label=_("Only cameras capable of facial recognition"))
    on_police_list = YesNoField(label=_("Only cameras on the police list"))
    needs_recheck = YesNoField(label=_("Only cameras that need a re-check"))
    municipality = forms.ChoiceField(
        label=_("Municipality"),
        choices=municipality_slugs,
        required=False,
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )


class CameraFilterForm(CameraFilters):
    """The filters as the map's form: the values people choose from, read from the query
    string; a wrong value is named and then ignored."""

    # The map's view is in the address's fragment, not a filter.
    bbox = None
    field_order = ["status", "camera_type", "municipality"]

    def __init__(self, data=None, *, municipalities=(), **kwargs):
        """`municipalities`: (slug, name) pairs, in the order the list should show them."""
        # Without a status in the address the default applies; with a wrong one, the form
        # shows the error next to the radio buttons and the default applies too.
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = Status.VERIFIED
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, initial={"status": Status.VERIFIED}, **kwargs)
        status = self.fields["status"]
        status.widget = forms.RadioSelect()
        status.choices = STATUS_CHOICES
        self.fields["municipality"].choices = [("", _("All municipalities")), *municipalities]
        for name in ("facial_recognition", "on_police_list", "needs_recheck"):
            # value="true": what the API expects, so the form's values go to it unchanged.
            self.fields[name].widget = forms.CheckboxInput(attrs={"value": "true"})

    def values(self):
        """The valid filters: the defaults in place of missing or wrong values."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "status": cleaned.get("status") or Status.VERIFIED,
            "camera_type": cleaned.get("camera_type", ""),
            "municipality": cleaned.get("municipality", ""),
            "facial_recognition": cleaned.get("facial_recognition"),
            "on_police_list": cleaned.get("on_police_list"),
            "needs_recheck": cleaned.get("needs_recheck"),
        }


class DataScript(forms.Form):
    """The API's `script`: not a filter but how the data's words (addresses, streets,
    operators) are written: as recorded, in Serbian Latin, or in Cyrillic (home/scripts.py),
    which the Cyrillic map asks for and a Cyrillic reader may download."""

    script = forms.ChoiceField(
        label=_("Script of the addresses"),
        choices=[("latin", _("Latin")), ("cyrillic", _("Cyrillic"))],
        required=False,
        error_messages={"invalid_choice": _("Choose a script from the list.")},
    )

    def language(self):
        """The reading language to write the words for: "sr-cyrl", or None (as recorded)."""
        return CYRILLIC if self.cleaned_data.get("script") == "cyrillic" else None


class DownloadForm(CameraFilterForm, DataScript):
    """The open data page's form: the map's filters and the script, the reader's by default."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reader = "cyrillic" if translation.get_language() == CYRILLIC else "latin"
        self.fields["script"].initial = reader
        # Set after the choices: a widget given later takes the field's choices here.
        self.fields["script"].widget = forms.RadioSelect(choices=self.fields["script"].choices)


@dataclass(frozen=True)
class CameraQuery:
    """The cameras some filters select: statuses, and None for each filter not asked for.

    Its repr names the API's cached answers (map/api.py): it stays as it is.
    """

    statuses: tuple[str, ...] = (Camera.Status.VERIFIED,)
    bbox: tuple[float, float, float, float] | None = None
    municipality: str | None = None
    camera_type: str | None = None
    facial_recognition: bool | None = None
    on_police_list: bool | None = None
    needs_recheck: bool | None = None

    @classmethod
    def from_filters(cls, filters):
        """From parameter names and valid values (`CameraFilters.cleaned_data`,
        `CameraFilterForm.values()`, a map block's): a missing or empty one is no filter."""
        status = filters.get("status") or DEFAULT_STATUS
        return cls(
            statuses=tuple(PUBLIC_STATUSES) if status == "all" else (status,),
            bbox=filters.get("bbox") or None,
            municipality=filters.get("municipality") or None,
            camera_type=filters.get("camera_type") or None,
            facial_recognition=filters.get("facial_recognition"),
            on_police_list=filters.get("on_police_list"),
            needs_recheck=filters.get("needs_recheck"),
        )

    @property
    def is_whole_set(self):
        """Whether it asks for all cameras of its statuses, with no other filter."""
        return self == CameraQuery(statuses=self.statuses)

    def q(self):
        conditions = {"status__in": self.statuses}
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            conditions["latitude__range"] = (min_lat, max_lat)
            conditions["longitude__range"] = (min_lon, max_lon)
        if self.municipality:
            conditions["municipality__slug"] = self.municipality
        for name in ("camera_type", "facial_recognition", "on_police_list"):
            if getattr(self, name) is not None:
                conditions[name] = getattr(self, name)
        if self.needs_recheck is not None:
            recheck = needs_recheck_q()
            return Q(**conditions) & (recheck if self.needs_recheck else ~recheck)
        return Q(**conditions)

    def cameras(self):
        return Camera.objects.filter(self.q()).order_by("id")


def camera_q(filters):
    """A Q selecting the cameras that `filters` (as `CameraFilterForm.values()` gives) show."""
    return CameraQuery.from_filters(filters).q()


def query_string(filters):
    """The filters as the API and the page's address write them; unset ones left out."""
    return urlencode(
        {name: "true" if value is True else value for name, value in filters.items() if value}
    )
