"""Accounts through allauth over HTTP: sign-up, verification, login, enumeration, abuse."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db

# allauth's own sign-up: these tests' site has no join page (tests/supporters/ has one, where
# /accounts/signup/ leads to it).
SIGNUP = "/accounts/signup/"
VERIFICATION_SENT = "/accounts/confirm-email/"


def sign_up(client, email, **extra):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    return client.post(SIGNUP, data)


def link_in(message):
    return re.search(r"https?://testserver(/\S+)", message.body)[1]


def test_sign_up_then_confirming_in_the_same_browser_logs_in(client, home, mailoutbox):
    response = sign_up(client, "novi@example.org")
    assert response.status_code == 302
    assert response["Location"] == VERIFICATION_SENT
    assert "_auth_user_id" not in client.session  # not before the address is verified

    (message,) = mailoutbox
    assert message.to == ["novi@example.org"]
    # Like the petition and event mails: the sender's name says who writes.
    assert not message.subject.startswith("[")
    assert "Kamere" in message.from_email
    confirm_url = link_in(message)
    assert confirm_url.startswith("/accounts/confirm-email/")

    # The link opens a page whose button confirms: mail scanners that follow links confirm nothing.
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert not EmailAddress.objects.get(email="novi@example.org").verified
    response = client.post(confirm_url)
    assert EmailAddress.objects.get(email="novi@example.org").verified

    # No second trip through the login form: on to "My activity".
    assert response.status_code == 302
    assert response["Location"] == "/accounts/activity/"
    user = get_user_model().objects.get(email="novi@example.org")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_confirming_elsewhere_needs_the_password_and_the_link_alone_logs_nobody_in(
    client, home, mailoutbox
):
    """Whoever holds the mailed link (a mail scanner, someone the mail was forwarded to) is
    not logged in by it: only the browser that signed up is, or one that knows the password
    (tests/accounts/test_confirm_elsewhere.py)."""
    sign_up(client, "novi@example.org")
    other_browser = Client()

    other_browser.post(link_in(mailoutbox[0]))
    assert not EmailAddress.objects.get(email="novi@example.org").verified
    assert "_auth_user_id" not in other_browser.session

    other_browser.post(link_in(mailoutbox[0]), {"password": PASSWORD})
    assert EmailAddress.objects.get(email="novi@example.org").verified
    other_browser.post("/accounts/logout/")
    response = log_in(other_browser, "novi@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/"
    user = get_user_model().objects.get(email="novi@example.org")
    assert other_browser.session["_auth_user_id"] == str(user.pk)


def test_english_login_lands_on_the_english_home(client, supporter):
    response = log_in(client, supporter.email, path="/en/accounts/login/")
    assert response["Location"] == "/en/"


def test_unverified_account_cannot_log_in(client, home):
    sign_up(client, "neprovereni@example.org")

    response = log_in(client, "neprovereni@example.org")

    assert response.status_code == 302
    assert response["Location"] == VERIFICATION_SENT
    assert "_auth_user_id" not in client.session
    assert client.get("/accounts/email/")["Location"].startswith("/accounts/login/")


def test_sign_up_with_a_registered_address_looks_like_a_new_one(
    client, home, supporter, mailoutbox
):
    new = sign_up(client, "drugi@example.org")
    registered = sign_up(client, supporter.email)

    assert (registered.status_code, registered["Location"]) == (new.status_code, new["Location"])
    assert get_user_model().objects.filter(email=supporter.email).count() == 1
    # The address's owner hears of it (with the way back in); the one signing up learns nothing.
    new_mail, owner_mail = mailoutbox
    assert new_mail.to == ["drugi@example.org"]
    assert owner_mail.to == [supporter.email]
    assert "/accounts/password/reset/" in owner_mail.body
    greeting = owner_mail.body.splitlines()[0]
    assert greeting.endswith(" Kamere!")  # the initiative's name, not the host's


def test_password_reset_answers_alike_for_known_and_unknown_addresses(
    client, home, supporter, mailoutbox
):
    known = client.post("/accounts/password/reset/", {"email": supporter.email})
    unknown = client.post("/accounts/password/reset/", {"email": "niko@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    known_mail, unknown_mail = mailoutbox
    assert known_mail.to == [supporter.email]
    assert "/accounts/password/reset/key/" in known_mail.body
    # The unknown address's owner is told no account uses it, and gets no reset link.
    assert unknown_mail.to == ["niko@example.org"]
    assert "/accounts/password/reset/key/" not in unknown_mail.body


def test_password_reset_link_sets_a_new_password(client, home, supporter, mailoutbox):
    client.post("/accounts/password/reset/", {"email": supporter.email})
    # The mailed link hides its key in the session and moves to a page without it.
    page = client.get(link_in(mailoutbox[0]), follow=True)
    assert page.status_code == 200
    assert '<p class="field__help" id="id_password1_helptext">Vaša lozinka' in page.text
    new_password = "nova-duga-lozinka-77"
    client.post(page.redirect_chain[-1][0], {"password1": new_password, "password2": new_password})

    assert log_in(client, supporter.email, password=new_password).status_code == 302
    assert "_auth_user_id" in client.session


def test_honeypot_sign_up_looks_accepted_but_creates_nothing(client, home, mailoutbox):
    human = sign_up(client, "covek@example.org")
    bot = sign_up(client, "bot@example.org", website="https://spam.example")

    assert (bot.status_code, bot["Location"]) == (human.status_code, human["Location"])
    assert not get_user_model().objects.filter(email="bot@example.org").exists()
    assert [message.to for message in mailoutbox] == [["covek@example.org"]]


def test_failed_logins_are_throttled(client, home, supporter):
    for _attempt in range(5):
        response = log_in(client, supporter.email, password="pogresna-lozinka")
        assert "nisu tačni" in response.text or "nije tačna" in response.text

    # The sixth try is refused even with the right password.
    response = log_in(client, supporter.email)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Previše neuspelih pokušaja" in response.text


def test_rate_limit_counters_never_hold_the_address(client, home, supporter):
    address = "203.0.113.77"
    log_in(client, supporter.email, password="pogresna-lozinka", REMOTE_ADDR=address)
    keys = list(cache._cache)  # the test settings' local memory cache
    assert any(":rl:" in key and "login_failed" in key for key in keys)
    assert not any(address in key for key in keys)


def test_rate_limits_count_the_client_behind_a_trusted_proxy(client, home, supporter, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for address in ["198.51.100.1", "198.51.100.2", "198.51.100.2"]:
        log_in(
            client,
            supporter.email,
            password="pogresna-lozinka",
            REMOTE_ADDR="10.0.0.1",  # the load balancer
            HTTP_X_FORWARDED_FOR=f"6.6.6.6, {address}",  # the left one is the client's say-so
        )
    per_client = [key for key in cache._cache if "login_failed" in key and ":ip:" in key]
    assert len(per_client) == 2  # two clients, each counted on its own


def test_over_a_rate_limit_the_site_answers_429(client, home, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    sign_up(client, "prvi@example.org")

    response = sign_up(client, "drugi@example.org")

    assert response.status_code == 429
    assert "Previše zahteva" in response.text
    assert int(response["Retry-After"]) >= 60
    assert not get_user_model().objects.filter(email="drugi@example.org").exists()


@pytest.mark.parametrize(
    ("path", "html_lang", "heading", "required"),
    [
        ("/accounts/signup/", "sr-latn", "Otvorite nalog", "Ovo polje se mora popuniti."),
        ("/en/accounts/signup/", "en", "Create an account", "This field is required."),
    ],
)
def test_sign_up_page_uses_the_site_and_speaks_its_language(
    client, home, path, html_lang, heading, required
):
    page = client.get(path)
    assert f'<html lang="{html_lang}"' in page.text
    assert 'class="site-header"' in page.text  # the site's base template
    assert heading in page.text

    response = client.post(path, {"email": "", "password1": "", "password2": ""})
    assert response.status_code == 200
    text = response.text
    # Each error beside its field, tied to it for screen readers, and listed at the top.
    assert f'<ul class="errorlist" id="id_email_error"><li>{required}</li></ul>' in text
    assert 'aria-invalid="true" aria-describedby="id_email_error" id="id_email"' in text
    assert f'<li><a href="#id_email">{required}</a></li>' in text


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/accounts/login/", "Uđite u nalog"),
        ("/en/accounts/login/", "Log in"),
        ("/accounts/password/reset/", "Resetovanje lozinke"),
        ("/en/accounts/password/reset/", "Password Reset"),
    ],
)
def test_login_and_reset_pages_use_the_site(client, home, path, heading):
    page = client.get(path)
    assert page.status_code == 200
    assert heading in page.text
    assert 'class="site-header"' in page.text


@pytest.mark.parametrize(
    ("path", "description"),
    [
        (
            "/accounts/login/",
            "Uđite u nalog da vidite peticije koje ste potpisali i događaje na koje ste se "
            "upisali i da upravljate svojim podacima.",
        ),
        (
            "/en/accounts/login/",
            "Log in to see the petitions you signed and the events you registered for, and to "
            "manage your details and your data.",
        ),
        (
            "/accounts/signup/",
            "Otvorite nalog i pratite na jednom mestu peticije koje ste potpisali, upise na "
            "događaje i kamere koje ste prijavili.",
        ),
        (
            "/en/accounts/signup/",
            "Create an account to follow the petitions you signed, your event registrations and "
            "your camera reports in one place.",
        ),
        (
            "/accounts/password/reset/",
            "Zaboravili ste lozinku? Unesite svoju imejl adresu i poslaćemo vam link za novu "
            "lozinku.",
        ),
        (
            "/en/accounts/password/reset/",
            "Forgot your password? Enter your email address and we will mail you a link to set "
            "a new one.",
        ),
        # Any other allauth page: the layout's own.
        (
            VERIFICATION_SENT,
            "Vaš nalog kod inicijative: šta ste potpisali i gde ste se upisali, vaši "
            "podaci, imejl adresa, lozinka i ulaz u dva koraka.",
        ),
        (
            "/en" + VERIFICATION_SENT,
            "Your account with the initiative: what you signed and registered for, your "
            "details, email address, password and two-factor authentication.",
        ),
    ],
)
def test_account_pages_have_a_meta_description_in_the_readers_language(
    client, home, path, description
):
    response = client.get(path)
    assert response.status_code == 200
    assert re.findall(r'<meta name="description" content="([^"]*)">', response.text) == [
        description
    ]


def test_header_links_to_login_or_to_the_account(client, home, supporter):
    assert '<a class="site-header__account" href="/accounts/login/">' in client.get("/").text
    client.force_login(supporter)
    assert '<a class="site-header__account" href="/en/accounts/activity/">My account</a>' in (
        client.get("/en/").text
    )


def test_local_admin_logs_in_through_allauth(client, home, settings, tmp_path):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    call_command("ensure_local_admin", stdout=open("/dev/null", "w"))  # noqa: SIM115
    password = (tmp_path / "local-admin.txt").read_text().strip()

    response = log_in(client, "admin@localhost", password=password)

    assert response.status_code == 302
    assert client.session["_auth_user_id"]
