"""The editors' exceptions list for the Cyrillic pages (home/models.py TransliterationException,
read by home/scripts.py) and the rich text mark for words kept in Latin (home/wagtail_hooks.py)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import RichText

from home.blocks import RICH_TEXT_FEATURES
from home.cyrillic import Exceptions, to_cyrillic
from home.models import StandardPage, TransliterationException
from home.scripts import for_reader

from ..factories import make_user

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/home/transliterationexception/add/"


@pytest.fixture
def brands(site_tree):
    about = site_tree["about"]
    about.intro = "Kamere Hikvision i Dahua snimaju grad."
    about.save_revision().publish()
    return about


def test_an_editors_exception_changes_a_kept_cyrillic_page_at_once(client, brands, settings):
    settings.PAGE_CACHE = True
    first = client.get("/cir/o-nama/")
    assert "Камере Хиквисион и Дахуа снимају град." in first.text
    assert client.get("/cir/o-nama/")["X-Page-Cache"] == "hit"

    # A form of its own; and, left empty, "leave it as it is".
    TransliterationException.objects.create(word="Hikvision", cyrillic="Хајквижн")
    TransliterationException.objects.create(word="Dahua", cyrillic="")
    response = client.get("/cir/o-nama/")
    assert response["X-Page-Cache"] == "miss"
    assert "Камере Хајквижн и Dahua снимају град." in response.text
    # The Latin page is the Latin page.
    assert "Kamere Hikvision i Dahua snimaju grad." in client.get("/o-nama/").text

    TransliterationException.objects.filter(word="Hikvision").delete()
    assert "Камере Хиквисион и Dahua снимају град." in client.get("/cir/o-nama/").text


def test_a_word_listed_in_lower_case_takes_a_capital_at_a_sentences_start(client, brands):
    TransliterationException.objects.create(word="kamere", cyrillic="камерице")
    assert "Камерице Хиквисион" in client.get("/cir/o-nama/").text


def test_a_process_reads_the_list_again_only_after_a_change(client, brands, settings):
    settings.PAGE_CACHE = False
    TransliterationException.objects.create(word="Dahua", cyrillic="")
    client.get("/cir/o-nama/")

    def reads_of_the_list():
        with CaptureQueriesContext(connection) as queries:
            text = client.get("/cir/o-nama/").text
        table = TransliterationException._meta.db_table
        return text, sum(table in query["sql"] for query in queries.captured_queries)

    text, reads = reads_of_the_list()
    assert "Dahua" in text and reads == 0
    TransliterationException.objects.filter(word="Dahua").update(cyrillic="Дахуа")
    # As another process's change comes: the data version, not this process, says so.
    TransliterationException.version().new()
    text, reads = reads_of_the_list()
    assert "Камере Хиквисион и Дахуа" in text and reads == 1


def test_mails_to_cyrillic_readers_use_the_list(db):
    TransliterationException.objects.create(word="Hikvision", cyrillic="Хајквижн")
    TransliterationException.objects.create(word="e-uprava", cyrillic="")
    assert for_reader("Hikvision i E-uprava", "sr-cyrl") == "Хајквижн и E-uprava"
    assert for_reader("Hikvision i E-uprava", "sr-latn") == "Hikvision i E-uprava"


def test_a_list_keeps_its_words_but_none_a_visitor_could_make_long():
    exceptions = Exceptions({"Dahua": None})
    assert to_cyrillic("Dahua nadzor", exceptions) == "Dahua надзор"
    assert exceptions.word.cache_info().currsize == 2
    # A word as long as a search may show is transliterated, and kept nowhere.
    assert to_cyrillic("nadzor" * 500, exceptions) == "надзор" * 500
    assert exceptions.word.cache_info().currsize == 2


KEPT = '<p>Piše: <span translate="no">Zakon o zaštiti podataka</span>, član 5.</p>'


def test_the_editors_mark_keeps_its_span_through_a_save_in_the_editor():
    # As the page editor's Draftail field reads the stored text and writes back what it sends.
    converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
    contentstate = json.loads(converter.from_database_format(KEPT))
    (block,) = contentstate["blocks"]
    assert block["inlineStyleRanges"] == [{"offset": 6, "length": 24, "style": "KEEP_LATIN"}]
    saved = converter.to_database_format(json.dumps(contentstate))
    assert 'Piše: <span translate="no">Zakon o zaštiti podataka</span>, član 5.</p>' in saved
    # Every rich text of the pages' blocks offers it.
    paragraph = StandardPage.body.field.stream_block.child_blocks["paragraph"]
    assert "keep-latin" in paragraph.features
    field = paragraph.field.widget
    assert "KEEP_LATIN" in field.get_context("body", RichText(KEPT), {})["widget"]["value"]


def test_a_marked_span_stays_latin_on_the_cyrillic_page(client, site_tree):
    about = site_tree["about"]
    about.body = [("paragraph", RichText(KEPT))]
    about.save_revision().publish()
    cyrillic = client.get("/cir/o-nama/").text
    assert '<p>Пише: <span translate="no">Zakon o zaštiti podataka</span>, члан 5.</p>' in cyrillic
    assert KEPT in client.get("/o-nama/").text


def test_an_editor_adds_an_exception_in_the_admin(client, db):
    client.force_login(make_user("urednica", groups=("Editors",)))
    response = client.post(ADD, {"word": "Hikvision", "cyrillic": "Хајквижн", "reason": "Brend"})
    assert response.status_code == 302
    assert TransliterationException.objects.get().cyrillic == "Хајквижн"
    assert for_reader("Hikvision", "sr-cyrl") == "Хајквижн"
    listing = client.get("/admin/snippets/home/transliterationexception/").text
    assert "Hikvision" in listing and "Хајквижн" in listing and "Brend" in listing


def test_moderators_keep_the_list_too(client, db):
    client.force_login(make_user("moderator", groups=("Moderators",)))
    response = client.post(ADD, {"word": "Dahua", "cyrillic": "", "reason": ""})
    assert response.status_code == 302
    assert TransliterationException.objects.get().cyrillic == ""


@pytest.mark.parametrize(
    ("word", "cyrillic", "field"),
    [
        ("dve reči", "", "word"),
        ("MP3", "", "word"),
        ("<b>", "", "word"),
        ("Hikvision", "Hajkvižn", "cyrillic"),
        ("Hikvision", "Хајк вижн", "cyrillic"),
        ("Hikvision", "</Хајквижн>", "cyrillic"),
    ],
)
def test_a_bad_entry_is_refused_with_a_message_at_its_field(client, db, word, cyrillic, field):
    client.force_login(make_user("urednica", groups=("Editors",)))
    response = client.post(ADD, {"word": word, "cyrillic": cyrillic, "reason": ""})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert not TransliterationException.objects.exists()


def test_the_same_word_twice_is_refused(client, db):
    TransliterationException.objects.create(word="Hikvision")
    client.force_login(make_user("urednica", groups=("Editors",)))
    response = client.post(ADD, {"word": "Hikvision", "cyrillic": "", "reason": ""})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["word"]
    # The same word written with an accent of two characters, as it is read: the same word.
    response = client.post(ADD, {"word": "Ras\u030cka", "cyrillic": "", "reason": ""})
    assert response.status_code == 302
    assert TransliterationException.objects.filter(word="Raška").exists()
