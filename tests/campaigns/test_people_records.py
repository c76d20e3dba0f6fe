"""Who sees people's records in the admin (issue 14, finding 4).

Only the "Personal data" group sees signers', registrants', supporters' and camera reporters'
names and addresses; Wagtail's Editors see totals, counts and masked addresses. Every look at
the records leaves an audit log entry that holds neither a name nor an address.
"""

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from campaigns.models import Registration, Signature, Supporter
from campaigns.people_admin import (
    RECORD_OPENED_ACTION,
    RECORDS_EXPORTED_ACTION,
    RECORDS_LISTED_ACTION,
    RECORDS_SEARCHED_ACTION,
)
from home.record_access import mask_email, mask_search
from map.admin_views import CONTACTS_SEEN_ACTION
from map.models import CameraReport
from tests.accounts.conftest import make_user as make_account
from tests.map.factories import CameraReportFactory
from tests.supporters.conftest import make_supporter

from .factories import EventPageFactory, RegistrationFactory, SignatureFactory
from .test_petitions import petition_tree  # noqa: F401  (the fixture)

# ruff: noqa: F811

pytestmark = pytest.mark.django_db

PERSONAL_DATA = "Personal data"
MODERATION = ("change_camerareport", "add_camera", "change_camera")

# What identifies each person; none of it may reach an editor.
SIGNER = {"first_name": "Milica", "last_name": "Jovanovska", "email": "milica.jov@example.org"}
REGISTRANT = {"name": "Dragoljub Registrovani", "email": "dragoljub.reg@example.net"}
SUPPORTER_EMAIL = "jelenasupp@example.com"
REPORTER_EMAIL = "prijava.kontakt@example.org"
REPORTER_ACCOUNT = "nalogprijave@example.org"


@pytest.fixture(autouse=True)
def no_second_factor(settings):
    settings.STAFF_REQUIRE_MFA = False


def staff(username, groups=(), codenames=()):
    user = get_user_model().objects.create_user(username, password="x")
    user.groups.add(*Group.objects.filter(name__in=groups))
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


