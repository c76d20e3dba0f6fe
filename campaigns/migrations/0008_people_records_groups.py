"""Only the "Personal data" group sees who signed, registered or joined (issue 14, finding 4).

Its members get the `view_*` permissions of signatures, registrations and supporters, which
now mean "sees names and addresses" (campaigns/admin_views.py). Wagtail's Editors and
Moderators lose them (0003 gave Editors two); Editors keep invalidating spam
(`change_signature`) and get `change_registration`, the registrations listing with addresses
masked. Run again, nothing changes; a group an administrator has renamed or removed is left
alone, and "Personal data" is created only if there is none.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERSONAL_DATA = "Personal data"
PERSONAL_DATA_PERMISSIONS = ["view_signature", "view_registration", "view_supporter"]
STAFF_GROUPS = ["Editors", "Moderators"]
EDITORS = "Editors"
EDITOR_PERMISSIONS = ["change_registration"]


def permissions(apps, codenames):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="campaigns", codename__in=codenames
    )


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now.
    campaigns = apps.get_app_config("campaigns")
    campaigns.models_module = True
    create_permissions(campaigns, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=PERSONAL_DATA)
    group.permissions.add(
        *permissions(apps, PERSONAL_DATA_PERMISSIONS),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    for staff in Group.objects.filter(name__in=STAFF_GROUPS):
        staff.permissions.remove(*permissions(apps, PERSONAL_DATA_PERMISSIONS))
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(*permissions(apps, EDITOR_PERMISSIONS))


def revoke(apps, schema_editor):
    """Back to 0003's grants. The group stays, without these permissions: its members are an
    administrator's choice."""
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=PERSONAL_DATA).first()
    if group is not None:
        group.permissions.remove(*permissions(apps, PERSONAL_DATA_PERMISSIONS))
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.remove(*permissions(apps, EDITOR_PERMISSIONS))
        editors.permissions.add(*permissions(apps, ["view_signature", "view_registration"]))


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0007_registration_holds"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
