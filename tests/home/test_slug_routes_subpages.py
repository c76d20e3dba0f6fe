"""A page's subpages move with it: a move, a new slug or a copy with its subpages must not put
one of them where one of the site's own routes answers (home/page_forms.py, wagtail_hooks.py).
/o-nama/accounts/login/ is a page's address; /accounts/login/ is the login form's, the old
/map/report/ redirects to the report form (portal/legacy_urls.py), and /accounts/password/ is
free while /accounts/password/reset/ is allauth's."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.page_forms import subpage_taking_route
from tests.home.factories import StandardPageFactory
from tests.map.test_translated_urls import site  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("urednik", "u@example.org", "x"))
    return client


@pytest.fixture
def tree(site):  # noqa: F811
    """Under /o-nama/: accounts/login/, map/report/; under /pomoc/: accounts/password/reset/."""
    about = StandardPageFactory(parent=site["home"], slug="o-nama", title="O nama")
    accounts = StandardPageFactory(parent=about, slug="accounts", title="Nalozi")
    StandardPageFactory(parent=accounts, slug="login", title="Kako da uđete")
    old_map = StandardPageFactory(parent=about, slug="map", title="Stara mapa")
    StandardPageFactory(parent=old_map, slug="report", title="Stari tekst o prijavi")
    help_page = StandardPageFactory(parent=site["home"], slug="pomoc", title="Pomoć")
    help_accounts = StandardPageFactory(parent=help_page, slug="accounts", title="O nalozima")
    password = StandardPageFactory(parent=help_accounts, slug="password", title="Lozinka")
    StandardPageFactory(parent=password, slug="reset", title="Nova lozinka")
    return {
        **site,
        "about": about,
        "accounts": accounts,
        "old_map": old_map,
        "help": help_page,
        "help_accounts": help_accounts,
    }


def parent_of(page):
    return Page.objects.get(pk=page.pk).get_parent().pk


def edit_slug(editor, page, slug):
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(editor.get(edit).text, form_id="page-edit-form")
    data.update(nested_form_data({"slug": slug, "body": streamfield([])}))
    return editor.post(edit, data)


@pytest.mark.parametrize(
    ("moved", "parent", "subpage", "address"),
    [
        ("accounts", "about", "Kako da uđete", "/accounts/login/"),
        ("old_map", "about", "Stari tekst o prijavi", "/map/report/"),
        # Two levels down: /accounts/ and /accounts/password/ are free.
        ("help_accounts", "help", "Nova lozinka", "/accounts/password/reset/"),
    ],
)
def test_a_page_whose_subpage_would_land_on_a_route_is_not_moved(
    editor, tree, moved, parent, subpage, address
):
    page = tree[moved]
    confirm = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, tree["home"].pk])

    response = editor.post(confirm, follow=True)

    assert parent_of(page) == tree[parent].pk
    assert f"„{subpage}“" in response.text and address in response.text


def test_a_page_whose_subpages_land_nowhere_special_moves_as_before(editor, tree):
    team = StandardPageFactory(parent=tree["about"], slug="tim", title="Tim")
    StandardPageFactory(parent=team, slug="login", title="Prijem")  # /tim/login/ is free
    editor.post(reverse("wagtailadmin_pages:move_confirm", args=[team.pk, tree["home"].pk]))
    assert parent_of(team) == tree["home"].pk


def test_a_parents_new_slug_cannot_put_a_subpage_on_a_route(editor, tree):
    # /nalozi/ renamed /accounts/ (free) would put its subpage /nalozi/login/ on the login form.
    section = StandardPageFactory(parent=tree["home"], slug="nalozi", title="Nalozi i ulaz")
    StandardPageFactory(parent=section, slug="login", title="Kako da uđete u nalog")

    response = edit_slug(editor, section, "accounts")

    assert response.status_code == 200
    error = str(response.context["form"].errors["slug"])
    assert "„Kako da uđete u nalog“" in error and "/accounts/login/" in error
    assert not section.revisions.exists()  # not even a draft
    # Another new slug is saved.
    assert edit_slug(editor, section, "nalozi-i-ulaz").status_code == 302
    revision = section.revisions.get()
    assert revision.content["slug"] == "nalozi-i-ulaz", revision.content


def test_editing_a_page_without_changing_its_slug_checks_nothing_more(editor, tree):
    # Already there (made in code, as a site upgraded to a new route could have it): editing
    # the page's other fields is not refused for what its slug did before.
    assert edit_slug(editor, tree["about"], "o-nama").status_code == 302


def test_a_copy_with_its_subpages_cannot_put_one_on_a_route(editor, tree):
    copy = reverse("wagtailadmin_pages:copy", args=[tree["accounts"].pk])
    data = {
        "new_title": "Nalozi",
        "new_slug": "accounts",
        "new_parent_page": tree["home"].pk,
        "copy_subpages": "on",
    }

    response = editor.post(copy, data)

    assert response.status_code == 200
    error = str(response.context["form"].errors["new_slug"])
    assert "„Kako da uđete“" in error and "/accounts/login/" in error
    assert not Page.objects.filter(depth=3, slug="accounts").exists()
    # Without its subpages the copy lands nowhere special.
    del data["copy_subpages"]
    assert editor.post(copy, data).status_code == 302
    assert Page.objects.filter(depth=3, slug="accounts").exists()


def test_a_bulk_move_is_refused_too(editor, tree):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    query = f"?id={tree['accounts'].pk}&id={tree['old_map'].pk}"

    response = editor.post(url + query, {"chooser": tree["home"].pk}, follow=True)

    assert parent_of(tree["accounts"]) == parent_of(tree["old_map"]) == tree["about"].pk
    assert "/accounts/login/" in response.text


def test_the_subpages_are_read_in_one_query_however_many(tree):
    def queries_to_check():
        with CaptureQueriesContext(connection) as queries:
            clash = subpage_taking_route(tree["help_accounts"], tree["home"], "accounts")
        assert clash == ("Nova lozinka", "/accounts/password/reset/")
        return len(queries)

    queries_to_check()  # warm Wagtail's cache of the sites' root paths
    few = queries_to_check()
    for number in range(30):
        StandardPageFactory(parent=tree["help_accounts"], slug=f"strana-{number}")
    assert queries_to_check() == few
    # Under its own parent, or with another slug, nothing clashes.
    assert subpage_taking_route(tree["help_accounts"], tree["help"], "accounts") is None
    assert subpage_taking_route(tree["help_accounts"], tree["home"], "nalozi") is None
