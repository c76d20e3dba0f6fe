"""Explainers, the knowledge base and the glossary through Django's test client."""

import json
import re
from html.parser import HTMLParser

import feedparser
import pytest
from django.core.exceptions import ValidationError

from knowledge.blocks import ExplainerStreamBlock
from knowledge.glossary import GlossaryLinker
from knowledge.models import ExplainerPage, FeaturedExplainer, GlossaryTerm
from tests.home.test_pages import translate

from .factories import ExplainerPageFactory, TopicFactory, heading, paragraph

pytestmark = pytest.mark.django_db


class Ids(HTMLParser):
    """Every id in a page, and every same-page link target (#anchor)."""

    def __init__(self, html):
        super().__init__()
        self.ids, self.anchors = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and (attrs.get("href") or "").startswith("#"):
            self.anchors.append(attrs["href"][1:])


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return {item["@type"]: item for item in map(json.loads, blocks)}


@pytest.mark.parametrize("language", ["sr", "en"])
def test_explainer_renders_with_a_working_table_of_contents(client, knowledge_tree, language):
    page = knowledge_tree["explainer" if language == "sr" else "explainer_en"]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.text
    assert f"<h1>{page.title}</h1>" in html
    assert page.lead in html
    ids = Ids(html)
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    toc_anchors = Ids(toc).anchors
    # A heading, a subheading and the questions' section, each leading to its section.
    assert len(toc_anchors) == 3
    assert set(toc_anchors) <= set(ids.ids)
    assert len(ids.ids) == len(set(ids.ids)), "ids are unique"


def test_explainer_shows_reading_time_review_topics_and_tags(client, knowledge_tree):
    html = client.get(knowledge_tree["explainer"].url).text
    assert "1 minut čitanja" in html
    assert 'Pregledano <time datetime="2026-10-01">' in html
    assert "Pravni tim" in html
    assert '<a class="tag" href="/znanje/?topic=tehnologija">Tehnologija</a>' in html
    assert '<a class="tag" href="/znanje/?tag=huawei">Huawei</a>' in html
    assert "Ovo objašnjenje čeka proveru" not in html


def test_english_explainer_shows_the_english_topic(client, knowledge_tree):
    html = client.get(knowledge_tree["explainer_en"].url).text
    assert '<a class="tag" href="/en/knowledge/?topic=technology">Technology</a>' in html
    assert "Reviewed on" in html and "by Legal team" in html


def test_reading_time_grows_with_the_text(knowledge_tree):
    words = " ".join(["reč"] * 1000)
    page = ExplainerPageFactory(parent=knowledge_tree["index"], body=[paragraph(f"<p>{words}</p>")])
    assert page.reading_minutes == 5


def test_an_explainer_past_its_review_date_says_so(client, knowledge_tree):
    page = knowledge_tree["explainer"]
    page.review_due = "2020-01-01"
    page.save_revision().publish()
    html = client.get(page.url).text
    assert "Ovo objašnjenje čeka proveru" in html


def test_first_mention_of_a_glossary_term_links_to_its_definition(client, knowledge_tree):
    html = client.get(knowledge_tree["explainer"].url).text
    link = '<a class="glossary-link" href="/znanje/recnik/#biometrijski-podaci">'
    # Linked once, at the first mention in an inflected form; not in the headings.
    assert html.count(link) == 1
    assert f"{link}biometrijske podatke</a> svakog prolaznika" in html
    assert "Ponovo: biometrijske podatke." in html

    english = client.get(knowledge_tree["explainer_en"].url).text
    assert (
        '<a class="glossary-link" href="/en/knowledge/glossary/#biometric-data">'
        "biometric data</a>" in english
    )


def test_glossary_term_block_shows_the_definition_in_the_readers_language(client, knowledge_tree):
    english = client.get(knowledge_tree["explainer_en"].url).text
    assert "<dfn>Biometric data</dfn>: Data about the body" in english
    assert 'href="/en/knowledge/glossary/#biometric-data">More in the glossary' in english


