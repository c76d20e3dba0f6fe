"""A child's slug that one of its parent's own sub-routes answers (home/page_routes.py) is
refused like one a site route answers (home/page_forms.py): Wagtail tries the parent's
sub-routes before its children, so a Serbian news item "rss" or "atom" (the Serbian feeds'
words) or "feed" (the English words, which redirect there) would be saved and never seen."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.page_forms import route_taking
from tests.campaigns.factories import NewsPageFactory
from tests.campaigns.test_news import news_tree  # noqa: F401 (the fixture)
from tests.home.test_pages import translate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["rss", "atom", "feed"])
def test_a_serbian_news_item_may_not_take_a_feeds_words(news_tree, slug):  # noqa: F811
    assert route_taking(news_tree["index"], slug) == f"/vesti/{slug}/"


def test_other_slugs_and_the_english_index_are_free(news_tree):  # noqa: F811
    assert route_taking(news_tree["index"], "rss-citaci") is None
    translate(news_tree["home"], "en", title="Home")
    index_en = translate(news_tree["index"], "en", title="News", slug="news")
    # Serbian words are no sub-route of an English page; its own English words are.
    assert route_taking(index_en, "atom") is None
    assert route_taking(index_en, "feed") == "/en/news/feed/"


def test_the_editor_is_told_on_the_slug(client, news_tree):  # noqa: F811
    client.force_login(get_user_model().objects.create_superuser("urednik", "u@example.org", "x"))
    item = NewsPageFactory(parent=news_tree["index"], title="Atom", slug="atom-i-kamere")
    edit = reverse("wagtailadmin_pages:edit", args=[item.pk])
    data = querydict_from_html(client.get(edit).text, form_id="page-edit-form")
    data.update(nested_form_data({"slug": "atom", "body": streamfield([])}))
    response = client.post(edit, data)
    assert response.status_code == 200
    assert "/vesti/atom/" in str(response.context["form"].errors["slug"])
    item.refresh_from_db()
    assert item.slug == "atom-i-kamere"
