"""The campaigns section's page: the open petitions, then the won and closed ones, the
requests to authorities people can make, and the events, upcoming and past."""

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from campaigns.events.pages import EventPage
from campaigns.information_requests.pages import RegisterPage, RequestPage
from campaigns.petitions.pages import PetitionPage
from home.kept import kept
from home.models import LIVE_FIGURES, IntroPage, paginate
from home.page_cache import model_version, page_number

__all__ = ["CampaignIndexPage"]

PAST_EVENTS_PER_PAGE = 10
# Won and closed petitions the campaigns page shows under the open ones.
FINISHED_PETITIONS_SHOWN = 6


class CampaignIndexPage(IntroPage):
    """Campaigns: open petitions, upcoming events and, in an archive, past ones."""

    site_section = True

    cache_query_params = {"page": page_number(PAST_EVENTS_PER_PAGE)}
    page_cache_timeout = LIVE_FIGURES  # the petitions' counts, which events are upcoming

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "campaigns.PetitionPage",
        "campaigns.RequestPage",
        "campaigns.RegisterPage",
        "campaigns.EventPage",
    ]

    class Meta:
        verbose_name = _("Campaigns")
        verbose_name_plural = _("Campaign pages")

    def petitions(self):
        """The live, public petitions with their counts (PetitionPage.with_counts), open ones
        first (PetitionPageQuerySet.open_first)."""
        return PetitionPage.with_counts(
            PetitionPage.objects.child_of(self).live().public().defer("background").open_first()
        )

    def open_petitions(self):
        """Those still taking signatures: a passed deadline closes a petition marked open."""
        return list(self.petitions().open_now())

    def finished_petitions(self):
        """The latest won or closed petitions: wins are what moves people, so they stay shown."""
        return list(self.petitions().finished()[:FINISHED_PETITIONS_SHOWN])

    def requests(self):
        """The requests people can make, as the page lists them: kept while no request page
        changes (a page cache miss stays within its queries, tests/test_page_queries.py)."""

        def listed():
            # The register of their answers among them, where it is.
            pages = Page.objects.child_of(self).live().public().type(RequestPage, RegisterPage)
            return [
                {"title": page.title, "url": page.url, "summary": page.search_description}
                for page in pages.order_by("path")
            ]

        # Per reading language: a Cyrillic reader's addresses are under /cir/.
        key = f"campaigns:requests:{self.pk}:{get_language()}"
        return kept(key, [model_version(RequestPage), model_version(RegisterPage)], listed)

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        past, _query_string = paginate(
            request,
            self.events().filter(end__lt=now).order_by("-start", "-pk"),
            PAST_EVENTS_PER_PAGE,
        )
        context.update(
            petitions=self.open_petitions(),
            finished_petitions=self.finished_petitions(),
            requests=self.requests(),
            upcoming=self.events().filter(end__gte=now).order_by("start", "pk"),
            past_events=past,
        )
        return context
