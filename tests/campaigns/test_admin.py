"""The editors' admin for signatures and registrations: listings, bulk invalidation, the CSV
export and the totals per municipality."""

import csv
import io
import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from campaigns.models import PetitionCount, Registration, Signature, invalidate_signatures
from campaigns.petitions.admin import EXPORT_ACTION, INVALIDATE_ACTION
from tests import factories
from tests.map.factories import MunicipalityFactory

from .factories import (
    EventPageFactory,
    PetitionPageFactory,
    RegistrationFactory,
    SignatureFactory,
)
from .test_petitions import petition_tree  # noqa: F401  (the fixture)

# pytest fixtures are named as arguments, which ruff reads as redefinitions of the import.
# ruff: noqa: F811

pytestmark = pytest.mark.django_db

SIGNATURES = "/admin/signatures/"
REGISTRATIONS = "/admin/registrations/"
INVALIDATE = "/admin/signatures/invalidate/"
TOTALS = "/admin/signatures/totals/"
BELGRADE_NOON = timezone.make_aware(datetime(2026, 3, 2, 12, 0))


@pytest.fixture(autouse=True)
def no_second_factor(settings):
    # The second factor (home/accounts/staff_mfa.py) is tested on its own; here it is in the way.
    settings.STAFF_REQUIRE_MFA = False


def make_user(username, *codenames):
    # The admin speaks each user's language: English here, for the strings the tests read.
    return factories.make_user(username, permissions=("access_admin", *codenames), language="en")


# Staff who also see who the people are (view_*: the "Personal data" group's permissions).
EDITOR_PERMISSIONS = (
    "view_signature",
    "change_signature",
    "view_registration",
    "change_registration",
)


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("editor", *EDITOR_PERMISSIONS))
    return client


@pytest.fixture
def exporter_client(client):
    client.force_login(make_user("exporter", *EDITOR_PERMISSIONS, "export_signature"))
    return client


def signed(petition, municipality, confirmed=True, created_at=None, **fields):
    """A signature, confirmed (and so counted) unless told otherwise."""
    signature = SignatureFactory(petition=petition, municipality=municipality, **fields)
    if created_at:
        Signature.objects.filter(pk=signature.pk).update(created_at=created_at)
    if confirmed:
        signature.confirm()
    return signature


def listed_names(response):
    return {
        signature.first_name
        for signature in response.context["object_list"]
        if isinstance(signature, Signature)
    }


def public_count(client, petition):
    return client.get(f"{petition.url}count.json").json()["count"]


