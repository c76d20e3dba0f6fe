"""Wagtail's Editors and Moderators moderate the camera reports: the queue needs
`map.change_camerareport`, `map.add_camera` and `map.change_camera`
(map/admin_views.py MODERATOR_PERMISSIONS), which no group had, so only superusers could
verify a citizen's report. Seeing reporters' contacts stays with "Personal data" (0002).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATING_GROUPS = ["Editors", "Moderators"]
MODERATING = ["change_camerareport", "add_camera", "change_camera", "view_camera"]


def moderating(apps):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="map", codename__in=MODERATING
    )


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now.
    app = apps.get_app_config("map")
    app.models_module = True
    create_permissions(app, apps=apps, verbosity=0)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=MODERATING_GROUPS):
        group.permissions.add(*moderating(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=MODERATING_GROUPS):
        group.permissions.remove(*moderating(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("map", "0004_step_by_step"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
