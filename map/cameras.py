"""The camera map's data: municipalities, cameras and citizens' reports of cameras (the
map page itself is in map/pages.py; map/models.py gathers both for Django).

Camera kinds follow OpenStreetMap's surveillance tags, the shared vocabulary of camera
mapping projects, so data moves in and out of OSM without translation tables.
"""

import functools
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Q, When
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import Contains
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin, TranslatableMixin

from home.languages import content_language, default_language

from .geo import distance_m
from .naming import NearStreets, own_street, search_box

LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]
# A camera higher than this is a typo (or on a tower the map has no use for).
MAX_HEIGHT_METRES = 200


class Surveillance(models.TextChoices):
    """OSM `surveillance`: what the camera watches."""

    PUBLIC = "public", _("Public space")
    OUTDOOR = "outdoor", _("Outdoor private area")
    INDOOR = "indoor", _("Indoors")


class SurveillanceType(models.TextChoices):
    """OSM `surveillance:type`."""

    CAMERA = "camera", _("Camera")
    ALPR = "ALPR", _("Licence plate reader")


class CameraType(models.TextChoices):
    """OSM `camera:type`."""

    FIXED = "fixed", _("Fixed")
    DOME = "dome", _("Dome")
    PANNING = "panning", _("Panning")


class CameraMount(models.TextChoices):
    """OSM `camera:mount`."""

    WALL = "wall", _("Wall")
    POLE = "pole", _("Pole")
    CEILING = "ceiling", _("Ceiling")
    STREET_LAMP = "street_lamp", _("Street lamp")
    ROOF = "roof", _("Roof")


class SurveillanceZone(models.TextChoices):
    """OSM `surveillance:zone`."""

    TOWN = "town", _("Town")
    PARKING = "parking", _("Parking")
    TRAFFIC = "traffic", _("Traffic")
    SHOP = "shop", _("Shop")
    BANK = "bank", _("Bank")
    BUILDING = "building", _("Building")
    ENTRANCE = "entrance", _("Entrance")


class SightedCamera(models.Model):
    """Where a camera is and what kind it is: what a camera and a report of one share."""

    # Degrees as floats: exact enough (about 1 cm at 7 decimals) and fast to compare.
    latitude = models.FloatField(_("latitude"), validators=LATITUDE_VALIDATORS)
    longitude = models.FloatField(_("longitude"), validators=LONGITUDE_VALIDATORS)
    surveillance_type = models.CharField(
        _("device"),
        max_length=10,
        choices=SurveillanceType.choices,
        default=SurveillanceType.CAMERA,
    )
    camera_type = models.CharField(
        _("camera type"), max_length=10, choices=CameraType.choices, blank=True
    )

    class Meta:
        abstract = True


def through(relation, name):
    """A field of the model `relation` leads to ("" for the row's own)."""
    return f"{relation}__{name}" if relation else name


class MunicipalityQuerySet(models.QuerySet):
    def canonical(self):
        """The default language's municipalities: those cameras, signatures and supporters
        point at. A translation only renames one (the map's tables name it in the reader's
        language)."""
        return self.filter(locale__language_code=default_language())

    def name_of(self, relation="municipality", language=None):
        """An expression for the name of a row's municipality (through `relation`, the
        default language's, which rows point at; "" for a municipality's own row) in
        `language` (the reader's by default): its translation's name, None without one."""
        return models.Subquery(
            self.filter(
                translation_key=models.OuterRef(through(relation, "translation_key")),
                locale__language_code=content_language(language),
            ).values("name")[:1]
        )

    def local_name_of(self, relation="municipality"):
        """The name of a row's municipality in the reader's language, or its own (the default
        language's) when it has no translation: in the same query, for any number of rows."""
        return Coalesce(self.name_of(relation), through(relation, "name"))


