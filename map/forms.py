"""The public "report a camera" form."""

import re

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from home.forms import honeypot_field

from .geo import distance_m
from .models import CameraReport, CameraType, SurveillanceType
from .photos import ACCEPT_ATTRIBUTE, clean_photo

# Change the version whenever the consent wording below changes: each report records which
# wording its reporter agreed to.
EMAIL_CONSENT_VERSION = "2025-1"
EMAIL_CONSENT_TEXT = _(
    "I agree that Kamere may keep this email address only to ask me about this report. It is "
    "deleted once the report is reviewed, and after 90 days at the latest."
)

# What every reporter accepts for what they report, said above the send button: the same
# licence as the open data and OpenStreetMap, so verified cameras may go back to OSM
# (map/osm_export.py). Change the version whenever the wording changes: each report records it.
REPORT_LICENCE_VERSION = "2026-1"
REPORT_LICENCE_TEXT = _(
    "By sending this report you agree that what you report (the place, what the camera is and "
    "the photo, never your email address) is published under the Open Database License (ODbL) "
    "1.0, as our open data and OpenStreetMap are, and may be added to OpenStreetMap."
)

# A "moved" camera is at least this far from where the map has it.
MOVED_AT_LEAST_M = 5
# 128 random bits as hex, as `crypto.randomUUID()` without its dashes gives them.
CLIENT_KEY_PATTERN = re.compile(r"[0-9a-f]{32}")


def valid_client_key(key):
    """`key` if it is a key the offline queue makes (CameraReport.client_key), else ""."""
    return key if isinstance(key, str) and CLIENT_KEY_PATTERN.fullmatch(key) else ""


