"""RSS and Atom feeds of new and updated explainers, one per knowledge base (language)."""

from django.utils.feedgenerator import Atom1Feed

from home.feeds import IndexPageFeed


class ExplainerRssFeed(IndexPageFeed):
    def items(self, index):
        return index.feed_explainers()

    def item_categories(self, page):
        return [topic.name for topic in page.topic_list]


class ExplainerAtomFeed(ExplainerRssFeed):
    feed_type = Atom1Feed
    subtitle = ExplainerRssFeed.description
