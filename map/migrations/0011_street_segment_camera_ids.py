from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("map", "0010_street_segments"),
    ]

    operations = [
        migrations.AddField(
            model_name="streetsegment",
            name="camera_ids",
            field=models.JSONField(
                blank=True, default=list, verbose_name="verified cameras seeing it"
            ),
        ),
    ]
