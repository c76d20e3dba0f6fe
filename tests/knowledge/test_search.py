"""The site-wide search page (/pretraga/, /en/search/) and its snippets."""

import re

import pytest
from django.db import connection
from wagtail.models import Locale

from home.search import excerpt, highlight, matching_pages, search_terms
from map.models import Camera
from tests.home.factories import StandardPageFactory
from tests.home.test_pages import translate
from tests.map.factories import CameraFactory, MapPageFactory, MunicipalityFactory
from tests.routes import in_serbian

from .factories import ExplainerPageFactory, GlossaryTermFactory, TopicFactory, paragraph

pytestmark = pytest.mark.django_db


def result_titles(response):
    """The result links' texts, in order, without the <mark>s."""
    results = response.text.split('<ol class="search-results"', 1)
    if len(results) == 1:
        return []
    titles = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', results[1])
    return [re.sub(r"</?mark>", "", title) for title in titles]


def test_finds_an_explainer_by_a_word_only_in_its_serbian_body(client, knowledge_tree):
    response = client.get(in_serbian("search"), {"q": "prolaznika"})
    assert response.status_code == 200
    assert result_titles(response) == ["Prepoznavanje lica"]
    assert 'href="/znanje/prepoznavanje-lica/"' in response.text
    # Only the Serbian site's pages: the English one lacks the word, and is not offered.
    assert result_titles(client.get("/en/search/", {"q": "prolaznika"})) == []


def test_finds_an_explainer_by_a_word_only_in_its_english_body(client, knowledge_tree):
    response = client.get("/en/search/", {"q": "passer"})
    assert response.status_code == 200
    assert result_titles(response) == ["Facial recognition"]
    assert 'href="/en/knowledge/facial-recognition/"' in response.text
    assert result_titles(client.get(in_serbian("search"), {"q": "passer"})) == []


def test_a_word_on_both_languages_pages_finds_only_the_readers_language(client, knowledge_tree):
    # The legal reference is quoted in Serbian on the English page as well.
    assert result_titles(client.get(in_serbian("search"), {"q": "ličnosti"})) == [
        "Prepoznavanje lica"
    ]
    assert result_titles(client.get("/en/search/", {"q": "ličnosti"})) == ["Facial recognition"]


def test_pages_with_every_word_come_alone(client, knowledge_tree):
    other = ExplainerPageFactory(
        parent=knowledge_tree["index"],
        title="Kamere u školama",
        slug="skole",
        body=[paragraph("<p>Kamera u svakoj učionici.</p>")],
    )
    assert other.live
    response = client.get(in_serbian("search"), {"q": "kamera prolaznika"})
    assert result_titles(response) == ["Prepoznavanje lica"]
    assert "search__notice" not in response.text


def test_without_a_page_with_every_word_any_word_will_do_and_the_reader_is_told(
    client, knowledge_tree
):
    response = client.get(in_serbian("search"), {"q": "bicikl prolaznika"})
    assert result_titles(response) == ["Prepoznavanje lica"]
    notice = re.search(r'<p class="search__notice">(.*?)</p>', response.text).group(1)
    assert notice == "Nijedna stranica nema sve vaše reči: ove stranice imaju neke od njih."
    assert "<mark>prolaznika</mark>" in response.text
    # A word alone has nothing to fall back on.
    assert result_titles(client.get(in_serbian("search"), {"q": "bicikl"})) == []
    assert "search__notice" not in client.get(in_serbian("search"), {"q": "bicikl"}).text


def test_every_form_of_a_word_finds_the_others(client, knowledge_tree):
    # The page says "prolaznika", "biometrijske podatke", "greši", "žena".
    for query in ("prolaznici", "prolaznik", "biometrijskih podataka", "grešiti", "ženama"):
        response = client.get(in_serbian("search"), {"q": query})
        assert result_titles(response) == ["Prepoznavanje lica"], query
    response = client.get(in_serbian("search"), {"q": "prolaznici"})
    assert "<mark>prolaznika</mark>" in response.text
    # English pages are stemmed as English: "passers" finds "passer".
    assert result_titles(client.get("/en/search/", {"q": "passers"})) == ["Facial recognition"]


