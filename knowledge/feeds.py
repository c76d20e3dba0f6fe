"""RSS and Atom feeds of new and updated explainers, one per knowledge base (language)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from home.models import OrganisationSettings

from .models import ExplainerPage, localized_topics

FEED_LENGTH = 30


class ExplainerRssFeed(Feed):
    def get_object(self, request, index):
        # The feed's language is the active one, which is the knowledge base's.
        self.request = request
        return index

    def title(self, index):
        name = OrganisationSettings.for_request(self.request).name
        return f"{index.title} | {name}"

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.intro

    def items(self, index):
        explainers = list(
            ExplainerPage.objects.child_of(index)
            .live()
            .public()
            .prefetch_related("topics")
            .order_by("-last_published_at", "-pk")[:FEED_LENGTH]
        )
        return localized_topics(explainers, index.locale)

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.lead

    def item_link(self, page):
        return page.get_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_categories(self, page):
        return [topic.name for topic in page.topic_list]


class ExplainerAtomFeed(ExplainerRssFeed):
    feed_type = Atom1Feed
    subtitle = ExplainerRssFeed.description
