"""Petitions: the page, signing, confirming, the exact count and the purge of unconfirmed ones."""

import base64
import json
import re
from datetime import timedelta
from io import StringIO

import altcha
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django_tasks_db.models import DBTaskResult
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction, Site

from campaigns.models import (
    CampaignIndexPage,
    PetitionCount,
    PetitionPage,
    Signature,
    invalidate_signatures,
)
from campaigns.petitions.forms import SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION
from campaigns.petitions.models import (
    MAX_MAILS_PER_SIGNATURE,
    REVIEW_SIGNALS_RETENTION,
    confirmation_token,
)
from campaigns.petitions.proof_of_work import Outcome, check, new_challenge
from campaigns.petitions.tasks import send_signature_mail
from home.models import DailySecret, OrganisationSettings, RateLimitCounter
from home.ratelimit import delete_expired_counters
from map.figures import MUNICIPALITY_IDS_KEY
from map.models import Municipality
from tests.home.factories import HomePageFactory
from tests.home.test_pages import translate
from tests.knowledge.conftest import translate_snippet
from tests.map.factories import MunicipalityFactory

from .factories import PetitionPageFactory, SignatureFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/(?:confirm|potvrda)/\S+/")


@pytest.fixture
def petition_tree(db):
    """A petition under a campaign index, in Serbian and English, and a translated municipality."""
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Početna", slug="pocetna")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    OrganisationSettings.objects.update_or_create(
        site=Site.objects.get(), defaults={"name": "Kamere"}
    )
    index = home.add_child(instance=CampaignIndexPage(title="Kampanje", slug="kampanje"))
    petition = PetitionPageFactory(
        parent=index, title="Bez prepoznavanja lica", slug="bez-prepoznavanja-lica", goal=200
    )
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    translate_snippet(vracar, "en", name="Vrachar")
    translate(home, "en", title="Home")
    translate(index, "en", title="Campaigns", slug="campaigns")
    petition_en = translate(
        petition,
        "en",
        title="No facial recognition",
        slug="no-facial-recognition",
        demand="Ban biometric surveillance in public spaces.",
        addressed_to="Belgrade City Assembly",
    )
    return {"petition": petition, "petition_en": petition_en, "vracar": vracar}


def solved_proof(challenge=None):
    """What the sign form's widget sends: a new challenge, solved with the library's solver
    (the test settings make it take a moment)."""
    challenge = challenge or new_challenge()
    return altcha.Payload(challenge, altcha.solve_challenge(challenge)).to_base64()


def form_data(place, **overrides):
    return {
        "first_name": "Ana",
        "last_name": "Petrović",
        "email": "Ana.Petrovic+peticija@Gmail.com",
        "municipality": place.pk,
        "consent": "on",
        "altcha": solved_proof(),
        **overrides,
    }


def sign_url(petition):
    """Where the petition's form posts: its own address, in the page's language."""
    with translation.override(petition.locale.language_code):
        return reverse("petition_sign", args=[petition.pk])


def sign(client, petition, data, address="203.0.113.5"):
    return client.post(sign_url(petition), data, REMOTE_ADDR=address)


def confirmation_link(message):
    return LINK.search(message.body)[0].removeprefix("http://localhost")


# The page


