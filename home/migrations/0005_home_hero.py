"""The home page's image beside the mission (issue 15)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_daily_secret"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AddField(
            model_name="homepage",
            name="hero_image",
            field=models.ForeignKey(
                blank=True,
                help_text="A photo or illustration; it is shown after the actions on a phone.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="Image beside the mission",
            ),
        ),
        migrations.AddField(
            model_name="homepage",
            name="hero_image_alt",
            field=models.CharField(
                blank=True,
                help_text="What the image shows, for people who cannot see it. Leave empty if it only decorates the page.",
                max_length=250,
                verbose_name="Image description",
            ),
        ),
    ]
