"""News: the initiative's statements and wins, newest first, with RSS and Atom feeds."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
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
from home.models import BasePage
from home.page_routes import LocalisedRoutablePageMixin, translated_path

__all__ = ["NewsIndexPage", "NewsPage", "NewsPageTag"]

NEWS_PER_PAGE = 10


def today():
    return timezone.localdate()


class NewsIndexPage(LocalisedRoutablePageMixin, BasePage):
    """The list of news, newest first, ten to a page, with feeds."""

    intro = models.TextField(_("Introduction"), max_length=500, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.NewsPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("News")
        verbose_name_plural = _("News pages")

    @property
    def summary(self):
        return self.intro

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
        paginator = Paginator(news, NEWS_PER_PAGE)
        try:
            listing = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            listing = paginator.page(1)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(news=listing, tag=tag, query_string=query.urlencode())
        return context

    @translated_path("feed/", "rss/")
    def rss_feed(self, request):
        return NewsRssFeed()(request, index=self)

    @translated_path("feed/atom/", "atom/")
    def atom_feed(self, request):
        return NewsAtomFeed()(request, index=self)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaigns.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """A statement, a win or other news of the initiative."""

    date = models.DateField(_("Date"), default=today)
    lead = models.TextField(
        _("Lead"), max_length=400, help_text=_("The news in a sentence or two.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("Image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty if it only "
            "decorates the page."
        ),
    )
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
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("News item")
        verbose_name_plural = _("News items")

    @property
    def summary(self):
        return self.lead

    @property
    def og_type(self):
        return "article"