def test_stop_words_need_not_be_on_the_page(client, knowledge_tree):
    response = client.get(in_serbian("search"), {"q": "kako da vidim prolaznike"})
    assert result_titles(response) == ["Prepoznavanje lica"]
    # "kako" and "da" are not asked for, "vidim" is, and no page has it: any word will do.
    assert "search__notice" in response.text
    assert "<mark>kako</mark>" not in response.text


def test_cyrillic_is_read_as_latin(client, knowledge_tree):
    response = client.get(in_serbian("search"), {"q": "ПРОЛАЗНИКА"})
    assert result_titles(response) == ["Prepoznavanje lica"]
    assert "<mark>prolaznika</mark>" in response.text


def test_snippet_shows_the_words_around_the_match_marked(client, knowledge_tree):
    text = client.get(in_serbian("search"), {"q": "PROLAZNIKA"}).text
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', text, re.S).group(1)
    assert "<mark>prolaznika</mark>" in snippet
    assert "Kamera obrađuje biometrijske podatke svakog" in snippet
    # The page's words only: not the heading's level nor other choices made in the editor.
    assert "h2" not in snippet


def test_result_states_its_page_type_in_words(client, knowledge_tree):
    about = StandardPageFactory(
        parent=knowledge_tree["home"], title="O nama", slug="o-nama", intro="Ko smo i prolaznika."
    )
    translate(about, "en", title="About", slug="about", intro="Passer.")
    text = client.get("/en/search/", {"q": "passer"}).text
    types = re.findall(r'<p class="search-result__type">(.*?)</p>', text)
    assert sorted(types) == ["Explainer", "Standard page"]
    serbian = client.get(in_serbian("search"), {"q": "prolaznika"}).text
    assert '<p class="search-result__type">Obična stranica</p>' in serbian


def test_accents_may_be_left_out(client, knowledge_tree):
    # The body says "žena" and "greši": a reader without Serbian letters on the keyboard.
    response = client.get(in_serbian("search"), {"q": "zena gresi"})
    assert result_titles(response) == ["Prepoznavanje lica"]
    assert "<mark>žena</mark>" in response.text
    assert "<mark>greši</mark>" in response.text


def test_dj_may_be_typed_as_d_on_both_databases(client, knowledge_tree):
    # SQLite's FTS5 keeps the stroke of đ, which Unicode does not decompose: the folded and
    # stemmed words in the index are what let "dak" find "đak" there as on PostgreSQL.
    ExplainerPageFactory(
        parent=knowledge_tree["index"],
        title="Đaci i kamere u školama",
        slug="skole",
        body=[paragraph("<p>Svaki đak ima pravo na privatnost.</p>")],
    )
    response = client.get(in_serbian("search"), {"q": "dak"})
    assert result_titles(response) == ["Đaci i kamere u školama"]
    assert "<mark>đak</mark>" in response.text
    assert result_titles(client.get(in_serbian("search"), {"q": "DACI skolama"})) == [
        "Đaci i kamere u školama"
    ]
    assert "<mark>Đaci</mark>" in client.get(in_serbian("search"), {"q": "đaka"}).text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index is PostgreSQL's")
def test_postgresql_index_is_on_what_wagtail_matches(knowledge_tree):
    # Without an index on the very expression Wagtail matches, every search reads and joins
    # the title and body vectors of every page (bench/search_explainers.py times it).
    pages = matching_pages(Locale.objects.get(language_code="sr-latn"), ["kamer"])
    sql = str(pages.get_queryset().query)
    assert '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@' in sql
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'kamere_indexentry_title_body_gin'"
        )
        assert "USING gin (((title || body)))" in cursor.fetchone()[0]


