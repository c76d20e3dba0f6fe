"""Confirming a new account's address through the mailed link lands on "My activity" (issue 15),
where the supporter sees what their address had signed, rather than on the home page."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from tests.accounts.conftest import log_in

from .conftest import PASSWORD, make_supporter
from .test_supporters import join_data, signed

pytestmark = pytest.mark.django_db


def mailed_link(mailoutbox):
    (message,) = [m for m in mailoutbox if "/accounts/confirm-email/" in m.body]
    return re.search(r"https?://testserver(/\S*accounts/confirm-email/\S+)", message.body)[1]


def logged_in(client):
    return "_auth_user_id" in client.session


def test_joining_then_confirming_in_the_same_browser_lands_on_my_activity(client, site, mailoutbox):
    signed(site["petition"], "ana@example.org", site["vracar"])  # before joining
    client.post("/pridruzite-se/", join_data(site))

    response = client.post(mailed_link(mailoutbox))

    assert EmailAddress.objects.get(email="ana@example.org").verified
    assert (response.status_code, response["Location"]) == (302, "/accounts/activity/")
    assert logged_in(client)
    activity = client.get(response["Location"])
    assert activity.status_code == 200
    assert "Bez prepoznavanja lica" in activity.text  # the petition the address had signed


def test_an_english_reader_lands_on_the_english_my_activity(client, site, mailoutbox):
    client.post("/en/join/", join_data(site))

    response = client.post(mailed_link(mailoutbox))

    assert response["Location"] == "/en/accounts/activity/"
    assert client.get(response["Location"]).status_code == 200


def test_confirming_on_another_device_with_the_password_lands_on_my_activity(
    client, site, mailoutbox
):
    client.post("/pridruzite-se/", join_data(site))
    phone = Client()

    response = phone.post(mailed_link(mailoutbox), {"password": PASSWORD})

    assert (response.status_code, response["Location"]) == (302, "/accounts/activity/")
    assert logged_in(phone)


def test_the_link_alone_elsewhere_logs_nobody_in_and_leads_nowhere_new(client, site, mailoutbox):
    client.post("/pridruzite-se/", join_data(site))
    stranger = Client()

    response = stranger.post(mailed_link(mailoutbox))

    assert response.status_code == 400  # the password is asked for
    assert not logged_in(stranger)
    assert not EmailAddress.objects.get(email="ana@example.org").verified


def test_a_logged_in_supporter_confirming_another_address_lands_on_my_activity(
    client, site, mailoutbox
):
    make_supporter("ana@example.org", site["vracar"])
    log_in(client, "ana@example.org")
    client.post("/accounts/email/", {"action_add": "", "email": "ana.druga@example.org"})

    response = client.post(mailed_link(mailoutbox))

    assert EmailAddress.objects.get(email="ana.druga@example.org").verified
    assert response["Location"] == "/accounts/activity/"