class Municipality(TranslatableMixin, models.Model):
    """A city municipality, with the number of cameras the police list says it has.

    Cameras point at the municipality in the default language; translations carry the
    name in other languages and keep the rest in step (wagtail-localize synchronises it).
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    boundary = models.JSONField(
        _("boundary"),
        null=True,
        blank=True,
        help_text=_(
            "A GeoJSON Polygon or MultiPolygon (longitude, latitude). Cameras inside it are "
            "assigned to this municipality when none is given."
        ),
    )
    police_list_count = models.PositiveIntegerField(
        _("cameras on the police list"), null=True, blank=True
    )
    police_list_date = models.DateField(_("date of the police list"), null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("police_list_count"), FieldPanel("police_list_date")]),
        FieldPanel("boundary"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_municipality_slug"),
        ]

    def __str__(self):
        return self.name


class Camera(RevisionMixin, SightedCamera, ClusterableModel):
    class Status(models.TextChoices):
        REPORTED = "reported", _("Reported")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        # Was there and is no longer: kept, with its dates, in the open data (status=retired)
        # and on its own page, off the default map. Not the same as rejected (never was).
        RETIRED = "retired", _("Retired")

    class Source(models.TextChoices):
        CITIZEN = "citizen", _("Citizens")
        POLICE = "police", _("Police list")
        OSM = "osm", _("OpenStreetMap")
        DEMO = "demo", _("Demo data")

    address = models.CharField(_("street address"), max_length=255, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cameras",
    )

    surveillance = models.CharField(
        _("watches"), max_length=10, choices=Surveillance.choices, blank=True
    )
    camera_mount = models.CharField(
        _("mounted on"), max_length=20, choices=CameraMount.choices, blank=True
    )
    direction = models.PositiveSmallIntegerField(
        _("direction"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(359)],
        help_text=_("Degrees clockwise from north; empty when unknown or all around."),
    )
    # As OpenStreetMap's `height` tag says it: metres above the ground.
    height = models.FloatField(
        _("height"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_HEIGHT_METRES)],
        help_text=_("Metres above the ground; empty when unknown."),
    )
    surveillance_zone = models.CharField(
        _("zone"), max_length=10, choices=SurveillanceZone.choices, blank=True
    )
    operator = models.CharField(_("operator"), max_length=255, blank=True)
    manufacturer = models.CharField(_("manufacturer"), max_length=100, blank=True)
    model = models.CharField(_("model"), max_length=100, blank=True)
    facial_recognition = models.BooleanField(_("capable of facial recognition"), default=False)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REPORTED
    )
    confirmations = models.PositiveIntegerField(_("independent confirmations"), default=0)
    on_police_list = models.BooleanField(_("on the police list"), default=False)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.CITIZEN
    )
    first_reported_at = models.DateTimeField(_("first reported"), default=timezone.now)
    verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    # When someone last saw it there (a report accepted or merged, an editor's verification):
    # what "needs a re-check" (CAMERA_RECHECK_AFTER) is measured from.
    last_confirmed_at = models.DateTimeField(_("last confirmed"), default=timezone.now)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    external_id = models.CharField(
        _("external id"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The record's id in its source, e.g. osm:node/123."),
    )
    source_tags = models.JSONField(_("source tags"), default=dict, blank=True)
    # Whether the camera may go to OpenStreetMap (map/osm_export.py): set when a report whose
    # reporter accepted the ODbL becomes the camera, or by an editor who knows its origin.
    odbl_ok = models.BooleanField(
        _("may be exported to OpenStreetMap"),
        default=False,
        help_text=_(
            "Tick only if whoever reported this camera accepted the Open Database License for "
            "it (reports since the form says so do). Only verified citizens' cameras with this "
            "ticked are in the export for OpenStreetMap."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    panels = [
        MultiFieldPanel(
            [
                # A map for latitude and longitude: a field of map.admin_forms.CameraAdminForm,
                # which the admin's CameraViewSet uses as this model's form.
                FieldPanel("location"),
                FieldPanel("address"),
                FieldPanel("municipality"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facial_recognition"),
                FieldRowPanel([FieldPanel("surveillance_type"), FieldPanel("camera_type")]),
                FieldRowPanel([FieldPanel("surveillance"), FieldPanel("surveillance_zone")]),
                FieldRowPanel(
                    [FieldPanel("camera_mount"), FieldPanel("direction"), FieldPanel("height")]
                ),
                FieldRowPanel([FieldPanel("manufacturer"), FieldPanel("model")]),
                FieldPanel("operator"),
            ],
            heading=_("What"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("confirmations")]),
                FieldPanel("on_police_list"),
                FieldRowPanel([FieldPanel("first_reported_at"), FieldPanel("verified_at")]),
                # Set by what confirms a camera: reports merged, a verification.
                FieldRowPanel(
                    [FieldPanel("last_confirmed_at", read_only=True), FieldPanel("retired_at")]
                ),
                FieldRowPanel([FieldPanel("source"), FieldPanel("external_id")]),
                FieldPanel("odbl_ok"),
                FieldPanel("source_tags", read_only=True),
            ],
            heading=_("Verification"),
        ),
        InlinePanel("photos", heading=_("Photos"), label=_("Photo")),
    ]

    class Meta:
        verbose_name = _("camera")
        verbose_name_plural = _("cameras")
        indexes = [
            # bbox queries: a range on latitude, then longitude, within one status.
            models.Index(fields=["status", "latitude", "longitude"], name="camera_status_position"),
            models.Index(fields=["latitude", "longitude"], name="camera_position"),
        ]

    def __str__(self):
        return self.address or f"{self.latitude:.5f}, {self.longitude:.5f}"

    # The words of a camera's title and description (place_name, description): its own page,
    # the map's popups and anything else that names a camera say the same.

    @classmethod
    def with_municipality_names(cls, cameras):
        """`cameras` (a queryset) with their municipality's name in the reader's language.

        Cameras point at the default language's municipality; a translation only renames it.
        The name comes in the same query, so `municipality_name` asks nothing more.
        """
        return cameras.annotate(local_municipality_name=Municipality.objects.local_name_of())

    @property
    def municipality_name(self):
        """The municipality's name in the reader's language; "" when the camera has none."""
        if self.municipality_id is None:
            return ""
        annotated = getattr(self, "local_municipality_name", None)
        if annotated is not None:
            return annotated
        # One query, for a camera read without `with_municipality_names`.
        return (
            Camera.with_municipality_names(Camera.objects.filter(pk=self.pk))
            .values_list("local_municipality_name", flat=True)
            .first()
            or self.municipality.name
        )

    @property
    def needs_recheck(self):
        """On the map, and not confirmed for CAMERA_RECHECK_AFTER."""
        return self.status in PUBLIC_STATUSES and self.last_confirmed_at < recheck_due_before()

    @property
    def street(self):
        """The street address: the one editors gave, else one the source's OSM tags hold."""
        return own_street(self.address, self.source_tags).strip()

    @staticmethod
    def tags_may_hold_a_street():
        """Whether a camera's OSM tags may hold an address: a test of their text, as cheap as
        any (parsing every camera's tags as JSON doubled the time to list 10,000 cameras);
        `own_street` then reads the few tags it lets through."""
        return Contains(Cast("source_tags", models.TextField()), '"addr:')

    @classmethod
    def street_tags(cls):
        """The OSM tags of a camera that has no address of its own but may have one in its
        tags, else null: read with `address` in the same query, as `own_street` takes them,
        without reading every other camera's tags."""
        return Case(
            When(Q(address="") & Q(cls.tags_may_hold_a_street()), then="source_tags"),
            output_field=models.JSONField(),
        )

    @classmethod
    def streets_around(cls, points):
        """map.naming.NearStreets of the public cameras with a street address within reach
        of `points` ((latitude, longitude) pairs): one query, however many points; none for
        none. A few points are each a small box; many, the box around them all."""
        points = list(points)
        if not points:
            return NearStreets()
        boxes = [search_box(latitude, longitude) for latitude, longitude in points]
        # Past a few boxes, a query of OR-ed ranges costs more to plan than it saves.
        if len(boxes) > 20:
            south, west, north, east = zip(*boxes, strict=True)
            boxes = [(min(south), min(west), max(north), max(east))]
        where = Q()
        for south, west, north, east in boxes:
            where |= Q(latitude__range=(south, north), longitude__range=(west, east))
        rows = (
            cls.objects.filter(where, status__in=PUBLIC_STATUSES)
            .filter(~Q(address="") | Q(cls.tags_may_hold_a_street()))
            .values_list("latitude", "longitude", "address", cls.street_tags())
        )
        return NearStreets(
            (latitude, longitude, own_street(address, tags))
            for latitude, longitude, address, tags in rows.iterator(chunk_size=2000)
        )

    @functools.cached_property
    def near_street(self):
        """For a camera without a street address: the street it is near (map.naming), else
        "". One query; code naming many cameras fills it in for all with `streets_around`."""
        if self.street:
            return ""
        streets = Camera.streets_around([(self.latitude, self.longitude)])
        return streets.near(self.latitude, self.longitude)

    @property
    def place_name(self):
        """What to call the camera (map.naming): its address, else the street it is near,
        else its municipality, else its position."""
        if self.street:
            return self.street
        if self.near_street:
            # The words of the map's popup (camera_map_tags.map_labels "near").
            return gettext("Camera near {street}").replace("{street}", self.near_street)
        if self.municipality_id is not None:
            return gettext("Camera in the municipality of %(municipality)s") % {
                "municipality": self.municipality_name
            }
        return gettext("Camera at %(latitude).5f, %(longitude).5f") % {
            "latitude": self.latitude,
            "longitude": self.longitude,
        }

    @property
    def description(self):
        """What the camera is, in words: "Dome camera · city video surveillance · capable of
        facial recognition · on the police list"."""
        if self.surveillance_type == SurveillanceType.ALPR:
            words = [SurveillanceType.ALPR.label]
        else:
            words = [CAMERA_KIND_WORDS.get(self.camera_type, SurveillanceType.CAMERA.label)]
        if self.surveillance_zone in ZONE_WORDS:
            words.append(ZONE_WORDS[self.surveillance_zone])
        elif self.surveillance in SURVEILLANCE_WORDS:
            words.append(SURVEILLANCE_WORDS[self.surveillance])
        if self.facial_recognition:
            words.append(self._meta.get_field("facial_recognition").verbose_name)
        if self.on_police_list:
            words.append(self._meta.get_field("on_police_list").verbose_name)
        return " · ".join(str(word) for word in words)