def test_accented_query_finds_accented_words(client, knowledge_tree):
    response = client.get(in_serbian("search"), {"q": "Žena"})
    assert result_titles(response) == ["Prepoznavanje lica"]
    assert "<mark>žena</mark>" in response.text


def test_glossary_terms_come_first_and_link_to_their_definition(client, knowledge_tree):
    response = client.get(in_serbian("search"), {"q": "biometrijski"})
    glossary = response.text.split('class="search__glossary"', 1)[1].split("</section>")[0]
    assert '<a href="/znanje/recnik/#biometrijski-podaci">Biometrijski podaci</a>' in glossary
    assert "Podaci o telu po kojima se osoba prepoznaje." in glossary
    english = client.get("/en/search/", {"q": "biometric"}).text
    assert '<a href="/en/knowledge/glossary/#biometric-data">Biometric data</a>' in english
    assert "Biometrijski podaci" not in english


def test_results_are_paginated_keeping_the_query(client, knowledge_tree):
    for number in range(23):
        ExplainerPageFactory(
            parent=knowledge_tree["index"],
            title=f"Nadzor {number}",
            slug=f"nadzor-{number}",
            body=[paragraph("<p>Ovde piše reč dronovi.</p>")],
        )
    first = client.get(in_serbian("search"), {"q": "dronovi"})
    assert len(result_titles(first)) == 10
    assert 'href="?q=dronovi&amp;page=2"' in first.text
    third = client.get(in_serbian("search"), {"q": "dronovi", "page": "3"})
    assert len(result_titles(third)) == 3
    assert '<ol class="search-results" start="21">' in third.text
    seen = {*result_titles(first), *result_titles(third)}
    seen |= set(result_titles(client.get(in_serbian("search"), {"q": "dronovi", "page": "2"})))
    assert seen == {f"Nadzor {number}" for number in range(23)}
    # A page number out of range or not a number gives a page of results, not an error.
    assert result_titles(client.get(in_serbian("search"), {"q": "dronovi", "page": "99"}))
    assert result_titles(client.get(in_serbian("search"), {"q": "dronovi", "page": "x"}))


def test_query_count_does_not_grow_with_the_results(
    client, knowledge_tree, django_assert_max_num_queries
):
    def count_queries():
        with django_assert_max_num_queries(1000) as captured:
            response = client.get(in_serbian("search"), {"q": "dronovi"})
        assert response.status_code == 200
        return len(captured.captured_queries)

    def add(count, start):
        for number in range(start, start + count):
            page = ExplainerPageFactory(
                parent=knowledge_tree["index"],
                title=f"Nadzor {number}",
                slug=f"nadzor-{number}",
                body=[paragraph("<p>Dronovi nadleću grad.</p>")],
            )
            StandardPageFactory(
                parent=knowledge_tree["home"],
                title=f"Strana {number}",
                slug=f"strana-{number}",
                intro="Dronovi.",
            )
            assert page.live

    add(1, 0)
    count_queries()  # Fills the per-process caches (sites, locales) a first request fills.
    with_two = count_queries()
    add(4, 1)
    with_ten = count_queries()
    assert with_ten == with_two
    with django_assert_max_num_queries(with_two):
        response = client.get(in_serbian("search"), {"q": "dronovi", "page": "2"})
    assert response.status_code == 200 and result_titles(response)


