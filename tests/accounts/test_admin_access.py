"""The Wagtail admin through allauth: one login, no loop, a second factor for staff."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from .conftest import PASSWORD, current_totp_code, log_in

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
ACTIVATE_TOTP = "/accounts/2fa/totp/activate/"


def reauthenticate(client):
    """allauth asks for the password again before a second factor is added."""
    return client.post(f"/accounts/reauthenticate/?next={ACTIVATE_TOTP}", {"password": PASSWORD})


def test_anonymous_visitors_are_sent_to_allauths_login(client, home):
    response = client.get(ADMIN, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/accounts/login/?next=/admin/"
    assert 'action="/accounts/login/"' in response.text


def test_wagtails_own_login_and_password_reset_are_no_way_in(client, home, editor):
    # /admin/login/ takes no password: a POST is sent to allauth's login like a GET.
    response = client.post("/admin/login/", {"username": editor.username, "password": "x"})
    assert response["Location"] == "/accounts/login/?next=/admin/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/password_reset/").status_code == 404


def test_signed_in_person_without_admin_access_gets_a_page_not_a_loop(client, home, supporter):
    log_in(client, supporter.email)

    response = client.get(ADMIN, follow=True)

    assert response.status_code == 403
    assert len(response.redirect_chain) == 1  # /admin/ → /admin/login/, and it stops there
    assert supporter.email in response.text  # who they are signed in as
    assert 'action="/accounts/logout/"' in response.text  # and a way to switch accounts
    assert "notice" not in response.text  # no messages repeating the page in English


def test_staff_without_second_factor_is_led_to_set_one_up(client, home, editor):
    response = log_in(client, editor.email, path="/accounts/login/?next=/admin/")
    assert response["Location"] == ADMIN

    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE_TOTP
    # Every admin page, not only the dashboard.
    assert client.get("/admin/pages/")["Location"] == ACTIVATE_TOTP

    # allauth first asks for the password again, then shows the authenticator's QR code.
    page = client.get(ACTIVATE_TOTP, follow=True)
    assert page.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    assert 'class="notice notice--warning"' in page.text  # says why they are here
    response = reauthenticate(client)
    assert response["Location"] == ACTIVATE_TOTP
    page = client.get(ACTIVATE_TOTP)
    assert page.status_code == 200
    assert 'class="account-qr"' in page.text


# Committed transactions: allauth announces a new authenticator once its transaction commits.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_who_activates_totp_can_open_the_admin(client, home, editor):
    log_in(client, editor.email)
    reauthenticate(client)
    client.get(ACTIVATE_TOTP)
    secret = client.session["mfa.totp.secret"]  # what the QR code on the page holds

    response = client.post(ACTIVATE_TOTP, {"code": current_totp_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    assert client.get(ADMIN).status_code == 200


def test_login_with_a_second_factor_asks_for_the_code(client, home, editor):
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)

    response = log_in(client, editor.email, path="/accounts/login/?next=/admin/")

    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # the password alone is not enough
    assert client.get(ADMIN)["Location"].startswith("/admin/login/")
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})

    assert response["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_development_setting_opens_the_admin_without_second_factor(client, home, editor, settings):
    settings.STAFF_REQUIRE_MFA = False
    log_in(client, editor.email)
    assert client.get(ADMIN).status_code == 200


def test_admin_logout_stays_open_without_second_factor(client, home, editor):
    log_in(client, editor.email)
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
