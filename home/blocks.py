"""StreamField blocks shared by every page type of the portal."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageBlock

from .embeds import player_html

BLOCK_TEMPLATES = "components/streamfield/blocks"

# Words marked to stay in Latin on the Cyrillic pages (home/wagtail_hooks.py): in every rich
# text, since any may quote a name or a foreign phrase.
KEEP_LATIN = "keep-latin"
# Rich text stays simple on purpose: editors structure pages with blocks, not fonts.
RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "h3",
    "h4",
    KEEP_LATIN,
]
# A step of a step-by-step guide is a short paragraph or list: its heading is the step's.
STEP_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ul", KEEP_LATIN]
# A table's cell: a few words.
TABLE_CELL_FEATURES = ["bold", "italic", "link", KEEP_LATIN]
# The wagtail hook through which the sections offer their actions ("report a camera", "the
# map") to links in blocks: home knows no other app, the apps fill it in (map/wagtail_hooks.py).
# Each hook returns (key, label, url) where url(request) is the action's address in the
# active language, or "" when the action is not available.
SITE_ACTION_HOOK = "register_site_action"


def heading_anchor(text):
    """A stable anchor so readers can link to a section."""
    return slugify(text) or "section"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = f"{BLOCK_TEMPLATES}/heading_block.html"
        preview_value = {"text": "Šta kamere mogu da vide", "level": "h2"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_anchor(value["text"])
        return context

    def toc_entry(self, value):
        """The (anchor, text, level) of this heading in a page's table of contents."""
        return heading_anchor(value["text"]), value["text"], value["level"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=200,
        help_text=_("Who made the image, and its licence if it is not ours."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = f"{BLOCK_TEMPLATES}/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = f"{BLOCK_TEMPLATES}/quote_block.html"
        preview_value = {
            "quote": "Privatnost nije luksuz, već pravo svakoga od nas.",
            "attribution": "Inicijativa Kamere",
        }


class CallToActionBlock(blocks.StructBlock):
    """A prominent button leading to a page of the site or, failing that, to a URL."""

    label = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call-to-action button")
        template = f"{BLOCK_TEMPLATES}/call_to_action_block.html"
        preview_value = {"label": "Pridruži se", "url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Choose a page or give an address, not both.")}
            )
        return value


def site_actions():
    """{key: (label, url function)} of the actions the sections offer."""
    actions = {}
    for hook in hooks.get_hooks(SITE_ACTION_HOOK):
        key, label, url = hook()
        actions[key] = (label, url)
    return actions


def site_action_choices():
    # A callable, so the migrations record this function rather than today's actions.
    return [(key, label) for key, (label, _url) in site_actions().items()]


class ActionLinkBlock(blocks.StructBlock):
    """A link to a page, an address or one of the site's actions, with its text."""

    label = blocks.CharBlock(label=_("Link text"), required=False, max_length=80)
    action = blocks.ChoiceBlock(
        label=_("An action of the site"),
        choices=site_action_choices,
        required=False,
        search_index=False,
    )
    page = blocks.PageChooserBlock(label=_("Or a page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        form_classname = "struct-block action-link-block"

    def clean(self, value):
        value = super().clean(value)
        targets = sum(bool(value.get(name)) for name in ("action", "page", "url"))
        if targets > 1:
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Choose one: an action, a page or an address.")}
            )
        if targets and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": _("Give the link a text.")}
            )
        if value.get("label") and not targets:
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Choose where the link leads.")}
            )
        return value

    @staticmethod
    def href(value, request=None):
        """Where the link leads in the reader's language; "" when nowhere (any more)."""
        if value.get("action"):
            action = site_actions().get(value["action"])
            return action[1](request) if action else ""
        if value.get("page"):
            page = value["page"].localized
            return page.get_url(request) if page.live else ""
        return value.get("url") or ""


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Step"), max_length=120)
    text = blocks.RichTextBlock(label=_("What to do"), features=STEP_TEXT_FEATURES)
    link = ActionLinkBlock(label=_("Link (optional)"))

    class Meta:
        icon = "arrow-right"
        label = _("Step")


class StepByStepBlock(blocks.StructBlock):
    """A numbered guide in the manner of gov.uk's step-by-step pages: each step says what to
    do and may lead straight to the place where it is done."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=400)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=2, max_num=12)

    class Meta:
        icon = "list-ol"
        label = _("Step by step")
        template = f"{BLOCK_TEMPLATES}/step_by_step.html"
        preview_value = {
            "title": "Videli ste kameru?",
            "intro": "Tri koraka do tačnije mape.",
            "steps": [
                {"heading": "Fotografišite je", "text": "<p>Sa ulice, bez ljudi u kadru.</p>"},
                {"heading": "Prijavite je", "text": "<p>Pošaljite fotografiju i mesto.</p>"},
                {"heading": "Pratite prijavu", "text": "<p>Dobićete broj prijave.</p>"},
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["anchor"] = f"steps-{heading_anchor(value['title'])}"
        context["steps"] = [
            (step, ActionLinkBlock.href(step["link"], request)) for step in value["steps"]
        ]
        return context


class PrivacyEmbedBlock(blocks.StructBlock):
    """A video or other embed that loads nothing from its host until the reader clicks.

    The provider's player (home/embeds.py: only an iframe from an allowed origin) waits
    inside an inert <template> element; a small script puts it in the page after the click.
    Without JavaScript, or without such a player, the reader gets a plain link.
    """

    embed = EmbedBlock(label=_("Address of the video or post"))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Says what the embed shows, for people who cannot see it."),
    )

    class Meta:
        icon = "media"
        label = _("Embed (loads after a click)")
        template = f"{BLOCK_TEMPLATES}/privacy_embed_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Wagtail keeps fetched embeds in the database; when the host cannot be
        # reached the reader still gets the link.
        try:
            embed = get_embed(value["embed"].url)
        except EmbedException:
            embed = None
        context["player"] = player_html(embed, value["title"]) if embed else ""
        context["embed"] = embed if context["player"] else None
        return context


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        template=f"{BLOCK_TEMPLATES}/paragraph_block.html",
        preview_value="<p>Kamere sa prepoznavanjem lica menjaju javni prostor.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = PrivacyEmbedBlock()
    step_by_step = StepByStepBlock()
