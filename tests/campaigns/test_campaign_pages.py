"""Campaign pages that move people: petition cards, share links, default Open Graph images and
the event's map with directions."""

import re
from datetime import timedelta
from io import BytesIO
from urllib.parse import quote

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image
from wagtail.models import Page, PageViewRestriction, Site

from campaigns.models import PetitionPage
from home import social_images
from home.models import OrganisationSettings
from tests.home.factories import HomePageFactory

from .factories import (
    CampaignIndexPageFactory,
    EventPageFactory,
    PetitionPageFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db

OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]+)">')


@pytest.fixture
def index(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Početna", slug="pocetna")
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    OrganisationSettings.objects.update_or_create(site=site, defaults={"name": "Kamere"})
    return CampaignIndexPageFactory(parent=home)


def confirmed_signatures(petition, number):
    for _ in range(number):
        SignatureFactory(petition=petition).confirm()


# Petition cards


def test_campaigns_page_lists_petitions_as_cards_with_count_goal_and_progress(client, index):
    petition = PetitionPageFactory(parent=index, title="Bez prepoznavanja lica", goal=5000)
    confirmed_signatures(petition, 3)
    html = client.get(index.url).text
    card = re.search(r'<article class="petition-card">.*?</article>', html, re.S)[0]
    assert "Bez prepoznavanja lica" in card
    # "3 od 5.000 potpisa" once translated; the figures are in the reader's format.
    assert re.search(r"<strong>3</strong> \w+ 5\.000 \w+", card)
    assert (
        f'<progress class="petition-card__progress" max="5000" value="3" '
        f'aria-labelledby="petition-card-{petition.pk}-count">0%</progress>'
    ) in card
    assert f'href="{petition.url}#petition-sign-title"' in card


def test_won_and_goal_reached_petitions_are_celebrated(client, index):
    won = PetitionPageFactory(parent=index, title="Dobijena", state="succeeded", goal=10)
    reached = PetitionPageFactory(parent=index, title="Ispunjen cilj", goal=2)
    confirmed_signatures(reached, 3)
    closed = PetitionPageFactory(parent=index, title="Zatvorena", state="closed")
    html = client.get(index.url).text
    cards = {
        title: re.search(rf'<article class="([^"]+)">\s*<h3[^>]*><a[^>]*>{title}<', html)[1]
        for title in (won.title, reached.title, closed.title)
    }
    assert cards == {
        "Dobijena": "petition-card petition-card--won",
        "Ispunjen cilj": "petition-card petition-card--goal",
        "Zatvorena": "petition-card",
    }
    # Over the goal, the bar stays full rather than past its end.
    assert 'max="2" value="2"' in html
    # The won petition's own page says so.
    assert "petition__won" in client.get(won.url).text


def test_campaigns_page_queries_do_not_grow_with_petitions(
    uncached, client, index, django_assert_max_num_queries
):
    PetitionPageFactory(parent=index)
    client.get(index.url)  # warm Wagtail's site and locale caches
    with django_assert_max_num_queries(30) as queries:
        client.get(index.url)
    baseline = len(queries)
    for number in range(6):
        petition = PetitionPageFactory(parent=index, state="succeeded" if number % 2 else "open")
        confirmed_signatures(petition, 1)
    with django_assert_max_num_queries(baseline):
        html = client.get(index.url).text
    assert html.count('<article class="petition-card') == 7


def test_with_counts_reads_the_counter_in_the_same_query(index, django_assert_num_queries):
    petition = PetitionPageFactory(parent=index)
    confirmed_signatures(petition, 2)
    with django_assert_num_queries(1):
        [listed] = PetitionPage.with_counts(PetitionPage.objects.filter(pk=petition.pk))
        assert (listed.signature_count, listed.progress, listed.goal_reached) == (2, 2, False)


# Share links


def share_links(html):
    return re.findall(r'<a class="share__link"[^>]*href="([^"]+)"', html)


def test_petition_page_has_share_links_and_the_address_to_copy(client, index):
    petition = PetitionPageFactory(parent=index, title="Bez kamera", slug="bez-kamera")
    html = client.get(petition.url).text
    address = f"http://testserver{petition.url}"
    encoded = quote(address, safe="")
    links = share_links(html)
    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in links
    assert f"https://x.com/intent/tweet?url={encoded}&amp;text=Bez%20kamera" in links
    assert f"https://wa.me/?text=Bez%20kamera%20{encoded}" in links
    assert f"https://t.me/share/url?url={encoded}&amp;text=Bez%20kamera" in links
    assert f"viber://forward?text=Bez%20kamera%20{encoded}" in links
    assert f"mailto:?subject=Bez%20kamera&amp;body={encoded}" in links
    # Without JavaScript, the address is there to select; the buttons wait for the script.
    assert f'value="{address}" readonly data-share-url>' in html
    assert re.search(r"<button[^>]*hidden data-share-copy>", html)
    # Links only: nothing is loaded from the networks.
    assert not re.search(r'<(script|img|iframe)[^>]+src="https?://', html)


def test_share_links_follow_signing_and_confirming(client, index):
    petition = PetitionPageFactory(parent=index)
    signature = SignatureFactory(petition=petition)
    assert share_links(client.get(petition.url + "hvala/").text)
    confirm_url = petition.confirmation_url(signature).removeprefix("http://localhost")
    assert not share_links(client.get(confirm_url).text)  # not before confirming
    assert share_links(client.post(confirm_url).text)


# Default Open Graph images


def og_image(client, page):
    return OG_IMAGE.search(client.get(page.url).text)[1]


def test_a_page_without_a_chosen_image_gets_one_drawn_from_its_title(client, index):
    petition = PetitionPageFactory(parent=index, title="Bez prepoznavanja lica")
    url = og_image(client, petition)
    assert re.fullmatch(rf"http://testserver/social/{petition.pk}-[0-9a-f]{{16}}\.png", url)
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    image = Image.open(BytesIO(response.content))
    assert image.size == (1200, 630)
    # Crawlers may ask with HEAD first.
    assert client.head(url.removeprefix("http://testserver")).status_code == 200


def test_the_image_address_changes_with_the_title_and_old_ones_are_gone(client, index, monkeypatch):
    petition = PetitionPageFactory(parent=index, title="Prvi naslov")
    first = og_image(client, petition).removeprefix("http://testserver")
    drawn = []
    render = social_images.render
    monkeypatch.setattr(social_images, "render", lambda *args: drawn.append(args) or render(*args))
    assert client.get(first).status_code == 200
    assert client.get(first).status_code == 200
    assert len(drawn) == 1  # drawn once, then read from the storage
    petition.title = "Drugi naslov"
    petition.save_revision().publish()
    second = og_image(client, petition).removeprefix("http://testserver")
    assert second != first
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    _dirs, files = default_storage.listdir("social")
    assert files == [second.removeprefix("/social/")]


@pytest.mark.parametrize(
    "address",
    [
        "/social/{pk}-0000000000000000.png",
        "/social/999999-{version}.png",
        "/social/{pk}-{version}.png?x=1&y=2",
    ],
)
def test_unknown_image_addresses_are_not_drawn(client, index, address):
    petition = PetitionPageFactory(parent=index, title="Naslov")
    version = social_images.version("Naslov", "Kamere")
    response = client.get(address.format(pk=petition.pk, version=version))
    if "?" in address:
        # The query string changes nothing: the same single image.
        assert response.status_code in (200, 400)
    else:
        assert response.status_code == 404
    assert not default_storage.exists("social") or len(default_storage.listdir("social")[1]) <= 1


def test_private_and_draft_pages_get_no_image(client, index):
    private = PetitionPageFactory(parent=index, title="Tajna")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = PetitionPageFactory(parent=index, title="Nacrt", live=False)
    for page in (private, draft):
        version = social_images.version(page.title, "Kamere")
        assert client.get(f"/social/{page.pk}-{version}.png").status_code == 404


# The event's map and directions


def test_event_page_has_a_small_map_and_directions(client, index):
    event = EventPageFactory(parent=index, latitude=44.8176, longitude=20.4521)
    html = client.get(event.url).text
    # Drawn by the camera page's script too (static/js/point-map.js), told what differs.
    assert 'data-point-map data-latitude="44.817600" data-longitude="20.452100"' in html
    assert 'data-zoom="16" data-marker-class="event-map__marker"' in html
    assert 'href="https://www.openstreetmap.org/directions?to=44.817600%2C20.452100"' in html
    assert 'href="geo:44.817600,20.452100"' in html
    assert '<p class="event__address">Kulturni centar Grad, Braće Krsmanović 4, Beograd</p>' in (
        html
    )
    assert "js/point-map" in html
    assert share_links(html)


def test_event_without_a_position_has_no_map(client, index):
    event = EventPageFactory(parent=index, latitude=None, longitude=None)
    html = client.get(event.url).text
    assert "data-point-map" not in html and "js/point-map" not in html
    assert "event-map" not in html
    assert "openstreetmap.org/directions" not in html


def test_past_event_is_not_shared(client, index):
    start = timezone.now() - timedelta(days=3)
    event = EventPageFactory(parent=index, start=start, end=start + timedelta(hours=2))
    assert not share_links(client.get(event.url).text)