def test_petition_page_shows_demand_count_progress_and_form(client, petition_tree):
    petition = petition_tree["petition"]
    response = client.get(petition.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zabranite biometrijski nadzor" in html
    assert "Skupština grada Beograda" in html
    assert '<progress class="petition__progress" max="200" value="0"' in html
    assert 'name="consent"' in html and 'name="website"' in html
    # Opt-ins start unticked.
    assert not re.search(r'name="newsletter"[^>]*checked', html)
    assert not re.search(r'name="show_first_name"[^>]*checked', html)


def test_english_page_is_in_english_and_shares_the_count(client, petition_tree):
    petition, petition_en = petition_tree["petition"], petition_tree["petition_en"]
    PetitionCount.add(petition.translation_key, 3)
    response = client.get(petition_en.url)
    assert petition_en.url.startswith("/en/")
    html = response.content.decode()
    assert "Ban biometric surveillance" in html
    assert "<strong>3</strong> confirmed signatures of 200 needed" in html
    assert 'value="3"' in html


def test_recent_signers_show_only_confirmed_who_agreed_in_readers_language(client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    shown = SignatureFactory(
        petition=petition, first_name="Milica", municipality=vracar, show_first_name=True
    )
    shown.confirm()
    hidden = SignatureFactory(petition=petition, first_name="Skrivena", municipality=vracar)
    hidden.confirm()
    SignatureFactory(
        petition=petition, first_name="Nepotvrđena", show_first_name=True, municipality=vracar
    )
    html = client.get(petition.url).content.decode()
    assert "Milica, Vračar" in html
    assert "Skrivena" not in html and "Nepotvrđena" not in html
    assert "Milica, Vrachar" in client.get(petition_tree["petition_en"].url).content.decode()


def test_recent_signers_hidden_when_the_editor_says_so(client, petition_tree):
    petition = petition_tree["petition"]
    SignatureFactory(petition=petition, first_name="Milica", show_first_name=True).confirm()
    petition.show_recent_signers = False
    petition.save_revision().publish()
    assert "Milica" not in client.get(petition.url).content.decode()


def test_the_page_names_the_ten_latest_signers(client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    start = timezone.now() - timedelta(hours=1)
    for number in range(11):  # Potpisnik00 confirmed first, Potpisnik10 last
        SignatureFactory(
            petition=petition,
            first_name=f"Potpisnik{number:02}",
            municipality=vracar,
            show_first_name=True,
        ).confirm(now=start + timedelta(minutes=number))
    html = client.get(petition.url).content.decode()
    shown = re.findall(r"<li>(Potpisnik\d+), Vračar</li>", html)
    assert shown == [f"Potpisnik{number:02}" for number in range(10, 0, -1)]


def test_page_queries_do_not_grow_with_signers(
    uncached, client, petition_tree, django_assert_max_num_queries
):
    petition = petition_tree["petition"]
    for _ in range(12):
        SignatureFactory(petition=petition, show_first_name=True).confirm()
    client.get(petition.url)  # warm Wagtail's site and locale caches
    with django_assert_max_num_queries(20) as queries:
        response = client.get(petition.url)
    # An error page costs fewer queries: the count means something only for the real page.
    assert response.status_code == 200 and "<strong>12</strong>" in response.text
    baseline = len(queries)
    for _ in range(5):
        SignatureFactory(petition=petition, show_first_name=True).confirm()
    # Warm again: each signer's new municipality is a new version of the map's data, whose
    # cached municipality list the form reads once more (map/figure_cache.py).
    client.get(petition.url)
    with django_assert_max_num_queries(baseline):
        response = client.get(petition.url)
    assert response.status_code == 200 and "<strong>17</strong>" in response.text


def test_closing_sets_closed_at_and_a_passed_deadline_closes(client, petition_tree):
    petition = petition_tree["petition"]
    assert petition.closed_at is None and petition.is_open()
    petition.deadline = timezone.now() - timedelta(minutes=1)
    petition.save()
    assert petition.current_state() == PetitionPage.State.CLOSED
    html = client.get(petition.url).content.decode()
    assert "više ne prima potpise" in html and 'name="consent"' not in html
    petition.state = PetitionPage.State.SUCCEEDED
    petition.save()
    assert petition.closed_at is not None
    petition.state = PetitionPage.State.OPEN
    petition.deadline = None
    petition.save()
    assert petition.closed_at is None


# Signing


def test_sign_mails_a_link_and_stores_consent(
    client, petition_tree, mailoutbox, django_capture_on_commit_callbacks
):
    petition = petition_tree["petition"]
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, petition, form_data(petition_tree["vracar"], newsletter="on"))
    assert response.status_code == 302
    assert response["Location"] == petition.url + "hvala/"
    signature = Signature.objects.get()
    assert signature.email == "Ana.Petrovic+peticija@Gmail.com"  # mailed as typed
    assert signature.email_normalised == "anapetrovic@gmail.com"
    assert signature.petition_key == petition.translation_key
    assert signature.consent_version == SIGNATURE_CONSENT_VERSION
    assert signature.consent_text == str(SIGNATURE_CONSENT_TEXT)
    assert signature.consented_at is not None
    assert signature.newsletter and not signature.show_first_name
    assert signature.confirmed_at is None and signature.mails_sent == 1
    # The review signals: the client's daily pseudonym, cut short, never its address.
    assert not signature.over_client_rate and re.fullmatch(r"[0-9a-f]{16}", signature.client_key)
    [message] = mailoutbox
    assert message.to == ["Ana.Petrovic+peticija@Gmail.com"]
    assert confirmation_link(message).startswith(petition.url + "potvrda/")
    assert petition.confirmed_count() == 0  # unconfirmed: not counted
    page = client.get(response["Location"])
    assert page.status_code == 200


def test_post_without_csrf_token_is_refused(petition_tree):
    client = Client(enforce_csrf_checks=True)
    response = sign(client, petition_tree["petition"], form_data(petition_tree["vracar"]))
    assert response.status_code == 403
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("first_name", "", "Enter your first name."),
        ("last_name", "=HYPERLINK(1)", "A name cannot start with =, +, - or @."),
        ("first_name", "+381", "A name cannot start with =, +, - or @."),
        ("first_name", "@ana", "A name cannot start with =, +, - or @."),
        ("last_name", "Visit https://spam.example", "A name cannot contain a web address."),
        ("first_name", "www.spam", "A name cannot contain a web address."),
        ("email", "not-an-address", "Enter an email address like name@example.org."),
        ("municipality", "999999", "Choose a municipality from the list."),
        ("consent", "", "Tick this box to sign: we cannot count you without it."),
    ],
)
def test_bad_input_gets_a_field_specific_message(client, petition_tree, field, value, message):
    data = form_data(petition_tree["vracar"], **{field: value})
    if not value:
        del data[field]
    response = sign(client, petition_tree["petition_en"], data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'href="#id_{field}"' in html  # the summary links to the field
    assert not Signature.objects.exists()


def test_errors_are_in_the_readers_language(client, petition_tree):
    data = form_data(petition_tree["vracar"], email="ne-adresa")
    serbian = sign(client, petition_tree["petition"], data).content.decode()
    english = sign(client, petition_tree["petition_en"], data).content.decode()
    assert "Unesite imejl adresu u obliku ime@example.org." in serbian
    assert "Enter an email address like name@example.org." in english


def test_honeypot_gets_the_same_answer_and_stores_nothing(client, petition_tree, mailoutbox):
    petition = petition_tree["petition"]
    response = sign(client, petition, form_data(petition_tree["vracar"], website="http://x"))
    assert response.status_code == 302 and response["Location"] == petition.url + "hvala/"
    assert not Signature.objects.exists() and mailoutbox == []


def test_repeat_attempt_looks_the_same_and_mails_the_owner_at_most_five_times(
    client, petition_tree, mailoutbox, django_capture_on_commit_callbacks
):
    petition, petition_en = petition_tree["petition"], petition_tree["petition_en"]
    vracar = petition_tree["vracar"]
    with django_capture_on_commit_callbacks(execute=True):
        first = sign(client, petition, form_data(vracar))
    # The same person, another spelling of the address, another client, the English page.
    attempts = []
    for number in range(7):
        with django_capture_on_commit_callbacks(execute=True):
            attempts.append(
                sign(
                    client,
                    petition_en,
                    form_data(vracar, email="anapetrovic@gmail.com", first_name="Eva"),
                    address=f"198.51.100.{number}",
                )
            )
    assert Signature.objects.count() == 1
    # The answer a first attempt on the English page gets.
    assert first["Location"] == petition.url + "hvala/"
    assert {(r.status_code, r["Location"]) for r in attempts} == {
        (302, petition_en.url + "thanks/")
    }
    assert len(mailoutbox) == MAX_MAILS_PER_SIGNATURE == 5  # the README's promise
    repeat = mailoutbox[1]
    assert repeat.to == ["Ana.Petrovic+peticija@Gmail.com"]  # the owner, not the new typing
    assert "already signed, but not yet confirmed" in repeat.body
    assert confirmation_link(repeat) == confirmation_link(mailoutbox[0]).replace(
        petition.url + "potvrda/", petition_en.url + "confirm/"
    )
    assert Signature.objects.get().mails_sent == MAX_MAILS_PER_SIGNATURE


def test_repeat_after_confirming_says_so_without_a_link(
    client, petition_tree, mailoutbox, django_capture_on_commit_callbacks
):
    petition = petition_tree["petition"]
    signature = SignatureFactory(
        petition=petition, email="ana@example.org", email_normalised="ana@example.org"
    )
    signature.confirm()
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, form_data(petition_tree["vracar"], email="ANA@example.org"))
    [message] = mailoutbox
    assert "Već ste potpisali i potvrdili" in message.body
    assert not LINK.search(message.body)


