"""The site in Cyrillic under /cir/, made from the Serbian Latin pages (home/scripts.py)."""

import re

import pytest
from django.utils import translation

from home.scripts import for_reader

pytestmark = pytest.mark.django_db

# Latin letters in what a reader sees: text outside tags, scripts and styles.
TAGS_AND_SCRIPTS = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]*>", re.DOTALL)


def visible_text(html):
    return TAGS_AND_SCRIPTS.sub(" ", html)


def test_cyrillic_pages_live_under_cir_made_from_the_latin(client, site_tree):
    response = client.get("/cir/o-nama/")
    assert response.status_code == 200
    assert b'<html lang="sr-cyrl"' in response.content
    assert response["Content-Language"] == "sr-Cyrl"
    text = response.text
    assert "<h1>О нама</h1>" in text or ">О нама<" in text
    assert "Ко смо." in text
    # The site's own strings, from the sr_Cyrl catalogue.
    assert "Прескочите на главни садржај" in text
    # The home page too, and the Latin page is unchanged.
    assert "Град без надзора." in client.get("/cir/").text
    assert "Grad bez nadzora." in client.get("/").text


def test_links_on_a_cyrillic_page_stay_in_cyrillic(client, site_tree):
    text = client.get("/cir/").text
    assert '<a href="/cir/o-nama/">О нама</a>' in text
    assert '<link rel="canonical" href="http://testserver/cir/">' in text


def test_three_reading_options_and_their_alternates(client, site_tree):
    text = client.get("/cir/o-nama/").text
    assert '<link rel="alternate" hreflang="sr-Latn" href="http://testserver/o-nama/">' in text
    assert '<link rel="alternate" hreflang="sr-Cyrl" href="http://testserver/cir/o-nama/">' in text
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in text
    # The switcher: each name in its own script, through the view that remembers the choice.
    # A wide header's row shows the scripts' short names; the link's name is the whole one.
    assert (
        '<a href="/jezik/sr-latn/?next=%2Fo-nama%2F" hreflang="sr-Latn" lang="sr-Latn">'
        '<span class="language-switcher__short" aria-hidden="true">Lat</span>'
        '<span class="language-switcher__name">Latinica</span></a>'
    ) in text
    assert '<span aria-current="true" lang="sr-Cyrl">Ћирилица</span>' in text
    assert '<a href="/jezik/en/?next=%2Fen%2Fabout%2F" hreflang="en" lang="en">English</a>' in text
    latin = client.get("/o-nama/").text
    assert '<a href="/jezik/sr-cyrl/?next=%2Fcir%2Fo-nama%2F" hreflang="sr-Cyrl"' in latin


def test_the_choice_is_remembered_and_a_latin_address_leads_to_its_twin(client, site_tree):
    response = client.get("/jezik/sr-cyrl/", {"next": "/cir/o-nama/"})
    assert response.status_code == 302
    assert response["Location"] == "/cir/o-nama/"
    cookie = response.cookies["django_language"]
    assert cookie.value == "sr-cyrl"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    # Anyone arriving at a Latin address, from a search engine or a shared link, with it.
    redirected = client.get("/o-nama/?strana=2")
    assert redirected.status_code == 302
    assert redirected["Location"] == "/cir/o-nama/?strana=2"
    # Not English, not the admin, the API or a form's POST.
    assert client.get("/en/about/").status_code == 200
    assert "/cir/" not in client.get("/admin/login/").get("Location", "")
    assert client.get("/robots.txt").status_code == 200
    # Latin again.
    client.get("/jezik/sr-latn/", {"next": "/o-nama/"})
    assert client.get("/o-nama/").status_code == 200


def test_the_chooser_goes_nowhere_else_and_knows_only_the_languages(client, site_tree):
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.get("/jezik/sr-cyrl/", {"next": target})
        assert response["Location"] == "/"
    assert client.get("/jezik/xx/").status_code == 404
    assert client.get("/jezik/sr-cyrl/").status_code == 302


def test_a_cyrillic_page_shows_no_latin_but_its_exceptions(client, site_tree):
    about = site_tree["about"]
    about.intro = "Pratimo GDPR i OpenStreetMap, Huawei kamere, Wi-Fi i ZZPL, XIV vek."
    about.save_revision().publish()
    # The switcher's other names are in their own scripts; addresses stay as they are.
    text = visible_text(client.get("/cir/o-nama/").text)
    text = re.sub(r"Latinica|\bLat\b|English|[\w.+-]+@[\w.-]+", "", text)
    assert "Пратимо GDPR и OpenStreetMap, Huawei камере, Wi-Fi и ЗЗПЛ, XIV век." in text
    leftovers = set(re.findall(r"[A-Za-zČĆĐŠŽčćđšž]{2,}", text)) - {
        "GDPR",
        "OpenStreetMap",
        "Huawei",
        "Wi",
        "Fi",
        "XIV",
        # The licence's name in the footer, marked translate="no".
        "Open",
        "Database",
        "License",
        "ODbL",
    }
    assert leftovers == set()


def test_a_cyrillic_page_is_cached_as_cyrillic(client, site_tree, settings):
    settings.PAGE_CACHE = True
    first = client.get("/cir/o-nama/")
    again = client.get("/cir/o-nama/")
    assert again.content == first.content
    assert "Ко смо." in again.text
    assert "Ko smo." in client.get("/o-nama/").text


def test_plain_text_for_a_cyrillic_reader_keeps_its_addresses():
    text = "Potvrdite potpis: https://kamere.rs/cir/peticije/potvrda/abc/ ili pišite na a@b.rs"
    assert for_reader(text, "sr-cyrl") == (
        "Потврдите потпис: https://kamere.rs/cir/peticije/potvrda/abc/ или пишите на a@b.rs"
    )
    assert for_reader(text, "sr-latn") == text
    with translation.override("sr-cyrl"):
        assert for_reader("Hvala") == "Хвала"


def test_search_in_either_script_finds_latin_pages_and_shows_them_in_the_readers(client, site_tree):
    about = site_tree["about"]
    about.intro = "Pratimo kamere i nadzor u gradu."
    about.save_revision().publish()
    cyrillic = client.get("/cir/pretraga/", {"q": "надзор"})
    assert cyrillic.status_code == 200
    assert '<a href="/cir/o-nama/">' in cyrillic.text
    assert "<mark>надзор</mark> у граду" in cyrillic.text
    # What the reader typed stays as typed.
    assert 'value="надзор"' in cyrillic.text
    latin = client.get("/pretraga/", {"q": "надзор"})
    assert "<mark>nadzor</mark> u gradu" in latin.text
    assert "<mark>надзор</mark>" in client.get("/cir/pretraga/", {"q": "nadzor"}).text
