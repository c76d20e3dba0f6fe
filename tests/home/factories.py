"""Factories for the home app's pages, for any test that needs a page tree."""

import factory
import wagtail_factories
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page; under the tree's root unless given a `parent`."""

    title = factory.Sequence(lambda n: f"Home {n}")
    parent = factory.LazyFunction(Page.get_first_root_node)
    mission = "Public space belongs to the people, not to cameras."

    class Meta:
        model = HomePage


def site_home(**fields):
    """A Serbian home page ("Početna", `fields` its others) as the default site's root, in
    place of any page tree there was: the site most tests browse, at http://localhost/."""
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(**{"title": "Početna", "slug": "pocetna", **fields})
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


class StandardPageFactory(wagtail_factories.PageFactory):
    """A standard page; under a new home page unless given a `parent`."""

    title = factory.Sequence(lambda n: f"Page {n}")
    parent = factory.SubFactory(HomePageFactory)
    intro = "A short introduction."

    class Meta:
        model = StandardPage


YOUTUBE_VIDEO = "https://www.youtube.com/watch?v=demo"


def stored_youtube_embed():
    """A YouTube video as Wagtail stores a fetched embed (tests have no internet to fetch it).

    Returns the video's address, the value an embed block takes.
    """
    Embed.objects.create(
        url=YOUTUBE_VIDEO,
        hash=get_embed_hash(YOUTUBE_VIDEO),
        type="video",
        provider_name="YouTube",
        html='<iframe src="https://www.youtube-nocookie.com/embed/demo" title="Film"></iframe>',
    )
    return YOUTUBE_VIDEO


def translate(page, language_code, **fields):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()  # publish() saved a copy: its address is the current one
    return translation.specific
