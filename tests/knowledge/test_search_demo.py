"""The searches people really type, over the demo content as `seed_demo` loads it (issue 15):
each of them found nothing while every word had to match exactly."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from tests.routes import in_serbian

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo content, loaded once for this module's tests and rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", verbosity=0)
        yield
        transaction.set_rollback(True)
    cache.clear()


def titles(response):
    results = response.text.split('<ol class="search-results"', 1)
    if len(results) == 1:
        return []
    found = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', results[1])
    return [re.sub(r"</?mark>", "", title) for title in found]


def places(response):
    if 'class="search__group"' not in response.text:
        return []
    group = response.text.split('class="search__group"', 1)[1].split("</section>")[0]
    return re.findall(r'<a href="([^"]*)">([^<]*)</a>', group)


def test_how_recordings_are_kept(client, seeded):
    # The explainers say "čuvanja", "čuvaju", "snimci", "snimke", never "čuvanje snimaka".
    response = client.get(in_serbian("search"), {"q": "čuvanje snimaka"})
    assert "Šta je „Siguran grad“ u Beogradu" in titles(response)
    assert "search__notice" not in response.text
    assert re.search(r"<mark>[Čč]uva\w*</mark>", response.text)
    assert re.search(r"<mark>[Ss]nim\w*</mark>", response.text)


def test_how_to_report_a_camera(client, seeded):
    response = client.get(in_serbian("search"), {"q": "kako da prijavim kameru"})
    # First: the explainer named for it, before news and pages that mention reports.
    assert titles(response)[0] == "Kako da prijavite kameru", titles(response)
    assert "search__notice" not in response.text
    assert "<mark>kameru</mark>" in response.text


def test_signatures_find_the_petitions(client, seeded):
    response = client.get(in_serbian("search"), {"q": "potpisi"})
    found = titles(response)
    assert found
    assert re.search(r"<mark>[Pp]otpi\w+</mark>", response.text)
    types = set(re.findall(r'<p class="search-result__type">(.*?)</p>', response.text))
    assert "Peticija" in types, types


def test_a_municipality_typed_without_accents(client, seeded):
    response = client.get(in_serbian("search"), {"q": "Vracar"})
    links = places(response)
    assert ("/mapa/?municipality=vracar", "Vračar") in links, links
    english = places(client.get("/en/search/", {"q": "Vracar"}))
    assert any(href.startswith("/en/") and label == "Vračar" for href, label in english)
