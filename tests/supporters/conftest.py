"""A site with a join page, a petition and an event, and supporters made as joining makes them."""

import pytest
from django.utils import timezone
from wagtail.models import Site

from campaigns.models import CampaignIndexPage, JoinPage, Supporter, WayToHelp
from campaigns.supporters.forms import SUPPORTER_CONSENT_TEXT, SUPPORTER_CONSENT_VERSION
from home.models import OrganisationSettings
from tests.accounts.conftest import PASSWORD, make_user
from tests.campaigns.factories import EventPageFactory, PetitionPageFactory
from tests.home.factories import site_home
from tests.home.test_pages import translate
from tests.knowledge.conftest import translate_snippet
from tests.map.factories import MunicipalityFactory

__all__ = ["PASSWORD", "make_supporter"]


@pytest.fixture
def site(db):
    """Serbian and English: a home, a join page, a petition and an event; a municipality."""
    home = site_home()
    OrganisationSettings.objects.update_or_create(
        site=Site.objects.get(), defaults={"name": "Kamere"}
    )
    join = home.add_child(
        instance=JoinPage(title="Pridružite se", slug="pridruzite-se", intro="Zašto.")
    )
    index = home.add_child(instance=CampaignIndexPage(title="Kampanje", slug="kampanje"))
    petition = PetitionPageFactory(parent=index, title="Bez prepoznavanja lica", slug="bez")
    event = EventPageFactory(parent=index, title="Radionica", slug="radionica", capacity=1)
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    translate_snippet(vracar, "en", name="Vrachar")
    translate(home, "en", title="Home")
    join_en = translate(join, "en", title="Join us", slug="join")
    return {
        "home": home,
        "join": join,
        "join_en": join_en,
        "petition": petition,
        "event": event,
        "vracar": vracar,
    }


def make_supporter(email, municipality, ways=(WayToHelp.CAMERAS,), newsletter=False, **user):
    """A verified account with a supporter profile, as joining and verifying leave it."""
    account = make_user(email, **user)
    supporter = Supporter(
        user=account,
        first_name=email.partition("@")[0].title(),
        municipality=municipality,
        newsletter=newsletter,
    )
    supporter.record_consent(SUPPORTER_CONSENT_TEXT, SUPPORTER_CONSENT_VERSION, timezone.now())
    supporter.save()
    supporter.set_ways(ways)
    return supporter
