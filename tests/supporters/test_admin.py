"""Supporters in the editors' admin: the listing and its filters, the CSV of those who agreed
to be contacted, and the dashboard panel."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from campaigns.models import Supporter, WayToHelp
from tests.map.factories import MunicipalityFactory

from .conftest import make_supporter

pytestmark = pytest.mark.django_db

SUPPORTERS = "/admin/supporters/"
EXPORT = "/admin/supporters/export/"


@pytest.fixture(autouse=True)
def no_second_factor(settings):
    # The admin's second factor is tested in tests/accounts/; here it is in the way.
    settings.STAFF_REQUIRE_MFA = False


def staff_client(client, *codenames):
    user = get_user_model().objects.create_user("urednik", password="x")
    group = Group.objects.create(name="urednici")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    user.groups.add(group)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def people(site):
    zvezdara = MunicipalityFactory(name="Zvezdara", slug="zvezdara")
    return {
        "ana": make_supporter(
            "ana@example.org", site["vracar"], ways=[WayToHelp.CAMERAS], newsletter=True
        ),
        "marko": make_supporter(
            "marko@example.org", zvezdara, ways=[WayToHelp.LEGAL, WayToHelp.CAMERAS]
        ),
        "jelena": make_supporter(
            "=jelena@example.org", zvezdara, ways=[WayToHelp.EVENTS], newsletter=True
        ),
        "zvezdara": zvezdara,
    }


def listed(response):
    return sorted(str(row) for row in response.context["object_list"])


def test_listing_filters_by_way_to_help_and_municipality(client, people):
    staff_client(client, "view_supporter")
    assert listed(client.get(SUPPORTERS)) == ["=Jelena", "Ana", "Marko"]
    assert listed(client.get(SUPPORTERS, {"way": "cameras"})) == ["Ana", "Marko"]
    assert listed(client.get(SUPPORTERS, {"way": "events"})) == ["=Jelena"]
    zvezdara = people["zvezdara"].pk
    assert listed(client.get(SUPPORTERS, {"municipality": zvezdara})) == ["=Jelena", "Marko"]
    both = {"municipality": zvezdara, "way": "cameras"}
    assert listed(client.get(SUPPORTERS, both)) == ["Marko"]
    html = client.get(SUPPORTERS).content.decode()
    assert "Legal help, Mapping cameras" not in html  # in WayToHelp's order
    assert "Mapping cameras, Legal help" in html
    assert EXPORT not in html  # no permission, no button


def test_listing_searches_every_word_in_the_name_or_the_address(client, people):
    staff_client(client, "view_supporter")
    assert listed(client.get(SUPPORTERS, {"q": "marko@example"})) == ["Marko"]
    # Each word somewhere: "example.org" is in every address, "ana" only in Ana's.
    assert listed(client.get(SUPPORTERS, {"q": "example.org ana"})) == ["Ana"]
    assert listed(client.get(SUPPORTERS, {"q": "nobody"})) == []
    assert 'name="q"' in client.get(SUPPORTERS).content.decode()


def test_listing_offers_no_search_to_those_who_may_not_see_who_they_are(client, people):
    staff_client(client, "change_supporter")
    assert listed(client.get(SUPPORTERS, {"q": "marko@example"})) == ["=Jelena", "Ana", "Marko"]
    assert 'name="q"' not in client.get(SUPPORTERS).content.decode()


def test_listing_queries_do_not_grow_with_the_rows(client, people):
    staff_client(client, "view_supporter")
    client.get(SUPPORTERS)  # caches warmed
    with CaptureQueriesContext(connection) as three:
        client.get(SUPPORTERS)
    for number in range(5):
        make_supporter(f"novi{number}@example.org", people["zvezdara"], ways=list(WayToHelp))
    with CaptureQueriesContext(connection) as eight:
        assert len(listed(client.get(SUPPORTERS))) == 8
    assert len(eight) == len(three)


def test_export_needs_its_permission(client, people):
    staff_client(client, "view_supporter")
    assert client.get(EXPORT).status_code == 403


def test_export_holds_only_those_who_agreed_to_be_contacted(client, people):
    staff_client(client, "view_supporter", "export_supporter")
    assert EXPORT in client.get(SUPPORTERS).content.decode()
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["First name", "Email", "Municipality", "Ways to help", "Joined at"]
    assert [row[:4] for row in rows[1:]] == [
        ["Ana", "ana@example.org", "Vračar", "Mapping cameras"],
        # A cell that a spreadsheet would run as a formula is shown as text.
        ["'=Jelena", "'=jelena@example.org", "Zvezdara", "Events"],
    ]
    assert "marko@example.org" not in body


def test_export_leaves_out_addresses_nobody_has_confirmed(client, people):
    unverified = make_supporter(
        "neprovereno@example.org", people["zvezdara"], newsletter=True, verified=False
    )
    changed = make_supporter("nova@example.org", people["zvezdara"], newsletter=True)
    # allauth's verified address is the old one; the account's address was changed since.
    changed.user.email = "druga@example.org"
    changed.user.save()
    staff_client(client, "view_supporter", "export_supporter")

    body = b"".join(client.get(EXPORT).streaming_content).decode("utf-8-sig")

    assert "ana@example.org" in body
    assert unverified.user.email not in body
    assert "druga@example.org" not in body


def test_dashboard_panel_counts_the_weeks_new_supporters(client, people):
    Supporter.objects.filter(pk=people["marko"].pk).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    staff_client(client, "view_supporter")
    html = client.get("/admin/").content.decode()
    assert "New supporters this week" in html
    assert "2 people joined in the last seven days." in html


def test_dashboard_panel_only_for_those_who_may_see_supporters(client, people):
    staff_client(client)
    assert "New supporters this week" not in client.get("/admin/").content.decode()
    assert client.get(SUPPORTERS).status_code in (302, 403)
