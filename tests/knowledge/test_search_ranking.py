"""The order of the site search's results, the same on SQLite (`make run`) and PostgreSQL:
pages named for the words first, then those with more of them, then the newest (issue 15)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from .factories import ExplainerPageFactory, paragraph

pytestmark = pytest.mark.django_db


def search_titles(client, query, page=None):
    with translation.override("sr-latn"):
        path = reverse("search")
    params = {"q": query} | ({"page": page} if page else {})
    response = client.get(path, params)
    assert response.status_code == 200
    results = response.text.split('<ol class="search-results"', 1)
    if len(results) == 1:
        return []
    titles = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', results[1])
    return [re.sub(r"</?mark>", "", title) for title in titles]


def explainer(knowledge_tree, title, text, days_ago):
    page = ExplainerPageFactory(
        parent=knowledge_tree["index"],
        title=title,
        slug=re.sub(r"\W+", "-", title.lower()),
        lead="Nekoliko reči.",
        body=[paragraph(f"<p>{text}</p>")],
    )
    published = timezone.now() - datetime.timedelta(days=days_ago)
    Page.objects.filter(pk=page.pk).update(first_published_at=published)
    return page


def test_a_page_with_the_words_in_its_title_comes_before_pages_with_them_in_the_text(
    client, knowledge_tree
):
    # Newest first (as SQLite ordered them before) would put the news item first.
    explainer(knowledge_tree, "Stari tekst o nadzoru", "Dronovi i helikopteri nad gradom.", 30)
    explainer(knowledge_tree, "Dronovi nad Beogradom", "Ko ih šalje i zašto.", 10)
    explainer(knowledge_tree, "Vest sa protesta", "Juče su dronovi leteli nad trgom.", 1)
    found = search_titles(client, "dron")
    assert found[0] == "Dronovi nad Beogradom", found
    # The others, with the word only in their text, newest first.
    assert found[1:] == ["Vest sa protesta", "Stari tekst o nadzoru"], found


def test_with_any_word_the_pages_with_more_of_them_come_first(client, knowledge_tree):
    explainer(knowledge_tree, "Prva strana", "Dronovi i helikopteri nad gradom.", 20)
    explainer(knowledge_tree, "Druga strana", "Baloni nad gradom.", 1)
    # No page has all three words: the pages with any, two words before one.
    assert search_titles(client, "dronovi helikopteri baloni") == ["Prva strana", "Druga strana"]


def test_the_ranking_holds_across_the_pages_of_results(client, knowledge_tree):
    # Published in the order they were made: equal matches are newest first on SQLite and
    # last made first on PostgreSQL (Wagtail's order there), the same order here.
    for number in range(12):
        explainer(knowledge_tree, f"Strana {number}", "Ovde se pominju dronovi.", 12 - number)
    explainer(knowledge_tree, "Dronovi", "Ništa više.", 100)
    first = search_titles(client, "dronovi")
    assert first[0] == "Dronovi"
    assert first[1:] == [f"Strana {number}" for number in range(11, 2, -1)]
    assert search_titles(client, "dronovi", page=2) == ["Strana 2", "Strana 1", "Strana 0"]
