"""Editors translate pages with wagtail-localize in Wagtail's admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from home.models import StandardPage

from .factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def serbian_site():
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(slug="pocetna")
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home})
    english = Locale.objects.create(language_code="en")
    return home, english


def test_editor_submits_a_page_for_translation_and_edits_it(admin_client, serbian_site):
    home, english = serbian_site
    about = StandardPageFactory(parent=home, title="O nama", slug="o-nama", intro="Ko smo.")

    url = reverse("wagtail_localize:submit_page_translation", args=[about.id])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"locales": [english.id], "include_subtree": ""})
    assert response.status_code == 302

    # The parent page was translated along the way, so the English page has a home.
    translation = StandardPage.objects.get(locale=english, translation_key=about.translation_key)
    assert translation.get_parent().specific.locale == english
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translation.id]))
    assert editor.status_code == 200
    assert "Ko smo." in editor.text  # the source strings, waiting to be translated


def test_a_translation_starts_as_a_draft_that_an_editor_can_save(
    client, serbian_site, django_capture_on_commit_callbacks
):
    """An Editor's "Translate this page" serves nothing under /en/ until someone who may
    publish publishes it; the translation editor offers the Editor "Save draft"."""
    home, english = serbian_site
    home.copy_for_translation(english, copy_parents=True).save_revision().publish()
    about = StandardPageFactory(parent=home, title="O nama", slug="o-nama", intro="Ko smo.")
    editor = get_user_model().objects.create_user("urednik", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    url = reverse("wagtail_localize:submit_page_translation", args=[about.id])
    # wagtail-localize publishes, when it does, once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"locales": [english.id]}).status_code == 302

    translation = StandardPage.objects.get(locale=english, translation_key=about.translation_key)
    assert not translation.live
    assert client.get("/en/o-nama/").status_code == 404
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.id])
    assert 'value="kamere-save-translation-draft"' in client.get(edit_url).text
    assert client.post(edit_url, {"action": "kamere-save-translation-draft"}).status_code == 302
    translation.refresh_from_db()
    assert not translation.live
    assert translation.get_latest_revision().user == editor
