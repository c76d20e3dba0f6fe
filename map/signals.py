"""What the shared cache keeps of the map's data, kept in step with it.

The camera data version tells the API's cache (map/api.py) that the map's data changed.

It changes with cameras, municipalities and the organisation's licence settings
(home/data_versions.py says how versions work). Saving or deleting through the ORM bumps it
(the receivers below); code that writes without signals (bulk_create, bulk_update,
QuerySet.update, a raw delete or SQL) must call `bump_camera_data_version()` itself: the API
no longer counts the cameras on each request to notice them (map/api.py says why).

The municipalities' ids (map.figures.is_municipality) are forgotten when one changes.
"""

from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from home.data_versions import now_and_on_commit
from home.models import OrganisationSettings

from .figures import MUNICIPALITY_IDS_KEY
from .models import Camera, Municipality, StreetSegment
from .streets.tasks import update_coverage_around
from .versions import CAMERA_DATA, bump_camera_data_version, camera_data_version

__all__ = ["CAMERA_DATA", "bump_camera_data_version", "camera_data_version"]


@receiver(post_save, sender=Camera)
@receiver(post_delete, sender=Camera)
@receiver(post_save, sender=Municipality)
@receiver(post_delete, sender=Municipality)
@receiver(post_save, sender=OrganisationSettings)
def data_changed(sender, **kwargs):
    bump_camera_data_version()


@receiver(post_save, sender=Municipality)
@receiver(post_delete, sender=Municipality)
def municipalities_changed(sender, **kwargs):
    """Forget the municipalities' ids, as a version is bumped: a request before the commit
    may have kept them as they were."""
    now_and_on_commit(partial(cache.delete, MUNICIPALITY_IDS_KEY))


# The street coverage (map/streets/): a camera saved or deleted through the ORM has the
# segments it may see, where it was and where it is, computed again by the worker. New
# streets and changed assumptions are the scheduler's `update_coverage` (every minute);
# cameras written without signals (imports, bulk updates) wait for the daily
# `compute_coverage`.


@receiver(pre_save, sender=Camera)
@receiver(pre_delete, sender=Camera)
def remember_position(sender, instance, **kwargs):
    """Whether there are streets to cover, asked once per save or delete, and where the
    camera was before a save moves it."""
    instance._streets_exist = StreetSegment.objects.exists()
    instance._position_before = None
    if instance.pk and instance._streets_exist and kwargs.get("signal") is pre_save:
        instance._position_before = (
            Camera.objects.filter(pk=instance.pk).values_list("longitude", "latitude").first()
        )


@receiver(post_save, sender=Camera)
@receiver(post_delete, sender=Camera)
def camera_coverage_changed(sender, instance, **kwargs):
    if not getattr(instance, "_streets_exist", False):
        return
    points = [(instance.longitude, instance.latitude)]
    before = instance._position_before
    if before and before != points[0]:
        points.append(before)
    transaction.on_commit(lambda: update_coverage_around.enqueue([list(p) for p in points]))