def test_repeat_after_invalidation_says_so_without_a_link_or_a_promise(
    client, petition_tree, mailoutbox, django_capture_on_commit_callbacks
):
    petition = petition_tree["petition"]
    signature = SignatureFactory(
        petition=petition, email="ana@example.org", email_normalised="ana@example.org"
    )
    signature.confirm()
    invalidate_signatures(Signature.objects.filter(pk=signature.pk))
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, form_data(petition_tree["vracar"], email="ana@example.org"))
    [message] = mailoutbox
    assert message.subject.startswith("U vezi sa vašim potpisom")
    assert "uklonili iz broja" in message.body
    assert "računa" not in message.body and not LINK.search(message.body)


def test_three_people_on_one_connection_sign_confirm_and_all_count(
    client, petition_tree, mailoutbox, django_capture_on_commit_callbacks
):
    """The issue's check: three addresses signing and confirming from one client (a carrier's
    CGNAT, a rally's Wi-Fi). Over the per-client rate is a flag for the review, no more."""
    petition = petition_tree["petition"]
    vracar = petition_tree["vracar"]
    responses = []
    for number in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            responses.append(
                sign(client, petition, form_data(vracar, email=f"osoba{number}@example.org"))
            )
    assert {response.status_code for response in responses} == {302}
    flagged = dict(Signature.objects.values_list("email", "over_client_rate"))
    assert flagged == {
        "osoba0@example.org": False,
        "osoba1@example.org": True,
        "osoba2@example.org": True,
    }
    # One client, one pseudonym for the day.
    assert Signature.objects.values("client_key").distinct().count() == 1
    assert len(mailoutbox) == 3
    for message in mailoutbox:
        confirmed = client.post(confirmation_link(message))
        assert "Vaš potpis je potvrđen" in confirmed.text
    assert petition.confirmed_count() == 3
    assert json.loads(client.get(petition.url + "count.json").content)["count"] == 3
    assert Signature.objects.valid().count() == 3
    # Another client is another pseudonym, and not flagged.
    sign(client, petition, form_data(vracar, email="druga@example.org"), address="192.0.2.9")
    other = Signature.objects.get(email="druga@example.org")
    assert not other.over_client_rate
    assert other.client_key != Signature.objects.get(email="osoba0@example.org").client_key


def test_a_kept_pseudonym_leads_to_no_address_once_its_days_key_is_gone(client, petition_tree):
    """A signature keeps its client's pseudonym for 30 days. Derived from SECRET_KEY, whoever
    held the database and that setting could try every IPv4 address; under the day's random
    key, deleted the next day, nobody can."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    sign(client, petition, form_data(vracar), address="93.87.214.77")
    kept = Signature.objects.get().client_key
    day = timezone.now().date()
    secret = DailySecret.objects.get(day=day).secret
    assert hmac_hex("home.ratelimit", "93.87.214.77", secret).startswith(kept)
    for key in (f"home.ratelimit.{day.isoformat()}", "home.ratelimit"):
        assert not hmac_hex(key, "93.87.214.77").startswith(kept)
    # The hourly purge deletes past days' keys, and only those.
    DailySecret.objects.create(day=day - timedelta(days=1), secret="0" * 64)
    delete_expired_counters()
    assert list(DailySecret.objects.values_list("day", flat=True)) == [day]


def hmac_hex(salt, value, secret=None):
    return salted_hmac(salt, value, secret, algorithm="sha256").hexdigest()


def test_rate_limit_counters_expire_when_their_window_ends(client, petition_tree):
    """One counter per window (1/m and 5/5m) for this client, each deleted by the hourly purge
    once its window has ended, never holding the address."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    for number in range(3):
        sign(client, petition, form_data(vracar, email=f"osoba{number}@example.org"))
    counted = dict(Signature.objects.values_list("email", "over_client_rate"))
    assert counted == {
        "osoba0@example.org": False,
        "osoba1@example.org": True,
        "osoba2@example.org": True,
    }
    counters = RateLimitCounter.objects.filter(key__startswith="petition:")
    assert sorted(counters.values_list("count", flat=True)) == [3, 3]
    now = timezone.now()
    for counter in counters:
        seconds = int(counter.key.split(":")[2].removesuffix("s"))
        assert now < counter.expires <= now + timedelta(seconds=seconds)
        assert counter.expires.timestamp() % seconds == 0  # the end of a fixed window
        assert "127.0.0.1" not in counter.key
    assert delete_expired_counters() == 0
    counters.update(expires=now - timedelta(seconds=1))
    assert delete_expired_counters() == 2
    assert not counters.exists()


