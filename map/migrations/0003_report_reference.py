"""Camera reports get a reference, a follow-up key, a kind and a reason for the reporter.

Existing reports get their own reference and key here: a column's default is computed once
for all rows by AddField, so the unique columns are added without it, filled row by row, and
only then made unique.
"""

from django.db import migrations, models

import map.models


def fill_references(apps, schema_editor):
    CameraReport = apps.get_model("map", "CameraReport")
    taken = set()
    for report in CameraReport.objects.only("pk").iterator():
        reference = map.models.new_report_reference()
        while reference in taken:
            reference = map.models.new_report_reference()
        taken.add(reference)
        CameraReport.objects.filter(pk=report.pk).update(
            reference=reference, follow_token=map.models.new_follow_token()
        )


class Migration(migrations.Migration):
    dependencies = [("map", "0002_people_records_groups")]

    operations = [
        migrations.AddField(
            model_name="camerareport",
            name="reference",
            field=models.CharField(
                editable=False, max_length=12, null=True, verbose_name="reference"
            ),
        ),
        migrations.AddField(
            model_name="camerareport",
            name="follow_token",
            field=models.CharField(editable=False, max_length=32, null=True),
        ),
        migrations.RunPython(fill_references, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="camerareport",
            name="reference",
            field=models.CharField(
                default=map.models.new_report_reference,
                editable=False,
                max_length=12,
                unique=True,
                verbose_name="reference",
            ),
        ),
        migrations.AlterField(
            model_name="camerareport",
            name="follow_token",
            field=models.CharField(
                default=map.models.new_follow_token, editable=False, max_length=32, unique=True
            ),
        ),
        migrations.AddField(
            model_name="camerareport",
            name="kind",
            field=models.CharField(
                choices=[("new", "A new camera"), ("seen", "Seen again"), ("gone", "Gone")],
                default="new",
                max_length=10,
                verbose_name="kind",
            ),
        ),
        migrations.AddField(
            model_name="camerareport",
            name="reason",
            field=models.CharField(
                blank=True, max_length=500, verbose_name="reason for the reporter"
            ),
        ),
        migrations.AlterField(
            model_name="camerareport",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Pending"),
                    ("accepted", "Accepted as a new camera"),
                    ("merged", "Merged into a camera"),
                    ("gone", "The camera is marked as gone"),
                    ("rejected", "Rejected"),
                ],
                db_index=True,
                default="pending",
                max_length=10,
                verbose_name="status",
            ),
        ),
    ]
