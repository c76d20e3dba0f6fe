from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Revision, Site

from home.models import HomePage, NavigationSettings, OrganisationSettings, StandardPage

from .factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def run(command):
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded():
    return run("seed_demo")


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        list(Page.objects.order_by("id").values_list("id", "title", "latest_revision_id")),
        list(Site.objects.values_list("id", "root_page_id")),
        list(OrganisationSettings.objects.values_list("id", "contact_email")),
        [str(nav.main_menu.raw_data) for nav in NavigationSettings.objects.all()],
    )


def test_home_pages_are_translations_of_each_other(seeded):
    sr_home = HomePage.objects.get(locale__language_code="sr-latn")
    en_home = HomePage.objects.get(locale__language_code="en")
    assert sr_home.translation_key == en_home.translation_key
    assert sr_home.get_parent().is_root()
    assert en_home.get_parent().is_root()
    assert sr_home.live and en_home.live
    assert en_home.join_page.specific.slug == "join"
    assert sr_home.get_children().count() == en_home.get_children().count() == 9
    # No broken tree bookkeeping (such as a stale numchild) from copying and publishing.
    assert Page.find_problems() == ([], [], [], [], [])


def test_default_site_starts_at_serbian_home_and_welcome_page_is_gone(seeded):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == HomePage.objects.get(locale__language_code="sr-latn")
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"sr-latn", "en"}


def test_every_serbian_page_has_a_published_english_translation(seeded):
    en = Locale.objects.get(language_code="en")
    sr_pages = Page.objects.filter(locale__language_code="sr-latn", depth__gte=2)
    # Home, four standard pages (one a step-by-step guide), the map, the knowledge base, its
    # glossary, six explainers, the campaigns page, two petitions, two requests to
    # authorities and the register of their answers, three events, the join page, and the
    # news page with three news items.
    assert sr_pages.count() == 28
    for page in sr_pages:
        translation = page.get_translation(en)
        assert translation.live
        assert not translation.has_unpublished_changes
    assert sorted(StandardPage.objects.filter(locale=en).values_list("slug", flat=True)) == [
        "about",
        "contact",
        "guide-you-saw-a-camera",
        "privacy",
    ]


def test_settings_are_filled_in(seeded):
    site = Site.objects.get(is_default_site=True)
    organisation = OrganisationSettings.for_site(site)
    assert organisation.contact_email == "kontakt@kamere.example"
    assert len(organisation.social_links) == 0
    navigation = NavigationSettings.for_site(site)
    assert [block.value.slug for block in navigation.main_menu] == [
        "mapa",
        "znanje",
        "kampanje",
        "o-inicijativi",
        "kontakt",
    ]
    assert [block.value.slug for block in navigation.footer_menu] == ["privatnost", "kontakt"]


@pytest.mark.parametrize("url", ["/", "/en/", "/o-inicijativi/", "/en/about/"])
def test_demo_pages_are_served(seeded, client, url):
    assert client.get(url).status_code == 200


def test_second_run_changes_nothing(seeded):
    before = snapshot()
    output = run("seed_demo")
    assert snapshot() == before
    assert "nothing changed" in output


@pytest.fixture
def local(settings, tmp_path):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    return tmp_path / "local-admin.txt"


def test_local_admin_is_created_once(local):
    output = run("ensure_local_admin")
    password = local.read_text().strip()
    assert output.strip() == (
        f"Admin: http://127.0.0.1:8000/admin/  email: admin@localhost  password: {password}"
    )
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.email == "admin@localhost"
    assert user.check_password(password)

    assert run("ensure_local_admin") == output
    assert get_user_model().objects.filter(username="admin").count() == 1


def test_local_admin_gets_a_new_password_when_the_file_is_gone(local, monkeypatch):
    run("ensure_local_admin")
    old_password = local.read_text().strip()
    local.unlink()
    monkeypatch.setenv("PORT", "8123")

    output = run("ensure_local_admin")
    new_password = local.read_text().strip()
    assert new_password != old_password
    assert f"127.0.0.1:8123/admin/  email: admin@localhost  password: {new_password}" in output
    assert get_user_model().objects.get(username="admin").check_password(new_password)


def test_local_admin_refuses_without_debug(settings, tmp_path):
    settings.DEBUG = False
    settings.VAR_DIR = tmp_path
    with pytest.raises(CommandError):
        call_command("ensure_local_admin")
    assert not get_user_model().objects.exists()
    assert not (tmp_path / "local-admin.txt").exists()


def test_factories_build_a_page_tree():
    page = StandardPageFactory()
    assert isinstance(page.get_parent().specific, HomePage)
    assert page.get_parent().get_parent().is_root()
    other = StandardPageFactory(parent=HomePageFactory(title="Another home"))
    assert other.get_parent().title == "Another home"