def test_a_closed_petition_takes_no_signatures(client, petition_tree):
    petition = petition_tree["petition"]
    petition.state = PetitionPage.State.CLOSED
    petition.save()
    response = sign(client, petition, form_data(petition_tree["vracar"]))
    assert response.status_code == 200
    assert not Signature.objects.exists()


# Where the form posts: an address of its own, which finds the petition by id


def test_the_form_posts_to_the_sign_address_in_the_pages_language(client, petition_tree):
    serbian, english = petition_tree["petition"], petition_tree["petition_en"]
    for petition, action in [
        (serbian, f"/petitions/{serbian.pk}/sign/"),
        (english, f"/en/petitions/{english.pk}/sign/"),
    ]:
        html = client.get(petition.url).content.decode()
        assert f'method="post" action="{action}"' in html


def test_a_sign_post_costs_a_fixed_handful_of_queries(
    client, petition_tree, settings, django_assert_num_queries
):
    """As in production, the mail is queued in the database, in the signature's transaction."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    sign(client, petition, form_data(vracar, email="prva@example.org"), address="192.0.2.1")
    # The petition, its thanks page and the municipalities' ids are in the cache (memory in
    # tests) since the first signature. Then one transaction (a savepoint here, in the test's
    # transaction: 2): both rate-limit windows counted by one statement (1), the insert (1)
    # and the queued mail (1). Before it, the proof of work taken (1).
    with django_assert_num_queries(6):
        response = sign(client, petition, form_data(vracar), address="192.0.2.2")
    assert response.status_code == 302 and response["Location"] == petition.url + "hvala/"
    assert (
        DBTaskResult.objects.filter(
            task_path="campaigns.petitions.tasks.send_signature_mail"
        ).count()
        == 2
    )


def test_the_pages_own_address_still_takes_a_signature(
    client, petition_tree, mailoutbox, django_capture_on_commit_callbacks
):
    """A form served before the sign address existed posts to the page: it keeps working."""
    petition = petition_tree["petition_en"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(petition.url, form_data(petition_tree["vracar"]))
    assert response.status_code == 302 and response["Location"] == petition.url + "thanks/"
    signature = Signature.objects.get()
    assert signature.petition == petition and signature.language == "en"
    [message] = mailoutbox
    assert confirmation_link(message).startswith(petition.url + "confirm/")
    errors = client.post(petition.url, form_data(petition_tree["vracar"], email="x"))
    assert errors.status_code == 200 and "Enter an email address like" in errors.text


def test_the_sign_address_takes_only_post(client, petition_tree):
    response = client.get(sign_url(petition_tree["petition"]))
    assert response.status_code == 405 and response["Allow"] == "POST"


@pytest.mark.parametrize(
    "case", ["draft", "private", "private_parent", "other_language", "not_a_petition", "missing"]
)
def test_the_sign_address_finds_only_a_live_public_petition_in_its_language(
    client, petition_tree, case
):
    petition = petition_tree["petition"]
    url = sign_url(petition)
    if case == "draft":
        petition.unpublish()
    elif case in ("private", "private_parent"):
        PageViewRestriction.objects.create(
            page=petition if case == "private" else petition.get_parent(),
            restriction_type=PageViewRestriction.PASSWORD,
            password="tajna",
        )
    elif case == "other_language":
        url = "/en" + url  # the Serbian petition under the English pages' prefix
    elif case == "not_a_petition":
        url = reverse("petition_sign", args=[petition.get_parent().pk])
    else:
        url = reverse("petition_sign", args=[petition.pk + 1000])
    response = client.post(url, form_data(petition_tree["vracar"]))
    assert response.status_code == 404
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        "close",
        "rename",
        "rename_parent",
        "move",
        "unpublish",
        "restrict",
        "delete",
        "new_site_root",
    ],
)
def test_the_next_signer_sees_a_change_to_the_petition_at_once(client, petition_tree, change):
    """Signing keeps what it read of the petition in the cache: a change that matters is seen by
    the very next signature."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    url = sign_url(petition)
    first = client.post(url, form_data(vracar, email="prva@example.org"), REMOTE_ADDR="192.0.2.1")
    assert first.status_code == 302 and first["Location"] == petition.url + "hvala/"
    if change == "close":
        petition.state = PetitionPage.State.CLOSED
        petition.save_revision().publish()
    elif change == "rename":
        petition.slug = "bez-biometrije"
        petition.save_revision().publish()
    elif change == "rename_parent":
        index = petition.get_parent().specific
        index.slug = "akcije"
        index.save_revision().publish()
    elif change == "move":
        home = petition.get_parent().get_parent()
        other = home.add_child(instance=CampaignIndexPage(title="Akcije", slug="akcije"))
        petition.move(other, pos="last-child")
    elif change == "new_site_root":  # the petition is outside every site now
        site = Site.objects.get()
        site.root_page = HomePageFactory(title="Nova", slug="nova")
        site.save()
    elif change == "unpublish":
        petition.unpublish()
    elif change == "restrict":
        PageViewRestriction.objects.create(
            page=petition.get_parent(), restriction_type=PageViewRestriction.LOGIN
        )
    else:
        petition.delete()
    then = client.post(url, form_data(vracar, email="druga@example.org"), REMOTE_ADDR="192.0.2.2")
    stored = Signature.objects.filter(email="druga@example.org")
    if change == "close":
        assert then.status_code == 200 and "Ova peticija je zatvorena" in then.text
        assert not stored.exists()
    elif change in ("rename", "rename_parent", "move"):
        petition.refresh_from_db()
        assert then.status_code == 302 and then["Location"] == petition.url + "hvala/"
        assert petition.url in ("/kampanje/bez-biometrije/", "/akcije/bez-prepoznavanja-lica/")
        assert stored.exists()
    else:
        assert then.status_code == 404 and not stored.exists()


