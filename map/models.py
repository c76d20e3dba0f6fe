"""The camera map's models, as Django and the rest of the code find them: the data in
map/cameras.py, the page in map/pages.py. Two modules, so that the page can use the figures
and filters (which read the data) without an import circle."""

from .cameras import (
    CAMERA_KIND_WORDS,
    LATITUDE_VALIDATORS,
    LONGITUDE_VALIDATORS,
    PUBLIC_STATUSES,
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    SURVEILLANCE_WORDS,
    ZONE_WORDS,
    Camera,
    CameraMount,
    CameraPhoto,
    CameraReport,
    CameraType,
    Municipality,
    SightedCamera,
    Surveillance,
    SurveillanceType,
    SurveillanceZone,
    new_follow_token,
    new_report_reference,
)
from .pages import MapPage

__all__ = [
    "CAMERA_KIND_WORDS",
    "LATITUDE_VALIDATORS",
    "LONGITUDE_VALIDATORS",
    "PUBLIC_STATUSES",
    "REFERENCE_ALPHABET",
    "REFERENCE_LENGTH",
    "SURVEILLANCE_WORDS",
    "ZONE_WORDS",
    "Camera",
    "CameraMount",
    "CameraPhoto",
    "CameraReport",
    "CameraType",
    "MapPage",
    "Municipality",
    "SightedCamera",
    "Surveillance",
    "SurveillanceType",
    "SurveillanceZone",
    "new_follow_token",
    "new_report_reference",
]
