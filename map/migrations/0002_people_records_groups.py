"""Only the "Personal data" group sees who reported a camera and their address for questions
(issue 14, finding 4): `map.view_camerareport` now means that (map/admin_views.py); moderators
see the address masked. Wagtail's Editors and Moderators lose it, should they have it.

The group is the one campaigns/migrations/0008 makes; whichever of the two runs first creates
it (this one does not depend on campaigns, whose migrations depend on this app's).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERSONAL_DATA = "Personal data"
STAFF_GROUPS = ["Editors", "Moderators"]
CONTACTS = "view_camerareport"


def contacts(apps):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="map", codename=CONTACTS
    )


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now.
    app = apps.get_app_config("map")
    app.models_module = True
    create_permissions(app, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=PERSONAL_DATA)
    group.permissions.add(
        *contacts(apps),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    for staff in Group.objects.filter(name__in=STAFF_GROUPS):
        staff.permissions.remove(*contacts(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=PERSONAL_DATA).first()
    if group is not None:
        group.permissions.remove(*contacts(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("map", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
