"""The blocks explainers are written with: the shared ones plus legal and reading aids."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import (
    BLOCK_TEMPLATES,
    RICH_TEXT_FEATURES,
    TABLE_CELL_FEATURES,
    BaseStreamBlock,
    heading_anchor,
)
from map.blocks import CameraMapBlock


class ChoiceLabelMixin:
    """Puts the readable label of the block's `choice_field` value in the context."""

    choice_field = None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        choices = dict(self.child_blocks[self.choice_field].field.choices)
        context["choice_label"] = choices.get(value[self.choice_field], "")
        return context


class CalloutBlock(ChoiceLabelMixin, blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("right", _("Your right")),
            ("warning", _("Warning")),
            ("action", _("What you can do")),
        ],
        default="right",
        search_index=False,
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    choice_field = "kind"

    class Meta:
        icon = "help"
        label = _("Callout")
        template = f"{BLOCK_TEMPLATES}/callout_block.html"
        preview_value = {
            "kind": "right",
            "title": "Pravo na pristup",
            "text": "<p>Možete da tražite kopiju svojih podataka.</p>",
        }


class LegalReferenceBlock(ChoiceLabelMixin, blocks.StructBlock):
    jurisdiction = blocks.ChoiceBlock(
        label=_("Jurisdiction"),
        choices=[
            ("rs", _("Serbia")),
            ("eu", _("European Union")),
            ("coe", _("Council of Europe")),
        ],
        default="rs",
        search_index=False,
    )
    law = blocks.CharBlock(
        label=_("Law"),
        max_length=200,
        help_text=_("The law's full name, e.g. Zakon o zaštiti podataka o ličnosti."),
    )
    article = blocks.CharBlock(label=_("Article"), max_length=20, help_text=_("A number: 17"))
    paragraph = blocks.CharBlock(label=_("Paragraph"), max_length=20, required=False)
    text = blocks.TextBlock(label=_("Quoted text"), help_text=_("The law's own words."))
    url = blocks.URLBlock(label=_("Official text"), required=False)

    choice_field = "jurisdiction"

    class Meta:
        icon = "doc-full"
        label = _("Legal reference")
        template = f"{BLOCK_TEMPLATES}/legal_reference_block.html"
        preview_value = {
            "jurisdiction": "rs",
            "law": "Zakon o zaštiti podataka o ličnosti",
            "article": "26",
            "paragraph": "1",
            "text": "Lice na koje se podaci odnose ima pravo da od rukovaoca zahteva informaciju "
            "o tome da li obrađuje njegove podatke o ličnosti…",
            "url": "https://www.paragraf.rs/propisi/zakon_o_zastiti_podataka_o_licnosti.html",
        }


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = f"{BLOCK_TEMPLATES}/faq_block.html"
        preview_value = {
            "title": "Česta pitanja",
            "questions": [
                {"question": "Da li smem da fotografišem kameru?", "answer": "<p>Da.</p>"}
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_anchor(value["title"])
        return context

    def toc_entry(self, value):
        return heading_anchor(value["title"]), value["title"], "h2"


class GlossaryTermBlock(SnippetChooserBlock):
    """A term from the glossary with its short definition, linked to the full explanation."""

    def __init__(self, **kwargs):
        super().__init__(
            "knowledge.GlossaryTerm",
            label=_("Glossary term"),
            icon="snippet",
            template=f"{BLOCK_TEMPLATES}/glossary_term_block.html",
            **kwargs,
        )


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document to download")
        template = f"{BLOCK_TEMPLATES}/document_block.html"


class TableBlock(TypedTableBlock):
    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.CharBlock(label=_("Text"))),
                ("number", blocks.DecimalBlock(label=_("Number"))),
                (
                    "rich_text",
                    blocks.RichTextBlock(label=_("Rich text"), features=TABLE_CELL_FEATURES),
                ),
            ],
            label=_("Table"),
            icon="table",
            template=f"{BLOCK_TEMPLATES}/table_block.html",
            **kwargs,
        )


class ExplainerStreamBlock(BaseStreamBlock):
    """The shared blocks and the explainers' own. Explainer pages put a GlossaryLinker in
    the context, which links the first mention of each glossary term in their text."""

    callout = CalloutBlock()
    legal_reference = LegalReferenceBlock()
    faq = FAQBlock()
    glossary_term = GlossaryTermBlock()
    document = DocumentBlock()
    table = TableBlock()
    camera_map = CameraMapBlock()

    def clean(self, value):
        value = super().clean(value)
        # Each section needs an anchor of its own for the table of contents to lead to it.
        seen = set()
        for anchor, text, _level in table_of_contents(value):
            if anchor in seen:
                raise blocks.StreamBlockValidationError(
                    non_block_errors=[
                        _("Two headings read “%(text)s”; give each section its own heading.")
                        % {"text": text}
                    ]
                )
            seen.add(anchor)
        return value


def table_of_contents(stream_value):
    """(anchor, text, level) for each heading and question section of a StreamField value."""
    return [
        child.block.toc_entry(child.value)
        for child in stream_value
        if hasattr(child.block, "toc_entry")
    ]
