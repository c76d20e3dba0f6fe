"""The demo shows the home page's image at the top: a newcomer sees what editors can add."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image
from wagtail.images import get_image_model

from home import demo_content
from home.models import HomePage

pytestmark = pytest.mark.django_db

HERO_FILE = Path(demo_content.__file__).resolve().parent / "demo" / "hero.png"


@pytest.fixture
def seeded(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=StringIO())


def homes():
    return {
        home.locale.language_code: home
        for home in HomePage.objects.select_related("locale", "hero_image")
    }


def test_the_illustration_is_small_and_large_enough_for_the_renditions():
    assert HERO_FILE.stat().st_size < 60_000
    with Image.open(HERO_FILE) as image:
        assert image.format == "PNG"
        assert image.width >= 960  # the largest rendition the home page asks for


def test_both_home_pages_show_the_illustration_described_in_their_language(seeded, client):
    pages = homes()
    image = pages["sr-latn"].hero_image
    assert image is not None and pages["en"].hero_image == image
    assert pages["sr-latn"].hero_image_alt == demo_content.HERO_IMAGE["alt"]["sr"]
    assert pages["en"].hero_image_alt == demo_content.HERO_IMAGE["alt"]["en"]
    assert (image.width, image.height) == (1200, 800)

    for url, alt in (("/", "sr"), ("/en/", "en")):
        html = client.get(url).text
        img = re.search(r'<div class="hero__image">\s*<picture>.*?(<img [^>]*>)', html, re.S)[1]
        assert f'alt="{demo_content.HERO_IMAGE["alt"][alt]}"' in img
        # Width and height reserve its place (no layout shift); renditions in several sizes.
        assert 'width="400"' in img and 'height="266"' in img
        assert ".width-960." in img and 'type="image/avif"' in html


def test_seeding_again_adds_no_second_image_and_keeps_an_editors_choice(seeded):
    sr_home = homes()["sr-latn"]
    sr_home.hero_image = None
    sr_home.hero_image_alt = ""
    sr_home.save_revision().publish()

    call_command("seed_demo", stdout=StringIO())

    assert get_image_model().objects.filter(title=demo_content.HERO_IMAGE["title"]).count() == 1
    assert homes()["sr-latn"].hero_image is None


def test_a_site_seeded_before_the_illustration_gets_it(seeded):
    get_image_model().objects.all().delete()  # as if seeded before it existed
    assert homes()["sr-latn"].hero_image is None

    call_command("seed_demo", stdout=StringIO())

    assert all(home.hero_image is not None for home in homes().values())
