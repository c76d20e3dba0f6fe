"""The street coverage kept in step with the cameras (map/signals.py queues these)."""

from django_tasks import task

from .coverage import update_coverage_near


@task()
def update_coverage_around(points):
    """A camera was added, changed, moved or deleted: where it was and where it is
    (`points`, [longitude, latitude] pairs). Only the segments it may see are computed."""
    return update_coverage_near(points)
