"""RSS and Atom feeds of new and updated explainers, one per knowledge base (language)."""

from django.utils.feedgenerator import Atom1Feed

from home.feeds import FEED_LENGTH, IndexPageFeed

from .models import ExplainerPage, localized_topics


class ExplainerRssFeed(IndexPageFeed):
    def items(self, index):
        explainers = list(
            ExplainerPage.objects.child_of(index)
            .live()
            .public()
            .prefetch_related("topics")
            .order_by("-last_published_at", "-pk")[:FEED_LENGTH]
        )
        return localized_topics(explainers, index.locale)

    def item_categories(self, page):
        return [topic.name for topic in page.topic_list]


class ExplainerAtomFeed(ExplainerRssFeed):
    feed_type = Atom1Feed
    subtitle = ExplainerRssFeed.description
