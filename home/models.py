import unicodedata

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from . import locales, page_cache
from .blocks import BaseStreamBlock
from .cyrillic import ANY_LATIN, WORD
from .kept import kept
from .page_forms import SiteCopyForm, SitePageForm
from .page_queries import SitePageManager
from .page_routes import LocalisedRoutablePageMixin, translated_path
from .search import with_stems

# How long a page showing a live figure may be cached (BasePage.page_cache_timeout).
LIVE_FIGURES = 30


def optional_link(to, verbose_name, **options):
    """An optional link to an image or a page: deleting the image or page empties it, and the
    other side gets no reverse relation."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


def image_description():
    """The text alternative of a page's image, for people who cannot see it."""
    return models.CharField(
        _("Image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty if it only "
            "decorates the page."
        ),
    )


class BasePage(Page):
    """Fields every public page shares: an image for link previews on social media."""

    social_image = optional_link(
        "wagtailimages.Image",
        _("Social media image"),
        help_text=_("Shown when the page is shared. At least 1200 by 630 pixels."),
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("social_image"),
    ]
    # Refuses a slug whose address one of the site's own routes answers (home/page_forms.py).
    base_form_class = SitePageForm
    copy_form_class = SiteCopyForm

    # Their lists ask whether a page is public in the same query (home/page_queries.py).
    objects = SitePageManager()

    class Meta:
        abstract = True

    # What readers call a page of this kind ("peticija potpisi"): indexed in the page's own
    # language, so that the search finds a petition by those words though its text may not
    # use them. Empty for kinds whose title says what they are.
    search_kind_words = ""

    @classmethod
    def get_search_fields(cls):
        # Every page type's text also folded and stemmed, as the site search asks for it.
        fields = super().get_search_fields()
        if cls.search_kind_words:
            fields = [*fields, index.SearchField("kind_words")]
        return with_stems(fields)

    @property
    def language_code(self):
        """Its language's code, without reading its Locale row (home/locales.py)."""
        return locales.language_code(self.locale_id)

    @property
    def kind_words(self):
        with translation.override(self.language_code):
            return str(self.search_kind_words)

    # The page cache (home/page_cache.py): the query parameters this kind of page reads (every
    # other one is dropped before it renders), each with whether a value is one the page knows
    # (page_cache.one_of, choice_of, slug_of, page_number, free_text: only those are kept, so
    # that what a visitor types cannot fill the cache); how long a copy may live at most: an
    # hour, for what changes with the clock alone (a review falling due), or 30 s for a page
    # with a live figure (a petition's count, an event's places) or a list that the clock
    # reorders (the next event); and the kinds of pages and snippets ("knowledge.GlossaryTerm")
    # it lists beyond its own subtree.
    cache_query_params = {}
    page_cache_timeout = 60 * 60
    page_cache_lists = ()
    # A part of the site that links elsewhere lead to, one page per language (home/sections.py).
    site_section = False

    def page_cache_versions(self):
        """What a cached copy of this page shows: the site's settings and menus, the page
        itself (and, through what its changes touch, its tree), the kinds it lists, and what
        other apps' blocks and tags on it show (their `page_cache_versions` hooks: the map's
        cameras)."""
        return [
            page_cache.SITE,
            page_cache.page_version(self.pk),
            *(page_cache.model_version(kind) for kind in self.page_cache_lists),
            *(version for hook in hooks.get_hooks("page_cache_versions") for version in hook(self)),
        ]

    def get_view_restrictions(self):
        """Wagtail's view restrictions on this page, in one query rather than two (they are
        read on every page served): the page's and its ancestors', an alias's those of the
        page it copies (Wagtail makes an alias of an alias copy the original)."""
        step = self.steplen
        on_path = Page.objects.filter(
            path__in=[self.path[:end] for end in range(step, len(self.path) + 1, step)]
        )
        return PageViewRestriction.objects.filter(
            Q(page__in=on_path.filter(alias_of__isnull=True))
            | Q(page__in=on_path.filter(alias_of__isnull=False).values("alias_of"))
        )

    @classmethod
    def page_cache_listed_keys(cls):
        return {page_cache.model_version(kind).key for kind in cls.page_cache_lists}

    @property
    def meta_description(self):
        """The search engine and link preview summary: the editor's, or the page's lead."""
        return self.search_description or self.summary

    @property
    def summary(self):
        return ""

    def get_sitemap_urls(self, request=None):
        # Addresses as the visitor reached the site, not as the Site record spells them.
        urls = super().get_sitemap_urls(request)
        if request is not None:
            for url in urls:
                url["location"] = request.build_absolute_uri(self.get_url(request))
        return urls