def test_legal_reference_names_the_law_article_and_official_text(client, knowledge_tree):
    html = client.get(knowledge_tree["explainer"].url).text
    figure = re.search(r'<figure class="legal-reference">.*?</figure>', html, re.S).group(0)
    assert "<cite>Zakon o zaštiti podataka o ličnosti</cite>" in figure
    assert "Član 17, stav 1" in figure
    assert ">Srbija<" in figure
    assert 'href="https://www.paragraf.rs/propisi/' in figure


def test_structured_data_article_faq_and_breadcrumbs(client, knowledge_tree):
    page = knowledge_tree["explainer"]
    data = json_ld(client.get(page.url).text)
    assert set(data) == {"Article", "FAQPage", "BreadcrumbList"}
    article = data["Article"]
    assert article["headline"] == "Prepoznavanje lica"
    assert article["inLanguage"] == "sr-Latn"
    assert article["url"] == "http://testserver/znanje/prepoznavanje-lica/"
    assert article["datePublished"] and article["dateModified"]
    assert article["publisher"]["name"] == "Kamere"
    questions = data["FAQPage"]["mainEntity"]
    assert [q["name"] for q in questions] == [
        "Da li smem da fotografišem kameru?",
        "Ko gleda snimke?",
    ]
    assert questions[0]["acceptedAnswer"] == {"@type": "Answer", "text": "Da."}
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["item"]) for c in crumbs] == [
        (1, "http://testserver/"),
        (2, "http://testserver/znanje/"),
        (3, "http://testserver/znanje/prepoznavanje-lica/"),
    ]


def test_no_faq_structured_data_without_questions(client, knowledge_tree):
    page = ExplainerPageFactory(parent=knowledge_tree["index"])
    assert set(json_ld(client.get(page.url).text)) == {"Article", "BreadcrumbList"}


def test_open_graph_marks_explainers_as_articles(client, knowledge_tree):
    html = client.get(knowledge_tree["explainer"].url).text
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Prepoznavanje lica">' in html
    assert '<meta property="article:published_time" content="20' in html


def test_breadcrumbs_lead_home(client, knowledge_tree):
    html = client.get(knowledge_tree["explainer_en"].url).text
    nav = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert '<a href="/en/">Home</a>' in nav
    assert '<a href="/en/knowledge/">Knowledge</a>' in nav
    assert 'aria-current="page">Facial recognition</a>' in nav


def test_related_explainers_prefer_the_editors_choice_then_the_topic(knowledge_tree):
    index, topic = knowledge_tree["index"], knowledge_tree["topic"]
    same_topic = ExplainerPageFactory(parent=index, title="Ista tema")
    same_topic.topics.add(topic)
    same_topic.save_revision().publish()
    chosen = ExplainerPageFactory(parent=index, title="Izbor urednika")
    ExplainerPageFactory(parent=index, title="Nepovezano")
    page = ExplainerPage.objects.get(pk=knowledge_tree["explainer"].pk)
    page.related_explainers.create(explainer=chosen)
    assert [p.title for p in page.related()] == ["Izbor urednika", "Ista tema"]


def test_duplicate_headings_are_refused_with_a_message(knowledge_tree):
    block = ExplainerStreamBlock()
    value = block.to_python([heading("Isto"), paragraph("<p>a</p>"), heading("Isto")])
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "Isto" in str(error.value.as_json_data())


def test_index_lists_filters_and_paginates(client, knowledge_tree):
    index, topic = knowledge_tree["index"], knowledge_tree["topic"]
    for number in range(13):
        ExplainerPageFactory(parent=index, title=f"Dodatno {number}")
    first = client.get(index.url).text
    assert "Dodatno 12" in first and "Prepoznavanje lica" not in first
    assert 'href="?page=2" rel="next"' in first
    second = client.get(index.url, {"page": 2}).text
    assert "Prepoznavanje lica" in second
    by_topic = client.get(index.url, {"topic": topic.slug}).text
    assert "Prepoznavanje lica" in by_topic and "Dodatno" not in by_topic
    by_tag = client.get(index.url, {"tag": "huawei"}).text
    assert "Prepoznavanje lica" in by_tag and "Dodatno" not in by_tag
    # Bad parameters give the first page, never an error.
    assert client.get(index.url, {"page": "x", "topic": "<b>"}).status_code == 200
    assert client.get(index.url, {"page": 999}).status_code == 200


