"""Requests to authorities (issue 23): the authorities, which Wagtail's Editors and Moderators
keep (add, change, delete, view), and the request page."""

import django.db.models.deletion
import home.blocks
import home.page_routes
import uuid
import wagtail.fields
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

KEEPING_GROUPS = ["Editors", "Moderators"]
KEEPING = [f"{action}_authority" for action in ("add", "change", "delete", "view")]


def keeping(apps):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="campaigns", codename__in=KEEPING
    )


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now.
    app = apps.get_app_config("campaigns")
    app.models_module = True
    create_permissions(app, apps=apps, verbosity=0)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=KEEPING_GROUPS):
        group.permissions.add(*keeping(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=KEEPING_GROUPS):
        group.permissions.remove(*keeping(apps))


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0013_keep_latin_in_rich_text'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='Authority',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=200, verbose_name='Name')),
                ('address', models.TextField(help_text='As a letter is addressed: street and number, postcode and place, a line each.', max_length=500, verbose_name='Postal address')),
                ('request_email', models.EmailField(blank=True, help_text='Where the authority takes requests for information by email, if it does.', max_length=254, verbose_name='Email for requests')),
                ('data_protection_officer', models.TextField(blank=True, help_text="Name and contact of the data protection officer, to whom requests for one's own personal data go.", max_length=500, verbose_name='Data protection officer')),
                ('website', models.URLField(blank=True, verbose_name='Website')),
                ('hears_complaints', models.BooleanField(default=False, help_text='The Commissioner for Information of Public Importance and Personal Data Protection: complaints about silence and refusals go here. One per language.', verbose_name='Hears complaints')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'Authority',
                'verbose_name_plural': 'Authorities',
                'ordering': ['name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='RequestPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('law', models.CharField(choices=[('information', 'Access to information of public importance'), ('personal_data', "Access to one's own personal data")], default='information', max_length=20, verbose_name='Law')),
                ('explanation', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('call_to_action', 14), ('embed', 17), ('step_by_step', 28)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section (h2)'), ('h3', 'Subsection (h3)')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4', 'keep-latin'], 'label': 'Text', 'preview_value': '<p>Kamere sa prepoznavanjem lica menjaju javni prostor.</p>', 'template': 'components/streamfield/blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who made the image, and its licence if it is not ours.', 'label': 'Credit', 'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('credit', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Button text', 'max_length': 80}), 12: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 13: ('wagtail.blocks.URLBlock', (), {'label': 'Or an address', 'required': False}), 14: ('wagtail.blocks.StructBlock', [[('label', 11), ('page', 12), ('url', 13)]], {}), 15: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'Address of the video or post'}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'Says what the embed shows, for people who cannot see it.', 'label': 'Title', 'max_length': 200}), 17: ('wagtail.blocks.StructBlock', [[('embed', 15), ('title', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 19: ('wagtail.blocks.TextBlock', (), {'label': 'Introduction', 'max_length': 400, 'required': False}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'Step', 'max_length': 120}), 21: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ul', 'keep-latin'], 'label': 'What to do'}), 22: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 80, 'required': False}), 23: ('wagtail.blocks.ChoiceBlock', [], {'choices': home.blocks.site_action_choices, 'label': 'An action of the site', 'required': False}), 24: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Or a page', 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('label', 22), ('action', 23), ('page', 24), ('url', 13)]], {'label': 'Link (optional)'}), 26: ('wagtail.blocks.StructBlock', [[('heading', 20), ('text', 21), ('link', 25)]], {}), 27: ('wagtail.blocks.ListBlock', (26,), {'label': 'Steps', 'max_num': 12, 'min_num': 2}), 28: ('wagtail.blocks.StructBlock', [[('title', 18), ('intro', 19), ('steps', 27)]], {})}, verbose_name='Why ask')),
                ('letter_subject', models.CharField(help_text='For example: Request for access to information of public importance.', max_length=200, verbose_name="Letter's subject")),
                ('letter', models.TextField(help_text="The request's text, in Serbian (the authority's language), whatever the page's language; the requester's name, address and the date go above it by themselves. In braces you may use: {name}, {address}, {email}, {date}, {authority}.", max_length=5000, verbose_name='Letter')),
                ('authority', models.ForeignKey(help_text='Who the request goes to (Snippets → Authorities).', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='campaigns.authority', verbose_name='Authority')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared. At least 1200 by 630 pixels.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Social media image')),
            ],
            options={
                'verbose_name': 'Request to an authority',
                'verbose_name_plural': 'Requests to authorities',
            },
            bases=(home.page_routes.LocalisedRoutablePageMixin, 'wagtailcore.page'),
        ),
        migrations.AddConstraint(
            model_name='authority',
            constraint=models.UniqueConstraint(condition=models.Q(('hears_complaints', True)), fields=('locale',), name='one_complaint_body_per_locale'),
        ),
        migrations.AlterUniqueTogether(
            name='authority',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.RunPython(grant, revoke),
    ]
