"""The glossary linker never links a term inside an existing link (a link in a link is invalid
HTML, and readers and screen readers cannot tell where either goes) nor in a heading."""

from html.parser import HTMLParser
from types import SimpleNamespace

import pytest

from knowledge.glossary import GlossaryLinker

from .factories import ExplainerPageFactory, paragraph

pytestmark = pytest.mark.django_db

TERM = SimpleNamespace(
    pk=1,
    term="Biometrijski podaci",
    variant_list=["biometrijske podatke"],
    url="/znanje/recnik/#biometrijski-podaci",
)
GLOSSARY_LINK = f'<a class="glossary-link" href="{TERM.url}">'


class NestedLinks(HTMLParser):
    """How deep links go in a piece of HTML: 1 is right, 2 is a link in a link."""

    def __init__(self, html):
        super().__init__()
        self.depth = self.deepest = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if tag == "a":
            self.depth -= 1


@pytest.mark.parametrize(
    "existing",
    [
        '<a href="https://example.org/">biometrijske podatke</a>',
        '<a href="https://example.org/"><b>biometrijske podatke</b></a>',
        '<A HREF="https://example.org/">biometrijske podatke</A>',
    ],
    ids=["plain", "bold-inside", "upper-case-tag"],
)
def test_a_term_inside_a_link_is_left_alone_and_the_next_mention_is_linked(existing):
    html = f"<p>Vidite {existing} u zakonu. Kamera obrađuje biometrijske podatke.</p>"

    linked = GlossaryLinker([TERM]).link(html)

    assert NestedLinks(linked).deepest == 1
    assert linked.count(GLOSSARY_LINK) == 1
    assert f"obrađuje {GLOSSARY_LINK}biometrijske podatke</a>.</p>" in linked
    assert existing in linked


@pytest.mark.parametrize("level", ["h2", "h3", "h4"])
def test_a_term_in_a_heading_is_not_linked(level):
    html = f"<{level}>Biometrijski podaci</{level}><p>Biometrijski podaci su osetljivi.</p>"
    linked = GlossaryLinker([TERM]).link(html)
    assert linked.startswith(f"<{level}>Biometrijski podaci</{level}>")
    assert f"<p>{GLOSSARY_LINK}Biometrijski podaci</a> su osetljivi.</p>" in linked


def test_an_explainer_with_a_term_inside_a_link_renders_no_nested_link(client, knowledge_tree):
    page = ExplainerPageFactory(
        parent=knowledge_tree["index"],
        title="Zakon",
        slug="zakon",
        body=[
            paragraph(
                '<p>Pročitajte <a href="https://example.org/zakon">biometrijske podatke'
                "</a> u zakonu. Kamera obrađuje biometrijske podatke.</p>"
            )
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert NestedLinks(response.text).deepest == 1
    assert 'href="/znanje/recnik/#biometrijski-podaci">biometrijske podatke</a>.' in response.text
