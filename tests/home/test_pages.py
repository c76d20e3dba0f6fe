"""Pages through Django's test client: languages, menus, errors, SEO files, privacy."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from home.models import NavigationSettings
from home.views import server_error

from .factories import StandardPageFactory, stored_youtube_embed, translate

pytestmark = pytest.mark.django_db


def test_serbian_is_the_default_language_without_prefix(client, site_tree):
    response = client.get("/")
    assert response.status_code == 200
    assert b'<html lang="sr-latn"' in response.content
    assert "Grad bez nadzora." in response.text
    assert "Preskočite na glavni sadržaj" in response.text


def test_english_lives_under_en(client, site_tree):
    response = client.get("/en/")
    assert response.status_code == 200
    assert b'<html lang="en"' in response.content
    assert "A city without surveillance." in response.text
    assert "Skip to main content" in response.text


def test_browser_language_does_not_override_the_address(client, site_tree):
    response = client.get("/", headers={"accept-language": "en"})
    assert response.status_code == 200
    assert b'<html lang="sr-latn"' in response.content


def test_menu_shows_each_page_in_the_readers_language(client, site_tree):
    serbian = client.get("/")
    english = client.get("/en/")
    assert '<a href="/o-nama/">O nama</a>' in serbian.text
    assert '<a href="/en/about/">About</a>' in english.text


def test_current_menu_item_is_marked(client, site_tree):
    response = client.get("/en/about/")
    assert '<a href="/en/about/" aria-current="page">About</a>' in response.text


def test_language_switcher_links_to_the_translation(client, site_tree):
    response = client.get("/o-nama/")
    assert 'href="/jezik/en/?next=%2Fen%2Fabout%2F" hreflang="en"' in response.text
    response = client.get("/en/about/")
    assert 'href="/jezik/sr-latn/?next=%2Fo-nama%2F" hreflang="sr-Latn"' in response.text
    assert 'href="/jezik/sr-cyrl/?next=%2Fcir%2Fo-nama%2F" hreflang="sr-Cyrl"' in response.text


def test_language_switcher_falls_back_to_the_home_page(client, site_tree):
    StandardPageFactory(parent=site_tree["home"], title="Samo srpski", slug="samo-srpski")
    response = client.get("/samo-srpski/")
    assert 'href="/jezik/en/?next=%2Fen%2F" hreflang="en"' in response.text


def test_head_has_description_canonical_alternates_and_open_graph(client, site_tree):
    text = client.get("/en/about/").text
    assert '<meta name="description" content="Who we are.">' in text
    assert '<link rel="canonical" href="http://testserver/en/about/">' in text
    assert '<link rel="alternate" hreflang="sr-Latn" href="http://testserver/o-nama/">' in text
    assert '<link rel="alternate" hreflang="sr-Cyrl" href="http://testserver/cir/o-nama/">' in text
    assert '<meta property="og:title" content="About">' in text
    assert '<meta property="og:locale" content="en_GB">' in text


def test_editors_description_wins_over_the_intro(client, site_tree):
    about = site_tree["about_en"]
    about.search_description = "Who runs the portal and why."
    about.save_revision().publish()
    text = client.get("/en/about/").text
    assert '<meta name="description" content="Who runs the portal and why.">' in text


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/ne-postoji/", "sr-latn", "Stranica nije pronađena"),
        ("/en/does-not-exist/", "en", "Page not found"),
    ],
)
def test_unknown_address_gives_the_styled_404_in_the_right_language(
    client, site_tree, path, language, heading
):
    response = client.get(path)
    assert response.status_code == 404
    assert f'<html lang="{language}"' in response.text
    assert f"<h1>{heading}</h1>" in response.text
    assert 'class="site-header"' in response.text


@pytest.mark.parametrize(
    ("language", "heading"), [("sr-latn", "Nešto nije u redu"), ("en", "Something went wrong")]
)
def test_server_error_page_speaks_the_readers_language(
    language, heading, django_assert_num_queries
):
    request = RequestFactory().get("/")
    with translation.override(language), django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert heading in response.content.decode()


def count_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm Wagtail's cached site root paths
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/", "/en/", "/o-nama/", "/en/about/"])
def test_pages_are_cheap_and_menus_cost_the_same_at_any_length(uncached, client, site_tree, path):
    before = count_queries(client, path)
    # The home page adds its sections (tests/home/test_home_page.py), a query or two each.
    assert before <= (18 if path in ("/", "/en/") else 12)
    more = [StandardPageFactory(parent=site_tree["home"]) for _ in range(6)]
    for page in more[:3]:
        translate(page, "en", slug=f"{page.slug}-en")
    menu = [("page", page) for page in [site_tree["about"], *more]]
    navigation = NavigationSettings.objects.get()
    navigation.main_menu = navigation.footer_menu = menu
    navigation.save()
    assert count_queries(client, path) == before


def test_sitemap_lists_pages_in_both_languages(client, site_tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    for path in ["/", "/o-nama/", "/en/", "/en/about/"]:
        assert f"<loc>http://testserver{path}</loc>" in response.text


def test_robots_txt_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


def test_embed_loads_nothing_until_clicked(client, site_tree):
    url = stored_youtube_embed()
    StandardPageFactory(
        parent=site_tree["home"],
        slug="video",
        body=[("embed", {"embed": url, "title": "Dokumentarni film"})],
    )
    text = client.get("/video/").text
    before, template, after = text.partition("<template data-embed-html>")
    assert template, "the embed HTML waits in an inert template"
    assert "<iframe" not in before
    assert "<iframe" in after.split("</template>")[0]
    assert "<iframe" not in after.split("</template>")[1]
    assert f'<a href="{url}" rel="noopener">Otvorite na izvornom sajtu</a>' in text
    assert "YouTube" in before


def test_embed_without_reachable_host_still_links_to_it(client, site_tree):
    # No stored embed and no network: the reader still gets the link, not an error.
    StandardPageFactory(
        parent=site_tree["home"],
        slug="video",
        body=[("embed", {"embed": "https://vimeo.com/1", "title": "Film"})],
    )
    response = client.get("/video/")
    assert response.status_code == 200
    assert '<a href="https://vimeo.com/1" rel="noopener">' in response.text
    assert "<template" not in response.text


def test_admin_login_answers_and_django_admin_is_not_exposed(client, site_tree):
    assert client.get("/admin/login/", follow=True).status_code == 200  # allauth's login
    assert client.get("/django-admin/").status_code == 404


def test_admin_does_not_use_gravatar(admin_client, site_tree):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "gravatar" not in response.text.lower()
