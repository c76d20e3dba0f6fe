import pytest
from wagtail.models import Locale, Site

from home.models import OrganisationSettings
from knowledge.demo import list_items
from tests.home.factories import site_home
from tests.home.test_pages import translate

from .factories import (
    ExplainerPageFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
    KnowledgeIndexPageFactory,
    TopicFactory,
    heading,
    paragraph,
)


def translate_snippet(snippet, language_code, **fields):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translation = snippet.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


@pytest.fixture
def knowledge_tree(db):
    """A knowledge base in Serbian and English: a topic, a glossary term and an explainer
    using most blocks, each translated."""
    home = site_home()
    OrganisationSettings.objects.update_or_create(
        site=Site.objects.get(), defaults={"name": "Kamere"}
    )
    index = KnowledgeIndexPageFactory(parent=home)
    glossary = GlossaryPageFactory(parent=index)
    topic = TopicFactory(name="Tehnologija", slug="tehnologija")
    term = GlossaryTermFactory(
        term="Biometrijski podaci",
        slug="biometrijski-podaci",
        definition="Podaci o telu po kojima se osoba prepoznaje.",
        variants="biometrijskih podataka\nbiometrijske podatke",
    )
    body = [
        heading("Šta je prepoznavanje lica"),
        paragraph("<p>Kamera obrađuje biometrijske podatke svakog prolaznika.</p>"),
        heading("Kako greši", "h3"),
        paragraph("<p>Sistem greši češće kod žena. Ponovo: biometrijske podatke.</p>"),
        {
            "type": "callout",
            "value": {"kind": "right", "title": "Pravo na pristup", "text": "<p>Pitajte.</p>"},
        },
        {
            "type": "legal_reference",
            "value": {
                "jurisdiction": "rs",
                "law": "Zakon o zaštiti podataka o ličnosti",
                "article": "17",
                "paragraph": "1",
                "text": "Zabranjena je obrada kojom se otkriva rasno ili etničko poreklo…",
                "url": "https://www.paragraf.rs/propisi/zakon_o_zastiti_podataka_o_licnosti.html",
            },
        },
        {
            "type": "faq",
            "value": {
                "title": "Česta pitanja",
                "questions": list_items(
                    [
                        {"question": "Da li smem da fotografišem kameru?", "answer": "<p>Da.</p>"},
                        {"question": "Ko gleda snimke?", "answer": "<p>Policija.</p>"},
                    ]
                ),
            },
        },
        {"type": "glossary_term", "value": term.pk},
    ]
    explainer = ExplainerPageFactory(
        parent=index,
        title="Prepoznavanje lica",
        slug="prepoznavanje-lica",
        lead="Prepoznavanje lica poredi lica. Često greši.",
        body=body,
        reviewed_by="Pravni tim",
        reviewed_on="2026-10-01",
        review_due="2099-01-01",
    )
    explainer.topics.add(topic)
    explainer.tags.add("Huawei")
    explainer.save_revision().publish()
    explainer.refresh_from_db()

    term_en = translate_snippet(
        term,
        "en",
        term="Biometric data",
        slug="biometric-data",
        definition="Data about the body by which a person is recognised.",
        variants="",
    )
    topic_en = translate_snippet(topic, "en", name="Technology", slug="technology")
    translate(home, "en", title="Home")
    index_en = translate(index, "en", title="Knowledge", slug="knowledge")
    glossary_en = translate(glossary, "en", title="Glossary", slug="glossary")
    body_en = [
        heading("What facial recognition is"),
        paragraph("<p>The camera processes the biometric data of every passer-by.</p>"),
        heading("How it fails", "h3"),
        paragraph("<p>The system fails more often for women.</p>"),
        *body[4:7],
        {"type": "glossary_term", "value": term_en.pk},
    ]
    explainer_en = translate(
        explainer,
        "en",
        title="Facial recognition",
        slug="facial-recognition",
        lead="Facial recognition compares faces. It often fails.",
        body=body_en,
        # Its own review: a translation starts without the original's (knowledge/models.py).
        reviewed_on=explainer.reviewed_on,
        reviewed_by="Legal team",
    )
    return {
        "home": home,
        "index": index,
        "glossary": glossary,
        "topic": topic,
        "term": term,
        "explainer": explainer,
        "index_en": index_en,
        "glossary_en": glossary_en,
        "topic_en": topic_en,
        "term_en": term_en,
        "explainer_en": explainer_en,
    }
