"""Writing explainers in Wagtail's admin: the form, its choices and its error messages."""

import pytest
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from knowledge.models import ExplainerPage

pytestmark = pytest.mark.django_db


def explainer_form(topics, body):
    data = nested_form_data(
        {
            "title": "Šta je video-nadzor",
            "slug": "sta-je-video-nadzor",
            "lead": "Kamere snimaju. Snimci se čuvaju.",
            "tags": "GDPR",
            "body": streamfield(body),
            "reviewed_on": "2026-11-01",
            "reviewed_by": "Pravni tim",
            "review_due": "2027-05-01",
            "related_explainers": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["topics"] = [topic.pk for topic in topics]
    return data


def add_url(index):
    return f"/admin/pages/add/knowledge/explainerpage/{index.pk}/"


def test_editor_offers_the_topics_of_the_explainers_language(admin_client, knowledge_tree):
    html = admin_client.get(add_url(knowledge_tree["index"])).text
    assert "Tehnologija" in html
    assert "Technology" not in html
    english = admin_client.get(add_url(knowledge_tree["index_en"])).text
    assert "Technology" in english


def test_an_explainer_is_published_from_the_admin(admin_client, knowledge_tree):
    topic = knowledge_tree["topic"]
    body = [
        ("heading", {"text": "Šta snimaju", "level": "h2"}),
        ("paragraph", rich_text("<p>Kamere snimaju ulicu.</p>")),
        ("callout", {"kind": "action", "title": "", "text": rich_text("<p>Pitajte.</p>")}),
    ]
    response = admin_client.post(add_url(knowledge_tree["index"]), explainer_form([topic], body))
    assert response.status_code == 302, response.context["form"].errors
    page = ExplainerPage.objects.get(slug="sta-je-video-nadzor")
    assert page.live
    assert list(page.topics.all()) == [topic]
    assert [tag.name for tag in page.tags.all()] == ["GDPR"]


def test_an_explainer_in_another_languages_topic_is_refused(admin_client, knowledge_tree):
    body = [("paragraph", rich_text("<p>Tekst.</p>"))]
    response = admin_client.post(
        add_url(knowledge_tree["index"]), explainer_form([knowledge_tree["topic_en"]], body)
    )
    assert response.status_code == 200
    assert "topics" in response.context["form"].errors
    assert not ExplainerPage.objects.filter(slug="sta-je-video-nadzor").exists()


def test_two_headings_with_the_same_text_are_refused_with_a_message(admin_client, knowledge_tree):
    body = [
        ("heading", {"text": "Isti naslov", "level": "h2"}),
        ("paragraph", rich_text("<p>Tekst.</p>")),
        ("heading", {"text": "Isti naslov", "level": "h3"}),
    ]
    response = admin_client.post(
        add_url(knowledge_tree["index"]), explainer_form([knowledge_tree["topic"]], body)
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["body"].as_data()
    assert "Isti naslov" in str(error.as_json_data()["messages"])
    assert not ExplainerPage.objects.filter(slug="sta-je-video-nadzor").exists()
