"""Glossary links and structured data (schema.org JSON-LD) for explainers, and the newest
explainers for other pages (the home page)."""

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from home.languages import content_language, language_tag
from home.models import OrganisationSettings
from home.sections import section
from knowledge.models import ExplainerPage, KnowledgeIndexPage, localized_topics

register = template.Library()

LATEST_EXPLAINERS = 3


@register.simple_tag(takes_context=True)
def link_glossary_terms(context, rich_text):
    """The rich text with its first mentions of glossary terms linked to their definitions,
    by the page's GlossaryLinker (which remembers what it has linked on the page)."""
    html = context["glossary_linker"].link(str(rich_text))
    return mark_safe(html)  # noqa: S308 (the editor's rich text, with our links added)


@register.simple_tag(takes_context=True)
def explainer_structured_data(context):
    """An Article for the explainer, and an FAQPage when it has questions and answers."""
    request, page = context["request"], context["page"]
    url = request.build_absolute_uri(page.get_url(request))
    organisation = {
        "@type": "Organization",
        "name": OrganisationSettings.for_request(request).name,
        "url": request.build_absolute_uri("/"),
    }
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "description": page.lead,
        "inLanguage": language_tag(),
        "mainEntityOfPage": url,
        "url": url,
        "datePublished": page.first_published_at,
        "dateModified": page.last_published_at,
        "author": organisation,
        "publisher": organisation,
        "keywords": [tag.name for tag in page.tag_list],
        "timeRequired": f"PT{page.reading_minutes}M",
    }
    if page.hero_image:
        rendition = page.hero_image.get_rendition("fill-1200x630")
        article["image"] = request.build_absolute_uri(rendition.url)
    data = [article]
    questions = page.faq_questions()
    if questions:
        data.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": question["question"],
                        "acceptedAnswer": {
                            "@type": "Answer",
                            "text": strip_tags(str(question["answer"])).strip(),
                        },
                    }
                    for question in questions
                ],
            }
        )
    return data


@register.simple_tag(takes_context=True)
def latest_explainers(context, count=LATEST_EXPLAINERS):
    """The newest explainers in the reader's language with their topics, in three queries
    however many there are (the explainers, their topics, the topics' names)."""
    explainers = list(
        ExplainerPage.objects.live()
        .public()
        .filter(locale__language_code=content_language())
        .prefetch_related("topics")
        .order_by("-first_published_at", "-pk")[:count]
    )
    if explainers:
        # The explainers' own locale id: reading the Locale row would cost a query.
        localized_topics(explainers, explainers[0].locale_id)
    return explainers


@register.simple_tag
def knowledge_index():
    """The knowledge base in the reader's language, or None."""
    return section(KnowledgeIndexPage)
