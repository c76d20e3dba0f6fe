"""The signer's journey (issue 15): after confirming, the count that includes the signature; in
every list of petitions, open ones before won and closed ones."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from campaigns.models import PetitionPage

from .factories import PetitionPageFactory, SignatureFactory
from .test_campaign_pages import index, share_links  # noqa: F401 (the fixture)
from .test_petitions import form_data, petition_tree, sign  # noqa: F401

pytestmark = pytest.mark.django_db

COUNT = re.compile(r'<p class="petition-card__count"[^>]*>(.*?)</p>', re.S)
# The mail's one link, as a path on the test server (its words may be the page's language's).
MAILED_PATH = re.compile(r"^https?://[^/\s]+(/\S+)$", re.M)


def local(url):
    return MAILED_PATH.search(url)[1]


# After confirming


def test_the_confirmed_page_shows_the_count_with_this_signature(
    client,
    petition_tree,  # noqa: F811
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    petition = petition_tree["petition"]  # goal 200
    for _ in range(2):
        SignatureFactory(petition=petition).confirm()
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, form_data(petition_tree["vracar"]))
    [message] = mailoutbox
    link = local(message.body)
    assert link.startswith(petition.url)
    assert not COUNT.search(client.get(link).text)  # the page with the button: not yet

    html = client.post(link).text

    # "3 od 200 potpisa": the two before and this one.
    assert re.fullmatch(r"\s*<strong>3</strong> \w+ 200 \w+\s*", COUNT.search(html)[1])
    assert re.search(
        rf'<progress class="petition-card__progress" max="200" value="3" '
        rf'aria-labelledby="petition-card-{petition.pk}-count">1%</progress>',
        html,
    )
    assert share_links(html)
    # Following the link again later shows the count as it is then.
    SignatureFactory(petition=petition).confirm()
    assert "<strong>4</strong>" in COUNT.search(client.get(link).text)[1]


def test_confirming_costs_the_same_queries_however_many_have_signed(
    client,
    petition_tree,  # noqa: F811
):
    petition = petition_tree["petition"]
    first, second = SignatureFactory(petition=petition), SignatureFactory(petition=petition)
    client.get(petition.url)  # warm Wagtail's site and locale caches
    with CaptureQueriesContext(connection) as before:
        client.post(local(petition.confirmation_url(first)))
    for _ in range(20):
        SignatureFactory(petition=petition).confirm()
    with CaptureQueriesContext(connection) as after:
        html = client.post(local(petition.confirmation_url(second))).text
    assert "<strong>22</strong>" in html
    assert len(after) == len(before)


# Open petitions first


@pytest.fixture
def petitions(index):  # noqa: F811
    """An older open petition and newer won, closed and lapsed (open, deadline passed) ones."""
    now = timezone.now()
    made = {
        "older_open": PetitionPageFactory(parent=index, title="Starija otvorena"),
        "newer_closed": PetitionPageFactory(parent=index, title="Novija zatvorena", state="closed"),
        "newer_won": PetitionPageFactory(parent=index, title="Novija dobijena", state="succeeded"),
        "lapsed": PetitionPageFactory(
            parent=index, title="Istekao rok", deadline=now - timedelta(hours=1)
        ),
    }
    for days, page in zip((30, 1, 2, 3), made.values(), strict=True):
        PetitionPage.objects.filter(pk=page.pk).update(
            first_published_at=now - timedelta(days=days)
        )
    return made


def test_open_first_puts_open_petitions_before_newer_finished_ones(petitions):
    assert list(PetitionPage.objects.open_first()) == [
        petitions["older_open"],
        petitions["newer_closed"],  # then the finished ones, newest first
        petitions["newer_won"],
        petitions["lapsed"],
    ]
    assert list(PetitionPage.objects.open_now()) == [petitions["older_open"]]
    assert set(PetitionPage.objects.finished()) == set(petitions.values()) - {
        petitions["older_open"]
    }


def test_the_campaigns_page_lists_open_petitions_first(client, index, petitions):  # noqa: F811
    html = client.get(index.url).text
    titles = re.findall(r'<h3 class="petition-card__title"><a[^>]*>([^<]+)</a>', html)
    assert titles == ["Starija otvorena", "Novija zatvorena", "Novija dobijena", "Istekao rok"]
    # A petition whose deadline passed is not under "Open petitions", though marked open.
    open_section = html.split('id="petitions-title"')[1].split('id="finished-petitions-title"')[0]
    assert "Starija otvorena" in open_section and "Istekao rok" not in open_section


def test_the_current_petition_is_the_open_one(rf, petitions):
    template = Template("{% load campaign_tags %}{% current_petition as p %}{{ p.title }}")
    with translation.override("sr-latn"):
        assert template.render(Context({"request": rf.get("/")})) == "Starija otvorena"
    PetitionPage.objects.filter(pk=petitions["older_open"].pk).update(state="closed")
    with translation.override("sr-latn"):
        assert template.render(Context({"request": rf.get("/")})) == ""
