"""An event registration holds a place until its owner confirms it by mail (issue 14, finding 3).

Registrations made before were given their place (or turn) at once: they count as confirmed
when they were made, which also keeps the waiting list in its order (it now goes by the time
people confirmed).
"""

from django.db import migrations, models
from django.db.models import F


def confirmed_when_made(apps, schema_editor):
    Registration = apps.get_model("campaigns", "Registration")
    Registration.objects.filter(confirmed_at__isnull=True).exclude(status="held").update(
        confirmed_at=F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0006_signature_review_signals")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="held_until",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="For a registration not yet confirmed: when its place stops being held.",
                null=True,
                verbose_name="Place held until",
            ),
        ),
        migrations.AddField(
            model_name="registration",
            name="confirmed_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="Confirmed"
            ),
        ),
        migrations.AddField(
            model_name="registration",
            name="mails_sent",
            field=models.PositiveSmallIntegerField(
                default=0, editable=False, verbose_name="Mails sent"
            ),
        ),
        migrations.AlterField(
            model_name="registration",
            name="status",
            field=models.CharField(
                choices=[
                    ("held", "Not yet confirmed"),
                    ("confirmed", "Confirmed"),
                    ("waiting", "On the waiting list"),
                    ("cancelled", "Cancelled"),
                ],
                max_length=20,
                verbose_name="Status",
            ),
        ),
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(
                condition=models.Q(("held_until__isnull", False)),
                fields=["held_until"],
                name="registration_held_until",
            ),
        ),
        migrations.RunPython(confirmed_when_made, migrations.RunPython.noop, elidable=True),
    ]
