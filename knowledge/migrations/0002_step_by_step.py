"""The step-by-step block in the shared blocks (issue 15)."""

import wagtail.fields
from django.db import migrations

import home.blocks
import map.blocks


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="explainerpage",
            name="body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 2),
                    ("paragraph", 3),
                    ("image", 7),
                    ("quote", 10),
                    ("call_to_action", 14),
                    ("embed", 17),
                    ("step_by_step", 28),
                    ("callout", 32),
                    ("legal_reference", 39),
                    ("faq", 44),
                    ("glossary_term", 45),
                    ("document", 49),
                    ("table", 53),
                    ("camera_map", 60),
                ],
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "max_length": 200}),
                    1: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [("h2", "Section (h2)"), ("h3", "Subsection (h3)")],
                            "label": "Level",
                        },
                    ),
                    2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                    3: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": [
                                "bold",
                                "italic",
                                "link",
                                "document-link",
                                "ol",
                                "ul",
                                "h3",
                                "h4",
                            ],
                            "label": "Text",
                            "preview_value": "<p>Kamere sa prepoznavanjem lica menjaju javni prostor.</p>",
                            "template": "components/streamfield/blocks/paragraph_block.html",
                        },
                    ),
                    4: ("wagtail.images.blocks.ImageBlock", [], {"label": "Image"}),
                    5: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 300, "required": False},
                    ),
                    6: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Who made the image, and its licence if it is not ours.",
                            "label": "Credit",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    7: (
                        "wagtail.blocks.StructBlock",
                        [[("image", 4), ("caption", 5), ("credit", 6)]],
                        {},
                    ),
                    8: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                    9: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Attribution", "max_length": 200, "required": False},
                    ),
                    10: ("wagtail.blocks.StructBlock", [[("quote", 8), ("attribution", 9)]], {}),
                    11: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Button text", "max_length": 80},
                    ),
                    12: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"label": "Page", "required": False},
                    ),
                    13: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {"label": "Or an address", "required": False},
                    ),
                    14: (
                        "wagtail.blocks.StructBlock",
                        [[("label", 11), ("page", 12), ("url", 13)]],
                        {},
                    ),
                    15: (
                        "wagtail.embeds.blocks.EmbedBlock",
                        (),
                        {"label": "Address of the video or post"},
                    ),
                    16: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Says what the embed shows, for people who cannot see it.",
                            "label": "Title",
                            "max_length": 200,
                        },
                    ),
                    17: ("wagtail.blocks.StructBlock", [[("embed", 15), ("title", 16)]], {}),
                    18: ("wagtail.blocks.CharBlock", (), {"label": "Title", "max_length": 120}),
                    19: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "Introduction", "max_length": 400, "required": False},
                    ),
                    20: ("wagtail.blocks.CharBlock", (), {"label": "Step", "max_length": 120}),
                    21: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": ["bold", "italic", "link", "document-link", "ul"],
                            "label": "What to do",
                        },
                    ),
                    22: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Link text", "max_length": 80, "required": False},
                    ),
                    23: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": home.blocks.site_action_choices,
                            "label": "An action of the site",
                            "required": False,
                        },
                    ),
                    24: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"label": "Or a page", "required": False},
                    ),
                    25: (
                        "wagtail.blocks.StructBlock",
                        [[("label", 22), ("action", 23), ("page", 24), ("url", 13)]],
                        {"label": "Link (optional)"},
                    ),
                    26: (
                        "wagtail.blocks.StructBlock",
                        [[("heading", 20), ("text", 21), ("link", 25)]],
                        {},
                    ),
                    27: (
                        "wagtail.blocks.ListBlock",
                        (26,),
                        {"label": "Steps", "max_num": 12, "min_num": 2},
                    ),
                    28: (
                        "wagtail.blocks.StructBlock",
                        [[("title", 18), ("intro", 19), ("steps", 27)]],
                        {},
                    ),
                    29: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("right", "Your right"),
                                ("warning", "Warning"),
                                ("action", "What you can do"),
                            ],
                            "label": "Kind",
                        },
                    ),
                    30: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Title", "max_length": 120, "required": False},
                    ),
                    31: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": [
                                "bold",
                                "italic",
                                "link",
                                "document-link",
                                "ol",
                                "ul",
                                "h3",
                                "h4",
                            ],
                            "label": "Text",
                        },
                    ),
                    32: (
                        "wagtail.blocks.StructBlock",
                        [[("kind", 29), ("title", 30), ("text", 31)]],
                        {},
                    ),
                    33: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("rs", "Serbia"),
                                ("eu", "European Union"),
                                ("coe", "Council of Europe"),
                            ],
                            "label": "Jurisdiction",
                        },
                    ),
                    34: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "The law's full name, e.g. Zakon o zaštiti podataka o ličnosti.",
                            "label": "Law",
                            "max_length": 200,
                        },
                    ),
                    35: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"help_text": "A number: 17", "label": "Article", "max_length": 20},
                    ),
                    36: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Paragraph", "max_length": 20, "required": False},
                    ),
                    37: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"help_text": "The law's own words.", "label": "Quoted text"},
                    ),
                    38: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {"label": "Official text", "required": False},
                    ),
                    39: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("jurisdiction", 33),
                                ("law", 34),
                                ("article", 35),
                                ("paragraph", 36),
                                ("text", 37),
                                ("url", 38),
                            ]
                        ],
                        {},
                    ),
                    40: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 200}),
                    41: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": [
                                "bold",
                                "italic",
                                "link",
                                "document-link",
                                "ol",
                                "ul",
                                "h3",
                                "h4",
                            ],
                            "label": "Answer",
                        },
                    ),
                    42: ("wagtail.blocks.StructBlock", [[("question", 40), ("answer", 41)]], {}),
                    43: ("wagtail.blocks.ListBlock", (42,), {"label": "Questions", "min_num": 1}),
                    44: ("wagtail.blocks.StructBlock", [[("title", 18), ("questions", 43)]], {}),
                    45: ("knowledge.blocks.GlossaryTermBlock", (), {}),
                    46: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {"label": "Document"},
                    ),
                    47: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Leave empty to use the document's own title.",
                            "label": "Title",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    48: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "Description", "max_length": 300, "required": False},
                    ),
                    49: (
                        "wagtail.blocks.StructBlock",
                        [[("document", 46), ("title", 47), ("description", 48)]],
                        {},
                    ),
                    50: ("wagtail.blocks.CharBlock", (), {"label": "Text"}),
                    51: ("wagtail.blocks.DecimalBlock", (), {"label": "Number"}),
                    52: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"features": ["bold", "italic", "link"], "label": "Rich text"},
                    ),
                    53: (
                        "wagtail.contrib.typed_table_block.blocks.TypedTableBlock",
                        [[("text", 50), ("number", 51), ("rich_text", 52)]],
                        {
                            "icon": "table",
                            "label": "Table",
                            "template": "components/streamfield/blocks/table_block.html",
                        },
                    ),
                    54: (
                        "wagtail.blocks.FloatBlock",
                        (),
                        {
                            "default": 44.8125,
                            "label": "Centre latitude",
                            "max_value": 90,
                            "min_value": -90,
                        },
                    ),
                    55: (
                        "wagtail.blocks.FloatBlock",
                        (),
                        {
                            "default": 20.4612,
                            "label": "Centre longitude",
                            "max_value": 180,
                            "min_value": -180,
                        },
                    ),
                    56: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {
                            "default": 12,
                            "help_text": "12 shows the whole city, 16 a few streets.",
                            "label": "Zoom",
                            "max_value": 19,
                            "min_value": 3,
                        },
                    ),
                    57: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {"choices": map.blocks.status_choices, "label": "Cameras"},
                    ),
                    58: (
                        "wagtail.blocks.BooleanBlock",
                        (),
                        {"label": "Only cameras capable of facial recognition", "required": False},
                    ),
                    59: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": map.blocks.municipality_choices,
                            "label": "Municipality",
                            "required": False,
                        },
                    ),
                    60: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("latitude", 54),
                                ("longitude", 55),
                                ("zoom", 56),
                                ("status", 57),
                                ("facial_recognition", 58),
                                ("municipality", 59),
                            ]
                        ],
                        {},
                    ),
                },
                verbose_name="Body",
            ),
        ),
    ]
