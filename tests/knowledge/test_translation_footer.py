"""The translation editor's footer for an Editor: save first, never "Delete" (issue 15).

wagtail-localize's script draws the editor's footer with the last action it offers as the main
button; for someone who may not publish, that was "Delete", where Wagtail's page editor has
"Save draft". The template hides it for them and draws Wagtail's footer with "Save draft" as the
main action, "Submit to …" next in its menu and "Delete" last.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from knowledge.translation_drafts import SAVE_DRAFT, SUBMIT
from knowledge.workflow import WORKFLOW_NAME

from .test_translation_review import editor, translate_this_page, tree  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def footer_actions(html):
    """The server-drawn footer's main button, then its menu's items, as (text, element)."""
    soup = BeautifulSoup(html, "html.parser")
    footer = soup.select_one(".kamere-translation-review > footer.footer")
    assert footer is not None, "no footer of our own"
    dropdown = footer.select_one(".w-dropdown-button")
    main = dropdown.find(["button", "a"], recursive=False)
    menu = dropdown.select(".w-dropdown__content button, .w-dropdown__content a")
    return [(item.get_text(" ", strip=True), item) for item in [main, *menu]]


@pytest.fixture
def translated(client, tree, editor, django_capture_on_commit_callbacks):  # noqa: F811
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        return translate_this_page(client, tree["explainer"], tree["english"])


def test_an_editor_saves_with_the_footers_main_button_and_deletes_only_from_its_menu(
    client, translated
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])

    actions = footer_actions(client.get(edit_url).text)

    (main_text, main), *menu = actions
    assert main_text == "Sačuvajte nacrt"
    assert (main.name, main["type"], main["value"]) == ("button", "submit", SAVE_DRAFT)
    assert "bin" not in str(main)
    assert menu[0][0] == f"Pošaljite u tok „{WORKFLOW_NAME}“"
    assert menu[0][1]["value"] == SUBMIT
    delete_url = reverse("wagtailadmin_pages:delete", args=[translated.pk])
    deletes = [i for i, (_text, item) in enumerate(actions) if item.get("href") == delete_url]
    assert deletes == [len(actions) - 1]  # Delete is there, last, in the menu
    # The footer's main button does what it says: the strings go on a draft, nothing is deleted.
    assert client.post(edit_url, {"action": main["value"]}).status_code == 302
    translated.refresh_from_db()
    assert translated.latest_revision is not None and not translated.live


def test_the_footer_speaks_the_editors_language(client, translated, editor):  # noqa: F811
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    texts = [text for text, _item in footer_actions(client.get(edit_url).text)]
    assert texts[0] == "Save draft"
    assert texts[1] == f"Submit to {WORKFLOW_NAME}"


def test_someone_who_may_publish_keeps_the_editors_own_footer(client, translated):
    # Their main button is wagtail-localize's "Publish", drawn by its script.
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "x"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk])).text
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".kamere-translation-review") is None
    assert soup.select_one(".js-translation-editor") is not None
    assert soup.select_one(f'button[value="{SAVE_DRAFT}"]') is not None  # in the box above it