# What the public sees (the map, the API, the cameras' pages, the names near streets come
# from): rejected cameras stay in the admin only, retired ones in the data with their dates.
PUBLIC_STATUSES = [Camera.Status.VERIFIED, Camera.Status.REPORTED]
# What the open data and the cameras' own pages hold: the map's cameras and retired ones.
RECORDED_STATUSES = [*PUBLIC_STATUSES, Camera.Status.RETIRED]


def start_of_today():
    """Midnight (UTC) today: what the re-checks are counted from, all day long."""
    return timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)


def recheck_due_before():
    """Cameras on the map last confirmed before this "need a re-check": the start of today
    less CAMERA_RECHECK_AFTER, so that the answer, and every cached document that gives it,
    stays the same all day."""
    return start_of_today() - settings.CAMERA_RECHECK_AFTER


def needs_recheck_q():
    """A Q for the cameras on the map that need a re-check (its negation: all the others,
    retired ones included)."""
    return Q(status__in=PUBLIC_STATUSES, last_confirmed_at__lt=recheck_due_before())


# The first word of a camera's description, by its OSM camera:type.
CAMERA_KIND_WORDS = {
    CameraType.FIXED: _("Fixed camera"),
    CameraType.DOME: _("Dome camera"),
    CameraType.PANNING: _("Panning camera"),
}
# What it watches, by its OSM surveillance:zone, else by its surveillance tag.
ZONE_WORDS = {
    SurveillanceZone.TOWN: _("city video surveillance"),
    SurveillanceZone.PARKING: _("watches a car park"),
    SurveillanceZone.TRAFFIC: _("watches traffic"),
    SurveillanceZone.SHOP: _("watches a shop"),
    SurveillanceZone.BANK: _("watches a bank"),
    SurveillanceZone.BUILDING: _("watches a building"),
    SurveillanceZone.ENTRANCE: _("watches an entrance"),
}
SURVEILLANCE_WORDS = {
    Surveillance.PUBLIC: _("watches a public space"),
    Surveillance.OUTDOOR: _("watches a private outdoor area"),
    Surveillance.INDOOR: _("indoors"),
}


