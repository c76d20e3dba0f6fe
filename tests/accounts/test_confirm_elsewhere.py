"""Confirming an address in a browser that did not open the account asks for its password.

Otherwise someone could open an account with another person's address and a password of their
own, and that person's click on "confirm" would hand them the address's petitions and events
("My activity").
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db

VICTIM = "zrtva@example.org"


def open_account(client, email=VICTIM, password=PASSWORD):
    data = {"email": email, "password1": password, "password2": password}
    return client.post("/accounts/signup/", data)


def confirm_link(mailoutbox):
    (message,) = [m for m in mailoutbox if "/accounts/confirm-email/" in m.body]
    return re.search(r"https?://testserver(/accounts/confirm-email/\S+)", message.body)[1]


def verified(email=VICTIM):
    return EmailAddress.objects.get(email=email).verified


def logged_in_as(client, email=VICTIM):
    user = get_user_model().objects.get(email=email)
    return client.session.get("_auth_user_id") == str(user.pk)


def test_the_address_owner_clicking_confirm_does_not_verify_it_for_someone_else(
    client, home, mailoutbox
):
    attacker = client
    open_account(attacker, password="napadacev-tajni-2024")
    victim = Client()

    page = victim.get(confirm_link(mailoutbox))
    response = victim.post(confirm_link(mailoutbox))

    # The page asks for the account's password, which the address's owner does not know.
    assert b'name="password"' in page.content
    assert response.status_code == 400
    assert not verified()
    assert "_auth_user_id" not in victim.session
    # The attacker's own password still opens nothing: the address is not verified.
    log_in(attacker, VICTIM, password="napadacev-tajni-2024")
    assert not logged_in_as(attacker)


def test_a_wrong_password_is_a_field_error_and_confirms_nothing(client, home, mailoutbox):
    open_account(client)
    phone = Client()

    response = phone.post(confirm_link(mailoutbox), {"password": "nije-ta-lozinka-1"})

    assert response.status_code == 400
    form = response.context["password_form"]
    assert form.errors["password"]
    assert b"field--invalid" in response.content
    assert not verified()


def test_an_overlong_password_is_a_field_error_not_hashing_work(client, home, mailoutbox):
    open_account(client)

    response = Client().post(confirm_link(mailoutbox), {"password": "x" * 100_000})

    assert response.status_code == 400
    assert "password" in response.context["password_form"].errors
    assert not verified()


def test_wrong_passwords_are_rate_limited_like_logins(client, home, mailoutbox):
    open_account(client)
    phone = Client()
    link = confirm_link(mailoutbox)
    for attempt in range(5):
        phone.post(link, {"password": f"pogresna-{attempt}"})

    # Over the failed-login limit for the address: even the right password is refused for now.
    response = phone.post(link, {"password": PASSWORD})

    assert response.status_code == 400
    assert "password" in response.context["password_form"].errors
    assert not verified()


def test_the_owner_confirms_on_another_device_with_the_password_and_is_logged_in(
    client, home, mailoutbox
):
    """Signed up on a laptop, opened the mail on a phone: the password proves it is them, and
    mailbox and password together are what the login form would ask for next."""
    laptop = client
    open_account(laptop)
    phone = Client()

    response = phone.post(confirm_link(mailoutbox), {"password": PASSWORD})

    assert verified()
    assert response.status_code == 302
    assert response["Location"] == "/accounts/activity/"
    assert logged_in_as(phone)
    assert not logged_in_as(laptop)


def test_the_browser_that_signed_up_confirms_without_a_password(client, home, mailoutbox):
    open_account(client)

    page = client.get(confirm_link(mailoutbox))
    response = client.post(confirm_link(mailoutbox))

    assert b'name="password"' not in page.content
    assert verified()
    assert response["Location"] == "/accounts/activity/"
    assert logged_in_as(client)


def test_the_confirmation_page_changes_nothing_and_names_the_address_once(client, home, mailoutbox):
    open_account(client)
    stranger = Client()

    page = stranger.get(confirm_link(mailoutbox))

    assert page.status_code == 200
    assert not verified()
    assert page.content.decode().count(VICTIM) == 1


def test_the_page_with_the_password_and_its_error_is_valid_html(
    client, home, mailoutbox, nu_checker
):
    open_account(client)
    link = confirm_link(mailoutbox)
    page = Client().get(link)
    wrong_password = Client().post(link, {"password": "nije-ta-lozinka-1"})

    nu_checker({"the page": page.content, "its error": wrong_password.content})
