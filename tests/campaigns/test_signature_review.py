"""The moderators' review of a petition's signatures: clusters by client, domain and hour, and
from a cluster the bulk invalidation with its preview and log entry."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from campaigns.models import Signature
from campaigns.petitions.admin import INVALIDATE_ACTION
from campaigns.petitions.review import CLUSTERS_PER_PAGE

from .test_admin import make_user, signed
from .test_petitions import form_data, petition_tree, sign  # noqa: F401  (the fixture)

# ruff: noqa: F811

pytestmark = pytest.mark.django_db

REVIEW = "/admin/signatures/review/"
INVALIDATE = "/admin/signatures/invalidate/"
BOT = "b0b0b0b0b0b0b0b0"
NOON = timezone.make_aware(datetime(2026, 3, 2, 12, 10))


@pytest.fixture(autouse=True)
def no_second_factor(settings):
    settings.STAFF_REQUIRE_MFA = False


@pytest.fixture
def moderator(client):
    client.force_login(make_user("moderator", "view_signature", "change_signature"))
    return client


@pytest.fixture
def attack(petition_tree):
    """Real signers from their own clients, a rally on one Wi-Fi, and a bot: one client, one
    domain, one hour, mostly unconfirmed and over the per-client rate."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    for number in range(3):
        signed(petition, vracar, email=f"osoba{number}@example.org", client_key=f"{number:016x}")
    for number in range(2):
        signed(
            petition,
            vracar,
            email=f"skup{number}@gmail.com",
            client_key="5ca1ab1e5ca1ab1e",
            over_client_rate=bool(number),
        )
    bots = [
        signed(
            petition,
            vracar,
            email=f"bot{number}@spam.example",
            email_normalised=f"bot{number}@spam.example",
            client_key=BOT,
            over_client_rate=number > 0,
            confirmed=number < 2,
            created_at=NOON + timedelta(minutes=number),
        )
        for number in range(5)
    ]
    return {**petition_tree, "bots": bots}


def clusters(response, kind):
    (found,) = [c for c in response.context["cluster_kinds"] if c.kind == kind]
    return found


def test_clusters_by_client_domain_and_hour_biggest_first(moderator, attack):
    petition = attack["petition"]
    response = moderator.get(REVIEW, {"petition": petition.pk})
    assert response.status_code == 200
    by_client = clusters(response, "client").rows
    top = by_client[0]
    assert (top["group"], top["signatures"], top["confirmed"], top["unconfirmed"]) == (BOT, 5, 2, 3)
    assert (top["invalidated"], top["over_rate"]) == (0, 4)
    assert [row["signatures"] for row in by_client] == [5, 2, 1, 1, 1]
    by_domain = clusters(response, "domain").rows
    assert [(row["group"], row["signatures"]) for row in by_domain] == [
        ("spam.example", 5),
        ("example.org", 3),
        ("gmail.com", 2),
    ]
    by_hour = clusters(response, "hour").rows
    assert by_hour[0]["signatures"] == 5
    assert timezone.localtime(by_hour[0]["group"]) == NOON.replace(minute=0)
    totals = response.context["totals"]
    assert (totals["signatures"], totals["confirmed"], totals["over_rate"]) == (10, 7, 5)
    html = response.text
    # The over-limit flags show, and no address does.
    assert "over the per-client rate 5" in html
    assert "@" not in "".join(line for line in html.splitlines() if "<td" in line or "<th" in line)
    for signature in Signature.objects.all():
        assert signature.email not in html