def test_municipalities_are_checked_against_the_current_ones(client, petition_tree):
    """The municipalities' ids are kept in the cache: one added without signals (in bulk) can be
    chosen, a deleted one cannot, nor a translation."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    assert sign(client, petition, form_data(vracar), address="192.0.2.1").status_code == 302
    zemun, surcin = Municipality.objects.bulk_create(
        [
            Municipality(name="Zemun", slug="zemun", locale=vracar.locale),
            Municipality(name="Surčin", slug="surcin", locale=vracar.locale),
        ]
    )
    added = sign(client, petition, form_data(zemun, email="z@example.org"), address="192.0.2.2")
    assert added.status_code == 302
    assert Signature.objects.get(email="z@example.org").municipality == zemun
    surcin_id = surcin.pk
    surcin.delete()
    english = Municipality.objects.get(
        translation_key=vracar.translation_key, locale__language_code="en"
    )
    for place_id in (surcin_id, english.pk):
        data = form_data(vracar, email="x@example.org", municipality=place_id)
        refused = sign(client, petition, data, address="192.0.2.3")
        assert refused.status_code == 200
        assert refused.context_data["form"].errors == {
            "municipality": ["Izaberite opštinu sa spiska."]
        }
    # An unknown id is looked up, and leaves the cached ids alone.
    assert cache.get(MUNICIPALITY_IDS_KEY) == {vracar.pk, zemun.pk}


def test_errors_show_the_page_as_its_own_view_does(client, petition_tree):
    petition = petition_tree["petition"]
    SignatureFactory(petition=petition, first_name="Milica", show_first_name=True).confirm()
    page = client.get(petition.url)
    errors = sign(client, petition, form_data(petition_tree["vracar"], first_name="=1"))
    assert errors.status_code == 200
    assert errors.templates[0].name == page.templates[0].name == "campaigns/petition_page.html"
    shown, with_errors = page.context_data, errors.context_data  # what the views passed
    assert shown.keys() == with_errors.keys()
    for key in ("page", "self", "count", "progress", "percent", "state"):
        assert with_errors[key] == shown[key]
    assert list(with_errors["recent_signers"]) == list(shown["recent_signers"])
    assert with_errors["count"] == 1 and "Milica" in errors.text
    assert with_errors["form"].errors == {
        "first_name": ["Ime ne može da počinje sa =, +, - ili @."]
    }


def test_the_worker_renders_the_mail_in_its_language_and_skips_data_gone_meanwhile(
    petition_tree, mailoutbox
):
    OrganisationSettings.objects.update(name="Inicijativa Kamere")
    english = petition_tree["petition_en"]
    signature = SignatureFactory(petition=petition_tree["petition"], first_name="Ana")
    mail = {
        "signature_id": signature.pk,
        "petition_id": english.pk,
        "template": "campaigns/mail/signature_confirm.txt",
        "language": "en",
    }
    send_signature_mail.enqueue(**mail)
    [message] = mailoutbox
    assert message.to == [signature.email]
    assert message.subject == "Confirm your signature: No facial recognition"
    assert message.body.startswith("Hello Ana,")
    assert message.body.rstrip().endswith("Inicijativa Kamere")  # the site's settings
    assert confirmation_link(message).startswith(english.url + "confirm/")
    Signature.objects.filter(pk=signature.pk).anonymise()
    send_signature_mail.enqueue(**mail)
    signature.delete()
    send_signature_mail.enqueue(**mail)
    assert len(mailoutbox) == 1


# Confirming


def test_get_never_confirms_and_post_confirms_once(
    client, petition_tree, mailoutbox, django_capture_on_commit_callbacks
):
    petition = petition_tree["petition"]
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, form_data(petition_tree["vracar"]))
    link = confirmation_link(mailoutbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert '<form method="post"' in page.content.decode()
    assert Signature.objects.get().confirmed_at is None
    assert petition.confirmed_count() == 0
    assert client.post(link).status_code == 200
    assert client.post(link).status_code == 200
    assert Signature.objects.get().confirmed_at is not None
    assert petition.confirmed_count() == 1
    count = json.loads(client.get(petition.url + "count.json").content)
    assert count == {"count": 1, "goal": 200, "state": "open"}


def test_forged_or_foreign_links_do_not_confirm(client, petition_tree):
    petition = petition_tree["petition"]
    signature = SignatureFactory(petition=petition)
    token = confirmation_token(signature)
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert client.post(f"{petition.url}potvrda/{forged}/").status_code == 404
    unsigned = signature.public_id.hex
    assert client.post(f"{petition.url}potvrda/{unsigned}/").status_code == 404
    assert client.post(f"{petition.url}potvrda/not-hex/").status_code == 404
    other = PetitionPageFactory(parent=petition.get_parent())
    other_token = confirmation_token(SignatureFactory(petition=other))
    # Each way round, so that it holds whichever petition's key sorts first.
    assert client.post(f"{other.url}potvrda/{token}/").status_code == 404
    assert client.post(f"{petition.url}potvrda/{other_token}/").status_code == 404
    assert not Signature.objects.filter(confirmed_at__isnull=False).exists()


def test_an_invalidated_signatures_link_says_so_and_confirms_nothing(client, petition_tree):
    """Not "this link does not work, sign again": signing again cannot bring it back."""
    petition = petition_tree["petition"]
    signature = SignatureFactory(petition=petition)
    invalidate_signatures(Signature.objects.filter(pk=signature.pk))
    link = petition.confirmation_url(signature).removeprefix("http://localhost")
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        html = response.content.decode()
        assert "Ovaj potpis se ne računa" in html
        assert "ponovo da potpišete" not in html
    signature.refresh_from_db()
    assert signature.confirmed_at is None and petition.confirmed_count() == 0


def test_confirmations_accepted_until_a_day_after_closing(client, petition_tree):
    petition = petition_tree["petition"]
    late = SignatureFactory(petition=petition)
    in_time = SignatureFactory(petition=petition)
    petition.deadline = timezone.now() - timedelta(hours=23)
    petition.save()
    # A response is always truthy: the status and the stored confirmation say it worked.
    response = client.post(petition.confirmation_url(in_time).removeprefix("http://localhost"))
    assert response.status_code == 200
    in_time.refresh_from_db()
    assert in_time.confirmed_at is not None
    assert petition.confirmed_count() == 1
    petition.deadline = timezone.now() - timedelta(hours=25)
    petition.save()
    response = client.post(petition.confirmation_url(late).removeprefix("http://localhost"))
    assert response.status_code == 410
    assert "a to vreme je prošlo" in response.content.decode()
    assert petition.confirmed_count() == 1
    late.refresh_from_db()
    assert late.confirmed_at is None


# The count


def test_count_is_only_confirmed_valid_signatures(petition_tree):
    petition = petition_tree["petition"]
    SignatureFactory(petition=petition)  # unconfirmed
    SignatureFactory(petition=petition, over_client_rate=True).confirm()  # counts all the same
    spam = SignatureFactory(petition=petition, email_normalised="bot@spam.example")
    spam.confirm()
    SignatureFactory(petition=petition_tree["petition_en"]).confirm()  # via the translation
    assert petition.confirmed_count() == 3
    assert (
        invalidate_signatures(Signature.objects.filter(email_normalised__endswith="@spam.example"))
        == 1
    )
    assert petition.confirmed_count() == 2
    # Invalidating again changes nothing; confirming an invalidated one adds nothing.
    assert invalidate_signatures(Signature.objects.all()) == 3
    assert petition.confirmed_count() == 0
    fresh = SignatureFactory(petition=petition)
    invalidate_signatures(Signature.objects.filter(pk=fresh.pk))
    fresh.confirm()
    assert petition.confirmed_count() == 0
    assert petition.confirmed_count() == Signature.objects.valid().count()


def test_confirm_says_whether_this_call_confirmed(petition_tree):
    petition = petition_tree["petition"]
    signature = SignatureFactory(petition=petition)
    assert signature.confirm() is True
    assert signature.confirm() is False
    assert petition.confirmed_count() == 1


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the race is staged with SQLite's trigger"
)
def test_a_counter_another_confirmation_created_meanwhile_still_gets_this_one(petition_tree):
    """A petition saved before counters existed, confirmed twice at once: both find no counter
    to add to, one creates it, and the other's insert clashes, so that one must add instead.
    Staged in one connection: a trigger makes the counters' next UPDATE skip the row, as
    though the other confirmation had not inserted it yet, and its insert then clashes."""
    petition = petition_tree["petition"]
    PetitionCount.objects.filter(translation_key=petition.translation_key).update(count=7)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE skip_next_update (flag)")
        cursor.execute("INSERT INTO skip_next_update VALUES (1)")
        # RAISE(IGNORE) skips the row's update but keeps the DELETE: only the next one skips.
        cursor.execute(
            "CREATE TEMP TRIGGER counter_not_there_yet BEFORE UPDATE ON campaigns_petitioncount "
            "WHEN EXISTS (SELECT 1 FROM skip_next_update) "
            "BEGIN DELETE FROM skip_next_update; SELECT RAISE(IGNORE); END"
        )
    try:
        PetitionCount.add(petition.translation_key, 3)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER counter_not_there_yet")
            cursor.execute("DROP TABLE skip_next_update")
    assert petition.confirmed_count() == 10


def test_anonymising_a_signer_takes_their_name_off_the_kept_page(client, petition_tree):
    """As erasing one person's data does: the page kept in the cache must not name them."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    SignatureFactory(
        petition=petition, first_name="Milica", municipality=vracar, show_first_name=True
    ).confirm()
    assert "Milica, Vračar" in client.get(petition.url).text  # kept in the page cache now
    assert Signature.objects.filter(first_name="Milica").anonymise() == 1
    assert "Milica" not in client.get(petition.url).text


