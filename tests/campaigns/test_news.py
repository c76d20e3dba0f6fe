"""News: the list newest first, a news item, feeds, sitemap, search, translation and demo."""

from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from campaigns.models import NewsIndexPage, NewsPage
from campaigns.news.models import NEWS_PER_PAGE
from tests.home.factories import HomePageFactory
from tests.home.test_pages import translate
from tests.routes import in_serbian

from .factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news_tree():
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Početna", slug="pocetna")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    index = NewsIndexPageFactory(parent=home)
    return {"home": home, "index": index}


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def test_news_are_listed_newest_first_ten_to_a_page(client, news_tree):
    index = news_tree["index"]
    for number in range(NEWS_PER_PAGE + 1):
        NewsPageFactory(parent=index, title=f"Vest {number:02}", date=days_ago(number))
    response = client.get("/vesti/")
    assert response.status_code == 200
    titles = [item.title for item in response.context["news"]]
    assert titles == [f"Vest {number:02}" for number in range(NEWS_PER_PAGE)]
    assert 'rel="next"' in response.text
    second = client.get("/vesti/?page=2")
    assert [item.title for item in second.context["news"]] == [f"Vest {NEWS_PER_PAGE:02}"]
    # A page number that is not one shows the first page, never an error.
    assert client.get("/vesti/?page=abc").status_code == 200
    assert client.get("/vesti/?page=999").status_code == 200


def test_news_can_be_filtered_by_tag(client, news_tree):
    tagged = NewsPageFactory(parent=news_tree["index"], title="Uspeh")
    tagged.tags.add("uspeh")
    tagged.save_revision().publish()
    NewsPageFactory(parent=news_tree["index"], title="Drugo")
    response = client.get("/vesti/?tag=uspeh")
    assert [item.title for item in response.context["news"]] == ["Uspeh"]
    nothing = client.get("/vesti/", {"tag": "x" * 5000})
    assert nothing.status_code == 200
    assert "No news yet." in nothing.text or "Još nema vesti." in nothing.text


def test_the_tag_filter_names_only_a_real_tag(client, news_tree):
    tagged = NewsPageFactory(parent=news_tree["index"], title="Uspeh")
    tagged.tags.add("MUP")
    tagged.save_revision().publish()
    # Words someone put in a link are not shown as if the initiative had said them.
    spoof = "Inicijativa je ugašena, pišite na lazni@example.org"
    response = client.get("/vesti/", {"tag": spoof})
    assert response.status_code == 200
    assert "lazni@example.org" not in response.text
    response = client.get("/vesti/?tag=mup")
    assert "„MUP“" in response.text or "“MUP”" in response.text


def test_a_news_item_is_an_article_with_its_date_lead_and_body(client, news_tree):
    item = NewsPageFactory(
        parent=news_tree["index"], title="Uspeli smo", slug="uspeli-smo", date=days_ago(2)
    )
    response = client.get("/vesti/uspeli-smo/")
    assert response.status_code == 200
    assert "<h1>Uspeli smo</h1>" in response.text
    assert f'<time datetime="{item.date:%Y-%m-%d}">' in response.text
    assert "Ukratko o vesti." in response.text
    assert "Tekst vesti." in response.text
    assert '<meta property="og:type" content="article">' in response.text
    assert '<meta property="article:published_time"' in response.text


def test_drafts_and_other_languages_stay_out_of_the_list(client, news_tree):
    NewsPageFactory(parent=news_tree["index"], title="Objavljena")
    draft = NewsPageFactory(parent=news_tree["index"], title="Nacrt")
    draft.unpublish()
    response = client.get("/vesti/")
    assert [item.title for item in response.context["news"]] == ["Objavljena"]


def test_feeds_list_the_news_with_absolute_addresses(client, news_tree):
    NewsPageFactory(parent=news_tree["index"], title="Uspeli smo", slug="uspeli-smo")
    rss = client.get("/vesti/rss/")
    assert rss.status_code == 200
    channel = ElementTree.fromstring(rss.content).find("channel")
    item = channel.find("item")
    assert item.findtext("title") == "Uspeli smo"
    assert item.findtext("link") == "http://testserver/vesti/uspeli-smo/"
    assert item.findtext("description") == "Ukratko o vesti."
    atom = client.get("/vesti/atom/")
    entry = ElementTree.fromstring(atom.content).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/vesti/uspeli-smo/"
    # The list page announces its feeds.
    assert 'type="application/rss+xml"' in client.get("/vesti/").text


def test_the_cyrillic_feed_is_in_cyrillic_with_cyrillic_addresses(client, news_tree):
    NewsPageFactory(parent=news_tree["index"], title="Uspeli smo", slug="uspeli-smo")
    channel = ElementTree.fromstring(client.get("/cir/vesti/rss/").content).find("channel")
    item = channel.find("item")
    assert item.findtext("title") == "Успели смо"
    assert item.findtext("description") == "Укратко о вести."  # noqa: RUF001
    assert item.findtext("link") == "http://testserver/cir/vesti/uspeli-smo/"
    assert channel.findtext("language") == "sr-cyrl"


def test_news_are_in_the_sitemap_and_found_by_search(client, news_tree):
    NewsPageFactory(
        parent=news_tree["index"], slug="spisak-kamera", lead="Ministarstvo je objavilo spisak."
    )
    sitemap = client.get("/sitemap.xml").text
    assert "<loc>http://testserver/vesti/</loc>" in sitemap
    assert "<loc>http://testserver/vesti/spisak-kamera/</loc>" in sitemap
    results = client.get(in_serbian("search"), {"q": "Ministarstvo"})
    assert "/vesti/spisak-kamera/" in results.text


def test_news_are_translated_like_other_pages(client, news_tree):
    item = NewsPageFactory(parent=news_tree["index"], title="Uspeli smo", slug="uspeli-smo")
    item.tags.add("MUP")
    item.save_revision().publish()
    translate(news_tree["home"], "en", title="Home", slug="home")
    translate(news_tree["index"], "en", title="News", slug="news")
    english = translate(item, "en", title="We did it", slug="we-did-it", lead="In short.")
    assert english.date == item.date
    assert [tag.name for tag in english.tags.all()] == ["MUP"]
    response = client.get("/en/news/")
    assert [news.title for news in response.context["news"]] == ["We did it"]
    page = client.get("/en/news/we-did-it/")
    assert page.status_code == 200
    assert "In short." in page.text
    assert 'href="/en/news/?tag=mup"' in page.text


def test_a_news_page_is_made_only_under_the_news_and_once(news_tree):
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert not NewsIndexPage.can_create_at(news_tree["home"])


def test_the_demo_has_three_news_items_in_both_languages(client):
    call_command("seed_demo", verbosity=0)
    english = Locale.objects.get(language_code="en")
    serbian_items = NewsPage.objects.live().exclude(locale=english).order_by("-date")
    english_items = NewsPage.objects.live().filter(locale=english)
    assert serbian_items.count() == english_items.count() == 3
    assert all(item.tags.exists() for item in serbian_items)
    response = client.get("/vesti/")
    assert response.status_code == 200
    assert [item.title for item in response.context["news"]] == [
        item.title for item in serbian_items
    ]
    assert client.get("/en/news/").status_code == 200
    # A second run changes nothing.
    call_command("seed_demo", verbosity=0)
    assert NewsPage.objects.count() == 6
