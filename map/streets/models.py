"""A piece of the street network, as OpenStreetMap maps it, and what the cameras see of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from map.cameras import Municipality


class StreetSegment(models.Model):
    """An OSM way with `highway=*` that people walk or drive along.

    Its points are kept as [longitude, latitude] pairs (GeoJSON's order) and its OSM node ids
    beside them, so that the ways can be joined into a graph where they share a node. The
    covered lengths are in metres, of `length_m`: what the coverage job last computed."""

    external_id = models.CharField(_("external id"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    highway = models.CharField(_("kind of way"), max_length=40)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="street_segments",
    )
    points = models.JSONField(_("points"))
    node_ids = models.JSONField(_("OSM node ids"), default=list)
    length_m = models.FloatField(_("length (m)"))
    # Its bounding box in degrees: the segments a camera may see are found by these.
    west = models.FloatField(default=0)
    south = models.FloatField(default=0)
    east = models.FloatField(default=0)
    north = models.FloatField(default=0)
    covered_m = models.FloatField(_("seen by verified cameras (m)"), default=0)
    face_covered_m = models.FloatField(_("seen by facial-recognition cameras (m)"), default=0)
    police_covered_m = models.FloatField(_("seen by cameras on the police list (m)"), default=0)
    coverage_at = models.DateTimeField(_("coverage computed"), null=True, blank=True)
    # The verified cameras whose view meets the segment, as the coverage job found them: a
    # walk (map/streets/routing.py) counts the cameras it passes from these few, without
    # building every camera's view for each route.
    camera_ids = models.JSONField(_("verified cameras seeing it"), default=list, blank=True)
    # A digest of the assumptions (settings) the coverage was computed under: a segment
    # computed under others is stale (map/streets/coverage.py stale_segments).
    coverage_assumptions = models.CharField(
        _("assumptions it was computed under"), max_length=64, blank=True, default=""
    )

    class Meta:
        verbose_name = _("street segment")
        verbose_name_plural = _("street segments")
        indexes = [
            models.Index(fields=["municipality", "name"]),
            models.Index(fields=["south", "west"]),
        ]

    def __str__(self):
        return self.name or self.external_id
