"""Wagtail's Editors group reads signatures and registrations, invalidates spam and writes
petition updates. Exporting signers' personal data is not theirs: administrators grant
`campaigns.export_signature` to the named people who need it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
EDITOR_PERMISSIONS = [
    "view_signature",
    "change_signature",
    "view_registration",
    "add_petitionupdate",
    "change_petitionupdate",
    "view_petitionupdate",
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now.
    campaigns = apps.get_app_config("campaigns")
    campaigns.models_module = True
    create_permissions(campaigns, apps=apps, verbosity=0)
    editors = apps.get_model("auth", "Group").objects.filter(name=EDITORS).first()
    if editors is None:  # renamed or removed by an administrator: leave their choice alone
        return
    permission = apps.get_model("auth", "Permission")
    editors.permissions.add(
        *permission.objects.filter(
            content_type__app_label="campaigns", codename__in=EDITOR_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    editors = apps.get_model("auth", "Group").objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.remove(
            *editors.permissions.filter(
                content_type__app_label="campaigns", codename__in=EDITOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_retention_and_updates"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
