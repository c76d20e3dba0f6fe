"""The editors' exceptions list for the Cyrillic pages (issue 22), which Wagtail's Editors and
Moderators keep (add, change, delete, view); the rich text mark for words kept in Latin
("keep-latin") in the pages' rich text blocks."""

import home.blocks
import home.models
import wagtail.fields
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

KEEPING_GROUPS = ["Editors", "Moderators"]
KEEPING = [
    f"{action}_transliterationexception" for action in ("add", "change", "delete", "view")
]


def keeping(apps):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="home", codename__in=KEEPING
    )


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now.
    app = apps.get_app_config("home")
    app.models_module = True
    create_permissions(app, apps=apps, verbosity=0)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=KEEPING_GROUPS):
        group.permissions.add(*keeping(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=KEEPING_GROUPS):
        group.permissions.remove(*keeping(apps))


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0009_task_worker_heartbeat'),
        ('wagtailcore', '0002_initial_data'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='TransliterationException',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(help_text='As it is written in Latin. A word written in lower case is found with a capital at the start of a sentence too; one written with capitals, only as written.', max_length=100, unique=True, validators=[home.models.validate_latin_word], verbose_name='Word')),
                ('cyrillic', models.CharField(blank=True, help_text='How Cyrillic pages write it. Leave empty to keep the word as it is, in Latin (a name, a brand, an acronym).', max_length=100, validators=[home.models.validate_cyrillic_word], verbose_name='In Cyrillic')),
                ('reason', models.CharField(blank=True, help_text='Why the word is written so, for the other editors.', max_length=250, verbose_name='Reason')),
            ],
            options={
                'verbose_name': 'Cyrillic exception',
                'verbose_name_plural': 'Cyrillic exceptions',
                'ordering': ['word'],
            },
        ),
        migrations.AlterField(
            model_name='homepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('call_to_action', 14), ('embed', 17), ('step_by_step', 28)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section (h2)'), ('h3', 'Subsection (h3)')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4', 'keep-latin'], 'label': 'Text', 'preview_value': '<p>Kamere sa prepoznavanjem lica menjaju javni prostor.</p>', 'template': 'components/streamfield/blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who made the image, and its licence if it is not ours.', 'label': 'Credit', 'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('credit', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Button text', 'max_length': 80}), 12: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 13: ('wagtail.blocks.URLBlock', (), {'label': 'Or an address', 'required': False}), 14: ('wagtail.blocks.StructBlock', [[('label', 11), ('page', 12), ('url', 13)]], {}), 15: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'Address of the video or post'}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Says what the embed shows, for people who cannot see it.', 'label': 'Title', 'max_length': 200}), 17: ('wagtail.blocks.StructBlock', [[('embed', 15), ('title', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 19: ('wagtail.blocks.TextBlock', (), {'label': 'Introduction', 'max_length': 400, 'required': False}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'Step', 'max_length': 120}), 21: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ul', 'keep-latin'], 'label': 'What to do'}), 22: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 80, 'required': False}), 23: ('wagtail.blocks.ChoiceBlock', [], {'choices': home.blocks.site_action_choices, 'label': 'An action of the site', 'required': False}), 24: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Or a page', 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('label', 22), ('action', 23), ('page', 24), ('url', 13)]], {'label': 'Link (optional)'}), 26: ('wagtail.blocks.StructBlock', [[('heading', 20), ('text', 21), ('link', 25)]], {}), 27: ('wagtail.blocks.ListBlock', (26,), {'label': 'Steps', 'max_num': 12, 'min_num': 2}), 28: ('wagtail.blocks.StructBlock', [[('title', 18), ('intro', 19), ('steps', 27)]], {})}, verbose_name='Highlights'),
        ),
        migrations.AlterField(
            model_name='standardpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('call_to_action', 14), ('embed', 17), ('step_by_step', 28)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section (h2)'), ('h3', 'Subsection (h3)')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4', 'keep-latin'], 'label': 'Text', 'preview_value': '<p>Kamere sa prepoznavanjem lica menjaju javni prostor.</p>', 'template': 'components/streamfield/blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who made the image, and its licence if it is not ours.', 'label': 'Credit', 'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('credit', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Button text', 'max_length': 80}), 12: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 13: ('wagtail.blocks.URLBlock', (), {'label': 'Or an address', 'required': False}), 14: ('wagtail.blocks.StructBlock', [[('label', 11), ('page', 12), ('url', 13)]], {}), 15: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'Address of the video or post'}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Says what the embed shows, for people who cannot see it.', 'label': 'Title', 'max_length': 200}), 17: ('wagtail.blocks.StructBlock', [[('embed', 15), ('title', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 19: ('wagtail.blocks.TextBlock', (), {'label': 'Introduction', 'max_length': 400, 'required': False}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'Step', 'max_length': 120}), 21: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ul', 'keep-latin'], 'label': 'What to do'}), 22: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 80, 'required': False}), 23: ('wagtail.blocks.ChoiceBlock', [], {'choices': home.blocks.site_action_choices, 'label': 'An action of the site', 'required': False}), 24: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Or a page', 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('label', 22), ('action', 23), ('page', 24), ('url', 13)]], {'label': 'Link (optional)'}), 26: ('wagtail.blocks.StructBlock', [[('heading', 20), ('text', 21), ('link', 25)]], {}), 27: ('wagtail.blocks.ListBlock', (26,), {'label': 'Steps', 'max_num': 12, 'min_num': 2}), 28: ('wagtail.blocks.StructBlock', [[('title', 18), ('intro', 19), ('steps', 27)]], {})}, verbose_name='Body'),
        ),
        migrations.RunPython(grant, revoke),
    ]