class ArticlePage(BasePage):
    """A page read as an article (an explainer, a news item): its lead is its summary and
    counts double in the search, with its body and tags; link previews call it an article.
    Each kind has its own `lead` (its help says what to write), `body` and `tags` (through
    a model of its own)."""

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.lead

    @property
    def og_type(self):
        return "article"


def paginate(request, items, per_page):
    """The page of `items` the request asks for (`?page=`; the first for a number out of range
    or not a number), and the request's query string without `page`, for the pages' links."""
    paginator = Paginator(items, per_page)
    try:
        listing = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        listing = paginator.page(1)
    query = request.GET.copy()
    query.pop("page", None)
    return listing, query.urlencode()


class IntroPage(BasePage):
    """A page that opens with a short introduction, which is also its summary: standard pages,
    the sections' index pages, the glossary."""

    intro = models.TextField(_("Introduction"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.intro


class FeedIndexPage(LocalisedRoutablePageMixin, IntroPage):
    """A section's one index page under the home page (the knowledge base, the news): its
    pages listed a page at a time (`paginate`), with RSS and Atom feeds of them at `feed/` and
    `feed/atom/` (`rss/`, `atom/` in Serbian; templates/home/feed_index_page.html links them).
    A subclass names its feeds' classes (home.feeds.IndexPageFeed's)."""

    rss_feed_class = None
    atom_feed_class = None

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @translated_path("feed/", "rss/")
    def rss_feed(self, request):
        return self.rss_feed_class()(request, index=self)

    @translated_path("feed/atom/", "atom/")
    def atom_feed(self, request):
        return self.atom_feed_class()(request, index=self)


class HomePage(BasePage):
    page_cache_timeout = LIVE_FIGURES  # the current petition's count, the next event
    mission = models.TextField(
        _("Mission"),
        max_length=300,
        help_text=_("What the initiative wants, in one sentence."),
    )
    join_text = models.TextField(
        _("Call to join"),
        max_length=400,
        blank=True,
        help_text=_("Why and how to join, in a sentence or two."),
    )
    join_label = models.CharField(_("Join button text"), max_length=80, blank=True)
    join_page = optional_link("wagtailcore.Page", _("Join button leads to"))
    hero_image = optional_link(
        "wagtailimages.Image",
        _("Image beside the mission"),
        help_text=_("A photo or illustration; it is shown after the actions on a phone."),
    )
    hero_image_alt = image_description()
    body = StreamField(BaseStreamBlock(), verbose_name=_("Highlights"), blank=True)

    parent_page_types = ["wagtailcore.Page"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("mission"),
        MultiFieldPanel(
            [FieldPanel("join_text"), FieldPanel("join_label"), FieldPanel("join_page")],
            heading=_("Call to join"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading=_("Image at the top"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("mission")]

    @property
    def summary(self):
        return self.mission

    # The figures, the petition, the next event, explainers and news come from the sections'
    # template tags (templates/home/home_page.html): home imports no other app.

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home pages")


class StandardPage(IntroPage):
    """About, privacy policy, contact and other pages of plain editorial content."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("Body"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    content_panels = [*IntroPage.content_panels, FieldPanel("body")]
    search_fields = [*IntroPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("Standard page")
        verbose_name_plural = _("Standard pages")


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Network"), max_length=40, help_text="Mastodon, Instagram…")
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "site"


class SiteWideSetting(BaseSiteSetting):
    """A setting every page shows (the organisation's name, the menus), kept in the shared
    cache while the site's version holds (page_cache.SITE: any change to a setting or to a page
    a setting links to makes a new one), so that a page's render does not read its row."""

    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        return kept(
            f"site-setting:{cls._meta.label_lower}:{site.pk}",
            [page_cache.SITE],
            # Its defaults until an editor first saves it, as Wagtail's would show, but no row
            # made on the way: saving one makes the site's version new, and so what was kept.
            lambda: cls.base_queryset().filter(site=site).first() or cls(site=site),
        )


@register_setting(icon="site")
class OrganisationSettings(SiteWideSetting):
    name = models.CharField(_("Organisation name"), max_length=100, default="Kamere")
    contact_email = models.EmailField(_("Contact email"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("Social links"), blank=True
    )
    data_licence_name = models.CharField(
        _("Data licence"),
        max_length=100,
        default="Open Database License (ODbL) 1.0",
        help_text=_("The licence under which the camera data is published."),
    )
    data_licence_url = models.URLField(
        _("Data licence address"), default="https://opendatacommons.org/licenses/odbl/1-0/"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("contact_email"),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("data_licence_name"), FieldPanel("data_licence_url")],
            heading=_("Open data"),
        ),
    ]

    class Meta:
        verbose_name = _("Organisation")


@register_setting(icon="list-ul")
class NavigationSettings(SiteWideSetting):
    """Menus as lists of pages: each link shows the page in the reader's language."""

    main_menu = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("Main menu"),
        blank=True,
    )
    footer_menu = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("Footer links"),
        blank=True,
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_menu")]

    class Meta:
        verbose_name = _("Navigation")


class DailySecret(models.Model):
    """The random key of one day's client pseudonyms (home/ratelimit.py client_key).

    Random, not derived from SECRET_KEY: once the row is deleted (the day after, by
    delete_expired_counters), a pseudonym kept longer, such as the one on a signature for the
    moderators' review, can no longer be recomputed from any address, even by someone who has
    the database and SECRET_KEY.
    """

    day = models.DateField(primary_key=True)
    secret = models.CharField(max_length=64)

    def __str__(self):
        return self.day.isoformat()


class RateLimitCounter(models.Model):
    """One client's requests in one window of a rate limit (home/ratelimit.py).

    The key holds the client's daily pseudonym, never an address; rows are deleted once their
    window has ended (delete_expired_counters).
    """

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=1)
    expires = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"


class ScheduledJob(models.Model):
    """One regular job of the clock (home/management/commands/run_schedule.py): when it is
    due, and the lease of the clock running it, so that clocks on several nodes run it once.

    A clock claims a job by setting `leased_until` in one conditional UPDATE; the others see
    the lease and leave the job alone until it is cleared after the run, or has expired
    because the node died mid-run. `last_node` is a machine's host name and a process id.
    """

    class Outcome(models.TextChoices):
        OK = "ok", "ok"
        FAILED = "failed", "failed"

    command = models.CharField(max_length=100, primary_key=True)
    next_run_at = models.DateTimeField()
    leased_until = models.DateTimeField(null=True, blank=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_node = models.CharField(max_length=255, blank=True)
    last_outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)

    def __str__(self):
        return self.command


class TaskWorker(models.Model):
    """A running task worker (home/management/commands/run_worker.py) and when it last said
    it was alive: the running jobs of one silent for a minute are queued again, so that a
    worker killed mid-job, or a machine lost, loses no mail. `node` is a machine's host name
    and a process id; a row is deleted when its worker stops or is found silent."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    node = models.CharField(max_length=255)
    alive_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.worker_id} on {self.node}"


def validate_latin_word(value):
    # As the Cyrillic pages find words (home/cyrillic.py WORD): anything else would never match.
    if not WORD.fullmatch(value) or not ANY_LATIN.search(value):
        raise ValidationError(
            _(
                "One word as it is written in Latin: letters only, its parts joined by a "
                "hyphen if it has them (Wi-Fi), without spaces, digits or other signs."
            ),
            code="invalid",
        )


def validate_cyrillic_word(value):
    if ANY_LATIN.search(value):
        raise ValidationError(
            _(
                "Cyrillic letters only. To keep the word in Latin on Cyrillic pages, leave "
                "this field empty."
            ),
            code="latin",
        )
    # Letters only: the form goes into the pages' text as it is written here.
    if not WORD.fullmatch(value):
        raise ValidationError(
            _(
                "One word: letters only, its parts joined by a hyphen if it has them, "
                "without spaces, digits or other signs."
            ),
            code="invalid",
        )


class TransliterationException(models.Model):
    """A word the Cyrillic pages write in a form of their own, or leave in Latin (issue 22):
    the editors' list, read before home/cyrillic.py's rules and its own EXCEPTIONS by every
    Cyrillic page and mail (home/scripts.py `editors_exceptions`)."""

    word = models.CharField(
        _("Word"),
        max_length=100,
        unique=True,
        validators=[validate_latin_word],
        help_text=_(
            "As it is written in Latin. A word written in lower case is found with a capital "
            "at the start of a sentence too; one written with capitals, only as written."
        ),
    )
    cyrillic = models.CharField(
        _("In Cyrillic"),
        max_length=100,
        blank=True,
        validators=[validate_cyrillic_word],
        help_text=_(
            "How Cyrillic pages write it. Leave empty to keep the word as it is, in Latin (a "
            "name, a brand, an acronym)."
        ),
    )
    reason = models.CharField(
        _("Reason"),
        max_length=250,
        blank=True,
        help_text=_("Why the word is written so, for the other editors."),
    )

    panels = [FieldPanel("word"), FieldPanel("cyrillic"), FieldPanel("reason")]

    class Meta:
        ordering = ["word"]
        verbose_name = _("Cyrillic exception")
        verbose_name_plural = _("Cyrillic exceptions")

    def __str__(self):
        return self.word

    def clean_fields(self, exclude=None):
        # As the pages' text is read (home/cyrillic.py to_cyrillic): a letter and its accent
        # as one character, so that "č" typed as two still matches, and is one entry.
        self.word = unicodedata.normalize("NFC", self.word.strip())
        self.cyrillic = unicodedata.normalize("NFC", self.cyrillic.strip())
        super().clean_fields(exclude)

    def on_cyrillic_pages(self):
        """What the Cyrillic pages show for the word (the admin's list)."""
        return self.cyrillic or gettext("as it is, in Latin")

    @classmethod
    def table(cls):
        """The list as home/cyrillic.py reads it: word -> its Cyrillic form, or None."""
        return {word: form or None for word, form in cls.objects.values_list("word", "cyrillic")}

    @classmethod
    def version(cls):
        """The list's data version (home/data_versions.py): a snippet's, which every change to
        it makes new (home/page_cache.py `model_changed`)."""
        return page_cache.model_version(cls)


def transliteration_exceptions_changed(**kwargs):
    # Every Cyrillic page shows the list: the site's version, which every kept page names,
    # is made new (and the cache in front purged), as for a site setting.
    page_cache.everything_changed()


# Here, with the model, so that whatever changes the list (the admin, a shell, a data
# migration) makes the pages new.
post_save.connect(
    transliteration_exceptions_changed,
    sender=TransliterationException,
    dispatch_uid="home.transliteration_exceptions.saved",
)
post_delete.connect(
    transliteration_exceptions_changed,
    sender=TransliterationException,
    dispatch_uid="home.transliteration_exceptions.deleted",
)
