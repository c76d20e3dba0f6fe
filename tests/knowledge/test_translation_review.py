"""A translated explainer is reviewed like its original (issue 15, broken today 2 and 3).

An Editor translates an explainer with wagtail-localize in the admin, as editors do: "Translate
this page", the side-by-side editor's strings (slug included), then "Submit to Explainer
review" from that editor; a Reviewer approves it through the workflow. Everything goes through
the admin's views with Django's test client.
"""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from knowledge.models import ExplainerPage
from knowledge.translation_drafts import SAVE_DRAFT, SUBMIT
from knowledge.workflow import REVIEWERS, TASK_NAME, WORKFLOW_NAME, ensure_review_workflow
from tests.factories import make_user
from tests.home.factories import site_home
from tests.home.test_pages import translate

from .factories import ExplainerPageFactory, KnowledgeIndexPageFactory
from .workflow import approve

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Prepoznavanje lica": "Facial recognition",
    "prepoznavanje-lica": "facial-recognition",
    "Kamera poredi lica sa bazom. Često greši.": "The camera compares faces. It often fails.",
    "Šta je to": "What it is",
    "Kamera obrađuje biometrijske podatke.": "The camera processes biometric data.",
}


@pytest.fixture
def tree():
    home = site_home()
    index = KnowledgeIndexPageFactory(parent=home)
    explainer = ExplainerPageFactory(
        parent=index,
        title="Prepoznavanje lica",
        slug="prepoznavanje-lica",
        lead="Kamera poredi lica sa bazom. Često greši.",
        body=[
            {"type": "heading", "value": {"text": "Šta je to", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Kamera obrađuje biometrijske podatke.</p>"},
        ],
        reviewed_on=date(2026, 10, 1),
        reviewed_by="Pravni tim",
    )
    translate(home, "en", title="Home")
    index_en = translate(index, "en", title="Knowledge", slug="knowledge")
    ensure_review_workflow([index, index_en])
    return {"explainer": explainer, "english": Locale.objects.get(language_code="en")}


@pytest.fixture
def editor():
    return make_user("urednik", groups=["Editors"])


@pytest.fixture
def reviewer():
    return make_user("recenzent", groups=[REVIEWERS], first_name="Ana", last_name="Petrović")


@pytest.fixture
def translated(client, tree, editor, django_capture_on_commit_callbacks):
    """The explainer's English draft, just asked for by the editor, who stays logged in."""
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        return translate_this_page(client, tree["explainer"], tree["english"])


def translate_this_page(client, page, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return ExplainerPage.objects.get(translation_key=page.translation_key, locale=locale)


def translate_strings(client, page, locale):
    """Types the English of every string into the translation editor, as its script does."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    offered = {segment.string.data for segment in segments}
    assert set(ENGLISH) <= offered  # the slug too
    for segment in segments:
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url,
            f"value={ENGLISH[segment.string.data]}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content


def test_an_editor_translates_an_explainer_and_a_reviewer_publishes_it(
    client, tree, translated, reviewer, django_capture_on_commit_callbacks
):
    explainer, english = tree["explainer"], tree["english"]

    # A draft: nothing in Serbian under /en/.
    translated.refresh_from_db()
    assert not translated.live
    assert client.get("/en/knowledge/prepoznavanje-lica/").status_code == 404

    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    editor_page = client.get(edit_url)
    assert editor_page.status_code == 200
    assert f'value="{SUBMIT}"' in editor_page.text
    # The admin speaks Serbian first.
    assert f"Pošaljite u tok „{WORKFLOW_NAME}“" in editor_page.text
    translate_strings(client, explainer, english)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": SUBMIT})
    assert response.status_code == 302

    translated.refresh_from_db()
    assert not translated.live
    assert translated.workflow_in_progress
    assert translated.current_workflow_task.name == TASK_NAME
    draft = translated.get_latest_revision_as_object()
    assert (draft.title, draft.slug) == ("Facial recognition", "facial-recognition")
    assert draft.lead == "The camera compares faces. It often fails."
    # The Editor cannot approve it; the page stays a draft.
    approve(client, translated)
    translated.refresh_from_db()
    assert not translated.live

    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        assert approve(client, translated).status_code == 302

    translated.refresh_from_db()
    assert translated.live
    assert translated.slug == "facial-recognition"
    client.logout()
    html = client.get("/en/knowledge/facial-recognition/").text
    assert "The camera processes biometric data." in html
    assert "Kamera obrađuje" not in html
    # The English page's own review; the Serbian one keeps its own.
    assert translated.reviewed_on == timezone.localdate()
    assert translated.reviewed_by == "Ana Petrović"
    explainer.refresh_from_db()
    assert (explainer.reviewed_on, explainer.reviewed_by) == (date(2026, 10, 1), "Pravni tim")


def test_a_draft_of_a_live_translation_leaves_the_live_page_alone(
    client, tree, translated, reviewer, django_capture_on_commit_callbacks
):
    explainer, english = tree["explainer"], tree["english"]
    translated.save_revision().publish()  # published earlier, Serbian title and all
    translate_strings(client, explainer, english)

    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    assert client.post(edit_url, {"action": SAVE_DRAFT}).status_code == 302

    translated.refresh_from_db()
    assert translated.live
    assert translated.title == "Prepoznavanje lica"  # what readers see until it is approved
    assert translated.has_unpublished_changes
    assert translated.get_latest_revision_as_object().title == "Facial recognition"
    assert not translated.workflow_in_progress


def test_a_submitted_translation_cannot_be_submitted_twice(
    client, tree, translated, django_capture_on_commit_callbacks
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    client.post(edit_url, {"action": SUBMIT})

    client.post(edit_url, {"action": SUBMIT})

    assert translated.workflow_states.count() == 1
    assert f'value="{SUBMIT}"' not in client.get(edit_url).text


def sync_and_publish(client, page):
    source = TranslationSource.objects.get(object_id=page.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert "Publish immediately" in client.get(url).text
    return client.post(url, {"publish_translations": "on"})


def test_an_editor_cannot_publish_translations_by_syncing_them(
    client, admin_user, tree, editor, django_capture_on_commit_callbacks
):
    explainer, english = tree["explainer"], tree["english"]
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate_this_page(client, explainer, english)
    translate_strings(client, explainer, english)
    translated.refresh_from_db()
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})  # the translation editor's own button
    translated.refresh_from_db()
    assert (translated.live, translated.title) == (True, "Facial recognition")
    explainer.title = "Prepoznavanje lica u Beogradu"
    explainer.save_revision().publish()

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        assert sync_and_publish(client, explainer).status_code == 302

    translated.refresh_from_db()
    assert translated.title == "Facial recognition"  # not the new Serbian title, unreviewed
    assert not translated.has_unpublished_changes

    client.force_login(admin_user)  # who may publish still can
    with django_capture_on_commit_callbacks(execute=True):
        assert sync_and_publish(client, explainer).status_code == 302
    translated.refresh_from_db()
    assert translated.title == "Prepoznavanje lica u Beogradu"


def test_a_translation_starts_without_the_originals_review(client, tree, editor):
    client.force_login(editor)
    translated = translate_this_page(client, tree["explainer"], tree["english"])
    assert (translated.reviewed_on, translated.reviewed_by) == (None, "")


def test_an_editor_cannot_publish_a_translation_by_making_it_an_alias(
    client, tree, editor, translated, reviewer, django_capture_on_commit_callbacks
):
    """wagtail-localize's "Convert to alias" makes the page a live copy of the original at
    once; it checked only that one may edit. An alias is then translated onto the live page."""
    explainer, english = tree["explainer"], tree["english"]
    translate_strings(client, explainer, english)
    convert = reverse("wagtail_localize:convert_to_alias", args=[translated.pk])
    refused = client.post(convert)
    # The admin answers a refusal with a message on its home page.
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    translated.refresh_from_db()
    assert not translated.live and translated.alias_of_id is None
    assert client.get("/en/knowledge/prepoznavanje-lica/").status_code == 404

    # Someone who may publish can; then the Editor is not offered the alias's language.
    client.force_login(reviewer)
    assert client.post(convert).url != reverse("wagtailadmin_home")
    translated.refresh_from_db()
    assert translated.live and translated.alias_of_id == explainer.pk
    client.force_login(editor)
    submit = reverse("wagtail_localize:submit_page_translation", args=[explainer.pk])
    assert client.post(submit, {"locales": [english.pk]}).status_code == 200  # refused
    translated.refresh_from_db()
    assert translated.alias_of_id == explainer.pk and translated.title == "Prepoznavanje lica"