def read_csv(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


# Who gets in


@pytest.mark.parametrize(
    "url", [SIGNATURES, REGISTRATIONS, INVALIDATE, TOTALS, "/admin/signatures/export/1/"]
)
def test_anonymous_people_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_people_without_campaign_permissions_see_neither_menu_nor_listings(client):
    client.force_login(make_user("writer", "add_page"))
    assert "/admin/signatures/" not in client.get("/admin/").content.decode()
    # Wagtail answers a forbidden admin page by sending the user to the dashboard.
    for url in (SIGNATURES, REGISTRATIONS, INVALIDATE, TOTALS):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url


def test_the_campaigns_menu_holds_signatures_and_registrations(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert "Campaigns" in html or "Kampanje" in html
    assert SIGNATURES in html and REGISTRATIONS in html


# The signatures listing


def test_signatures_are_listed_read_only(editor_client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    signature = signed(petition, vracar, first_name="Milica", last_name="Jović")
    response = editor_client.get(SIGNATURES)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Milica Jović" in html and "Vračar" in html and petition.title in html
    assert f"{SIGNATURES}inspect/{signature.pk}/" in html
    # No adding, editing, copying or deleting: these are people's own records.
    assert "Add signature" not in html and "/edit/" not in html and "/delete/" not in html
    for path in ("new/", f"edit/{signature.pk}/", f"delete/{signature.pk}/"):
        assert editor_client.get(SIGNATURES + path).status_code == 404
    inspect = editor_client.get(f"{SIGNATURES}inspect/{signature.pk}/").content.decode()
    fields = dict(re.findall(r"<dt>(.*?)</dt>\s*<dd>\s*(.*?)\s*</dd>", inspect, re.S))
    assert fields["Email"] == signature.email
    assert (fields["Newsletter"], fields["Invalidated at"]) == ("No", "—")
    assert fields["Over the per-client rate"] == "No"  # a review signal


def test_the_signatures_listing_costs_the_same_queries_for_3_or_40_rows(
    editor_client, petition_tree, django_assert_max_num_queries
):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    other = MunicipalityFactory(name="Zvezdara")
    for _ in range(3):
        signed(petition, vracar)
    editor_client.get(SIGNATURES)  # warm the per-user caches
    # Three of them write the audit log's entry (campaigns/people_admin.py).
    with django_assert_max_num_queries(17) as few:
        response = editor_client.get(SIGNATURES)
    assert response.status_code == 200 and len(response.context["object_list"]) == 3
    few_rows_queries = len(few.captured_queries)
    for number in range(37):
        signed(petition_tree["petition_en"], other if number % 2 else vracar)
    with django_assert_max_num_queries(few_rows_queries):
        response = editor_client.get(SIGNATURES)
    assert len(response.context["object_list"]) == 40


def test_signatures_filter_by_petition_across_its_translations(editor_client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    other = PetitionPageFactory(parent=petition.get_parent(), title="Druga peticija")
    signed(petition, vracar, first_name="Srpska")
    signed(petition_tree["petition_en"], vracar, first_name="English")
    signed(other, vracar, first_name="Druga")
    response = editor_client.get(SIGNATURES, {"petition": petition.pk})
    assert listed_names(response) == {"Srpska", "English"}
    response = editor_client.get(SIGNATURES, {"petition": other.pk})
    assert listed_names(response) == {"Druga"}


def test_signatures_filter_by_state(editor_client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    signed(petition, vracar, first_name="Potvrdila")
    signed(petition, vracar, confirmed=False, first_name="Čeka")
    # Over the per-client rate, and confirmed: counted, and flagged for the review.
    signed(petition, vracar, over_client_rate=True, first_name="Prebrza")
    spam = signed(petition, vracar, first_name="Spam")
    invalidate_signatures(Signature.objects.filter(pk=spam.pk))
    expected = {
        "confirmed": {"Potvrdila", "Prebrza"},
        "unconfirmed": {"Čeka"},
        "over_limit": {"Prebrza"},
        "invalidated": {"Spam"},
        "": {"Potvrdila", "Čeka", "Prebrza", "Spam"},
    }
    for state, names in expected.items():
        assert listed_names(editor_client.get(SIGNATURES, {"state": state})) == names, state


def test_signatures_filter_by_municipality_and_signing_date(editor_client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    zvezdara = MunicipalityFactory(name="Zvezdara")
    signed(petition, vracar, first_name="Prva", created_at=BELGRADE_NOON - timedelta(days=1))
    signed(petition, zvezdara, first_name="Druga", created_at=BELGRADE_NOON)
    signed(petition, vracar, first_name="Treća", created_at=BELGRADE_NOON + timedelta(days=2))
    response = editor_client.get(SIGNATURES, {"municipality": vracar.pk})
    assert listed_names(response) == {"Prva", "Treća"}
    # Whole days, both ends included, in Belgrade time.
    dates = {"signed_at_from": "2026-03-01", "signed_at_to": "2026-03-02"}
    assert listed_names(editor_client.get(SIGNATURES, dates)) == {"Prva", "Druga"}
    later = {"signed_at_from": "2026-03-03"}
    assert listed_names(editor_client.get(SIGNATURES, later)) == {"Treća"}


def test_signatures_are_searched_by_name_and_email(editor_client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    signed(petition, vracar, first_name="Ana", last_name="Petrović", email="ana@example.org")
    signed(petition, vracar, first_name="Ana", last_name="Marković", email="am@spam.example")
    signed(petition, vracar, first_name="Jovan", last_name="Petrović", email="jp@example.org")
    search = "/admin/signatures/results/"
    assert listed_names(editor_client.get(search, {"q": "Ana Petrović"})) == {"Ana"}
    assert len(editor_client.get(search, {"q": "Ana Petrović"}).context["object_list"]) == 1
    assert listed_names(editor_client.get(search, {"q": "spam.example"})) == {"Ana"}
    assert listed_names(editor_client.get(search, {"q": "petrović"})) == {"Ana", "Jovan"}


# The registrations listing


def test_registrations_are_listed_and_filtered_by_event_and_status(
    editor_client, petition_tree, django_assert_max_num_queries
):
    index = petition_tree["petition"].get_parent()
    protest = EventPageFactory(parent=index, title="Protest")
    talk = EventPageFactory(parent=index, title="Tribina")
    RegistrationFactory(event=protest, name="Marko")
    RegistrationFactory(event=protest, name="Jelena", status=Registration.Status.WAITING)
    RegistrationFactory(event=talk, name="Nikola")
    editor_client.get(REGISTRATIONS)
    # Three of them write the audit log's entry (campaigns/people_admin.py).
    with django_assert_max_num_queries(17) as few:
        response = editor_client.get(REGISTRATIONS)
    few_rows_queries = len(few.captured_queries)  # the next request empties the query log
    html = response.content.decode()
    assert "Marko" in html and "Protest" in html and "On the waiting list" in html
    assert "/edit/" not in html and "Add event registration" not in html

    def names(**query):
        response = editor_client.get(REGISTRATIONS, query)
        return {registration.name for registration in response.context["object_list"]}

    assert names(event=protest.pk) == {"Marko", "Jelena"}
    assert names(status="waiting") == {"Jelena"}
    assert names(event=talk.pk, status="confirmed") == {"Nikola"}
    for number in range(20):
        RegistrationFactory(event=talk if number % 2 else protest)
    with django_assert_max_num_queries(few_rows_queries):
        response = editor_client.get(REGISTRATIONS)
    assert response.status_code == 200 and len(response.context["object_list"]) == 23


# Bulk invalidation


@pytest.fixture
def spam_attack(petition_tree):
    """Four real signers and a burst of spam from one domain and its subdomain, at noon."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    for number in range(3):
        signed(petition, vracar, email=f"osoba{number}@example.org")
    signed(petition, vracar, email="prava@notspam.example")
    spam = [
        signed(petition, vracar, email="bot1@spam.example", created_at=BELGRADE_NOON),
        signed(petition, vracar, email="bot2@MAIL.Spam.Example", created_at=BELGRADE_NOON),
        signed(petition, vracar, email="bot3@spam.example", confirmed=False),
        signed(petition, vracar, email="bot4@spam.example", confirmed=False, over_client_rate=True),
    ]
    return {**petition_tree, "spam": spam}


def preview(client, **data):
    return client.get(INVALIDATE, {"preview": "1", **data})


def test_the_preview_counts_what_matches_and_changes_nothing(editor_client, spam_attack):
    petition = spam_attack["petition"]
    response = preview(editor_client, petition=petition.pk, domain="@Spam.Example")
    assert response.context["preview"] == {"signatures": 4, "counted": 2}
    html = response.content.decode()
    assert "4 signatures match." in html
    assert "Of these, 2 are in the count now" in html
    # The confirmation posts the same choice again.
    assert '<input type="hidden" name="domain" value="@Spam.Example">' in html
    assert petition.confirmed_count() == 6
    assert not Signature.objects.filter(invalidated_at__isnull=False).exists()
    # A time range alone: the two at noon, from any domain.
    response = preview(
        editor_client,
        petition=petition.pk,
        signed_from="2026-03-02 11:59",
        signed_before="2026-03-02 12:01",
    )
    assert response.context["preview"] == {"signatures": 2, "counted": 2}


def test_invalidating_takes_the_spam_out_of_the_count_and_logs_it(
    editor_client, client, spam_attack
):
    petition = spam_attack["petition"]
    assert public_count(client, petition) == 6
    response = editor_client.post(INVALIDATE, {"petition": petition.pk, "domain": "spam.example"})
    assert response.status_code == 302
    assert response["Location"] == f"{SIGNATURES}?petition={petition.pk}&state=invalidated"
    invalidated = Signature.objects.filter(invalidated_at__isnull=False)
    assert set(invalidated) == set(spam_attack["spam"])
    assert PetitionCount.objects.get(translation_key=petition.translation_key).count == 4
    assert public_count(client, petition) == 4
    assert public_count(client, spam_attack["petition_en"]) == 4
    entry = PageLogEntry.objects.get(page=petition, action=INVALIDATE_ACTION)
    assert entry.user.username == "editor"
    assert entry.data["invalidated"] == 4 and entry.data["domain"] == "spam.example"
    # Registered, so the petition's history and the site history report can show it.
    assert log_registry.get_action_label(INVALIDATE_ACTION) == "Invalidate signatures"
    assert entry.message == "4 signatures invalidated"
    admin = get_user_model().objects.create_superuser("admin", password="x")
    UserProfile.objects.create(user=admin, preferred_language="en")
    editor_client.force_login(admin)
    report = editor_client.get("/admin/reports/site-history/").content.decode()
    assert "4 signatures invalidated" in report
    # Again: nothing is left to invalidate, and the count stays.
    editor_client.post(INVALIDATE, {"petition": petition.pk, "domain": "spam.example"})
    assert petition.confirmed_count() == 4


def test_invalidating_by_time_range_keeps_the_rest(editor_client, spam_attack):
    petition = spam_attack["petition"]
    editor_client.post(
        INVALIDATE,
        {
            "petition": petition.pk,
            "domain": "spam.example",
            "signed_from": "2026-03-02 11:00",
            "signed_before": "2026-03-02 13:00",
        },
    )
    assert set(Signature.objects.filter(invalidated_at__isnull=False)) == set(
        spam_attack["spam"][:2]
    )
    assert petition.confirmed_count() == 4


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"domain": "not a domain"}, "domain", "Enter a domain such as spam.example"),
        ({"domain": "bot@spam.example"}, "domain", "Enter a domain such as spam.example"),
        ({}, "domain", "Give an email domain, a time range, or both."),
        (
            {"signed_from": "2026-03-02 12:00", "signed_before": "2026-03-02 11:00"},
            "signed_before",
            "The end of the time range must be after its start.",
        ),
        ({"signed_from": "yesterday"}, "signed_from", "Enter a date and time like"),
    ],
)
def test_invalid_choices_get_field_specific_errors(
    editor_client, spam_attack, data, field, message
):
    petition = spam_attack["petition"]
    for response in (
        preview(editor_client, petition=petition.pk, **data),
        editor_client.post(INVALIDATE, {"petition": petition.pk, **data}),
    ):
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert list(errors) == [field]
        # The messages are lazy: read them in the editor's language, as the page did.
        with translation.override("en"):
            assert errors[field][0].startswith(message)
        assert "preview" not in response.context
    assert petition.confirmed_count() == 6


def test_a_petition_must_be_chosen(editor_client, spam_attack):
    response = editor_client.post(INVALIDATE, {"domain": "spam.example"})
    assert "Choose the petition whose signatures to invalidate." in response.content.decode()


def test_invalidating_needs_the_change_permission(client, spam_attack):
    client.force_login(make_user("reader", "view_signature"))
    petition = spam_attack["petition"]
    assert client.get(INVALIDATE)["Location"] == "/admin/"
    response = client.post(INVALIDATE, {"petition": petition.pk, "domain": "spam.example"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert petition.confirmed_count() == 6
    assert "Invalidate in bulk" not in client.get(SIGNATURES).content.decode()


# The export


def export_url(petition):
    return f"/admin/signatures/export/{petition.pk}/"


def test_exporting_needs_its_own_permission(editor_client, petition_tree):
    petition = petition_tree["petition"]
    assert editor_client.get(export_url(petition)).status_code == 403
    totals = editor_client.get(TOTALS, {"petition": petition.pk}).content.decode()
    assert export_url(petition) not in totals
    assert not PageLogEntry.objects.filter(action=EXPORT_ACTION).exists()


def test_the_export_streams_confirmed_valid_signatures_as_excel_ready_csv(
    exporter_client, petition_tree, django_assert_max_num_queries
):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    first = signed(
        petition, vracar, first_name="Đorđe", last_name="Šćepanović", email="djordje@example.org"
    )
    # Stored before the form refused such names, or written some other way.
    signed(petition_tree["petition_en"], vracar, first_name="=HYPERLINK(1)", last_name="+1")
    signed(petition, vracar, first_name="@SUM", last_name="\tTab", email="-x@example.org")
    signed(petition, vracar, first_name="Nepotvrđena", confirmed=False)
    signed(petition, vracar, first_name="Prebrza", over_client_rate=True)  # counted: exported
    spam = signed(petition, vracar, first_name="Spam")
    invalidate_signatures(Signature.objects.filter(pk=spam.pk))

    with django_assert_max_num_queries(12):
        response = exporter_client.get(export_url(petition))
        assert isinstance(response, StreamingHttpResponse)
        rows = read_csv(response)
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="bez-prepoznavanja-lica-{today}.csv"'
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert rows[0] == [
        "First name",
        "Last name",
        "Email",
        "Municipality",
        "Signed at",
        "Confirmed at",
        "Consent version",
    ]
    first.refresh_from_db()
    assert rows[1] == [
        "Đorđe",
        "Šćepanović",
        "djordje@example.org",
        "Vračar",
        timezone.localtime(first.created_at).strftime("%Y-%m-%d %H:%M:%S"),
        timezone.localtime(first.confirmed_at).strftime("%Y-%m-%d %H:%M:%S"),
        first.consent_version,
    ]
    assert rows[2][:2] == ["'=HYPERLINK(1)", "'+1"]
    assert rows[3][:3] == ["'@SUM", "'\tTab", "'-x@example.org"]
    assert rows[4][0] == "Prebrza" and len(rows) == 5
    entry = PageLogEntry.objects.get(page=petition, action=EXPORT_ACTION)
    assert entry.user.username == "exporter" and entry.data == {"signatures": 4}


def test_the_export_button_shows_for_those_allowed(exporter_client, petition_tree):
    petition = petition_tree["petition"]
    html = exporter_client.get(TOTALS, {"petition": petition.pk}).content.decode()
    assert export_url(petition) in html


# Totals per municipality


def test_totals_per_municipality_in_both_languages_survive_anonymisation(
    editor_client, petition_tree
):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    zvezdara = MunicipalityFactory(name="Zvezdara")
    for _ in range(3):
        signed(petition, vracar)
    signed(petition_tree["petition_en"], zvezdara)
    signed(petition, zvezdara, confirmed=False)
    signed(petition, zvezdara, over_client_rate=True)

    def totals():
        response = editor_client.get(TOTALS, {"petition": petition.pk})
        return [(row["names"], row["signatures"]) for row in response.context["rows"]]

    expected = [(["Vračar", "Vrachar"], 3), (["Zvezdara", "Zvezdara"], 2)]
    assert totals() == expected
    html = editor_client.get(TOTALS, {"petition": petition.pk}).content.decode()
    assert "Vrachar" in html and "<td>5</td>" in html
    # What anonymisation leaves: the municipality and the confirmation, no person.
    Signature.objects.update(first_name="", last_name="", email="", email_normalised=None)
    assert totals() == expected
    assert listed_names(editor_client.get(SIGNATURES)) == {""}
    assert "(anonymised)" in editor_client.get(SIGNATURES).content.decode()


def test_totals_as_csv(editor_client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    signed(petition, vracar)
    response = editor_client.get(TOTALS, {"petition": petition.pk, "format": "csv"})
    assert read_csv(response) == [
        ["Municipality (Srpski)", "Municipality (English)", "Signatures"],
        ["Vračar", "Vrachar", "1"],
    ]


def test_a_petition_written_only_in_english_can_be_chosen(editor_client, petition_tree):
    index_en = petition_tree["petition_en"].get_parent()
    english_only = PetitionPageFactory(parent=index_en, title="Only in English")
    choices = editor_client.get(TOTALS).context["form"].fields["petition"].queryset
    assert set(choices) == {petition_tree["petition"], english_only}


def test_wagtails_editors_group_works_on_campaigns_but_sees_no_one_and_does_not_export():
    granted = set(
        Group.objects.get(name="Editors")
        .permissions.filter(content_type__app_label="campaigns")
        .values_list("codename", flat=True)
    )
    # Who signed or registered: the "Personal data" group (tests/campaigns/test_people_records.py).
    assert {"change_signature", "change_registration"} <= granted
    assert not {"view_signature", "view_registration", "view_supporter"} & granted
    assert {"add_petitionupdate", "change_petitionupdate"} <= granted
    assert "export_signature" not in granted
