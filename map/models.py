"""The camera map's data: municipalities, cameras and citizens' reports of cameras.

Camera kinds follow OpenStreetMap's surveillance tags, the shared vocabulary of camera
mapping projects, so data moves in and out of OSM without translation tables.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, RevisionMixin, TranslatableMixin
from wagtail.search import index

from home.models import BasePage

from .blocks import CameraMapStreamBlock

LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]


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
        REMOVED = "removed", _("Removed")

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
    external_id = models.CharField(
        _("external id"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The record's id in its source, e.g. osm:node/123."),
    )
    source_tags = models.JSONField(_("source tags"), default=dict, blank=True)
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
                FieldRowPanel([FieldPanel("camera_mount"), FieldPanel("direction")]),
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
                FieldRowPanel([FieldPanel("source"), FieldPanel("external_id")]),
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


class CameraPhoto(Orderable):
    camera = ParentalKey(Camera, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("image")]


class CameraReport(SightedCamera):
    """A citizen's report of a camera, waiting for an editor."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted as a new camera")
        MERGED = "merged", _("Merged into a camera")
        REJECTED = "rejected", _("Rejected")

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

    class Meta:
        verbose_name = _("camera report")
        verbose_name_plural = _("camera reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.latitude:.5f}, {self.longitude:.5f} ({self.get_status_display()})"


class MapPage(BasePage):
    """The camera map, with the same figures as a table and a chart for use without the map."""

    intro = models.TextField(_("Introduction"), max_length=500, blank=True)
    body = StreamField(CameraMapStreamBlock(), verbose_name=_("Body"), blank=True)

    parent_page_types = ["home.HomePage"]
    # No children: under the English page's address, /en/map/…, map/urls.py's routes would
    # hide them.
    subpage_types = []
    max_count_per_parent = 1
    template = "map/map_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("Camera map page")
        verbose_name_plural = _("Camera map pages")

    @property
    def summary(self):
        return self.intro

    @classmethod
    def for_language(cls, language_code):
        """The live map page in a language, or None: where links to "the map" lead."""
        return cls.objects.live().filter(locale__language_code=language_code).first()

    def get_context(self, request, *args, **kwargs):
        # Imported here: both modules import this one.
        from .figures import municipalities, municipality_figures
        from .filters import CameraFilterForm

        context = super().get_context(request, *args, **kwargs)
        municipality_list = municipalities()
        form = CameraFilterForm(
            request.GET,
            municipalities=[(item.slug, item.local_name) for item in municipality_list],
        )
        filters = form.values()
        context.update(
            filter_form=form,
            filters=filters,
            # How many filters differ from the defaults: the closed filter panel says so.
            active_filters=sum(
                1 for name, value in filters.items() if value and value != form.initial.get(name)
            ),
            municipalities=municipality_list,
            figures=municipality_figures(filters, municipality_list),
        )
        return context
