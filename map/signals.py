"""What the shared cache keeps of the map's data, kept in step with it.

The camera data version tells the API's cache (map/api.py) that the map's data changed.

The version is the time, in nanoseconds, of the last change to cameras, municipalities or
the organisation's licence settings. It lives in the shared cache, so every web process
sees a change at once. Saving or deleting through the ORM bumps it (the receivers below);
code that writes without signals (bulk_create, bulk_update, QuerySet.update) must call
`bump_camera_data_version()` itself.

The municipalities' ids (map.figures.is_municipality) are forgotten when one changes.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.models import OrganisationSettings

from .figures import MUNICIPALITY_IDS_KEY
from .models import Camera, Municipality

VERSION_KEY = "map:camera-data-version"


def camera_data_version():
    """The current version; a new one if the cache lost it (which only costs a rebuild)."""
    return cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None)


def bump_camera_data_version():
    """Mark the map's data as changed, once the current transaction (if any) commits.

    After the commit, not before: a request between the two would otherwise cache the old
    rows under the new version.
    """
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), timeout=None))


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
    """Forget the municipalities' ids now, and again once the change is committed: a request
    in between may have kept the ids as they were."""
    forget_municipality_ids()
    transaction.on_commit(forget_municipality_ids)


def forget_municipality_ids():
    cache.delete(MUNICIPALITY_IDS_KEY)
