"""How much the knowledge base's part of the site search (knowledge/search.py) asks of the
database: a search that finds nothing shows no glossary box but suggests the glossary, and
both need its address, looked up once per request."""

import pytest
from django.db import connection

from tests.routes import in_serbian

pytestmark = pytest.mark.django_db

# The whole page of a search that finds nothing: the pages searched for, the map's places, the
# glossary terms, the knowledge base's and the glossary's pages, the site and the menus'
# pages; on PostgreSQL also the search's planner setting and its transaction's savepoint and
# release (home.search.planned_for_the_index). The settings, topics and sections come from
# what is kept by data version (home/kept.py), the language's Locale from the process's copy
# (home/locales.py). It was 18 queries on SQLite and 21 on PostgreSQL when the glossary's page
# was read twice (for the glossary box, and again for the suggestions), then 16 and 19.
NOTHING_FOUND_QUERIES = {"sqlite": 8, "postgresql": 11}


def test_a_search_that_finds_nothing_reads_the_glossary_page_once(
    client, knowledge_tree, django_assert_num_queries
):
    # Fills the per-process caches and what is kept by data version (home/kept.py).
    client.get(in_serbian("search"), {"q": "xyzzy"})
    with django_assert_num_queries(NOTHING_FOUND_QUERIES[connection.vendor]) as captured:
        response = client.get(in_serbian("search"), {"q": "xyzzy"})
    assert 'href="/znanje/recnik/"' in response.text.split('class="search__suggestions"', 1)[1]
    glossary_reads = [
        query["sql"]
        for query in captured.captured_queries
        if '"knowledge_glossarypage"' in query["sql"]
    ]
    assert len(glossary_reads) == 1, glossary_reads


def test_the_glossary_page_is_read_afresh_by_each_request(client, knowledge_tree):
    # Kept on the request only: the next search does not offer a glossary taken down since.
    def suggestions():
        return client.get(in_serbian("search"), {"q": "xyzzy"}).text.split(
            'class="search__suggestions"', 1
        )[1]

    assert 'href="/znanje/recnik/"' in suggestions()
    knowledge_tree["glossary"].unpublish()
    assert "/znanje/recnik/" not in suggestions()
