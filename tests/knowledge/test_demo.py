"""The knowledge base's demo content, as `seed_demo` loads it."""

import re

import pytest
from wagtail.documents.models import Document
from wagtail.models import Locale

from knowledge.models import ExplainerPage, GlossaryTerm, KnowledgeIndexPage, Topic

pytestmark = pytest.mark.django_db


def test_six_explainers_in_both_languages(demo_content):
    serbian = ExplainerPage.objects.filter(locale=Locale.get_default())
    assert serbian.count() == 6
    english = Locale.objects.get(language_code="en")
    for page in serbian:
        translation = page.get_translation(english)
        assert translation.live and page.live
        assert translation.title != page.title
        assert page.topics.exists() and page.tags.exists()
        assert page.reviewed_on and page.reviewed_by and page.review_due
        for version in (page, translation):
            kinds = [block.block_type for block in version.body]
            assert len(version.table_of_contents) >= 3, version.title
            assert "callout" in kinds and "glossary_term" in kinds, version.title
        # Translations have the same blocks in the same order.
        assert [b.block_type for b in page.body] == [b.block_type for b in translation.body]
    assert any(page.review_overdue for page in serbian)


def test_glossary_terms_in_explainers_are_in_the_explainers_language(demo_content):
    for page in ExplainerPage.objects.all():
        for block in page.body:
            if block.block_type == "glossary_term":
                assert block.value.locale_id == page.locale_id, page.title


def test_glossary_and_topics_are_translated(demo_content):
    english = Locale.objects.get(language_code="en")
    assert GlossaryTerm.objects.filter(locale=Locale.get_default()).count() == 13
    assert GlossaryTerm.objects.filter(locale=english).count() == 13
    assert Topic.objects.filter(locale=english).count() == 4
    for term in GlossaryTerm.objects.all():
        assert len(term.definition) <= 250


def test_knowledge_base_features_three_explainers_and_offers_a_document(demo_content):
    for index in KnowledgeIndexPage.objects.all():
        featured = [f.explainer for f in index.featured_explainers.all()]
        assert len(featured) == 3
        assert {page.locale_id for page in featured} == {index.locale_id}
    assert Document.objects.count() == 2  # the request template, in both languages


@pytest.mark.parametrize("language", ["sr-latn", "en"])
def test_every_demo_explainer_renders_with_its_contents(demo_content, client, language):
    for page in ExplainerPage.objects.filter(locale__language_code=language):
        html = client.get(page.url).text
        ids = set(re.findall(r'id="([^"]+)"', html))
        for anchor, _text, _level in page.table_of_contents:
            assert f'href="#{anchor}"' in html and anchor in ids, (page.url, anchor)
        assert 'class="glossary-link"' in html, page.url
