"""The campaigns' parts of other pages (the home page): the current petition, the next event
and the latest news, each in the reader's language and at a fixed number of queries (whether
a page is public is asked in its own query: home/page_queries.py)."""

from django import template
from django.utils import timezone

from campaigns.events.pages import EventPage
from campaigns.news.models import NewsIndexPage, NewsPage
from campaigns.pages import CampaignIndexPage
from campaigns.petitions.pages import PetitionPage
from home.languages import content_language
from home.sections import section

register = template.Library()

LATEST_NEWS = 3


@register.simple_tag(takes_context=True)
def current_petition(context):
    """The first open petition in the campaigns' order (PetitionPageQuerySet.open_first), with
    its count (one query), or None: a closed one is never offered for signing."""
    petitions = (
        PetitionPage.objects.live()
        .public()
        .filter(locale__language_code=content_language())
        .open_now()
        .open_first()
    )
    return PetitionPage.with_counts(petitions).first()


@register.simple_tag(takes_context=True)
def next_event(context):
    """The next event that is not cancelled and has not ended (one query), or None."""
    return (
        EventPage.objects.live()
        .public()
        .filter(
            locale__language_code=content_language(),
            end__gte=timezone.now(),
            status=EventPage.Status.SCHEDULED,
        )
        .order_by("start", "pk")
        .first()
    )


@register.simple_tag(takes_context=True)
def latest_news(context, count=LATEST_NEWS):
    """The newest news items (one query)."""
    return list(
        NewsPage.objects.live()
        .public()
        .filter(locale__language_code=content_language())
        .select_related("image")
        .order_by("-date", "-first_published_at", "-pk")[:count]
    )


@register.simple_tag
def news_index():
    """The news page in the reader's language, or None."""
    return section(NewsIndexPage)


@register.simple_tag
def campaigns_index():
    """The campaigns page (every event and petition) in the reader's language, or None."""
    return section(CampaignIndexPage)
