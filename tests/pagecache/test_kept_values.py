"""Kept pages that show what a render read from kept values (home/kept.py): a related
explainer, the address of a section, the glossary. A change to those makes the page fresh."""

import pytest
from wagtail.models import PageViewRestriction

from home.page_cache import STATUS_HEADER
from knowledge.models import ExplainerPage, KnowledgeIndexPage

pytestmark = pytest.mark.django_db


def kept(client, url):
    for _ in range(3):
        response = client.get(url)
        if response[STATUS_HEADER] == "hit":
            return response.text
    raise AssertionError(f"{url} was never served from the cache")


@pytest.fixture
def explainer(demo_content):
    return ExplainerPage.objects.live().filter(locale__language_code="sr-latn").first()


def test_a_related_explainer_made_private_leaves_the_kept_page(client, demo_content):
    """One related by topic, not chosen: no reference leads from the page to it."""
    explainer, related = next(
        (page, other)
        for page in ExplainerPage.objects.live().filter(locale__language_code="sr-latn")
        for other in page.related()
        if other.pk not in {r.explainer_id for r in page.related_explainers.all()}
    )
    assert related.title in kept(client, explainer.url)
    PageViewRestriction.objects.create(page=related, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(explainer.url)
    assert response[STATUS_HEADER] == "miss"
    assert related.title not in response.text


def test_a_renamed_knowledge_base_leads_its_explainers_links_to_its_new_address(client, explainer):
    index = KnowledgeIndexPage.objects.get(pk=explainer.get_parent().pk)
    kept(client, explainer.url)
    index.slug = "baza-znanja"
    index.save_revision().publish()
    explainer.refresh_from_db()
    response = client.get(explainer.url)
    assert response.status_code == 200
    assert "/baza-znanja/" in response.text
    assert f'href="/{index.get_parent().slug}/znanje/' not in response.text
    assert 'href="/znanje/' not in response.text
