"""Đ as people type it: "Đeram", "Djeram" and "Deram" find each other in the site search,
its pages and its places on the map (home/serbian.py `fold_text`; issue 15)."""

import re

import pytest
from django.urls import reverse

from tests.map.factories import CameraFactory, MapPageFactory, MunicipalityFactory

from .factories import ExplainerPageFactory, paragraph

pytestmark = pytest.mark.django_db

SPELLINGS = ["Đeram", "Djeram", "Deram", "đeramu", "DJERAMU", "Ђерам"]


@pytest.fixture
def djeram(knowledge_tree):
    """Two explainers and two cameras, one written with đ and one with dj."""
    MapPageFactory(parent=knowledge_tree["home"])
    palilula = MunicipalityFactory(name="Palilula", slug="palilula")
    return {
        "pages": [
            ExplainerPageFactory(
                parent=knowledge_tree["index"],
                title="Kamere na Đeramu",
                slug="kamere-na-deramu",
                body=[paragraph("<p>Nove kamere nad pijacom.</p>")],
            ),
            ExplainerPageFactory(
                parent=knowledge_tree["index"],
                title="Pijace pod nadzorom",
                slug="pijace",
                body=[paragraph("<p>Tekst bez naših slova: Djeram ima tri kamere.</p>")],
            ),
        ],
        "cameras": [
            CameraFactory(address="Đeram 5", municipality=palilula),
            CameraFactory(address="Djeram 7", municipality=palilula),
        ],
    }


def titles(response):
    results = response.text.split('<ol class="search-results"', 1)
    if len(results) == 1:
        return set()
    found = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', results[1])
    return {re.sub(r"</?mark>", "", title) for title in found}


def place_links(response):
    if 'class="search__group"' not in response.text:
        return set()
    group = response.text.split('class="search__group"', 1)[1].split("</section>")[0]
    return set(re.findall(r'<a href="([^"]*)">([^<]*)</a>', group))


@pytest.mark.parametrize("query", SPELLINGS)
def test_every_spelling_finds_the_pages_with_either_and_marks_them(client, djeram, query):
    response = client.get(reverse("search"), {"q": query})
    assert titles(response) == {"Kamere na Đeramu", "Pijace pod nadzorom"}
    assert "Kamere na <mark>Đeramu</mark>" in response.text
    assert "<mark>Djeram</mark> ima tri kamere" in response.text


@pytest.mark.parametrize("query", SPELLINGS)
def test_every_spelling_finds_the_cameras_with_either(client, djeram, query):
    cameras = djeram["cameras"]
    response = client.get(reverse("search"), {"q": query})
    # "Đeram 5" and "Djeram 7" are one street, with both its cameras.
    assert place_links(response) == {
        (reverse("map:camera_page", args=[cameras[0].pk]), "Đeram"),
    }
    assert "2 kamere" in response.text
