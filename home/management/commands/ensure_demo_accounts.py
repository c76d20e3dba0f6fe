"""Make sure `make run` has one account per staff role, and print how to log in with each.

Local development only, like ensure_local_admin: a newcomer tries the review and moderation
flows at once. Each account has a verified address (logins go through allauth) and a random
password kept in var/; the development settings ask for no second factor.
"""

import os
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from .ensure_local_admin import local_password


@dataclass(frozen=True)
class DemoAccount:
    username: str
    group: str  # made by a migration or by seed_demo (which runs first in `make run`)
    first_name: str
    does: str

    @property
    def email(self):
        return f"{self.username}@localhost"


# The names are shown to readers where a reviewer approves an explainer ("Reviewed by").
ACCOUNTS = (
    DemoAccount("editor", "Editors", "Demo urednik", "writes and translates, submits for review"),
    DemoAccount("reviewer", "Reviewers", "Demo recenzent", "approves explainers or sends back"),
    DemoAccount("moderator", "Moderators", "Demo moderator", "publishes pages, moderates reports"),
    DemoAccount(
        "personal-data", "Personal data", "Demo lični podaci", "sees who signed and registered"
    ),
)


class Command(BaseCommand):
    help = (
        "Local development only (DEBUG=True): make sure there is a demo account for each staff "
        "role (editor, reviewer, moderator, personal data), with a verified address and a "
        "random password kept in var/local-<role>.txt, and print how to log in."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_demo_accounts is for local development only and needs DEBUG=True."
            )
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"Demo accounts (log in at http://127.0.0.1:{port}/admin/):")
        user_model = get_user_model()
        for account in ACCOUNTS:
            group = Group.objects.filter(name=account.group).first()
            if group is None:
                self.stderr.write(
                    f"No group “{account.group}”: {account.username} is not created "
                    "(run seed_demo first)."
                )
                continue
            password = local_password(f"local-{account.username}.txt")
            user, created = user_model.objects.get_or_create(
                username=account.username,
                defaults={"email": account.email, "first_name": account.first_name},
            )
            if not created and user.email != account.email:
                # Someone else's account with this username (a copy of real data, say):
                # never take it over.
                self.stderr.write(
                    f"An account “{account.username}” exists with another address: left alone."
                )
                continue
            if created or not user.check_password(password):
                # A new password file, or one that no longer matches: the printed login works.
                user.set_password(password)
                user.save(update_fields=["password"])
            user.groups.add(group)
            EmailAddress.objects.update_or_create(
                user=user, email=account.email, defaults={"primary": True, "verified": True}
            )
            self.stdout.write(
                f"  {account.group} ({account.does}): email: {account.email}  password: {password}"
            )