def test_no_results_suggest_topics_and_the_glossary(client, knowledge_tree):
    TopicFactory(name="Vaša prava", slug="vasa-prava", sort_order=1)
    response = client.get(in_serbian("search"), {"q": "xyzzy"})
    assert result_titles(response) == []
    # Said in words, not "0 pages found" (in Serbian "Pronađeno je 0 stranica").
    assert "Ništa na sajtu ne odgovara ovim rečima." in response.text
    assert "Pronađen" not in response.text
    suggestions = response.text.split('class="search__suggestions"', 1)[1]
    assert '<a href="/znanje/?topic=tehnologija">Tehnologija</a>' in suggestions
    assert '<a href="/znanje/?topic=vasa-prava">Vaša prava</a>' in suggestions
    assert 'href="/znanje/recnik/"' in suggestions
    english = client.get("/en/search/", {"q": "xyzzy"}).text
    assert '<a href="/en/knowledge/?topic=technology">Technology</a>' in english
    assert "Vaša prava" not in english
    assert "Nothing on the site matches these words." in english and "0 pages" not in english
    # Nor with two words, which were tried one by one as well: no "these pages have some".
    both = client.get(in_serbian("search"), {"q": "xyzzy qwerty"}).text
    assert "Ništa na sajtu ne odgovara ovim rečima." in both
    assert "search__notice" not in both


def test_empty_query_shows_the_form_only(client, knowledge_tree):
    for query in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(in_serbian("search"), query)
        assert response.status_code == 200
        assert 'role="search"' in response.text
        assert "search-results" not in response.text
        assert "search__suggestions" not in response.text
    assert "<h1>Search</h1>" in client.get("/en/search/").text


def test_page_is_accessible_and_not_indexed(client, knowledge_tree):
    text = client.get("/en/search/", {"q": "passer"}).text
    assert '<meta name="robots" content="noindex">' in text
    assert "<title>Search: passer | Kamere</title>" in text
    assert "<h1>Search results for “passer”</h1>" in text
    assert '<form action="/en/search/" method="get" role="search">' in text
    assert '<label for="search-query">' in text
    assert 'id="search-query" type="search" name="q" value="passer"' in text
    assert "1 page found." in text


