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
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.data_versions import now_and_on_commit
from home.models import OrganisationSettings

from .figures import MUNICIPALITY_IDS_KEY
from .models import Camera, Municipality
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
