"""What the site's RSS and Atom feeds share: a feed of one index page's children (the news,
the explainers), in the index page's language, with links absolute from the request so that
they point where the site answers. Each section says which pages and which categories. Under
/cir/ their text is in Cyrillic (`for_reader`): XML, which the pages' middleware does not read."""

from django.contrib.syndication.views import Feed

from .models import OrganisationSettings
from .scripts import for_reader

FEED_LENGTH = 30


class IndexPageFeed(Feed):
    def get_object(self, request, index):
        # The feed's language is the active one, which is the index page's.
        self.request = request
        return index

    def title(self, index):
        name = OrganisationSettings.for_request(self.request).name
        return for_reader(f"{index.title} | {name}")

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return for_reader(index.intro)

    def item_title(self, page):
        return for_reader(page.title)

    def item_description(self, page):
        return for_reader(page.lead)

    def item_link(self, page):
        return page.get_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at