def test_count_json_is_cacheable_and_open_to_partner_sites(client, petition_tree):
    petition = petition_tree["petition"]
    # Both translations, as publishing with "sync translated pages" leaves them.
    for page in (petition, petition_tree["petition_en"]):
        page.state = PetitionPage.State.SUCCEEDED
        page.save()
    response = client.get(petition_tree["petition_en"].url + "count.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=30" in response["Cache-Control"]
    assert json.loads(response.content)["state"] == "succeeded"
    assert json.loads(client.get(petition.url + "count.json").content) == {
        "count": 0,
        "goal": 200,
        "state": "succeeded",
    }
    assert client.post(petition.url + "count.json").status_code == 405
    # A HEAD, as link checkers and caches send, is answered as a GET without the body.
    head = client.head(petition.url + "count.json")
    assert (head.status_code, head.content) == (200, b"")
    # Only a petition's own address: not one under it, nor another page.
    assert client.get(petition.url + "hvala/count.json").status_code == 404
    assert client.get("/kampanje/count.json").status_code == 404
    assert client.get("/kampanje/nema-je/count.json").status_code == 404


# Unconfirmed signatures go after 7 days


def test_purge_deletes_only_unconfirmed_signatures_older_than_seven_days(petition_tree):
    petition = petition_tree["petition"]
    old, recent, confirmed = (SignatureFactory(petition=petition) for _ in range(3))
    confirmed.confirm()
    eight_days_ago = timezone.now() - timedelta(days=8)
    Signature.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created_at=eight_days_ago)
    output = StringIO()
    call_command("purge_unconfirmed_signatures", stdout=output)
    assert set(Signature.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
    assert "Deleted 1 unconfirmed signature(s)" in output.getvalue()
    assert petition.confirmed_count() == 1


def test_review_signals_are_blanked_after_thirty_days_and_on_anonymisation(petition_tree):
    petition = petition_tree["petition"]
    old, recent, anonymised = (
        SignatureFactory(petition=petition, client_key="0123456789abcdef", over_client_rate=True)
        for _ in range(3)
    )
    for signature in (old, recent, anonymised):
        signature.confirm()
    Signature.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - REVIEW_SIGNALS_RETENTION - timedelta(hours=1)
    )
    Signature.objects.filter(pk=anonymised.pk).anonymise()
    output = StringIO()
    call_command("purge_unconfirmed_signatures", stdout=output)
    signals = dict(Signature.objects.values_list("pk", "client_key"))
    assert signals == {old.pk: "", recent.pk: "0123456789abcdef", anonymised.pk: ""}
    assert list(Signature.objects.filter(over_client_rate=True)) == [recent]
    assert "blanked the review signals of 1" in output.getvalue()
    assert petition.confirmed_count() == 3  # signals are not the count


