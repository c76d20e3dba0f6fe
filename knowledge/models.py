"""The knowledge base: explainers on rights, law and technology, topics and a glossary."""

from datetime import date, timedelta

from django import forms
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from home.blocks import RICH_TEXT_FEATURES
from home.feeds import FEED_LENGTH
from home.kept import kept
from home.languages import content_language
from home.models import ArticlePage, FeedIndexPage, IntroPage, optional_link, paginate
from home.page_cache import model_version, page_number, slug_of
from home.search import with_stems
from home.serbian import collation_key, letters

from .admin_forms import ExplainerPageForm
from .blocks import ExplainerStreamBlock, table_of_contents
from .feeds import ExplainerAtomFeed, ExplainerRssFeed
from .glossary import GlossaryLinker

# Words a reader gets through in a minute of careful reading on a phone.
READING_WORDS_PER_MINUTE = 200
EXPLAINERS_PER_PAGE = 12


def overdue_review_dates(today=None):
    """The review dates that are overdue today, as an inclusive (first, last) range.

    An explainer is due for review once its date has passed, "after this date" as the field's
    help says: from the next day on, in Belgrade's calendar. The page's notice, the
    "Explainers to review" report and the dashboard all ask this, so they never disagree.
    """
    return date.min, (today or timezone.localdate()) - timedelta(days=1)


