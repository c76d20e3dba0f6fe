"""Factories for the knowledge base: topics, glossary terms and its pages."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from knowledge.models import (
    ExplainerPage,
    GlossaryPage,
    GlossaryTerm,
    KnowledgeIndexPage,
    Topic,
)
from tests.home.factories import HomePageFactory


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic


class GlossaryTermFactory(DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Pojam {n}")
    slug = factory.Sequence(lambda n: f"pojam-{n}")
    definition = "Kratka definicija pojma."
    explanation = "<p>Duže objašnjenje pojma.</p>"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = GlossaryTerm


class KnowledgeIndexPageFactory(wagtail_factories.PageFactory):
    """The knowledge base; under a new home page unless given a `parent`."""

    title = "Znanje"
    slug = "znanje"
    intro = "Objašnjenja o pravima, zakonima i tehnologiji nadzora."
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = KnowledgeIndexPage


class GlossaryPageFactory(wagtail_factories.PageFactory):
    """The glossary; give it a `parent` knowledge base."""

    title = "Rečnik"
    slug = "recnik"

    class Meta:
        model = GlossaryPage


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


class ExplainerPageFactory(wagtail_factories.PageFactory):
    """A published explainer with two sections; under a new knowledge base unless given a
    `parent`. Pass `body=[...]` raw StreamField data to choose the blocks."""

    title = factory.Sequence(lambda n: f"Objašnjenje {n}")
    lead = "Odgovor u dve rečenice. Druga rečenica."
    parent = factory.SubFactory(KnowledgeIndexPageFactory)
    body = factory.LazyFunction(
        lambda: [
            heading("Šta je to"),
            paragraph("<p>Prepoznavanje lica poredi lice sa bazom lica.</p>"),
            heading("Šta možete da uradite"),
            paragraph("<p>Možete da tražite informacije od javnog značaja.</p>"),
        ]
    )

    class Meta:
        model = ExplainerPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        """Published as editors publish, so that it has its publication dates."""
        if create:
            page.save_revision().publish()
            page.refresh_from_db()
