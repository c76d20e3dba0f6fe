"""A security key (WebAuthn) as an editor's second factor, in Chromium.

Chromium's virtual authenticator (DevTools protocol) stands in for the key: it makes a real
credential, and allauth (fido2) checks its attestation and, at the next login, its signature.
"""

from urllib.parse import urlsplit

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect
from wagtail.models import Page, Site

from tests.accounts.conftest import PASSWORD, make_user
from tests.home.factories import HomePageFactory

from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(live_server, settings):
    settings.STAFF_REQUIRE_MFA = True  # as in production
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Početna", slug="pocetna")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return live_server


def add_security_key(page):
    """A platform authenticator that verifies its user and answers without a touch."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,
    }
    key = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})
    return lambda: cdp.send("WebAuthn.getCredentials", key)["credentials"]


def log_in(page, email):
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def path(page):
    return urlsplit(page.url).path


def test_editor_adds_a_security_key_and_enters_the_admin_with_it(
    site, browser_page, requested_hosts
):
    page = browser_page
    credentials = add_security_key(page)
    editor = make_user("urednica@example.org", admin_access=True)

    # Without a second factor the admin leads to setting one up, after the password once more.
    page.goto(site.url + "/admin/")
    log_in(page, editor.email)
    assert path(page) == "/accounts/reauthenticate/"
    page.get_by_label("Lozinka").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Potvrdite").click()
    assert path(page) == "/accounts/2fa/totp/activate/"

    # A security key instead of an app: from the account's menu to allauth's page for keys.
    menu = page.get_by_role("navigation", name="Moj nalog")
    with page.expect_navigation():
        menu.get_by_role("link", name="Ulaz u dva koraka").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Dodajte", exact=True).click()
    assert path(page) == "/accounts/2fa/webauthn/add/"
    assert axe_violations(page) == []
    # The key answers allauth's script, which sends the new credential with the form.
    with page.expect_navigation():
        page.get_by_role("button", name="Dodajte", exact=True).click()

    key = Authenticator.objects.get(user=editor, type=Authenticator.Type.WEBAUTHN)
    assert key.last_used_at is None  # added, not yet used to log in
    (credential,) = credentials()
    assert credential["rpId"] == "localhost"
    # allauth adds recovery codes with the first key, and shows them.
    assert editor.authenticator_set.filter(type=Authenticator.Type.RECOVERY_CODES).exists()
    assert path(page) == "/accounts/2fa/recovery-codes/"

    # The same key again: it refuses, being registered already, and the page says so.
    page.goto(site.url + "/accounts/2fa/webauthn/add/")
    notice = page.get_by_role("alert")
    expect(notice).to_be_hidden()
    page.get_by_role("button", name="Dodajte", exact=True).click()
    expect(notice).to_have_text(
        "Bezbednosni ključ se nije odazvao. Pokušajte ponovo ili uđite u nalog na drugi način."
    )
    assert editor.authenticator_set.filter(type=Authenticator.Type.WEBAUTHN).count() == 1
    page.goto(site.url + "/admin/")
    assert page.locator(".w-dashboard").is_visible()

    # The next login asks for the second factor, and the key gives it.
    page.goto(site.url + "/accounts/2fa/")
    with page.expect_navigation():
        page.get_by_role("button", name="Izađite iz naloga").click()
    page.goto(site.url + "/admin/")
    log_in(page, editor.email)
    assert path(page) == "/accounts/2fa/authenticate/"
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("button", name="Koristite bezbednosni ključ").click()
    assert path(page) == "/admin/"
    assert page.locator(".w-dashboard").is_visible()
    key.refresh_from_db()
    assert key.last_used_at is not None

    # allauth's scripts came from this site, like everything else.
    assert requested_hosts == {urlsplit(site.url).netloc}