def test_english_index_filters_by_the_english_topic(client, knowledge_tree):
    html = client.get(knowledge_tree["index_en"].url, {"topic": "technology"}).text
    assert "Facial recognition" in html
    assert "Explainers on Technology" in html


def test_index_and_explainer_query_counts_do_not_grow_with_content(
    client, knowledge_tree, django_assert_max_num_queries
):
    index = knowledge_tree["index"]
    topic = knowledge_tree["topic"]
    with django_assert_max_num_queries(30) as few:
        response = client.get(index.url)
    # An error page costs fewer queries: the count means something only for the real page.
    assert response.status_code == 200 and "Prepoznavanje lica" in response.text
    baseline = len(few.captured_queries)
    for number in range(10):
        page = ExplainerPageFactory(parent=index, title=f"Još {number}")
        page.topics.add(topic, TopicFactory())
        page.save_revision().publish()
    with django_assert_max_num_queries(baseline):
        response = client.get(index.url)
    assert response.status_code == 200 and "Još 9" in response.text
    with django_assert_max_num_queries(30):
        response = client.get(knowledge_tree["explainer"].url)
    assert response.status_code == 200 and "<h1>Prepoznavanje lica</h1>" in response.text


def test_glossary_lists_terms_from_a_to_z_in_serbian_order(client, knowledge_tree):
    from .factories import GlossaryTermFactory

    for term in ["Čuvanje", "Ljudska prava", "Lice", "Crna lista", "Džamija", "Đak"]:
        GlossaryTermFactory(term=term)
    html = client.get(knowledge_tree["glossary"].url).text
    letters = re.findall(r'<h2 id="letter-\d+">(.*?)</h2>', html)
    assert letters == ["B", "C", "Č", "Dž", "Đ", "L", "Lj"]
    assert '<div class="glossary__entry" id="biometrijski-podaci">' in html
    english = client.get(knowledge_tree["glossary_en"].url).text
    assert "Biometric data" in english and "Biometrijski" not in english


@pytest.mark.parametrize(("language", "feed_path"), [("sr", "rss/"), ("en", "feed/atom/")])
def test_feeds_parse_and_list_new_and_updated_explainers(
    client, knowledge_tree, language, feed_path
):
    index = knowledge_tree["index" if language == "sr" else "index_en"]
    explainer = knowledge_tree["explainer" if language == "sr" else "explainer_en"]
    response = client.get(index.url + feed_path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith(index.title)
    assert feed.feed.get("language", language).startswith(language[:2])
    [entry] = feed.entries
    assert entry.title == explainer.title
    assert entry.link == f"http://testserver{explainer.url}"
    assert explainer.lead in entry.summary
    assert entry.updated_parsed


def test_index_announces_its_feeds(client, knowledge_tree):
    html = client.get(knowledge_tree["index"].url).text
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/znanje/atom/"' in html


def test_a_term_inside_a_name_is_not_linked():
    term = GlossaryTerm(pk=1, term="Personal data", slug="personal-data")
    term.url = "/en/glossary/#personal-data"
    linker = GlossaryLinker([term])
    html = linker.link(
        "<p>The Law on Personal Data Protection. <b>Personal data</b> is any information; "
        "personal data again.</p>"
    )
    assert html == (
        "<p>The Law on Personal Data Protection. <b>"
        '<a class="glossary-link" href="/en/glossary/#personal-data">Personal data</a></b> '
        "is any information; personal data again.</p>"
    )


def test_featured_and_related_explainers_show_in_the_readers_language(client, knowledge_tree):
    """A translated page keeps the choices of its source page; readers see the translations."""
    other = ExplainerPageFactory(parent=knowledge_tree["index"], title="Drugo", slug="drugo")
    other_en = translate(other, "en", title="Another", slug="another")
    index_en = knowledge_tree["index_en"]
    FeaturedExplainer.objects.create(index=index_en, explainer=other)  # the Serbian page
    page_en = ExplainerPage.objects.get(pk=knowledge_tree["explainer_en"].pk)
    page_en.related_explainers.create(explainer=other)
    assert page_en.related() == [other_en]
    html = client.get(index_en.url).text
    featured = re.search(r'<section aria-labelledby="featured-title">.*?</section>', html, re.S)
    assert "Another" in featured.group(0) and "Drugo" not in html
