"""bench/page_weight.py says when a server sends its static files uncompressed (`make run`'s
runserver, like the test server here), since the README's figures are for `make serve`."""

import importlib
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def page_weight():
    # The script imports its neighbour (bench/lighthouse.py) as a script would.
    sys.path.insert(0, str(BENCH))
    try:
        yield importlib.import_module("page_weight")
    finally:
        sys.path.remove(str(BENCH))


def test_an_uncompressing_server_is_named_and_make_serve_pointed_to(
    page_weight, demo_site, browser
):
    sizes, _elsewhere, uncompressed = page_weight.weigh(browser, demo_site.url + "/")
    assert sizes["css"] > 0
    assert "/static/css/site.css" in uncompressed
    note = page_weight.compression_note(uncompressed)
    assert "without compression" in note
    assert "make serve" in note


def test_compressed_static_files_and_the_html_give_no_note(page_weight):
    gzipped = {
        "url": "http://127.0.0.1:8000/static/css/site.css",
        "mimeType": "text/css",
        "headers": {"Content-Encoding": "gzip"},
    }
    page = {"url": "http://127.0.0.1:8000/", "mimeType": "text/html", "headers": {}}
    assert not page_weight.uncompressed_text(gzipped)
    assert not page_weight.uncompressed_text(page)
    assert page_weight.compression_note([]) is None
