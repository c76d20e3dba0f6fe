"""News: the initiative's statements and wins, newest first, with RSS and Atom feeds."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from campaigns.news.feeds import NewsAtomFeed, NewsRssFeed
from home.blocks import BaseStreamBlock
from home.models import ArticlePage, FeedIndexPage, image_description, optional_link, paginate
from home.page_cache import page_number, slug_of

__all__ = ["NewsIndexPage", "NewsPage", "NewsPageTag"]

NEWS_PER_PAGE = 10


def today():
    return timezone.localdate()


class NewsIndexPage(FeedIndexPage):
    """The list of news, newest first, ten to a page, with feeds."""

    site_section = True

    cache_query_params = {"page": page_number(NEWS_PER_PAGE), "tag": slug_of(Tag)}

    subpage_types = ["campaigns.NewsPage"]
    rss_feed_class = NewsRssFeed
    atom_feed_class = NewsAtomFeed

    class Meta:
        verbose_name = _("News")
        verbose_name_plural = _("News pages")

    def news(self):
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        # A tag's slug is at most 100 characters (taggit): anything longer matches nothing.
        slug = request.GET.get("tag", "").strip()[:101]
        tag = ""
        if slug:
            news = news.filter(tags__slug=slug).distinct()
            # The tag's own name, never the query's words: the page must not say what anyone
            # puts in a link ("News tagged 'the initiative has closed'").
            tag = Tag.objects.filter(slug=slug).values_list("name", flat=True).first() or ""
        listing, query_string = paginate(request, news, NEWS_PER_PAGE)
        context.update(news=listing, tag=tag, query_string=query_string)
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaigns.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(ArticlePage):
    """A statement, a win or other news of the initiative."""

    date = models.DateField(_("Date"), default=today)
    lead = models.TextField(
        _("Lead"), max_length=400, help_text=_("The news in a sentence or two.")
    )
    image = optional_link("wagtailimages.Image", _("Image"))
    image_alt = image_description()
    body = StreamField(BaseStreamBlock(), verbose_name=_("Body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, verbose_name=_("Tags"), blank=True)

    parent_page_types = ["campaigns.NewsIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [*ArticlePage.search_fields, index.FilterField("date")]

    class Meta:
        verbose_name = _("News item")
        verbose_name_plural = _("News items")
