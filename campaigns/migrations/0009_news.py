"""News: the initiative's statements and wins (issue 15)."""

import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import campaigns.news.models
import home.blocks


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0008_people_records_groups"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.CreateModel(
            name="NewsIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "intro",
                    models.TextField(blank=True, max_length=500, verbose_name="Introduction"),
                ),
                (
                    "social_image",
                    models.ForeignKey(
                        blank=True,
                        help_text="Shown when the page is shared. At least 1200 by 630 pixels.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="Social media image",
                    ),
                ),
            ],
            options={
                "verbose_name": "News",
                "verbose_name_plural": "News pages",
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="NewsPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "date",
                    models.DateField(default=campaigns.news.models.today, verbose_name="Date"),
                ),
                (
                    "lead",
                    models.TextField(
                        help_text="The news in a sentence or two.",
                        max_length=400,
                        verbose_name="Lead",
                    ),
                ),
                (
                    "image_alt",
                    models.CharField(
                        blank=True,
                        help_text="What the image shows, for people who cannot see it. Leave empty if it only decorates the page.",
                        max_length=250,
                        verbose_name="Image description",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("paragraph", 3),
                            ("image", 7),
                            ("quote", 10),
                            ("call_to_action", 14),
                            ("embed", 17),
                            ("step_by_step", 28),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 200},
                            ),
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
                            10: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 8), ("attribution", 9)]],
                                {},
                            ),
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
                            17: (
                                "wagtail.blocks.StructBlock",
                                [[("embed", 15), ("title", 16)]],
                                {},
                            ),
                            18: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 120},
                            ),
                            19: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Introduction", "max_length": 400, "required": False},
                            ),
                            20: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Step", "max_length": 120},
                            ),
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
                        },
                        verbose_name="Body",
                    ),
                ),
                (
                    "image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="Image",
                    ),
                ),
                (
                    "social_image",
                    models.ForeignKey(
                        blank=True,
                        help_text="Shown when the page is shared. At least 1200 by 630 pixels.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="Social media image",
                    ),
                ),
            ],
            options={
                "verbose_name": "News item",
                "verbose_name_plural": "News items",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="NewsPageTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tagged_items",
                        to="campaigns.newspage",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="newspage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="campaigns.NewsPageTag",
                to="taggit.Tag",
                verbose_name="Tags",
            ),
        ),
    ]
