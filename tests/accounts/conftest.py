"""People with accounts, made as allauth would have them, and a small site to land on."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from .. import factories
from ..factories import PASSWORD
from ..home.factories import site_home


@pytest.fixture(autouse=True)
def staff_require_mfa(settings):
    """As in production (the test settings leave it off for the rest of the suite's admin tests)."""
    settings.STAFF_REQUIRE_MFA = True


@pytest.fixture
def home(db):
    """A Serbian home page as the default site's root: where logins and logouts land."""
    return site_home()


def make_user(email, verified=True, admin_access=False):
    """An account as allauth leaves it: the address (verified unless said) and, for staff,
    Wagtail's "Editors" group (tests/factories.py)."""
    return factories.make_user(email=email, verified=verified, admin_access=admin_access)


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