@pytest.fixture
def people(petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    signature = SignatureFactory(petition=petition, municipality=vracar, **SIGNER)
    signature.confirm()
    event = EventPageFactory(parent=petition.get_parent(), title="Tribina")
    registration = RegistrationFactory(event=event, **REGISTRANT)
    supporter = make_supporter(SUPPORTER_EMAIL, vracar, newsletter=True)
    report = CameraReportFactory(email=REPORTER_EMAIL, reporter=make_account(REPORTER_ACCOUNT))
    return {
        **petition_tree,
        "signature": signature,
        "registration": registration,
        "supporter": supporter,
        "report": report,
    }


def identities(people):
    """Every name and address of the people, as they could show in a page."""
    supporter = people["supporter"]
    return [
        *SIGNER.values(),
        *REGISTRANT.values(),
        SUPPORTER_EMAIL,
        supporter.first_name,
        supporter.user.username,
        REPORTER_EMAIL,
        REPORTER_ACCOUNT,
        people["report"].reporter.username,
    ]


def admin_urls(people):
    """Every page of these records an editor might open, with searches by an address."""
    signature, registration = people["signature"], people["registration"]
    petition = people["petition"]
    return [
        "/admin/",
        "/admin/signatures/",
        f"/admin/signatures/results/?q={SIGNER['email']}",
        f"/admin/signatures/?q={SIGNER['last_name']}",
        f"/admin/signatures/inspect/{signature.pk}/",
        f"/admin/signatures/totals/?petition={petition.pk}",
        f"/admin/signatures/totals/?petition={petition.pk}&format=csv",
        f"/admin/signatures/invalidate/?preview=1&petition={petition.pk}&domain=example.org",
        f"/admin/signatures/export/{petition.pk}/",
        "/admin/registrations/",
        f"/admin/registrations/results/?q={REGISTRANT['email']}",
        f"/admin/registrations/inspect/{registration.pk}/",
        "/admin/supporters/",
        f"/admin/supporters/?q={SUPPORTER_EMAIL}",
        f"/admin/supporters/inspect/{people['supporter'].pk}/",
        "/admin/supporters/export/",
        "/admin/camera-reports/",
        # Wagtail's own search, whose page also offers images, documents, snippets, users.
        f"/admin/pages/search/?q={SIGNER['email']}",
        f"/admin/pages/search/?q={SIGNER['last_name']}",
        "/admin/reports/site-history/",
    ]


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def test_an_editor_never_sees_who_signed_registered_joined_or_reported(client, people):
    # Wagtail's Editors, and moderation of camera reports on top: still no one's identity.
    client.force_login(staff("urednica", groups=["Editors"], codenames=MODERATION))
    searched = {SIGNER["email"], SIGNER["last_name"], REGISTRANT["email"], SUPPORTER_EMAIL}
    opened = []
    for url in admin_urls(people):
        response = client.get(url)
        assert response.status_code in (200, 302, 403), url
        text = body(response)
        for identity in identities(people):
            if identity in searched and identity in url:
                # What the editor typed comes back in the search box and the page's own links.
                typed = (f'value="{identity}"', f"<em>{identity}</em>", f"q={identity}")
                for echo in (*typed, f"q={quote(identity)}"):
                    text = text.replace(echo, "")
            assert identity not in text, (url, identity)
        if response.status_code == 200:
            opened.append(url)
    # Editors still work: the listings with masked addresses, totals, the preview, the queue.
    for url in (
        "/admin/signatures/",
        f"/admin/signatures/inspect/{people['signature'].pk}/",
        "/admin/registrations/",
        f"/admin/signatures/totals/?petition={people['petition'].pk}",
        "/admin/camera-reports/",
    ):
        assert any(page.startswith(url) for page in opened), url
    listing = client.get("/admin/signatures/").content.decode()
    assert mask_email(SIGNER["email"]) == "m•••@example.org"
    assert "m•••@example.org" in listing
    assert "p•••@example.org" in client.get("/admin/camera-reports/").content.decode()
    # No search box, and a search in the address is not run.
    assert 'name="q"' not in listing
    response = client.get("/admin/signatures/results/", {"q": "nobody-signed-this"})
    assert [row.pk for row in response.context["object_list"]] == [people["signature"].pk]
    # What the editor was shown is in the audit log, marked as masked.
    entries = ModelLogEntry.objects.filter(user__username="urednica")
    assert entries.filter(action=RECORDS_LISTED_ACTION).exists()
    assert not any(entry.data["identities"] for entry in entries)


def test_the_editors_groups_have_no_view_permission_the_personal_data_group_has_them():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    identity_permissions = {
        "view_signature",
        "view_registration",
        "view_supporter",
        "view_camerareport",
    }
    assert not identity_permissions & codenames("Editors")
    assert not identity_permissions & codenames("Moderators")
    assert {"change_signature", "change_registration"} <= codenames("Editors")
    group = Group.objects.get(name=PERSONAL_DATA)
    records = group.permissions.filter(content_type__app_label__in=["campaigns", "map"])
    assert set(records.values_list("codename", flat=True)) == identity_permissions
    assert "access_admin" in codenames(PERSONAL_DATA)


def test_the_personal_data_group_sees_people_and_each_look_is_logged_without_them(client, people):
    client.force_login(staff("zapisnicar", groups=[PERSONAL_DATA]))
    signature, registration = people["signature"], people["registration"]
    supporter = people["supporter"]
    seen = {
        "/admin/signatures/": "Milica Jovanovska",
        f"/admin/signatures/results/?q={SIGNER['email']}": "Milica Jovanovska",
        f"/admin/signatures/inspect/{signature.pk}/": SIGNER["email"],
        "/admin/registrations/": REGISTRANT["name"],
        f"/admin/registrations/inspect/{registration.pk}/": REGISTRANT["email"],
        "/admin/supporters/": SUPPORTER_EMAIL,
        f"/admin/supporters/inspect/{supporter.pk}/": supporter.first_name,
    }
    for url, identity in seen.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert identity in response.content.decode(), url
    client.force_login(staff("moderator", groups=[PERSONAL_DATA], codenames=MODERATION))
    queue = client.get("/admin/camera-reports/").content.decode()
    assert f'href="mailto:{REPORTER_EMAIL}"' in queue

    entries = list(ModelLogEntry.objects.filter(action__in=LOGGED_ACTIONS))
    assert len(entries) == len(seen) + 1
    for entry in entries:
        logged = f"{entry.label} {entry.data} {entry.message}"
        for identity in identities(people):
            assert identity not in logged, (entry.action, identity)
        assert entry.data["identities"] is True
        assert entry.user.username in ("zapisnicar", "moderator")
    search = ModelLogEntry.objects.get(action=RECORDS_SEARCHED_ACTION)
    assert search.data["search"] == "m•••@example.org"
    assert search.data["ids"] == [signature.pk]
    assert search.data["view"] == "/admin/signatures/results/"
    with translation.override("en"):
        assert search.message == "Searched for “m•••@example.org”: 1 record shown"
    opened = ModelLogEntry.objects.filter(action=RECORD_OPENED_ACTION)
    assert {
        (entry.content_type.model_class(), entry.object_id, entry.label) for entry in opened
    } == {
        (Signature, str(signature.pk), f"#{signature.pk}"),
        (Registration, str(registration.pk), f"#{registration.pk}"),
        (Supporter, str(supporter.pk), f"#{supporter.pk}"),
    }
    listed = ModelLogEntry.objects.filter(action=RECORDS_LISTED_ACTION)
    assert {entry.content_type.model_class() for entry in listed} == {
        Signature,
        Registration,
        Supporter,
    }
    contacts = ModelLogEntry.objects.get(action=CONTACTS_SEEN_ACTION)
    assert contacts.content_type.model_class() is CameraReport
    assert contacts.data["ids"] == [people["report"].pk]


LOGGED_ACTIONS = [
    RECORDS_LISTED_ACTION,
    RECORDS_SEARCHED_ACTION,
    RECORD_OPENED_ACTION,
    RECORDS_EXPORTED_ACTION,
    CONTACTS_SEEN_ACTION,
]


def test_filters_are_logged_and_the_log_is_in_the_site_history(client, people):
    client.force_login(staff("zapisnicar", groups=[PERSONAL_DATA]))
    petition = people["petition"]
    client.get("/admin/signatures/", {"petition": petition.pk, "state": "confirmed"})
    entry = ModelLogEntry.objects.get(action=RECORDS_LISTED_ACTION)
    assert entry.data["filters"] == {"petition": petition.pk, "state": "confirmed"}
    assert entry.data["ids"] == [people["signature"].pk]
    admin = get_user_model().objects.create_superuser("admin", password="x")
    UserProfile.objects.create(user=admin, preferred_language="en")
    client.force_login(admin)
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "1 record listed (names and addresses shown)" in history
    for identity in identities(people):
        assert identity not in history


def test_exports_need_the_view_permission_too_and_are_logged(client, people):
    exporter = staff("izvoz", codenames=["access_admin", "export_signature", "export_supporter"])
    client.force_login(exporter)
    petition = people["petition"]
    assert client.get(f"/admin/signatures/export/{petition.pk}/").status_code == 403
    assert client.get("/admin/supporters/export/").status_code == 403
    exporter.groups.add(Group.objects.get(name=PERSONAL_DATA))
    client.force_login(get_user_model().objects.get(pk=exporter.pk))
    response = client.get("/admin/supporters/export/")
    assert SUPPORTER_EMAIL in body(response)
    entry = ModelLogEntry.objects.get(action=RECORDS_EXPORTED_ACTION)
    assert entry.data["count"] == 1 and SUPPORTER_EMAIL not in str(entry.data)
    assert client.get(f"/admin/signatures/export/{petition.pk}/").status_code == 200


def test_a_moderator_without_the_group_sees_the_reporters_address_masked(client, people):
    client.force_login(staff("moderator", codenames=["access_admin", *MODERATION]))
    queue = client.get("/admin/camera-reports/").content.decode()
    assert REPORTER_EMAIL not in queue and "mailto:" not in queue
    assert "p•••@example.org" in queue and "A supporter with an account" in queue
    entry = ModelLogEntry.objects.get(action=CONTACTS_SEEN_ACTION)
    assert entry.data["identities"] is False


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("milica@gmail.com", "m•••@gmail.com"),
        ("a@b.example", "a•••@b.example"),
        ("čedomir@primer.rs", "č•••@primer.rs"),
        ("", ""),
        (None, ""),
        ("no-at-sign", "n•••"),
    ],
)
def test_one_mask_for_addresses(address, masked):
    assert mask_email(address) == masked


def test_a_search_is_logged_masked():
    assert mask_search("Ana Petrović ana@example.org") == "A••• P••• a•••@example.org"
    assert len(mask_search("x " * 1000).split()) == 10
