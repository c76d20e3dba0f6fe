"""Copying or moving a page can't put it where one of the site's own routes answers either
(home/page_forms.py checks adding and editing; a copy and a moved page keep or get a slug)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from home.models import StandardPage
from home.page_forms import route_taking
from tests.home.factories import StandardPageFactory
from tests.map.test_translated_urls import site  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("urednik", "u@example.org", "x"))
    return client


def test_a_copy_cannot_take_a_routes_address(editor, site):  # noqa: F811
    page = StandardPageFactory(parent=site["home"], slug="o-nama")
    copy = reverse("wagtailadmin_pages:copy", args=[page.pk])
    data = {"new_title": "Kopija", "new_slug": "pretraga", "new_parent_page": site["home"].pk}

    response = editor.post(copy, data)

    assert response.status_code == 200
    assert "/pretraga/" in str(response.context["form"].errors["new_slug"])
    assert not Page.objects.filter(slug="pretraga").exists()
    # Any other slug is copied as before.
    data["new_slug"] = "o-nama-kopija"
    assert editor.post(copy, data).status_code == 302
    assert StandardPage.objects.filter(slug="o-nama-kopija").exists()


def test_a_page_cannot_be_moved_under_a_route(editor, site):  # noqa: F811
    # /o-nama/pretraga/ is free; moved to the home page it would be /pretraga/, the search.
    about = StandardPageFactory(parent=site["home"], slug="o-nama")
    page = StandardPageFactory(parent=about, slug="pretraga")
    confirm = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, site["home"].pk])

    response = editor.post(confirm, follow=True)

    assert "/pretraga/" in response.text
    page.refresh_from_db()
    assert page.get_parent().pk == about.pk
    # A slug no route takes moves as before.
    other = StandardPageFactory(parent=about, slug="kontakt")
    editor.post(reverse("wagtailadmin_pages:move_confirm", args=[other.pk, site["home"].pk]))
    other.refresh_from_db()
    assert other.get_parent().pk == site["home"].pk


@pytest.mark.parametrize("slug", ["en", "en-gb"])
def test_a_serbian_page_cannot_take_the_english_prefix(editor, site, slug):  # noqa: F811
    # Django reads /en/… and /en-gb/… as English: a Serbian page there would not be found.
    page = StandardPageFactory(parent=site["home"], slug=slug)
    response = editor.get(f"/{slug}/")
    assert response.status_code == 404 or response.context["page"].pk != page.pk

    assert route_taking(site["home"], slug) == f"/{slug}/"
    # English pages live there; Serbian slugs that only begin with the letters are free.
    assert route_taking(site["english_home"], slug) is None
    assert route_taking(site["home"], "engleski") is None