class CameraPhoto(Orderable):
    camera = ParentalKey(Camera, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("image")]


# A report's reference: what the reporter quotes ("KR-4F7Q9X"). Letters and digits that
# cannot be mistaken for one another (no 0/O, 1/I/L); 31**6, about 900 million of them.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 6


def new_report_reference():
    return "KR-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def new_follow_token():
    """The key in a report's follow-up page's address: 128 random bits, never enumerable."""
    return secrets.token_urlsafe(16)


class CameraReport(SightedCamera):
    """A citizen's report of a camera, waiting for an editor.

    The reporter follows it at an address holding `follow_token`, and quotes its `reference`;
    neither says who reported it. The follow-up page lives as long as the report does.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted as a new camera")
        MERGED = "merged", _("Merged into a camera")
        GONE = "gone", _("The camera is marked as gone")
        REJECTED = "rejected", _("Rejected")

    class Kind(models.TextChoices):
        """What the reporter says: a camera not yet on the map, or news of one that is."""

        NEW = "new", _("A new camera")
        SEEN = "seen", _("Seen again")
        GONE = "gone", _("Gone")
        MOVED = "moved", _("Moved")
        CHANGED = "changed", _("Changed")

    reference = models.CharField(
        pgettext_lazy("camera report", "reference"),
        max_length=12,
        unique=True,
        default=new_report_reference,
        editable=False,
    )
    follow_token = models.CharField(
        max_length=32, unique=True, default=new_follow_token, editable=False
    )
    kind = models.CharField(
        pgettext_lazy("camera report", "kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.NEW,
    )

    photo = models.ImageField(
        _("photo"), upload_to="camera-reports/%Y/%m/", blank=True, max_length=255
    )
    facial_recognition = models.BooleanField(
        _("looks capable of facial recognition"), default=False
    )
    has_sign = models.BooleanField(_("a sign warns of it"), null=True, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reporter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="camera_reports",
    )
    # Only for follow-up questions; erased once the report is reviewed (privacy policy).
    email = models.EmailField(_("email for follow-up"), blank=True)
    # Proof of the reporter's consent to keep the email: which wording they agreed to, and when.
    email_consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    email_consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    # Which wording of the report form's licence (map/forms.py REPORT_LICENCE_VERSION) the
    # reporter accepted; empty for reports from before the form said it.
    licence_version = models.CharField(_("licence text version"), max_length=20, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    camera = models.ForeignKey(
        Camera,
        verbose_name=_("camera"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A random key the offline queue (static/map/offline-reports.js) sends with every attempt
    # to send one report: a second attempt, after a lost answer, finds this report and stores
    # nothing new. Chosen by the device, so it says nothing about the reporter.
    client_key = models.CharField(max_length=32, unique=True, null=True, blank=True, editable=False)
    # Shown to the reporter on the follow-up page: why it was not added, in the editors' words.
    reason = models.CharField(_("reason for the reporter"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("camera report")
        verbose_name_plural = _("camera reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.latitude:.5f}, {self.longitude:.5f} ({self.get_status_display()})"

    @property
    def metres_from_camera(self):
        """How far the reporter put it from the camera it is about (None without one)."""
        if self.camera is None:
            return None
        return distance_m(
            self.latitude, self.longitude, self.camera.latitude, self.camera.longitude
        )


# What a visitor may tell us about a camera on the map: its page's buttons, the popup's links.
ANSWER_BUTTONS = [
    (CameraReport.Kind.SEEN, _("I saw it too")),
    (CameraReport.Kind.GONE, _("It's gone")),
    (CameraReport.Kind.MOVED, _("It has moved")),
    (CameraReport.Kind.CHANGED, _("Something has changed")),
]
