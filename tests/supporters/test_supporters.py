"""Supporters over HTTP: joining, "My activity", editing, the data download, deleting."""

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.emails import normalise_email
from campaigns.models import Registration, Supporter, SupporterHelp, WayToHelp
from campaigns.supporters.forms import SUPPORTER_CONSENT_TEXT, SUPPORTER_CONSENT_VERSION
from home.management.commands.run_schedule import JOBS
from map.models import Camera, CameraReport
from tests.accounts.conftest import log_in
from tests.campaigns.factories import (
    EventPageFactory,
    PetitionPageFactory,
    RegistrationFactory,
    SignatureFactory,
)
from tests.home.test_pages import translate
from tests.map.factories import CameraFactory, CameraReportFactory

from .conftest import PASSWORD, make_supporter

pytestmark = pytest.mark.django_db

ACTIVITY = "/accounts/activity/"
DELETE = "/accounts/activity/delete/"
DOWNLOAD = "/accounts/activity/download/"


def join_data(site, **overrides):
    return {
        "email": "ana@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "first_name": "  Ana  ",
        "municipality": site["vracar"].pk,
        "ways": [WayToHelp.CAMERAS, WayToHelp.LEGAL],
        "consent": "on",
        **overrides,
    }


def link_in(message):
    return re.search(r"https?://testserver(/\S+)", message.body)[1]


def signed(petition, email, municipality):
    """A confirmed, counted signature given with `email`."""
    signature = SignatureFactory(
        petition=petition,
        email=email,
        email_normalised=normalise_email(email),
        municipality=municipality,
    )
    signature.confirm()
    return signature


# Joining


