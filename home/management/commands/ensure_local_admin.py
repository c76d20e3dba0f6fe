"""Make sure `make run` has an admin account, and print how to log in. Local development only."""

import os
import secrets
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
EMAIL = "admin@localhost"


def local_password(filename):
    """The password kept in var/<filename>, made (random, readable by its owner only) if
    there is none yet."""
    password_file = Path(settings.VAR_DIR) / filename
    password = password_file.read_text().strip() if password_file.exists() else ""
    if not password:
        password = secrets.token_urlsafe(12)
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.touch(mode=0o600)
        password_file.write_text(password + "\n")
    return password


class Command(BaseCommand):
    help = (
        "Local development only (DEBUG=True): make sure the superuser 'admin' exists, with a "
        "verified address and a random password kept in var/local-admin.txt, and print how "
        "to log in."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_local_admin is for local development only and needs DEBUG=True."
            )

        password = local_password("local-admin.txt")

        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None:
            user = user_model.objects.create_superuser(USERNAME, EMAIL, password)
        elif not user.check_password(password):
            # A new password file, or one that no longer matches: the printed login must work.
            user.set_password(password)
            user.save(update_fields=["password"])
        # Logins go through allauth, by a verified address: mark the admin's as verified.
        EmailAddress.objects.update_or_create(
            user=user,
            email=EMAIL,
            defaults={"primary": True, "verified": True},
        )

        port = os.environ.get("PORT", "8000")
        self.stdout.write(
            f"Admin: http://127.0.0.1:{port}/admin/  email: {EMAIL}  password: {password}"
        )
