"""Explainers translated with wagtail-localize, as editors do in the admin."""

import pytest
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from knowledge.models import ExplainerPage

pytestmark = pytest.mark.django_db


def test_an_explainer_is_translated_with_its_blocks_and_glossary_terms(
    knowledge_tree, client, django_capture_on_commit_callbacks
):
    """Every text of an explainer's blocks is offered for translation; chosen glossary terms
    become the term's translation."""
    source_page = knowledge_tree["explainer"]
    english = knowledge_tree["index_en"].locale
    # A second explainer, translated from scratch (the fixture's one was copied).
    page = ExplainerPage.objects.get(pk=source_page.pk).copy(
        update_attrs={"slug": "kopija", "title": "Kopija"}, keep_live=True
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    texts = {segment.string.data for segment in segments}
    assert {"Kopija", "Pravo na pristup", "Ko gleda snimke?", "Česta pitanja"} <= texts
    assert any(text.startswith("Zabranjena je obrada") for text in texts)
    for segment in segments:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            data="copy" if segment.context.path == "slug" else f"EN {segment.string.data}",
        )
    translation = Translation.objects.create(source=source, target_locale=english)
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    translated = page.get_translation(english)
    assert translated.title == "EN Kopija"
    [term] = [block.value for block in translated.body if block.block_type == "glossary_term"]
    assert term == knowledge_tree["term_en"]
    html = client.get("/en/knowledge/copy/").text
    assert "EN Ko gleda snimke?" in html