def test_the_purge_blanks_either_review_signal_and_counts_the_rows_it_changed(petition_tree):
    petition = petition_tree["petition"]
    flag_only = SignatureFactory(petition=petition, over_client_rate=True)
    key_only = SignatureFactory(petition=petition, client_key="0123456789abcdef")
    neither = SignatureFactory(petition=petition)
    for signature in (flag_only, key_only, neither):
        signature.confirm()
    Signature.objects.update(created_at=timezone.now() - timedelta(days=31))
    output = StringIO()
    call_command("purge_unconfirmed_signatures", stdout=output)
    assert not Signature.objects.filter(over_client_rate=True).exists()
    assert not Signature.objects.exclude(client_key="").exists()
    assert "blanked the review signals of 2" in output.getvalue()  # not the blank one


# The proof of work


def test_the_challenge_endpoint_hands_out_fresh_signed_challenges(client, settings):
    first = client.get(reverse("petition_challenge"))
    second = client.get("/en" + reverse("petition_challenge"))
    assert first.status_code == second.status_code == 200
    assert "no-cache" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
    challenge, other = first.json(), second.json()
    assert challenge["parameters"]["algorithm"] == "PBKDF2/SHA-256"
    assert challenge["parameters"]["cost"] == settings.ALTCHA_COST
    assert challenge["parameters"]["nonce"] != other["parameters"]["nonce"]
    assert challenge["signature"] and challenge["parameters"]["keySignature"]
    assert client.post(reverse("petition_challenge")).status_code == 405
    # What the browser would send back, solved: accepted by the form.
    solved = solved_proof(altcha.Challenge.from_dict(challenge))
    assert altcha.verify_solution(solved, "wrong key").verified is False


@pytest.mark.parametrize(
    ("proof", "message"),
    [
        (None, "Wait until the check that you are a person is done"),
        ("", "Wait until the check that you are a person is done"),
        ("not base64 at all", "The check that you are a person failed."),
        ("eyJ9", "The check that you are a person failed."),  # base64 of broken JSON
        ("W10=", "The check that you are a person failed."),  # []
        ("x" * 5000, "The check that you are a person failed."),
        ("forged", "The check that you are a person failed."),
        ("wrong_answer", "The check that you are a person failed."),
        ("expired", "The check that you are a person expired."),
    ],
)
def test_a_missing_or_bad_proof_is_a_field_error(client, petition_tree, settings, proof, message):
    data = form_data(petition_tree["vracar"])
    if proof is None:
        del data["altcha"]
    elif proof == "forged":
        # Solved, but signed with another key: not one of our challenges.
        settings.SECRET_KEY = "another-key"
        data["altcha"] = solved_proof()
        settings.SECRET_KEY = "test-only-insecure-key"
    elif proof == "wrong_answer":
        challenge = new_challenge()
        solution = altcha.solve_challenge(challenge)
        solution.derived_key = "00" * 32
        data["altcha"] = altcha.Payload(challenge, solution).to_base64()
    elif proof == "expired":
        settings.ALTCHA_EXPIRES = -1
        data["altcha"] = solved_proof()
    else:
        data["altcha"] = proof
    response = sign(client, petition_tree["petition_en"], data)
    assert response.status_code == 200
    assert message in response.text
    assert 'href="#id_altcha"' in response.text and 'id="id_altcha"' in response.text
    assert not Signature.objects.exists()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
