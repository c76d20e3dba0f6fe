import pytest
from wagtail.models import Site

from home.models import NavigationSettings, OrganisationSettings

from .factories import StandardPageFactory, site_home, translate


@pytest.fixture
def site_tree():
    """A Serbian home with an about page, both translated into English."""
    home = site_home(mission="Grad bez nadzora.")
    about = StandardPageFactory(parent=home, title="O nama", slug="o-nama", intro="Ko smo.")
    home_en = translate(home, "en", title="Home", mission="A city without surveillance.")
    about_en = translate(about, "en", title="About", slug="about", intro="Who we are.")
    site = Site.objects.get(is_default_site=True)
    NavigationSettings.objects.update_or_create(
        site=site, defaults={"main_menu": [("page", about)], "footer_menu": [("page", about)]}
    )
    OrganisationSettings.objects.update_or_create(
        site=site, defaults={"contact_email": "kontakt@kamere.example"}
    )
    return {"home": home, "about": about, "home_en": home_en, "about_en": about_en}
