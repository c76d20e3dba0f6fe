"""The join page and "My activity" in a real browser: no axe-core violations, and the whole
way of a supporter from a petition signature to deleting their account."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from campaigns.models import Signature, Supporter
from home.languages import default_language
from map.models import Municipality
from tests.supporters.conftest import PASSWORD, make_supporter

from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("path", ["/pridruzite-se/", "/en/join/"])
def test_join_page_has_no_axe_violations_also_with_errors(demo_site, browser_page, path):
    browser_page.goto(demo_site.url + path)
    assert browser_page.locator("form.join-form").count() == 1
    assert axe_violations(browser_page) == []

    browser_page.locator("form.join-form button[type=submit]").click()
    browser_page.wait_for_selector(".error-summary")
    assert axe_violations(browser_page) == []
    # The summary's links lead to their fields.
    browser_page.locator(".error-summary a[href='#id_first_name']").click()
    assert browser_page.evaluate("document.activeElement.id") == "id_first_name"


def test_my_activity_has_no_axe_violations(demo_site, browser_page):
    # One of the demo's signers: the activity page lists the petition they signed.
    municipality = Municipality.objects.filter(locale__language_code=default_language()).first()
    make_supporter("potpisnik.1@example.org", municipality)
    browser_page.goto(demo_site.url + "/accounts/login/")
    browser_page.locator("#id_login").fill("potpisnik.1@example.org")
    browser_page.locator("#id_password").fill(PASSWORD)
    browser_page.locator("#id_password").press("Enter")
    browser_page.wait_for_url(demo_site.url + "/")
    browser_page.goto(demo_site.url + "/accounts/activity/")
    assert browser_page.locator("table.account-table tbody tr").count() >= 1
    assert axe_violations(browser_page) == []


PETITION_EN = "/en/campaigns/moratorium-on-biometric-surveillance/"
LINK = re.compile(r"https?://\S+")


def mailed_link(message, path_start):
    """The path of the link in `message` that starts with `path_start`, for the live server."""
    paths = [urlsplit(link).path for link in LINK.findall(message.body)]
    return next(path for path in paths if path.startswith(path_start))


def public_count(live_server):
    with urlopen(live_server.url + PETITION_EN + "count.json") as response:  # noqa: S310
        return json.load(response)["count"]


def test_sign_join_verify_see_download_and_delete(demo_site, browser_page, mailoutbox):
    """The issue's check: a petition signed, then joining with the same address, the
    verification, "My activity" listing the petition, the download holding it, and deleting."""
    page = browser_page
    address = "vesna.put@example.org"

    # A petition signed and confirmed with the address, before joining.
    page.goto(demo_site.url + PETITION_EN)
    page.get_by_label("First name", exact=True).fill("Vesna")
    page.get_by_label("Last name", exact=True).fill("Putnik")
    page.get_by_label("Email", exact=True).fill(address)
    page.get_by_label("Municipality", exact=True).select_option(label="Zvezdara")
    page.get_by_label("I agree").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Sign").click()
    (signature_mail,) = mailoutbox
    page.goto(demo_site.url + mailed_link(signature_mail, PETITION_EN + "confirm/"))
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm my signature").click()
    signature = Signature.objects.get(email=address)
    assert signature.confirmed_at is not None
    count = public_count(demo_site)
    mailoutbox.clear()

    # Joining, on the join page's form, by its labels.
    page.goto(demo_site.url + "/en/join/")
    page.get_by_label("Email", exact=True).fill(address)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("First name", exact=True).fill("Vesna")
    page.get_by_label("Municipality", exact=True).select_option(label="Zvezdara")
    page.get_by_label("Mapping cameras").check()
    page.get_by_label("I agree").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Join").click()
    assert urlsplit(page.url).path == "/en/accounts/confirm-email/"

    # The verification mail's link opens a page whose button confirms.
    (verification,) = mailoutbox
    assert verification.to == [address]
    page.goto(demo_site.url + mailed_link(verification, "/en/accounts/confirm-email/"))
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()
    assert EmailAddress.objects.get(email=address).verified
    # Confirming in the browser that joined logs in: no second trip through the login form,
    # and on to "My activity", which lists the petition; the download holds the signature.
    assert page.url == demo_site.url + "/en/accounts/activity/"
    petitions = page.get_by_role("region", name="Petitions I signed")
    assert petitions.get_by_role("link", name=signature.petition.title).is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [(row["petition"], row["email"]) for row in data["signatures"]] == [
        (signature.petition.title, address)
    ]
    assert data["supporter"]["first_name"] == "Vesna"

    # Deleting, with the password.
    page.get_by_role("link", name="Delete my account").click()
    page.get_by_label("Your password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Delete my account").click()
    assert page.url == demo_site.url + "/en/"
    assert not get_user_model().objects.filter(email=address).exists()
    assert not Supporter.objects.filter(first_name="Vesna").exists()
    assert not EmailAddress.objects.filter(email=address).exists()
    signature.refresh_from_db()
    assert (signature.first_name, signature.last_name, signature.email) == ("", "", "")
    assert signature.email_normalised is None
    assert signature.confirmed_at is not None
    assert public_count(demo_site) == count

    # The session is over: "My activity" asks to log in.
    page.goto(demo_site.url + "/en/accounts/activity/")
    assert urlsplit(page.url).path == "/en/accounts/login/"
