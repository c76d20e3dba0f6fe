"""People with accounts, made as allauth would have them, and a small site to land on."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Page, Site

from ..home.factories import HomePageFactory

PASSWORD = "gradsko-oko-2024"


@pytest.fixture(autouse=True)
def staff_require_mfa(settings):
    """As in production (the test settings leave it off for the rest of the suite's admin tests)."""
    settings.STAFF_REQUIRE_MFA = True


@pytest.fixture
def home(db):
    """A Serbian home page as the default site's root: where logins and logouts land."""
    Page.objects.filter(depth=2).delete()
    page = HomePageFactory(title="Početna", slug="pocetna")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": page}
    )
    return page


def make_user(email, verified=True, admin_access=False):
    user = get_user_model().objects.create_user(
        username=email.partition("@")[0], email=email, password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    if admin_access:
        # What Wagtail's "Editors" group gives: the admin, not everything (not a superuser).
        editors, _ = Group.objects.get_or_create(name="Editors")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(editors)
    return user


@pytest.fixture
def supporter(db):
    return make_user("ana@example.org")


@pytest.fixture
def editor(db):
    return make_user("urednica@example.org", admin_access=True)


def log_in(client, email, password=PASSWORD, path="/accounts/login/", **extra):
    """Log in through allauth's form, as a person does (it records when they authenticated)."""
    return client.post(path, {"login": email, "password": password}, **extra)


def current_totp_code(secret):
    """The authenticator app's code now, by allauth's own TOTP arithmetic."""
    if 30 - time.time() % 30 < 2:
        time.sleep(2)  # not a code that expires on its way to the server
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