NASTY_QUERIES = [
    '"',
    '""',
    '"unclosed phrase',
    "*",
    "kamer*",
    "-",
    "NOT",
    "AND OR NOT",
    "NEAR(a b)",
    "a:b",
    "title:kamera",
    "(",
    ")(",
    "^kamera",
    "'; DROP TABLE wagtailcore_page; --",
    "' OR '1'='1",
    "\\",
    "%",
    "_",
    "&|!<>",
    "kamera & | ! :*",
    "x" * 5000,
    "reč " * 100,
    "čćžšđ ČĆŽŠĐ",
    "Ελληνικά кириллица 漢字 🙂",
    "\u200b\u00a0\ufeff",
    "\x00",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", [query for query in NASTY_QUERIES if "\x00" not in query])
def test_any_input_gives_a_page(client, knowledge_tree, query):
    response = client.get(in_serbian("search"), {"q": query})
    assert response.status_code == 200


def test_a_nul_character_is_refused_as_in_every_query_string(client, knowledge_tree):
    # home/bad_requests.py: no parameter of the site holds one, and PostgreSQL refuses it.
    assert client.get(in_serbian("search"), {"q": "kamera\x00"}).status_code == 400


def test_query_is_cut_to_200_characters(client, knowledge_tree):
    response = client.get(in_serbian("search"), {"q": "a" * 190 + " prolaznika"})
    assert 'value="' + "a" * 190 + ' prolaznik"' in response.text


def test_query_is_escaped(client, knowledge_tree):
    attack = '"><script>alert(1)</script> prolaznika'
    text = client.get(in_serbian("search"), {"q": attack}).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_marks_are_the_only_html_in_a_snippet():
    text = "Kamera <b>nije</b> & zaštita: ZAŠTITE podataka, zaštitari."
    # Every form of the word, and only of that word: "zaštitari" are guards.
    assert excerpt(text, ["zastita"]) == (
        "Kamera &lt;b&gt;nije&lt;/b&gt; &amp; <mark>zaštita</mark>: <mark>ZAŠTITE</mark> "
        "podataka, zaštitari."
    )
    assert highlight("<Zaštita>", ["zaštita"]) == "&lt;<mark>Zaštita</mark>&gt;"


def test_excerpt_is_cut_at_spaces_around_the_first_match():
    words = [f"reč{number}" for number in range(200)]
    snippet = excerpt(" ".join(words), ["reč100"], width=100)
    assert snippet.startswith("…reč")
    assert snippet.endswith("…")
    assert "<mark>reč100</mark>" in snippet
    assert " reč10 " not in snippet
    assert excerpt("Bez poklapanja.", ["kamera"]) == ""


def test_query_words_are_letters_and_digits():
    assert search_terms('"Zakon" o  zaštiti* -podataka (2018) zakon') == [
        "Zakon",
        "o",
        "zaštiti",
        "podataka",
        "2018",
        "zakon",
    ]
    assert search_terms("'; -- *") == []


def test_glossary_term_in_another_language_is_not_found(client, knowledge_tree):
    GlossaryTermFactory(term="Dron", slug="dron", definition="Letelica bez posade.")
    assert "#dron" in client.get(in_serbian("search"), {"q": "letelica"}).text
    assert "#dron" not in client.get("/en/search/", {"q": "letelica"}).text


def test_unpublished_and_private_pages_are_not_found(client, knowledge_tree):
    from wagtail.models import PageViewRestriction

    draft = ExplainerPageFactory(
        parent=knowledge_tree["index"],
        title="Nacrt",
        slug="nacrt",
        body=[paragraph("<p>Tajni dronovi.</p>")],
    )
    draft.unpublish()
    private = StandardPageFactory(
        parent=knowledge_tree["home"], title="Interno", slug="interno", intro="Tajni dronovi."
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert result_titles(client.get(in_serbian("search"), {"q": "tajni"})) == []


def test_english_translation_is_found_by_its_own_title(client, knowledge_tree):
    page = StandardPageFactory(parent=knowledge_tree["home"], title="Kontakt", slug="kontakt")
    translate(page, "en", title="Contact us", slug="contact")
    assert result_titles(client.get("/en/search/", {"q": "contact"})) == ["Contact us"]
    assert result_titles(client.get(in_serbian("search"), {"q": "kontakt"})) == ["Kontakt"]


def test_glossary_terms_are_found_by_any_form(client, knowledge_tree):
    response = client.get(in_serbian("search"), {"q": "biometrijskih"})
    glossary = response.text.split('class="search__glossary"', 1)[1].split("</section>")[0]
    assert "#biometrijski-podaci" in glossary


@pytest.fixture
def places(knowledge_tree):
    """The map page, two municipalities and cameras with street addresses."""
    map_page = MapPageFactory(parent=knowledge_tree["home"])
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    zvezdara = MunicipalityFactory(name="Zvezdara", slug="zvezdara")
    cameras = {
        "njegoseva": CameraFactory(address="Njegoševa 12", municipality=vracar),
        "bulevar": CameraFactory(address="Bulevar kralja Aleksandra 300", municipality=zvezdara),
        "bulevar_vracar": CameraFactory(address="Bulevar kralja Aleksandra 2", municipality=vracar),
        "rejected": CameraFactory(
            address="Njegoševa 40", municipality=vracar, status=Camera.Status.REJECTED
        ),
    }
    return {"map": map_page, "vracar": vracar, "cameras": cameras}


def place_links(response):
    """(text, href) of each link in the places group."""
    if 'class="search__group"' not in response.text:
        return []
    group = response.text.split('class="search__group"', 1)[1].split("</section>")[0]
    return re.findall(r'<a href="([^"]*)">([^<]*)</a>', group)


def test_a_municipality_is_found_without_its_accents_and_links_to_its_map(client, places):
    for query in ("Vracar", "vračaru", "Врачар", "kamere na Vračaru"):
        response = client.get(in_serbian("search"), {"q": query})
        assert ("/mapa/?municipality=vracar", "Vračar") in place_links(response), query
    response = client.get(in_serbian("search"), {"q": "Vracar"})
    assert "Mesta na mapi" in response.text
    # A group of results is not "nothing found", neither by suggestions nor by "0 pages".
    assert "search__suggestions" not in response.text
    assert "Pronađeno je 0" not in response.text
    assert "Nijedna stranica nema ove reči, ali ono što sledi odgovara pretrazi." in response.text
    assert place_links(client.get(in_serbian("search"), {"q": "prolaznika"})) == []


def test_cameras_are_found_by_their_street_and_link_to_their_page(client, places):
    cameras = places["cameras"]
    links = place_links(client.get(in_serbian("search"), {"q": "Njegoseva"}))
    assert links == [(in_serbian("map:camera_page", cameras["njegoseva"].pk), "Njegoševa 12")]
    # Every place word counts: the street in the municipality.
    links = place_links(client.get(in_serbian("search"), {"q": "bulevar kralja Aleksandra Vračar"}))
    assert (
        in_serbian("map:camera_page", cameras["bulevar_vracar"].pk),
        "Bulevar kralja Aleksandra 2",
    ) in (links)
    assert in_serbian("map:camera_page", cameras["bulevar"].pk) not in str(links)
    links = place_links(client.get(in_serbian("search"), {"q": "kamere u bulevaru"}))
    assert {href for href, _ in links} == {
        in_serbian("map:camera_page", cameras["bulevar"].pk),
        in_serbian("map:camera_page", cameras["bulevar_vracar"].pk),
    }


def test_a_new_camera_is_found_at_once(client, places, django_capture_on_commit_callbacks):
    assert place_links(client.get(in_serbian("search"), {"q": "Knez Mihailova"})) == []
    # Its saving changes the map data's version once committed (map/signals.py).
    with django_capture_on_commit_callbacks(execute=True):
        camera = CameraFactory(address="Knez Mihailova 5", municipality=places["vracar"])
    links = place_links(client.get(in_serbian("search"), {"q": "Knez Mihailova"}))
    assert links == [(in_serbian("map:camera_page", camera.pk), "Knez Mihailova 5")]


def test_a_camera_taken_off_the_map_is_never_listed_before_the_index_knows(client, places):
    camera = places["cameras"]["njegoseva"]
    assert place_links(client.get(in_serbian("search"), {"q": "Njegoseva"}))  # the index is built
    # Rejected, but the new data version is not in the shared cache yet (it is set once the
    # transaction commits, and another process may still hold the old index).
    camera.status = Camera.Status.REJECTED
    camera.save()
    assert place_links(client.get(in_serbian("search"), {"q": "Njegoseva"})) == []


def test_places_query_count_does_not_grow_with_the_cameras(
    client, places, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    def count_queries():
        with django_assert_max_num_queries(1000) as captured:
            response = client.get(in_serbian("search"), {"q": "Vracar Njegoseva"})
        assert response.status_code == 200 and place_links(response)
        return len(captured.captured_queries)

    count_queries()
    with_few = count_queries()
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(20):
            CameraFactory(address=f"Njegoševa {number}", municipality=places["vracar"])
    count_queries()  # the index of the new data, built once
    assert count_queries() == with_few
    response = client.get(in_serbian("search"), {"q": "Njegoseva"})
    # One street: listed once, with its number of cameras.
    assert [label for _, label in place_links(response)] == ["Njegoševa"]
    # ("21 kamera" once the Serbian catalogue has the words.)
    assert re.search(r"21 (kamera|cameras), Vračar", response.text)


def test_the_search_answers_head_as_get(client, knowledge_tree):
    # Link checkers and some crawlers ask with HEAD first.
    response = client.head(in_serbian("search"), {"q": "dronovi"})
    assert response.status_code == 200 and response.content == b""
    assert client.post(in_serbian("search"), {"q": "dronovi"}).status_code == 405
