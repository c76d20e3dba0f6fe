"""Which pages are public, asked in the pages' own query (home/page_queries.py) and, for the
page served, in one query (BasePage.get_view_restrictions): the same answers as Wagtail's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from home.models import StandardPage

from .factories import StandardPageFactory, site_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """home > open > open child; home > private > private child > grandchild; home > other."""
    home = site_home()
    pages = {"home": home}
    pages["open"] = StandardPageFactory(parent=home, slug="open")
    pages["open child"] = StandardPageFactory(parent=pages["open"], slug="open-child")
    pages["private"] = StandardPageFactory(parent=home, slug="private")
    pages["private child"] = StandardPageFactory(parent=pages["private"], slug="private-child")
    pages["grandchild"] = StandardPageFactory(parent=pages["private child"], slug="grandchild")
    pages["other"] = StandardPageFactory(parent=home, slug="other")
    PageViewRestriction.objects.create(
        page=pages["private"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    # A page whose slug starts like the private one's path must not be caught by the prefix.
    PageViewRestriction.objects.create(
        page=pages["other"], restriction_type=PageViewRestriction.LOGIN
    )
    return pages


def wagtails(method):
    """Wagtail's own answer: its PageQuerySet on every page of the tree."""
    return set(getattr(PageQuerySet(Page), method)().values_list("pk", flat=True))


def test_public_and_not_public_answer_as_wagtails(tree):
    public = set(StandardPage.objects.public().values_list("pk", flat=True))
    private = set(StandardPage.objects.not_public().values_list("pk", flat=True))
    standard = set(StandardPage.objects.values_list("pk", flat=True))
    assert public == wagtails("public") & standard
    assert private == wagtails("not_public") & standard
    assert {tree["open"].pk, tree["open child"].pk} == public
    assert {tree[name].pk for name in ("private", "private child", "grandchild", "other")} == (
        private
    )


def test_a_list_of_public_pages_is_one_query(tree):
    with CaptureQueriesContext(connection) as queries:
        list(StandardPage.objects.live().public())
    assert len(queries) == 1


@pytest.mark.parametrize("name", ["home", "open", "open child", "private child", "grandchild"])
def test_the_restrictions_on_a_page_are_wagtails_in_one_query(tree, name):
    page = StandardPage.objects.get(pk=tree[name].pk) if name != "home" else tree["home"]
    expected = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        found = set(page.get_view_restrictions().values_list("pk", flat=True))
    assert found == expected
    assert len(queries) == 1


def test_an_alias_takes_the_restrictions_of_the_page_it_copies(tree):
    # Its own, not those above the page it copies (Wagtail's rule): the alias is elsewhere.
    own = PageViewRestriction.objects.create(
        page=tree["private child"], restriction_type=PageViewRestriction.LOGIN
    )
    alias = tree["private child"].create_alias(parent=tree["open"], update_slug="alias")
    restrictions = set(alias.specific.get_view_restrictions().values_list("pk", flat=True))
    assert restrictions == set(Page.get_view_restrictions(alias).values_list("pk", flat=True))
    assert restrictions == {own.pk}
