"""Loads the knowledge base's demo content: topics, glossary, documents and explainers."""

import copy
from datetime import date

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from knowledge.models import (
    ExplainerPage,
    FeaturedExplainer,
    GlossaryPage,
    GlossaryTerm,
    KnowledgeIndexPage,
    RelatedExplainer,
    Topic,
)
from knowledge.workflow import ensure_review_workflow
from map.models import MapPage

from . import glossary, law, pages, technology

EXPLAINERS = [*technology.EXPLAINERS, *law.EXPLAINERS]
LANGUAGES = ("sr", "en")


def seed_demo_section(seeder):
    """seed_demo's part of the knowledge base (DEMO_CONTENT in portal/settings/base.py).
    Returns the page the main menu leads to."""
    map_page = MapPage.objects.child_of(seeder.sr_home).first()
    return [seed_demo_knowledge(seeder, seeder.sr_home, seeder.english, map_page)]


def seed_demo_knowledge(seeder, sr_home, english, map_page):
    """Add what is missing of the knowledge base under `sr_home` and its English translation.

    `seeder` is the seed_demo command: its ensure_child / ensure_translation create and
    publish pages and remember them. Returns the Serbian knowledge index page.
    """
    serbian = Locale.get_default()
    locales = {"sr": serbian, "en": english}
    topics = ensure_snippets(seeder, Topic, pages.TOPICS, locales)
    terms = ensure_snippets(seeder, GlossaryTerm, glossary.GLOSSARY, locales)
    documents = ensure_documents(seeder, law.DOCUMENTS)
    map_pages = {"sr": map_page, "en": map_page and map_page.get_translation_or_none(english)}

    index = seeder.ensure_child(sr_home, KnowledgeIndexPage, pages.KNOWLEDGE_INDEX["sr"])
    index_en = seeder.ensure_translation(index, english, pages.KNOWLEDGE_INDEX["en"])
    # Explainers are reviewed before they are published, in both languages.
    seeder.created += ensure_review_workflow([index, index_en])
    glossary_page = seeder.ensure_child(index, GlossaryPage, pages.GLOSSARY_PAGE["sr"])
    seeder.ensure_translation(glossary_page, english, pages.GLOSSARY_PAGE["en"])

    def fields(explainer, language):
        content = copy.deepcopy(explainer[language])
        references = {
            "glossary_term": {key: term[language].pk for key, term in terms.items()},
            "document": {key: document[language].pk for key, document in documents.items()},
            "page": {"map": map_pages[language].pk} if map_pages[language] else {},
        }
        content["body"] = [resolve(block, references) for block in content["body"]]
        content["reviewed_on"] = date.fromisoformat(explainer["reviewed_on"])
        content["review_due"] = date.fromisoformat(explainer["review_due"])
        return content

    explainers = {}
    for explainer in EXPLAINERS:

        def prepare(page, explainer=explainer):
            page.topics = [topics[key]["sr"] for key in explainer["topics"]]
            page.tags.add(*explainer["tags"])

        explainers[explainer["key"]] = seeder.ensure_child(
            index, ExplainerPage, fields(explainer, "sr"), prepare=prepare
        )

    for explainer in EXPLAINERS:
        page = explainers[explainer["key"]]
        if page in seeder.new_pages and explainer.get("related"):
            page.related_explainers = [
                RelatedExplainer(explainer=explainers[key]) for key in explainer["related"]
            ]
            page.save_revision().publish()
        seeder.ensure_translation(page, english, fields(explainer, "en"))

    for page in (index, index_en):
        if page in seeder.new_pages:
            page.refresh_from_db()
            page.featured_explainers = [
                FeaturedExplainer(explainer=explainers[key].get_translation(page.locale))
                for key in pages.FEATURED
            ]
            page.save_revision().publish()
    return index


def resolve(block, references):
    """A block of demo content with its keys (glossary term, document, page) made ids."""
    kind, value = block["type"], block["value"]
    if kind == "glossary_term":
        return {"type": kind, "value": references["glossary_term"][value]}
    if kind == "document":
        return {
            "type": kind,
            "value": {**value, "document": references["document"][value["document"]]},
        }
    if kind == "call_to_action" and value.get("page"):
        return {"type": kind, "value": {**value, "page": references["page"].get(value["page"])}}
    return block


def ensure_snippets(seeder, model, entries, locales):
    """{key: {"sr": snippet, "en": snippet}}, creating the ones that are missing."""
    result = {}
    for entry in entries:
        fields = {language: snippet_fields(entry[language]) for language in LANGUAGES}
        original = model.objects.filter(locale=locales["sr"], slug=fields["sr"]["slug"]).first()
        if original is None:
            original = model.objects.create(locale=locales["sr"], **fields["sr"])
            seeder.created.append(f"{model._meta.verbose_name}: {original}")
        translation = original.get_translation_or_none(locales["en"])
        if translation is None:
            translation = original.copy_for_translation(locales["en"])
            for name, value in fields["en"].items():
                setattr(translation, name, value)
            translation.save()
        result[entry["key"]] = {"sr": original, "en": translation}
    return result


def snippet_fields(content):
    content = dict(content)
    if isinstance(content.get("variants"), list):
        content["variants"] = "\n".join(content["variants"])
    return content


def ensure_documents(seeder, documents):
    """{key: {"sr": document, "en": document}}: plain-text documents the explainers offer."""
    Document = get_document_model()
    result = {}
    for key, languages in documents.items():
        result[key] = {}
        for language in LANGUAGES:
            content = languages[language]
            document = Document.objects.filter(title=content["title"]).first()
            if document is None:
                document = Document(title=content["title"])
                document.file.save(
                    content["filename"], ContentFile(content["text"].encode()), save=False
                )
                document.save()
                seeder.created.append(f"Document: {document.title}")
            result[key][language] = document
    return result