class Topic(TranslatableMixin, models.Model):
    """What an explainer is about: the law, the technology, your rights, how to act."""

    name = models.CharField(_("Name"), max_length=80)
    slug = models.SlugField(_("Slug"), max_length=80, allow_unicode=False)
    description = models.CharField(_("Description"), max_length=250, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Topic")
        verbose_name_plural = _("Topics")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    term = models.CharField(_("Term"), max_length=100)
    slug = models.SlugField(_("Slug"), max_length=100)
    definition = models.CharField(
        _("Short definition"), max_length=250, help_text=_("One plain sentence.")
    )
    explanation = RichTextField(_("Explanation"), features=RICH_TEXT_FEATURES, blank=True)
    variants = models.TextField(
        _("Other forms"),
        blank=True,
        help_text=_(
            "Other forms of the term as they appear in text, one per line (for Serbian, its "
            "cases: biometrijskih podataka, biometrijskim podacima). The first use of any of "
            "them in an explainer links to this definition."
        ),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldPanel("explanation"),
        FieldPanel("variants"),
    ]

    # Also folded and stemmed, as the site search asks for them (home/search.py).
    search_fields = with_stems(
        [
            index.SearchField("term", boost=3),
            index.SearchField("variants", boost=3),
            index.AutocompleteField("term"),
            index.SearchField("definition"),
            index.SearchField("explanation"),
            index.FilterField("locale"),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Glossary term")
        verbose_name_plural = _("Glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_term_slug_per_locale")
        ]

    def __str__(self):
        return self.term

    @property
    def variant_list(self):
        return [line.strip() for line in self.variants.splitlines() if line.strip()]

    def get_url(self, glossary_url):
        return f"{glossary_url}#{self.slug}"


def glossary_terms(locale_id, request=None):
    """The glossary's address in a language (a Locale's id), and its terms, each with its
    definition's `url`. Both are kept while no glossary page or term changes."""

    def build():
        glossary = GlossaryPage.objects.live().filter(locale_id=locale_id).first()
        terms = list(GlossaryTerm.objects.filter(locale_id=locale_id)) if glossary else []
        return glossary, terms

    glossary, terms = kept(
        f"knowledge:glossary:{locale_id}",
        [model_version(GlossaryPage), model_version(GlossaryTerm)],
        build,
    )
    if glossary is None:
        return None, []
    glossary_url = glossary.get_url(request)
    for term in terms:
        term.url = term.get_url(glossary_url)
    return glossary_url, terms


def topics_in(locale_id):
    """The topics in a language (a Locale's id), in their order; kept while no topic changes."""
    return kept(
        f"knowledge:topics:{locale_id}",
        [model_version(Topic)],
        lambda: list(Topic.objects.filter(locale_id=locale_id)),
    )


def localized_topics(pages, locale_id):
    """Set `topic_list` on each page: its topics in a language (a Locale's id), in the
    topics' order, those of one order in the reader's alphabetical order.

    Translated pages keep pointing at the topics of the page they were translated from;
    topics are matched across languages by their translation key.
    """
    in_locale = {topic.translation_key: topic for topic in topics_in(locale_id)}
    for page in pages:
        topics = {in_locale.get(t.translation_key, t) for t in page.topics.all()}
        page.topic_list = sorted(
            topics,
            key=lambda topic: (topic.sort_order, collation_key(topic.name, get_language())),
        )
    return pages


def in_locale(explainers, locale_id):
    """The live translations in a language (a Locale's id) of the chosen explainers, in their order.

    Pages translated with wagtail-localize keep the choices of the page they were translated
    from, which point at that language's explainers.
    """
    keys = [explainer.translation_key for explainer in explainers]
    found = (
        ExplainerPage.objects.live().public().filter(locale_id=locale_id, translation_key__in=keys)
    )
    by_key = {page.translation_key: page for page in found}
    return [by_key[key] for key in keys if key in by_key]


class KnowledgeIndexPage(FeedIndexPage):
    """The knowledge base's entry point: topics, featured and new explainers, and filters."""

    site_section = True

    cache_query_params = {
        "page": page_number(EXPLAINERS_PER_PAGE),
        "topic": slug_of(Topic),
        "tag": slug_of(Tag),
    }
    page_cache_lists = ("knowledge.Topic",)

    subpage_types = ["knowledge.ExplainerPage", "knowledge.GlossaryPage"]
    rss_feed_class = ExplainerRssFeed
    atom_feed_class = ExplainerAtomFeed

    content_panels = [
        *FeedIndexPage.content_panels,
        InlinePanel("featured_explainers", label=_("Featured explainers"), max_num=3),
    ]

    class Meta:
        verbose_name = _("Knowledge base")
        verbose_name_plural = _("Knowledge bases")

    def explainers(self):
        return (
            ExplainerPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = topics_in(self.locale_id)
        explainers = self.explainers()
        topic = next((t for t in topics if t.slug == request.GET.get("topic")), None)
        if topic:
            explainers = explainers.filter(topics__translation_key=topic.translation_key)
        tag = request.GET.get("tag", "").strip()
        if tag:
            explainers = explainers.filter(tags__slug=tag)
        listing, query_string = paginate(request, explainers.distinct(), EXPLAINERS_PER_PAGE)
        filtered = topic is not None or bool(tag)
        featured = []
        if not filtered and listing.number == 1:
            featured = in_locale(
                [f.explainer for f in self.featured_explainers.select_related("explainer")],
                self.locale_id,
            )
        # Both lists' topics in one query.
        prefetch_related_objects([*listing, *featured], "topics")
        localized_topics([*listing, *featured], self.locale_id)
        context.update(
            query_string=query_string,
            topics=topics,
            topic=topic,
            tag=tag,
            explainers=listing,
            featured=featured,
            filtered=filtered,
        )
        return context

    def feed_explainers(self):
        """The newest or newest-updated explainers, with their topics: what the feeds list."""
        explainers = list(
            ExplainerPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("topics")
            .order_by("-last_published_at", "-pk")[:FEED_LENGTH]
        )
        return localized_topics(explainers, self.locale_id)


class FeaturedExplainer(Orderable):
    index = ParentalKey(
        KnowledgeIndexPage, on_delete=models.CASCADE, related_name="featured_explainers"
    )
    explainer = models.ForeignKey(
        "knowledge.ExplainerPage",
        verbose_name=_("Explainer"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("explainer")]


class ExplainerPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.ExplainerPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ExplainerPage(ArticlePage):
    # Terms linked to the glossary in its text, its topics.
    page_cache_lists = ("knowledge.GlossaryTerm", "knowledge.Topic")
    lead = models.TextField(_("Lead"), max_length=400, help_text=_("The answer in two sentences."))
    hero_image = optional_link("wagtailimages.Image", _("Image at the top"))
    topics = ParentalManyToManyField(Topic, verbose_name=_("Topics"), blank=True)
    tags = ClusterTaggableManager(through=ExplainerPageTag, verbose_name=_("Tags"), blank=True)
    body = StreamField(ExplainerStreamBlock(), verbose_name=_("Body"))
    reviewed_on = models.DateField(_("Reviewed on"), null=True, blank=True)
    reviewed_by = models.CharField(
        _("Reviewed by"), max_length=120, blank=True, help_text=_("Shown to readers.")
    )
    review_due = models.DateField(
        _("Review again by"),
        null=True,
        blank=True,
        help_text=_(
            "Laws and systems change. After this date the explainer is listed in the "
            "“Explainers to review” report."
        ),
    )

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    base_form_class = ExplainerPageForm
    # Each language's page is reviewed on its own (knowledge/review.py): wagtail-localize
    # neither copies the Serbian review onto a translation nor offers it for translation.
    override_translatable_fields = [
        BaseTranslatableField("reviewed_on"),
        BaseTranslatableField("reviewed_by"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("hero_image"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("reviewed_on"), FieldPanel("reviewed_by"), FieldPanel("review_due")],
            heading=_("Review"),
        ),
        InlinePanel("related_explainers", label=_("Related explainers"), max_num=3),
    ]

    class Meta:
        verbose_name = _("Explainer")
        verbose_name_plural = _("Explainers")

    def copy_for_translation(self, locale, copy_parents=False, alias=False, exclude_fields=None):
        """A translation starts without a review: the original's reviewer did not read it."""
        if not alias:
            exclude_fields = [*(exclude_fields or ()), "reviewed_on", "reviewed_by"]
        return super().copy_for_translation(
            locale, copy_parents=copy_parents, alias=alias, exclude_fields=exclude_fields
        )

    @property
    def review_overdue(self):
        first, last = overdue_review_dates()
        return self.review_due is not None and first <= self.review_due <= last

    @cached_property
    def tag_list(self):
        """Its tags, read once for the page and its structured data."""
        return list(self.tags.all())

    @cached_property
    def table_of_contents(self):
        return table_of_contents(self.body)

    @cached_property
    def reading_minutes(self):
        text = [self.lead, *self.body.stream_block.get_searchable_content(self.body)]
        words = sum(len(str(chunk).split()) for chunk in text)
        return max(1, round(words / READING_WORDS_PER_MINUTE))

    def faq_questions(self):
        return [
            question
            for child in self.body
            if child.block_type == "faq"
            for question in child.value["questions"]
        ]

    def related(self, limit=3):
        """The editors' choice of related explainers, then others on the same topics."""
        chosen = [r.explainer for r in self.related_explainers.select_related("explainer")]
        related = [page for page in in_locale(chosen, self.locale_id) if page.pk != self.pk]
        siblings = (
            ExplainerPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
        )
        if len(related) < limit:
            # In the same query: the page's own topics are read with the related pages' after.
            topic_keys = Topic.objects.filter(explainerpage=self.pk).values("translation_key")
            related += (
                siblings.filter(topics__translation_key__in=topic_keys)
                .exclude(pk__in=[p.pk for p in related])
                .distinct()
                .order_by("-first_published_at")[: limit - len(related)]
            )
        return related

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["glossary_url"], terms = glossary_terms(self.locale_id, request)
        context["glossary_linker"] = GlossaryLinker(terms)
        context["index_url"] = self.get_parent().get_url(request)
        if getattr(request, "is_preview", False):
            # A draft's own choices, never kept under the published page's key.
            context["topic_list"], context["related"] = self.topics_and_related()
        else:
            # Kept while no explainer and no topic changes: they are all they show.
            context["topic_list"], context["related"] = kept(
                f"knowledge:explainer-related:{self.pk}",
                [model_version(ExplainerPage), model_version(Topic)],
                self.topics_and_related,
            )
        return context

    def topics_and_related(self):
        """Its topics in its language, and its related explainers with theirs."""
        related = self.related()
        prefetch_related_objects([self, *related], "topics")
        localized_topics([self, *related], self.locale_id)
        return self.topic_list, related


class RelatedExplainer(Orderable):
    page = ParentalKey(ExplainerPage, on_delete=models.CASCADE, related_name="related_explainers")
    explainer = models.ForeignKey(
        ExplainerPage, verbose_name=_("Explainer"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("explainer")]


class GlossaryPage(IntroPage):
    """The glossary from A to Ž: every term of the page's language with its explanation."""

    page_cache_lists = ("knowledge.GlossaryTerm",)

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    # Found by its title; its terms are searched for on their own (knowledge/search.py).
    search_fields = Page.search_fields

    class Meta:
        verbose_name = _("Glossary")
        verbose_name_plural = _("Glossaries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = GlossaryTerm.objects.filter(locale_id=self.locale_id)
        # A Cyrillic reader's glossary in the azbuka's order (home/serbian.py).
        reading = get_language()
        is_ours = content_language(reading) == self.language_code
        context["letters"] = by_initial(terms, reading if is_ours else self.language_code)
        return context


def by_initial(terms, language_code):
    """[(letter, [terms])] in alphabetical order."""
    groups = {}
    for term in sorted(terms, key=lambda t: collation_key(t.term, language_code)):
        initial = letters(term.term, language_code)[0]
        groups.setdefault(initial[0].upper() + initial[1:], []).append(term)
    return list(groups.items())
