"""Editors translate pages with wagtail-localize in Wagtail's admin."""

import pytest
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
