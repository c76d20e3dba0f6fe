"""The home page: the hero's actions and image, and the sections the other apps fill in
(camera figures, the current petition, the next event, the newest news and explainers) at a
number of queries that does not grow with the data."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from campaigns.models import EventPage
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PetitionPageFactory,
)
from tests.knowledge.factories import ExplainerPageFactory, KnowledgeIndexPageFactory
from tests.map.factories import CameraFactory, MapPageFactory

from .factories import StandardPageFactory, site_home
from .test_pages import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_tree():
    """A Serbian and English home with a join page, the map, campaigns, news and knowledge."""
    home = site_home(mission="Grad bez nadzora.")
    join = StandardPageFactory(parent=home, title="Pridružite se", slug="pridruzite-se")
    home.join_page, home.join_label, home.join_text = join, "Pridružite se", "Uključite se."
    home.save_revision().publish()
    home.refresh_from_db()
    tree = {
        "home": home,
        "join": join,
        "map": MapPageFactory(parent=home, title="Mapa", slug="mapa"),
        "campaigns": CampaignIndexPageFactory(parent=home),
        "news": NewsIndexPageFactory(parent=home),
        "knowledge": KnowledgeIndexPageFactory(parent=home, title="Znanje", slug="znanje"),
    }
    tree["home_en"] = translate(home, "en", title="Home", slug="home", mission="No CCTV city.")
    for key in ("join", "map", "campaigns", "news", "knowledge"):
        tree[f"{key}_en"] = translate(tree[key], "en", slug=f"{tree[key].slug}-en")
    return tree


def add_petition(tree, **fields):
    return PetitionPageFactory(parent=tree["campaigns"], **fields)


def test_the_hero_offers_the_map_a_report_and_the_join_page(client, home_tree):
    html = client.get("/").text
    actions = html.split('class="hero__actions"')[1].split("</ul>")[0]
    assert 'href="/mapa/"' in actions
    assert f'href="{reverse("map:report")}"' in actions
    assert 'href="/pridruzite-se/">Pridružite se</a>' in actions


def test_with_an_open_petition_the_hero_asks_to_sign_it(client, home_tree):
    add_petition(home_tree, title="Moratorijum", slug="moratorijum", goal=50)
    html = client.get("/").text
    actions = html.split('class="hero__actions"')[1].split("</ul>")[0]
    assert 'href="/kampanje/moratorijum/#petition-sign-title"' in actions
    # Joining stays one link away, beside the call to join.
    assert 'class="hero__join-link" href="/pridruzite-se/"' in html


def test_the_english_home_leads_to_english_pages(client, home_tree):
    html = client.get("/en/").text
    actions = html.split('class="hero__actions"')[1].split("</ul>")[0]
    assert 'href="/en/mapa-en/"' in actions
    assert 'href="/en/map/report/"' in actions


def test_the_hero_image_has_the_editors_description(client, home_tree):
    home = home_tree["home"]
    home.hero_image = Image.objects.create(title="Kamera", file=get_test_image_file())
    home.hero_image_alt = "Kamera na stubu iznad raskrsnice"
    home.save_revision().publish()
    html = client.get("/").text
    assert "<picture>" in html
    assert 'alt="Kamera na stubu iznad raskrsnice"' in html
    # Without a description the image is decoration, hidden from screen readers.
    home.refresh_from_db()
    home.hero_image_alt = ""
    home.save_revision().publish()
    assert 'alt=""' in client.get("/").text.split('class="hero__image"')[1]


def test_sections_show_the_petition_the_next_event_news_and_explainers(client, home_tree):
    now = timezone.now()
    add_petition(home_tree, title="Stara peticija", slug="stara", state="closed")
    add_petition(home_tree, title="Moratorijum", slug="moratorijum", goal=50)
    EventPageFactory(
        parent=home_tree["campaigns"],
        title="Prošla šetnja",
        start=now - timedelta(days=3),
        end=now - timedelta(days=3, hours=-2),
    )
    EventPageFactory(
        parent=home_tree["campaigns"],
        title="Otkazana tribina",
        start=now + timedelta(days=1),
        status=EventPage.Status.CANCELLED,
    )
    EventPageFactory(
        parent=home_tree["campaigns"], title="Radionica", start=now + timedelta(days=2)
    )
    EventPageFactory(parent=home_tree["campaigns"], title="Kasnije", start=now + timedelta(days=9))
    today = timezone.localdate()
    for days in range(5):
        NewsPageFactory(
            parent=home_tree["news"], title=f"Vest {days}", date=today - timedelta(days)
        )
    ExplainerPageFactory(parent=home_tree["knowledge"], title="Šta je biometrija")
    html = client.get("/").text
    assert "Moratorijum" in html and "Stara peticija" not in html
    assert '<progress class="petition-card__progress" max="50"' in html
    assert "Radionica" in html
    assert "Prošla šetnja" not in html and "Otkazana tribina" not in html and "Kasnije" not in html
    assert [f"Vest {days}" in html for days in range(5)] == [True, True, True, False, False]
    assert 'href="/vesti/">' in html  # all news
    assert "Šta je biometrija" in html
    assert 'href="/znanje/">' in html  # the knowledge base


def test_sections_show_the_readers_language_only(client, home_tree):
    NewsPageFactory(parent=home_tree["news"], title="Srpska vest")
    html = client.get("/en/").text
    assert "Srpska vest" not in html
    assert 'id="home-news-title"' not in html


def test_camera_figures_come_from_the_map(client, home_tree):
    CameraFactory.create_batch(3)
    html = client.get("/").text
    assert 'id="home-figures-title"' in html
    assert "<dd>3</dd>" in html


def count_queries(client, path):
    client.get(path)  # warm Wagtail's cached site root paths and what home/kept.py keeps
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def add_one_of_each(tree, number):
    now = timezone.now()
    add_petition(tree, title=f"Peticija {number}", slug=f"peticija-{number}")
    EventPageFactory(parent=tree["campaigns"], start=now + timedelta(days=number + 1))
    NewsPageFactory(parent=tree["news"])
    ExplainerPageFactory(parent=tree["knowledge"])
    CameraFactory()


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_the_home_page_costs_the_same_queries_with_more_content(uncached, client, home_tree, path):
    add_one_of_each(home_tree, 0)
    if path == "/en/":
        for kind in ("campaigns", "news", "knowledge"):
            for page in Page.objects.child_of(home_tree[kind]).specific():
                translate(page, "en", slug=f"{page.slug}-en")
    before = count_queries(client, path)
    # The parts every page shares (about 12), the map page's address, two figures, and a
    # query or two per section, with the pages' view restrictions read once.
    assert before <= 25
    for number in range(1, 6):
        add_one_of_each(home_tree, number)
    assert count_queries(client, path) == before


@pytest.mark.parametrize("module", ["models.py", "blocks.py"])
def test_home_pages_and_blocks_import_no_other_app(module):
    """Layers: the sections build on home's pages and blocks, never the reverse, not even
    from inside a function: the home page gets their parts through their template tags."""
    tree = ast.parse(Path(settings.BASE_DIR, "home", module).read_text())
    imported = {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
    }
    assert not imported & {"campaigns", "knowledge", "map", "accounts"}
