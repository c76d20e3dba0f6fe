"""RSS and Atom feeds of the news, one per news page (language)."""

from django.utils.feedgenerator import Atom1Feed

from home.feeds import FEED_LENGTH, IndexPageFeed


class NewsRssFeed(IndexPageFeed):
    def items(self, index):
        return index.news().prefetch_related("tags")[:FEED_LENGTH]

    def item_categories(self, page):
        return [tag.name for tag in page.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
