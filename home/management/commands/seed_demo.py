"""Load the demo content: home, About, Privacy policy and Contact pages in Serbian and English."""

import copy
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home import demo_content
from home.models import HomePage, NavigationSettings, OrganisationSettings, StandardPage
from home.site_address import site_address

# Files of the demo content: the home page's illustration (home/demo/draw_hero.py draws it).
DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = (
        "Load DEMO content for local development and review: Serbian and English home, camera "
        "map, About, Privacy policy and Contact pages, the site's organisation and navigation "
        "settings, and the camera map's demo municipalities and generated (not real) cameras. "
        "Replaces Wagtail's 'Welcome' page. Only adds what is missing, so running it again "
        "changes nothing; pages and settings edited since are left alone."
    )

    def handle(self, *args, **options):
        self.created = []  # Descriptions of everything this run added or changed.
        self.new_pages = []
        with transaction.atomic():
            self.seed()
        if not self.created:
            self.stdout.write("Demo content is already there; nothing changed.")
        for line in self.created:
            self.stdout.write(self.style.SUCCESS(line))
        # Images uploaded to this database before uploads were stripped of their metadata.
        call_command("strip_image_metadata", stdout=self.stdout)

    def seed(self):
        self.ensure_locale("sr-latn")
        en = self.ensure_locale("en")

        self.sr_home = self.ensure_child(
            Page.get_first_root_node(), HomePage, demo_content.HOME["sr"]
        )
        site = self.ensure_default_site(self.sr_home)
        self.delete_welcome_pages()
        self.english = en
        self.en_home = self.ensure_translation(self.sr_home, en, demo_content.HOME["en"])

        pages = {}
        for key, content in demo_content.PAGES.items():
            page = self.ensure_child(self.sr_home, StandardPage, content["sr"])
            pages[key] = (page, self.ensure_translation(page, en, content["en"]))
        self.ensure_hero_image({"sr": self.sr_home, "en": self.en_home})

        # Each app adds its own demo content (DEMO_CONTENT, in order): home, the ground floor,
        # imports none of them.
        sections = []
        for seed_section in map(import_string, settings.DEMO_CONTENT):
            sections += seed_section(self)

        sr_pages = {key: sr_page for key, (sr_page, _en_page) in pages.items()}
        self.ensure_settings(site, sr_pages, sections)
        for page in self.new_pages:
            self.created.append(f"Page {page.locale.language_code}: {page.title} ({page.url})")

    def ensure_locale(self, language_code):
        locale, created = Locale.objects.get_or_create(language_code=language_code)
        if created:
            self.created.append(f"Locale {language_code}")
        return locale

    def ensure_child(self, parent, page_class, fields, prepare=None):
        """The child of `parent` with the slug in `fields`; created and published if missing.

        `prepare(page)` may fill in what a page's fields cannot be given as (tags).
        """
        page = parent.get_children().filter(slug=fields["slug"]).specific().first()
        if page is None:
            page = page_class(**copy.deepcopy(fields))
            if prepare:
                prepare(page)
            parent.add_child(instance=page)
            page.save_revision().publish()
            page.refresh_from_db()  # publish() saved a copy made from the revision.
            self.new_pages.append(page)
        return page

    def ensure_translation(self, page, locale, fields):
        """The translation of `page` into `locale`; copied, filled in and published if missing."""
        translation = page.get_translation_or_none(locale)
        if translation is None:
            translation = page.copy_for_translation(locale)
            for name, value in copy.deepcopy(fields).items():
                setattr(translation, name, value)
            translation.save_revision().publish()
            translation.refresh_from_db()
            self.new_pages.append(translation)
        return translation

    def ensure_hero_image(self, homes):
        """The illustration at the top of the home pages, with its description in each
        language; also on a site seeded before it existed, but only once: an image an editor
        removed or replaced is left alone."""
        content = demo_content.HERO_IMAGE
        image_model = get_image_model()
        if image_model.objects.filter(title=content["title"]).exists():
            return
        with (DEMO_DIR / content["file"]).open("rb") as file:
            image = image_model(title=content["title"], file=ImageFile(file, name=content["file"]))
            image.save()
        self.created.append(f"Image: {image.title}")
        for language, home in homes.items():
            home.refresh_from_db()
            if home.hero_image_id is None:
                home.hero_image = image
                home.hero_image_alt = content["alt"][language]
                home.save_revision().publish()
                self.created.append(f"Page {language}: {home.title} has the image at the top")

    def ensure_default_site(self, root_page):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            hostname, port = site_address(settings.SITE_URL)
            site = Site.objects.create(
                hostname=hostname,
                port=port,
                is_default_site=True,
                root_page=root_page,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
            self.created.append("Default site")
        elif not site.site_name:
            # Named, the site shows as "Kamere" rather than its host name wherever Wagtail
            # names sites (the admin's site list and settings).
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.root_page = root_page
            site.save()
            self.created.append("Default site named")
        elif site.root_page_id != root_page.id:
            site.root_page = root_page
            site.save()
            self.created.append(f"Default site now starts at {root_page.title}")
        return site

    def delete_welcome_pages(self):
        """Delete Wagtail's "Welcome to your new Wagtail site!" page once no site uses it."""
        welcome_pages = Page.objects.filter(
            depth=2,
            numchild=0,
            content_type=ContentType.objects.get_for_model(Page),
            sites_rooted_here__isnull=True,
        )
        for page in welcome_pages:
            self.created.append(f"Deleted Wagtail's default page: {page.title}")
            page.delete()

    def ensure_settings(self, site, pages, sections):
        """Fill in the settings that are still empty; the menus link to the Serbian pages.

        The `sections` (the map, the knowledge base) lead the main menu, in their order, also
        on a site seeded before they existed.
        """
        organisation, _created = OrganisationSettings.objects.get_or_create(site=site)
        if not organisation.contact_email:
            organisation.contact_email = demo_content.CONTACT_EMAIL
            organisation.save()
            self.created.append("Organisation settings")

        navigation, _created = NavigationSettings.objects.get_or_create(site=site)
        if not navigation.main_menu and not navigation.footer_menu:
            navigation.main_menu = [
                *(("page", section) for section in sections),
                ("page", pages["about"]),
                ("page", pages["contact"]),
            ]
            navigation.footer_menu = [("page", pages["privacy"]), ("page", pages["contact"])]
            navigation.save()
            self.created.append("Navigation settings")
        else:
            new_sections = [section for section in sections if section in self.new_pages]
            for section in new_sections:
                navigation.main_menu.insert(sections.index(section), ("page", section))
                self.created.append(f"The main menu leads to {section.title}")
            if new_sections:
                navigation.save()