PARAMETER_KEYS = ["algorithm", "cost", "keyLength", "keyPrefix", "keySignature", "nonce", "salt"]


def some_keys(keys):
    return st.dictionaries(st.sampled_from(keys) | st.text(max_size=8), JSON, max_size=len(keys))


@hypothesis_settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=300),
    payload=st.fixed_dictionaries(
        {
            "challenge": st.fixed_dictionaries(
                {"parameters": some_keys([*PARAMETER_KEYS, "expiresAt"])},
                optional={"signature": JSON},
            )
            | JSON,
            "solution": some_keys(["counter", "derivedKey", "time"]) | JSON,
        }
    ),
)
def test_no_proof_a_client_can_send_breaks_the_check(text, payload):
    """Any text, and base64 JSON shaped like a payload: refused, never an exception."""
    assert check(text)[0] in {Outcome.INVALID, Outcome.EXPIRED}
    encoded = base64.b64encode(json.dumps(payload).encode()).decode()
    assert check(encoded)[0] in {Outcome.INVALID, Outcome.EXPIRED}


def test_a_proof_is_taken_once(client, petition_tree, django_capture_on_commit_callbacks):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    proof = solved_proof()
    first = sign(client, petition, form_data(vracar, email="prva@example.org", altcha=proof))
    assert first.status_code == 302
    replayed = sign(
        client,
        petition_tree["petition_en"],
        form_data(vracar, email="druga@example.org", altcha=proof),
        address="192.0.2.7",
    )
    assert replayed.status_code == 200
    assert replayed.context_data["form"].errors == {
        "altcha": [
            "This check that you are a person was already used. Let it run again, then sign."
        ]
    }
    assert 'href="#id_altcha"' in replayed.text
    assert list(Signature.objects.values_list("email", flat=True)) == ["prva@example.org"]
    # The proof is kept until its challenge expires, then the hourly purge deletes it.
    kept = RateLimitCounter.objects.get(key__startswith="proof-of-work:")
    assert kept.expires > timezone.now()
    RateLimitCounter.objects.update(expires=timezone.now() - timedelta(seconds=1))
    delete_expired_counters()
    assert not RateLimitCounter.objects.exists()


def test_a_form_with_mistakes_does_not_spend_its_proof(client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    proof = solved_proof()
    mistaken = sign(client, petition, form_data(vracar, first_name="", altcha=proof))
    assert mistaken.status_code == 200 and "altcha" not in mistaken.context_data["form"].errors
    assert sign(client, petition, form_data(vracar, altcha=proof)).status_code == 302
    # Sent before the widget was done, with a mistake: the mistake is what to correct first.
    early = form_data(vracar, email="druga@example.org", first_name="")
    del early["altcha"]
    response = sign(client, petition, early, address="192.0.2.8")
    assert list(response.context_data["form"].errors) == ["first_name"]


def test_the_form_carries_the_widget_from_this_site(client, petition_tree):
    html = client.get(petition_tree["petition_en"].url).text
    assert re.search(r'<altcha-widget name="altcha" challenge="/en/petitions/challenge/"', html)
    assert 'language="en"' in html and "&quot;hideFooter&quot;: true" in html
    assert 'data-worker="/static/vendor/altcha/pbkdf2.js"' in html
    assert '<script type="module" src="/static/vendor/altcha/altcha.min.js">' in html
    assert '<link rel="stylesheet" href="/static/vendor/altcha/altcha.css">' in html
    serbian = client.get(petition_tree["petition"].url).text
    assert 'challenge="/petitions/challenge/" auto="onfocus" language="sr-latn"' in serbian


def test_the_clock_runs_the_purge_hourly():
    from home.management.commands.run_schedule import JOBS

    assert ("purge_unconfirmed_signatures", timedelta(hours=1)) in JOBS


# The migration that ended `counted`


# Serialized like the suite's other transactional tests: the next of them reloads the data.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_counts_the_confirmed_signatures_that_counted_left_out(petition_tree):
    """Before: a signature over the per-client rate was never counted, even once confirmed.
    The migration adds exactly those confirmed and still valid to their petition's count,
    and keeps what `counted` said as the review flag."""
    petition = petition_tree["petition"]
    now = timezone.now()
    kept, over, over_invalidated, over_unconfirmed = (
        SignatureFactory(petition=petition, confirmed_at=now) for _ in range(4)
    )
    Signature.objects.filter(pk=over_invalidated.pk).update(invalidated_at=now)
    Signature.objects.filter(pk=over_unconfirmed.pk).update(confirmed_at=None)
    before = [("campaigns", "0005_signature_petition_key_one_index")]
    after = [("campaigns", "0006_signature_review_signals")]
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        # What the old code left: the count held only the signature within the limits.
        old = executor.loader.project_state(before).apps
        old.get_model("campaigns", "Signature").objects.exclude(pk=kept.pk).update(counted=False)
        old.get_model("campaigns", "PetitionCount").objects.update(count=1)
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new = executor.loader.project_state(after).apps
        count = new.get_model("campaigns", "PetitionCount").objects.get(
            translation_key=petition.translation_key
        )
        assert count.count == 2  # the one counted before, and the confirmed, valid one left out
        flagged = new.get_model("campaigns", "Signature").objects.filter(over_client_rate=True)
        assert set(flagged.values_list("pk", flat=True)) == {
            over.pk,
            over_invalidated.pk,
            over_unconfirmed.pk,
        }
    finally:
        # The schema the other tests need, whatever happened.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert petition.confirmed_count() == Signature.objects.valid().count() == 2
