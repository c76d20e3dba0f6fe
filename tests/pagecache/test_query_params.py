"""Query parameters and the page cache (home/page_cache.py `keeps`, each page type's
`cache_query_params`): a page is kept under a parameter only for a value it knows, so that
the number of entries a visitor can make is bounded by the site's data, not by what they type.
Anything else is rendered for its reader, kept nowhere, and marked private."""

import pytest
from django.core.cache import caches
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Site

from campaigns.information_requests.pages import RegisterPage, RequestPage
from campaigns.supporters.pages import JoinPage
from home.models import NavigationSettings, OrganisationSettings
from home.page_cache import STATUS_HEADER, model_version
from tests.campaigns.factories import CampaignIndexPageFactory
from tests.home.factories import StandardPageFactory, site_home
from tests.knowledge.factories import (
    ExplainerPageFactory,
    KnowledgeIndexPageFactory,
    TopicFactory,
)
from tests.map.factories import MapPageFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def kept_entries():
    """How many pages the page cache holds (the tests' cache is Django's local memory one)."""
    return len(caches["pages"]._cache)


def statuses(client, urls):
    """What the cache did for each address, all of them answered 200."""
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        found.append(response[STATUS_HEADER])
        if response[STATUS_HEADER] == "skip":
            assert "private" in response["Cache-Control"], url
    return found


@pytest.fixture
def home():
    """The site, with the settings every page reads (a first render would create them: a
    change that the copy it makes must not survive)."""
    home = site_home()
    for setting in (OrganisationSettings, NavigationSettings):
        setting.objects.get_or_create(site=Site.objects.get())
    return home


def test_free_text_makes_no_entries(client, home):
    """What a visitor types (a place searched for, an address to go next, a tag or a topic
    that does not exist, a page number past the list) is rendered, never kept."""
    MapPageFactory(parent=home)
    KnowledgeIndexPageFactory(parent=home)
    statuses(client, ["/mapa/", "/znanje/"])
    before = kept_entries()
    typed = [f"reč {number}" for number in range(20)]
    urls = [
        *(f"/mapa/?place={text}" for text in typed),
        *(f"/znanje/?tag={text}" for text in typed),
        *(f"/znanje/?topic={text}" for text in typed),
        *(f"/znanje/?page={number}" for number in range(2, 22)),
    ]
    assert set(statuses(client, urls)) == {"skip"}
    # And asked again: still rendered each time.
    assert set(statuses(client, urls[:3])) == {"skip"}
    assert kept_entries() == before


def test_known_values_are_kept(client, home):
    """A status of the map's form, a municipality, an existing tag or topic, a page of the list:
    each an entry of its own, served from the cache."""
    MapPageFactory(parent=home)
    MunicipalityFactory(name="Vračar", slug="vracar")
    index = KnowledgeIndexPageFactory(parent=home)
    topic = TopicFactory(name="Zakoni", slug="zakoni")
    for number in range(13):  # two pages of explainers, twelve to a page
        explainer = ExplainerPageFactory(parent=index, title=f"Objašnjenje {number}")
    explainer.tags.add("biometrija")
    explainer.save_revision().publish()
    assert Tag.objects.filter(slug="biometrija").exists()
    urls = [
        "/mapa/?status=all",
        "/mapa/?status=verified&camera_type=&municipality=vracar",
        "/znanje/?tag=biometrija",
        f"/znanje/?topic={topic.slug}",
        "/znanje/?page=2",
        "/znanje/?page=",  # the form's empty value: one entry more at most
    ]
    before = kept_entries()
    assert statuses(client, urls) == ["miss"] * len(urls)
    assert kept_entries() == before + len(urls)
    assert statuses(client, urls) == ["hit"] * len(urls)


def test_more_than_two_known_values_at_once_are_rendered_but_not_kept(client, home):
    """Each filter is bounded by the data, but their combinations multiply."""
    MapPageFactory(parent=home)
    MunicipalityFactory(name="Vračar", slug="vracar")
    url = "/mapa/?status=verified&municipality=vracar&facial_recognition=true"
    before = kept_entries()
    assert statuses(client, [url, url]) == ["skip", "skip"]
    assert kept_entries() == before


@pytest.mark.parametrize(
    "query",
    [
        "page=02",  # the same page, written another way
        "page=%2B2",
        "page=0",
        "tag=biometrija&tag=biometrija",  # given twice
        "status=ALL",  # not a value the form offers
        "municipality=nema-je",
    ],
)
def test_values_written_otherwise_are_not_kept(client, home, query):
    MapPageFactory(parent=home)
    index = KnowledgeIndexPageFactory(parent=home)
    for number in range(13):
        ExplainerPageFactory(parent=index, title=f"Objašnjenje {number}")
    Tag.objects.create(name="biometrija", slug="biometrija")
    url = ("/mapa/?" if query.startswith(("status", "municipality")) else "/znanje/?") + query
    before = kept_entries()
    assert statuses(client, [url, url]) == ["skip", "skip"]
    assert kept_entries() == before


def test_a_parameter_another_kind_of_page_reads_makes_no_entry(client, home):
    """`page`, `tag`, `next` on a page that reads none of them: the page is the same, and
    would otherwise be kept again under every value."""
    StandardPageFactory(parent=home, title="O nama", slug="o-nama")
    statuses(client, ["/o-nama/"])
    before = kept_entries()
    urls = [f"/o-nama/?page={number}" for number in range(1, 6)] + [
        "/o-nama/?tag=x",
        "/o-nama/?next=/",
    ]
    assert set(statuses(client, urls)) == {"skip"}
    assert kept_entries() == before
    # The page without them is kept as ever, and tracking ids still share its entry.
    assert statuses(client, ["/o-nama/", "/o-nama/?utm_source=x"]) == ["hit", "hit"]


def test_the_campaigns_archive_keeps_only_its_pages(client, home):
    CampaignIndexPageFactory(parent=home, slug="kampanje")
    # Its list of requests (and of the register of their answers) is kept by their kinds'
    # versions (campaigns/pages.py), which a site has once any such page was saved; one made
    # during a render keeps that copy from being served (home/page_cache.py), which is not
    # what this test is about.
    model_version(RequestPage).current()
    model_version(RegisterPage).current()
    assert statuses(client, ["/kampanje/?page=1", "/kampanje/?page=1"]) == ["miss", "hit"]
    assert statuses(client, ["/kampanje/?page=2"]) == ["skip"]  # no past events: one page


def test_a_view_kept_like_a_page_keeps_no_parameter(client, home):
    """The open data page reads no parameter: any that a page reads makes no entry."""
    MapPageFactory(parent=home)
    url = reverse("map:open_data")
    assert statuses(client, [url, url]) == ["miss", "hit"]
    before = kept_entries()
    assert set(statuses(client, [f"{url}?page={n}" for n in range(3)])) == {"skip"}
    assert kept_entries() == before


def test_the_join_page_with_an_address_to_go_next_is_rendered_for_its_reader(client, home):
    home.add_child(instance=JoinPage(title="Pridružite se", slug="pridruzite-se", intro="Zašto."))
    assert statuses(client, ["/pridruzite-se/", "/pridruzite-se/"]) == ["miss", "hit"]
    before = kept_entries()
    urls = [f"/pridruzite-se/?next=/strana-{number}/" for number in range(5)]
    assert set(statuses(client, urls)) == {"skip"}
    assert kept_entries() == before
