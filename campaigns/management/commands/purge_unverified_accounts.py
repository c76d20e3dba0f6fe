"""`manage.py purge_unverified_accounts`: delete accounts whose address was never verified
within 7 days of signing up, with their supporter profile.

Anyone can sign up with anyone's address, so an account whose owner never opened the
verification mail is data about a person who may never have given it. Such an account never
worked (verification is mandatory to log in), so nobody loses anything. Only accounts made by
signing up are touched: one with a verified address, one that ever logged in, staff, superusers,
members of a group (editors) and accounts without any address (made in the admin or from the
command line) are kept. run_schedule runs it hourly.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

UNVERIFIED_RETENTION = timedelta(days=7)


def unverified_accounts(now=None):
    now = now or timezone.now()
    addresses = EmailAddress.objects.all()
    return (
        get_user_model()
        .objects.filter(
            date_joined__lt=now - UNVERIFIED_RETENTION,
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            groups__isnull=True,
            pk__in=addresses.values("user"),
        )
        .exclude(pk__in=addresses.filter(verified=True).values("user"))
    )


class Command(BaseCommand):
    help = "Delete accounts left unverified for 7 days after signing up. Run hourly."

    def handle(self, *args, **options):
        users = list(unverified_accounts().values_list("pk", flat=True))
        # Deleting the user deletes its supporter profile and addresses with it.
        get_user_model().objects.filter(pk__in=users).delete()
        self.stdout.write(f"Deleted {len(users)} unverified account(s).")