def test_signing_over_the_client_rate_shows_in_the_review(client, moderator, petition_tree):
    """Signatures sent through the form from one client: one cluster, flagged."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    for number in range(3):
        sign(client, petition, form_data(vracar, email=f"wifi{number}@example.org"))
    response = moderator.get(REVIEW, {"petition": petition.pk})
    (row,) = clusters(response, "client").rows
    assert (row["signatures"], row["unconfirmed"], row["over_rate"]) == (3, 3, 2)


def test_a_cluster_leads_to_the_preview_then_the_logged_invalidation(moderator, client, attack):
    petition = attack["petition"]
    response = moderator.get(REVIEW, {"petition": petition.pk})
    link = clusters(response, "client").rows[0]["invalidate_url"]
    assert link.startswith(INVALIDATE) and f"client_key={BOT}" in link and "preview=1" in link
    preview = moderator.get(link)
    assert preview.context["preview"] == {"signatures": 5, "counted": 2}
    assert petition.confirmed_count() == 7  # a preview changes nothing
    html = preview.text
    assert f'<input type="hidden" name="client_key" value="{BOT}">' in html
    done = moderator.post(INVALIDATE, {"petition": petition.pk, "client_key": BOT})
    assert done.status_code == 302
    assert set(Signature.objects.filter(invalidated_at__isnull=False)) == set(attack["bots"])
    assert petition.confirmed_count() == 5
    entry = PageLogEntry.objects.get(page=petition, action=INVALIDATE_ACTION)
    assert entry.data["invalidated"] == 5 and entry.data["client_key"] is True
    assert BOT not in str(entry.data)
    assert entry.user.username == "moderator"
    # The review shows them invalidated now, and offers nothing more for the cluster.
    after = clusters(moderator.get(REVIEW, {"petition": petition.pk}), "client").rows[0]
    assert (after["invalidated"], after["signatures"]) == (5, 5)


def test_the_hour_and_domain_links_preview_the_same_signatures(moderator, attack):
    petition = attack["petition"]
    response = moderator.get(REVIEW, {"petition": petition.pk})
    hour = moderator.get(clusters(response, "hour").rows[0]["invalidate_url"])
    assert hour.context["preview"]["signatures"] == 5
    domain = moderator.get(clusters(response, "domain").rows[0]["invalidate_url"])
    assert domain.context["preview"]["signatures"] == 5


def test_a_bad_client_key_is_a_field_error(moderator, attack):
    response = moderator.get(
        INVALIDATE, {"preview": "1", "petition": attack["petition"].pk, "client_key": "<b>x"}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["client_key"]


def test_clusters_are_paged_with_queries_constant_in_data_size(
    moderator, petition_tree, django_assert_max_num_queries
):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    for number in range(CLUSTERS_PER_PAGE + 5):
        signed(petition, vracar, confirmed=False, client_key=f"{number:016x}")
    moderator.get(REVIEW, {"petition": petition.pk})
    with django_assert_max_num_queries(40) as few:
        first = moderator.get(REVIEW, {"petition": petition.pk})
    for number in range(30):
        signed(petition, vracar, confirmed=False, client_key=f"{number + 100:016x}")
    with django_assert_max_num_queries(len(few)):
        more = moderator.get(REVIEW, {"petition": petition.pk})
    # An error page costs fewer queries: the count means something only for the real page.
    assert more.status_code == 200 and len(clusters(more, "client").rows) == CLUSTERS_PER_PAGE
    page = clusters(first, "client")
    assert len(page.rows) == CLUSTERS_PER_PAGE and page.has_next
    # 55 clients: pages of 20, 20 and 15.
    last = clusters(moderator.get(REVIEW, {"petition": petition.pk, "client_page": "3"}), "client")
    assert len(last.rows) == 15 and not last.has_next and last.page == 3
    # A page number that is no number is the first page, not an error.
    assert (
        moderator.get(REVIEW, {"petition": petition.pk, "client_page": "x" * 99}).status_code == 200
    )


def test_the_review_needs_the_change_permission(client, attack):
    client.force_login(make_user("reader", "view_signature"))
    assert client.get(REVIEW, {"petition": attack["petition"].pk})["Location"] == "/admin/"
    client.force_login(make_user("moderator2", "view_signature", "change_signature"))
    assert REVIEW in client.get("/admin/signatures/").text