def test_join_page_shows_the_sign_up_form(client, site):
    response = client.get("/pridruzite-se/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="/pridruzite-se/"' in html
    for name in ("email", "password1", "first_name", "municipality", "ways", "consent"):
        assert f'name="{name}"' in html
    # The ways to help are checkboxes in a fieldset with its legend.
    assert re.search(r"<fieldset[^>]*>\s*<legend[^>]*>", html)
    assert html.count('type="checkbox" name="ways"') == len(WayToHelp)
    assert 'name="newsletter"' in html and "checked" not in html.split('name="newsletter"')[1][:40]


def test_signed_in_people_see_where_their_data_is_instead_of_the_form(client, site):
    supporter = make_supporter("ana@example.org", site["vracar"])
    client.force_login(supporter.user)
    html = client.get("/pridruzite-se/").content.decode()
    assert 'name="password1"' not in html
    assert f'href="{ACTIVITY}"' in html


def test_join_creates_the_account_and_the_supporter_and_mails_the_link(client, site, mailoutbox):
    response = client.post("/pridruzite-se/", join_data(site))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    supporter = Supporter.objects.select_related("user").get()
    assert supporter.user.email == "ana@example.org"
    assert supporter.first_name == "Ana"
    assert supporter.municipality == site["vracar"]
    assert supporter.ways() == [WayToHelp.CAMERAS, WayToHelp.LEGAL]
    assert supporter.newsletter is False
    assert supporter.consent_version == SUPPORTER_CONSENT_VERSION
    assert supporter.consent_text == str(SUPPORTER_CONSENT_TEXT)  # Serbian once translated
    assert supporter.consented_at is not None
    assert not EmailAddress.objects.get(user=supporter.user).verified
    (message,) = mailoutbox
    assert message.to == ["ana@example.org"]
    assert link_in(message).startswith("/accounts/confirm-email/")


def test_joining_with_a_registered_address_creates_nothing_and_reveals_nothing(
    client, site, mailoutbox
):
    make_supporter("ana@example.org", site["vracar"])
    response = client.post("/pridruzite-se/", join_data(site, first_name="Druga"))
    assert response["Location"] == "/accounts/confirm-email/"  # as for a new address
    assert Supporter.objects.count() == 1
    assert Supporter.objects.get().first_name == "Ana"
    (message,) = mailoutbox  # the address's owner is told someone tried
    assert message.to == ["ana@example.org"]


def test_join_honeypot_looks_accepted_but_creates_nothing(client, site, mailoutbox):
    response = client.post("/pridruzite-se/", join_data(site, website="http://spam.example"))
    assert response.status_code == 302
    assert not get_user_model().objects.exists()
    assert not Supporter.objects.exists()
    assert mailoutbox == []


def test_join_has_allauths_sign_up_rate_limit(client, site, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    client.post("/pridruzite-se/", join_data(site))
    response = client.post("/pridruzite-se/", join_data(site, email="druga@example.org"))
    assert response.status_code == 429
    assert Supporter.objects.count() == 1


@pytest.mark.parametrize(
    ("path", "errors"),
    [
        (
            "/pridruzite-se/",
            ["Unesite ime.", "Izaberite opštinu.", "Ovo polje se mora popuniti."],
        ),
        (
            "/en/join/",
            [
                "Enter your first name.",
                "Choose your municipality.",
                "Tick this box to join: we cannot keep your data without it.",
            ],
        ),
    ],
)
def test_join_gives_field_specific_errors_in_the_readers_language(client, site, path, errors):
    data = join_data(site, first_name="", municipality="", email="")
    del data["consent"]
    response = client.post(path, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    for error in errors:
        assert error in html
    # Each error sits at its field, which is marked invalid.
    first_name = re.search(r"<input[^>]*name=\"first_name\"[^>]*>", html)[0]
    assert 'aria-invalid="true"' in first_name
    assert 'href="#id_municipality"' in html
    assert not get_user_model().objects.exists()


def test_join_refuses_a_name_that_starts_a_formula(client, site):
    response = client.post("/en/join/", join_data(site, first_name="=HYPERLINK(1)"))
    assert response.status_code == 200
    assert "A name cannot start with =, +, - or @." in response.content.decode()
    assert not Supporter.objects.exists()


# One way to sign up: allauth's /accounts/signup/ leads to the join page


@pytest.mark.parametrize(
    ("path", "join"),
    [
        ("/accounts/signup/", "/pridruzite-se/"),
        ("/en/accounts/signup/", "/en/join/"),
        ("/accounts/signup/?next=/kampanje/bez/", "/pridruzite-se/?next=%2Fkampanje%2Fbez%2F"),
        ("/en/accounts/signup/?next=https://elsewhere.example/", "/en/join/"),  # not ours
    ],
)
def test_sign_up_leads_to_the_join_page_in_the_readers_language(client, site, path, join):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == join


def test_the_join_form_passes_next_on(client, site):
    html = client.get("/pridruzite-se/?next=/kampanje/bez/").content.decode()
    assert '<input type="hidden" name="next" value="/kampanje/bez/">' in html


@pytest.mark.parametrize(("prefix", "join"), [("", "/pridruzite-se/"), ("/en", "/en/join/")])
def test_the_login_pages_sign_up_link_leads_to_the_join_page(client, site, prefix, join):
    login = client.get(f"{prefix}/accounts/login/").content.decode()
    (sign_up,) = re.findall(r'href="([^"]*/signup/[^"]*)"', login)
    assert sign_up == f"{prefix}/accounts/signup/"
    response = client.get(sign_up, follow=True)
    assert response.redirect_chain[-1][0] == join
    assert 'name="consent"' in response.content.decode()


def test_sign_up_without_the_supporters_answers_creates_nothing(client, site, mailoutbox):
    """What allauth's own form sends, sent to its address: the join form answers, and wants
    the supporter's answers and the consent."""
    data = {"email": "ana@example.org", "password1": PASSWORD, "password2": PASSWORD}
    response = client.post("/en/accounts/signup/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter your first name." in html
    assert "Tick this box to join: we cannot keep your data without it." in html
    assert not get_user_model().objects.exists()
    assert mailoutbox == []

    # With them, it is joining.
    assert client.post("/en/accounts/signup/", join_data(site)).status_code == 302
    assert Supporter.objects.get().consent_version == SUPPORTER_CONSENT_VERSION


def test_without_a_live_join_page_sign_up_is_allauths(client, site):
    site["join_en"].unpublish()
    english = client.get("/en/accounts/signup/")
    assert english.status_code == 200
    assert "Create an account" in english.content.decode()
    assert 'name="consent"' not in english.content.decode()
    assert client.get("/accounts/signup/")["Location"] == "/pridruzite-se/"


# The whole way: join, verify, see, download, delete


def test_join_verify_see_download_then_delete(
    client, site, mailoutbox, django_capture_on_commit_callbacks
):
    petition, vracar = site["petition"], site["vracar"]
    # Signed before joining, with a "+tag" address: the same person once normalised.
    signature = signed(petition, "Ana+peticija@example.org", vracar)
    other = signed(petition, "marko@example.org", vracar)
    count_before = petition.confirmed_count()
    assert count_before == 2

    client.post("/pridruzite-se/", join_data(site))
    (verification,) = mailoutbox
    confirm_url = link_in(verification)
    client.post(confirm_url)
    assert EmailAddress.objects.get(email="ana@example.org").verified
    assert log_in(client, "ana@example.org").status_code == 302
    user = get_user_model().objects.get(email="ana@example.org")
    # Another browser of the same person.
    elsewhere = Client()
    log_in(elsewhere, "ana@example.org")
    assert elsewhere.get(ACTIVITY).status_code == 200

    html = client.get(ACTIVITY).content.decode()
    assert petition.title in html
    assert "<td>Potvrđen i uračunat</td>" in html

    download = client.get(DOWNLOAD)
    assert download.status_code == 200
    assert download["Content-Type"].startswith("application/json")
    assert download["Content-Disposition"].startswith("attachment;")
    assert "no-store" in download["Cache-Control"]
    data = json.loads(download.content)
    assert [row["petition"] for row in data["signatures"]] == [petition.title]
    assert data["signatures"][0]["email"] == "Ana+peticija@example.org"
    assert data["supporter"]["first_name"] == "Ana"
    assert data["supporter"]["consent"]["version"] == SUPPORTER_CONSENT_VERSION
    assert data["email_addresses"] == [
        {"email": "ana@example.org", "verified": True, "primary": True}
    ]
    assert data["two_factor"] == {"recovery_codes": False, "totp": False, "webauthn": False}
    assert PASSWORD not in download.content.decode()
    assert "password" not in data["account"]

    wrong = client.post(DELETE, {"password": "nije-moja-lozinka"})
    assert wrong.status_code == 200
    assert "To nije vaša lozinka." in wrong.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not Supporter.objects.exists()
    assert not SupporterHelp.objects.exists()
    assert not EmailAddress.objects.filter(email="ana@example.org").exists()
    signature.refresh_from_db()
    assert (signature.email, signature.email_normalised, signature.first_name) == ("", None, "")
    assert signature.municipality == vracar and signature.confirmed_at
    other.refresh_from_db()
    assert other.email == "marko@example.org"  # somebody else's stays
    assert petition.confirmed_count() == count_before
    assert client.get("/kampanje/bez/count.json").json()["count"] == count_before
    (goodbye,) = mailoutbox
    assert goodbye.to == ["ana@example.org"]
    # Logged out here and in the other browser.
    assert "_auth_user_id" not in client.session
    assert client.get(ACTIVITY)["Location"].startswith("/accounts/login/")
    assert elsewhere.get(ACTIVITY)["Location"].startswith("/accounts/login/")


def test_deleting_frees_the_place_unlinks_reports_and_keeps_cameras(
    client, site, mailoutbox, django_capture_on_commit_callbacks
):
    supporter = make_supporter("ana@example.org", site["vracar"])
    event = site["event"]  # one place
    RegistrationFactory(event=event, email="ana@example.org", name="Ana")
    waiting = RegistrationFactory(
        event=event, email="marko@example.org", status=Registration.Status.WAITING
    )
    camera = CameraFactory()
    reviewed = CameraReportFactory(
        reporter=supporter.user, status=CameraReport.Status.MERGED, camera=camera
    )
    anonymous = CameraReportFactory(email="ANA@example.org", email_consent_version="1")
    client.force_login(supporter.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(DELETE, {"password": PASSWORD})
    assert not Registration.objects.filter(email_normalised="ana@example.org").exists()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    reviewed.refresh_from_db()
    anonymous.refresh_from_db()
    assert reviewed.reporter is None and reviewed.camera == camera
    assert (anonymous.email, anonymous.email_consent_version) == ("", "")
    assert Camera.objects.filter(pk=camera.pk).exists()
    assert {message.to[0] for message in mailoutbox} == {"ana@example.org", "marko@example.org"}


def test_people_with_the_admin_cannot_delete_themselves_here(client, site):
    supporter = make_supporter("urednica@example.org", site["vracar"], admin_access=True)
    client.force_login(supporter.user)
    page = client.get(DELETE).content.decode()
    assert 'name="password"' not in page
    client.post(DELETE, {"password": PASSWORD})
    assert get_user_model().objects.filter(pk=supporter.user.pk).exists()


def test_unverified_addresses_match_nothing(client, site):
    supporter = make_supporter("ana@example.org", site["vracar"])
    EmailAddress.objects.create(user=supporter.user, email="tudja@example.org", verified=False)
    signed(site["petition"], "tudja@example.org", site["vracar"])
    client.force_login(supporter.user)
    html = client.get(ACTIVITY).content.decode()
    assert site["petition"].title not in html
    assert "tudja@example.org" in html  # named as waiting for verification


def test_activity_names_the_municipality_in_the_readers_language(client, site):
    supporter = make_supporter("ana@example.org", site["vracar"])
    client.force_login(supporter.user)
    assert "<dd>Vračar</dd>" in client.get(ACTIVITY).content.decode()
    english = client.get("/en" + ACTIVITY).content.decode()
    assert "<dd>Vrachar</dd>" in english
    assert "<dd>Mapping cameras</dd>" in english


def test_activity_shows_petitions_and_events_in_the_readers_language(client, site):
    supporter = make_supporter("ana@example.org", site["vracar"])
    index = site["event"].get_parent()
    translate(index, "en", title="Campaigns", slug="campaigns")
    translate(site["event"], "en", title="Workshop", slug="workshop")
    translate(site["petition"], "en", title="No face recognition", slug="no-face-recognition")
    RegistrationFactory(event=site["event"], email="ana@example.org")
    signed(site["petition"], "ana@example.org", site["vracar"])
    client.force_login(supporter.user)

    english = client.get("/en" + ACTIVITY).content.decode()
    assert '<a href="/en/campaigns/workshop/">Workshop</a>' in english
    assert '<a href="/en/campaigns/no-face-recognition/">No face recognition</a>' in english
    serbian = client.get(ACTIVITY).content.decode()
    assert '<a href="/kampanje/radionica/">Radionica</a>' in serbian
    assert '<a href="/kampanje/bez/">Bez prepoznavanja lica</a>' in serbian


def test_activity_needs_a_login(client, site):
    for path in (ACTIVITY, DOWNLOAD, DELETE, "/accounts/activity/edit/"):
        assert client.get(path)["Location"].startswith("/accounts/login/")


def test_activity_queries_do_not_grow_with_the_rows(client, site):
    """Also with the petitions and events shown in English, their translations."""
    supporter = make_supporter("ana@example.org", site["vracar"])
    client.force_login(supporter.user)
    index = site["event"].get_parent()
    translate(index, "en", title="Campaigns", slug="campaigns")

    def add_rows(count):
        for _number in range(count):
            event = EventPageFactory(parent=index)
            translate(event, "en", title=f"Event {event.pk}")
            RegistrationFactory(event=event, email="ana@example.org")
            petition = PetitionPageFactory(parent=index)
            translate(petition, "en", title=f"Petition {petition.pk}")
            signed(petition, "ana@example.org", site["vracar"])
            CameraReportFactory(reporter=supporter.user)

    english = "/en" + ACTIVITY
    add_rows(1)
    client.get(english)  # the site's root paths and settings, cached once
    with CaptureQueriesContext(connection) as one:
        assert client.get(english).status_code == 200
    add_rows(4)
    with CaptureQueriesContext(connection) as five:
        html = client.get(english).content.decode()
    # Five petitions, five events and five reports, each a row under its table's header.
    assert html.count("<tr>") == 3 * (5 + 1)
    assert html.count(">Event ") == html.count(">Petition ") == 5
    assert len(five) == len(one)


# Editing and the newsletter


def test_edit_details_and_ways_to_help(client, site):
    supporter = make_supporter("ana@example.org", site["vracar"], newsletter=True)
    client.force_login(supporter.user)
    form = client.get("/accounts/activity/edit/").content.decode()
    assert 'value="Ana"' in form
    response = client.post(
        "/accounts/activity/edit/",
        {"first_name": "Ana Marija", "municipality": site["vracar"].pk, "ways": ["events"]},
    )
    assert response["Location"] == ACTIVITY
    supporter.refresh_from_db()
    assert supporter.first_name == "Ana Marija"
    assert supporter.ways() == [WayToHelp.EVENTS]
    assert supporter.newsletter is True  # only its own button changes it


@pytest.mark.parametrize(
    ("prefix", "error"), [("", "Unesite ime."), ("/en", "Enter your first name.")]
)
def test_edit_gives_field_errors_in_both_languages(client, site, prefix, error):
    supporter = make_supporter("ana@example.org", site["vracar"])
    client.force_login(supporter.user)
    response = client.post(
        f"{prefix}/accounts/activity/edit/", {"first_name": "", "municipality": site["vracar"].pk}
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    supporter.refresh_from_db()
    assert supporter.first_name == "Ana"


def test_newsletter_toggles_with_one_click(client, site):
    supporter = make_supporter("ana@example.org", site["vracar"])
    client.force_login(supporter.user)
    assert client.get("/accounts/activity/newsletter/").status_code == 405
    client.post("/accounts/activity/newsletter/")
    supporter.refresh_from_db()
    assert supporter.newsletter is True
    client.post("/accounts/activity/newsletter/")
    supporter.refresh_from_db()
    assert supporter.newsletter is False


# Retention


def test_accounts_never_verified_are_deleted_after_seven_days(site):
    old = make_supporter("stari@example.org", site["vracar"], verified=False)
    recent = make_supporter("novi@example.org", site["vracar"], verified=False)
    verified = make_supporter("provereni@example.org", site["vracar"])
    editor = make_supporter(
        "urednik@example.org", site["vracar"], verified=False, admin_access=True
    )
    week_ago = timezone.now() - timedelta(days=7, minutes=1)
    get_user_model().objects.filter(pk__in=[old.user.pk, verified.user.pk, editor.user.pk]).update(
        date_joined=week_ago
    )
    out = StringIO()
    call_command("purge_unverified_accounts", stdout=out)
    assert "Deleted 1 unverified account(s)." in out.getvalue()
    assert set(Supporter.objects.values_list("pk", flat=True)) == {
        recent.pk,
        verified.pk,
        editor.pk,
    }
    assert ("purge_unverified_accounts", timedelta(hours=1)) in JOBS
