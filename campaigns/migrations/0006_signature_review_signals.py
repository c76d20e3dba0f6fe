"""A confirmed signature counts whatever the per-client rate limits said (issue 14, finding 1).

`counted` kept signatures sent over PETITION_SIGNATURE_RATE_LIMITS out of the count for good,
even once their owners confirmed them. It goes; what it said stays as a review signal
(`over_client_rate`), and the confirmed, valid signatures it left out are added to their
petition's counter. Only those: the counter already holds every other confirmed signature,
including rows deleted since (an erased account's) that a recount would lose.
"""

from django.db import migrations, models
from django.db.models import Count, F


def count_confirmed_over_the_limit(apps, schema_editor):
    Signature = apps.get_model("campaigns", "Signature")
    PetitionCount = apps.get_model("campaigns", "PetitionCount")
    left_out = Signature.objects.filter(counted=False)
    left_out.update(over_client_rate=True)
    missing = (
        left_out.filter(confirmed_at__isnull=False, invalidated_at__isnull=True)
        .values("petition_key")
        .annotate(amount=Count("pk"))
        .order_by()
    )
    for row in missing:
        key, amount = row["petition_key"], row["amount"]
        if not PetitionCount.objects.filter(translation_key=key).update(count=F("count") + amount):
            PetitionCount.objects.create(translation_key=key, count=amount)


def uncount_confirmed_over_the_limit(apps, schema_editor):
    """Back to `counted`: the signatures flagged over the rate leave the count again."""
    Signature = apps.get_model("campaigns", "Signature")
    PetitionCount = apps.get_model("campaigns", "PetitionCount")
    flagged = Signature.objects.filter(over_client_rate=True)
    flagged.update(counted=False)
    counted = (
        flagged.filter(confirmed_at__isnull=False, invalidated_at__isnull=True)
        .values("petition_key")
        .annotate(amount=Count("pk"))
        .order_by()
    )
    for row in counted:
        PetitionCount.objects.filter(translation_key=row["petition_key"]).update(
            count=F("count") - row["amount"]
        )


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0005_signature_petition_key_one_index")]

    operations = [
        migrations.AddField(
            model_name="signature",
            name="client_key",
            field=models.CharField(
                blank=True, default="", editable=False, max_length=16, verbose_name="client key"
            ),
        ),
        migrations.AddField(
            model_name="signature",
            name="over_client_rate",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="over the per-client rate"
            ),
        ),
        migrations.RunPython(count_confirmed_over_the_limit, uncount_confirmed_over_the_limit),
        migrations.RemoveField(model_name="signature", name="counted"),
    ]
