"""allauth's mails in the site's words: the initiative's name, not the host; the address once."""

import re

import pytest
from django.test import Client

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def mails_of_each_kind(client, supporter, mailoutbox):
    data = {"password1": PASSWORD, "password2": PASSWORD}
    client.post("/accounts/signup/", {"email": "jelena@example.org", **data})
    Client().post("/accounts/signup/", {"email": supporter.email, **data})
    Client().post("/accounts/password/reset/", {"email": supporter.email})
    Client().post("/accounts/password/reset/", {"email": "niko@example.org"})
    confirmation, already, reset, unknown = mailoutbox
    return {"confirmation": confirmation, "already": already, "reset": reset, "unknown": unknown}


def test_account_mails_name_the_initiative_not_the_host(client, home, supporter, mailoutbox):
    for kind, message in mails_of_each_kind(client, supporter, mailoutbox).items():
        # The host shows only in the links; the sign-off is the initiative's name.
        text = re.sub(r"https?://\S+", "", message.body)
        assert "testserver" not in text, kind
        assert message.body.rstrip().endswith(" Kamere!"), kind
        # The vocabulary: an account is "opened", never "registered".
        assert "registr" not in message.body.lower(), kind


def test_the_confirmation_mail_names_the_address_at_most_once(client, home, supporter, mailoutbox):
    confirmation = mails_of_each_kind(client, supporter, mailoutbox)["confirmation"]

    assert confirmation.to == ["jelena@example.org"]
    assert confirmation.body.count("jelena@example.org") <= 1
    assert "Kamere" in confirmation.body.splitlines()[2]
    # The reader is told that another device will ask for the password.
    assert re.search("lozink|password", confirmation.body)


def test_a_cyrillic_readers_account_mail_is_in_cyrillic_and_leads_to_cyrillic_pages(
    client, home, mailoutbox
):
    data = {"password1": PASSWORD, "password2": PASSWORD}
    client.post("/cir/accounts/signup/", {"email": "jelena@example.org", **data})
    [message] = mailoutbox
    text = re.sub(r"https?://\S+|\S+@\S+", "", message.body)
    # No Latin but the addresses: the initiative's name (content) too.
    assert re.findall(r"[A-Za-zČĆĐŠŽčćđšž]{2,}", message.subject + text) == []
    [link] = re.findall(r"https?://\S+", message.body)
    assert link.startswith("http://testserver/cir/accounts/")
    assert client.get(link.removeprefix("http://testserver")).status_code in (200, 302)