class CoordinateField(forms.FloatField):
    """Degrees, typed with a decimal point or the decimal comma Serbian keyboards give."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


# What every report's photo may be and what becomes of it, after what the kind of report asks
# for (map/photos.py holds the limits).
PHOTO_RULES = _(
    "JPEG, PNG, WebP or HEIC, up to 10 MB. We remove the location, time and device details "
    "from it before it is stored."
)


class CameraReportForm(forms.ModelForm):
    latitude = CoordinateField(
        label=_("Latitude"),
        min_value=-90,
        max_value=90,
        help_text=_("Degrees north, for example 44.8125."),
        error_messages={
            "required": _("Choose the spot on the map or enter its latitude."),
            "invalid": _("Enter the latitude as a number of degrees, for example 44.8125."),
            "min_value": _("The latitude must be between -90 and 90 degrees."),
            "max_value": _("The latitude must be between -90 and 90 degrees."),
        },
    )
    longitude = CoordinateField(
        label=_("Longitude"),
        min_value=-180,
        max_value=180,
        help_text=_("Degrees east, for example 20.4612."),
        error_messages={
            "required": _("Choose the spot on the map or enter its longitude."),
            "invalid": _("Enter the longitude as a number of degrees, for example 20.4612."),
            "min_value": _("The longitude must be between -180 and 180 degrees."),
            "max_value": _("The longitude must be between -180 and 180 degrees."),
        },
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=PHOTO_RULES,
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        error_messages={
            "invalid": _("The photo could not be uploaded. Please try again."),
            "empty": _("The photo file is empty. Please choose another."),
        },
    )
    surveillance_type = forms.ChoiceField(
        label=_("What is it?"),
        choices=SurveillanceType.choices,
        initial=SurveillanceType.CAMERA,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether it is a camera or a licence plate reader.")},
    )
    camera_type = forms.ChoiceField(
        label=_("Camera type"),
        choices=[("", _("Don't know")), *CameraType.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    facial_recognition = forms.BooleanField(
        label=_("It looks capable of facial recognition"),
        required=False,
        help_text=_(
            "For example a high-resolution camera aimed at a pavement, a crossing or an entrance."
        ),
    )
    has_sign = forms.NullBooleanField(
        label=_("Does a sign warn of the camera?"),
        widget=forms.RadioSelect(
            choices=[("unknown", _("Don't know")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What it is mounted on, where it points, anything that helps us find it."),
    )
    email = forms.EmailField(
        label=_("Email for questions about this report (optional)"),
        required=False,
        help_text=_(
            "Only if you are happy for us to ask you about this report. We delete it once the "
            "report is reviewed, and after 90 days at the latest, and never publish it."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    email_consent = forms.BooleanField(label=EMAIL_CONSENT_TEXT, required=False)
    # The offline queue's key for this report (CameraReport.client_key); not shown.
    client_key = forms.CharField(required=False, widget=forms.HiddenInput)
    website = honeypot_field()

    class Meta:
        model = CameraReport
        fields = [
            "latitude",
            "longitude",
            "photo",
            "surveillance_type",
            "camera_type",
            "facial_recognition",
            "has_sign",
            "note",
            "email",
        ]

    def __init__(self, *args, reporter=None, camera=None, kind=CameraReport.Kind.NEW, **kwargs):
        """`camera` and `kind`: news of a camera already on the map (seen again, or gone)."""
        super().__init__(*args, **kwargs)
        self.reporter = reporter
        self.camera = camera
        self.kind = kind if camera else CameraReport.Kind.NEW
        if self.initial.get("has_sign") is None:
            self.initial["has_sign"] = "unknown"
        if camera:
            # Where the camera is and what device, for the reporter to correct if need be. Its
            # type and facial recognition are left for the reporter to say: preset, the map's
            # own values would reach the editors as if the reporter had confirmed them.
            self.initial.setdefault("latitude", round(camera.latitude, 6))
            self.initial.setdefault("longitude", round(camera.longitude, 6))
            self.initial["surveillance_type"] = camera.surveillance_type
        if self.kind == CameraReport.Kind.SEEN:
            # A confirmation counts towards verifying the camera, and an editor confirms it in
            # one click: without a photo it would let one person verify their own report.
            # Said before sending, not only in the error after it (the input is `required`).
            self.fields["photo"].required = True
            self.fields["photo"].label = _("Photo (required for a confirmation)")
            self.fields["photo"].help_text = format_lazy(
                "{} {}", _("A confirmation counts only with a photo of the camera."), PHOTO_RULES
            )
            self.fields["photo"].error_messages["required"] = _(
                "Add a photo of the camera: a confirmation counts only with one."
            )
        if self.kind in (CameraReport.Kind.GONE, CameraReport.Kind.MOVED):
            # Nothing to describe about a camera that is no longer there, or only moved: only
            # the place, the photo and the note are asked, the rest is the camera's.
            for name in ("surveillance_type", "camera_type", "facial_recognition", "has_sign"):
                del self.fields[name]
        if self.kind == CameraReport.Kind.MOVED:
            self.fields["note"].help_text = _(
                "Where it is now, compared with before: across the street, another pole, ..."
            )
        if self.kind == CameraReport.Kind.CHANGED:
            # The reporter corrects what differs, so the form starts from the camera's values
            # (which the editors see beside the answer).
            self.initial["camera_type"] = camera.camera_type
            self.initial["facial_recognition"] = camera.facial_recognition
            self.fields["note"].required = True
            self.fields["note"].label = _("What has changed?")
            self.fields["note"].help_text = _(
                "For example: a new camera type, another direction, a sign added or removed."
            )
            self.fields["note"].error_messages["required"] = _(
                "Say what has changed about the camera."
            )
        if self.kind == CameraReport.Kind.GONE:
            self.fields["note"].help_text = _(
                "When you saw that it was gone, what is left there, anything that helps us check."
            )
            # The camera is not there to photograph: what helps the editors is the empty spot.
            self.fields["photo"].help_text = format_lazy(
                "{} {}",
                _(
                    "A photo of the spot where the camera was (the empty pole, bracket or wall) "
                    "helps the editors."
                ),
                PHOTO_RULES,
            )
        self.label_suffix = ""
        self.licence_text = REPORT_LICENCE_TEXT

    def clean_client_key(self):
        """Only our script sets it, so a malformed key was not ours: the report is kept all
        the same, with no key (no field message a person could act on)."""
        return valid_client_key(self.cleaned_data.get("client_key", ""))

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return clean_photo(upload) if upload else None

    def clean(self):
        cleaned_data = super().clean()
        if self.kind == CameraReport.Kind.MOVED and self.has_not_moved(cleaned_data):
            self.add_error(
                "latitude",
                _("Put the pin where the camera is now: it is still at the old place."),
            )
        if cleaned_data.get("email") and not cleaned_data.get("email_consent"):
            self.add_error(
                "email_consent",
                _("Tick this box to let us keep your email address, or leave the email empty."),
            )
        return cleaned_data

    def has_not_moved(self, cleaned_data):
        """Whether a "moved" answer puts the camera where the map has it (within a few
        metres: the pin's and a phone's precision)."""
        latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
        if latitude is None or longitude is None:
            return False
        return distance_m(latitude, longitude, self.camera.latitude, self.camera.longitude) < (
            MOVED_AT_LEAST_M
        )

    def save(self, commit=True):
        report = super().save(commit=False)
        report.reporter = self.reporter
        report.kind = self.kind
        report.client_key = self.cleaned_data.get("client_key") or None
        if self.camera:
            report.camera = self.camera
            if self.kind in (CameraReport.Kind.GONE, CameraReport.Kind.MOVED):
                # Nothing asked, nothing stored: the camera's own details stay on the camera.
                report.surveillance_type = ""
                report.camera_type = ""
                report.facial_recognition = False
        report.licence_version = REPORT_LICENCE_VERSION
        if report.email:
            report.email_consent_version = EMAIL_CONSENT_VERSION
            report.email_consent_at = timezone.now()
        if commit:
            report.save()
        return report
