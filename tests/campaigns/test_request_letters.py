"""A request page (issue 23): the requester's details fill the letter, shown on the page, given
as a PDF an independent parser reads, and as a link to their own mail; nothing is stored."""

import re
from io import BytesIO
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Page, Site

from campaigns.information_requests.letters import Letter
from home import cyrillic
from home.models import OrganisationSettings
from home.scripts import EDITORS_EXCEPTIONS
from tests.home.factories import HomePageFactory, translate

from .factories import AuthorityFactory, CampaignIndexPageFactory, RequestPageFactory

pytestmark = pytest.mark.django_db

REQUESTER = {"name": "Petar Petrović", "address": "Njegoševa 12\n11000 Beograd", "email": ""}


@pytest.fixture
def request_page(db):
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Početna", slug="pocetna")
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    OrganisationSettings.objects.update_or_create(site=site, defaults={"name": "Kamere"})
    index = CampaignIndexPageFactory(parent=home)
    authority = AuthorityFactory(
        name="Ministarstvo unutrašnjih poslova",
        address="Bulevar Mihajla Pupina 2\n11070 Novi Beograd",
        request_email="pristup@mup.example",
    )
    return RequestPageFactory(parent=index, slug="ugovor-o-kamerama", authority=authority)


def pdf_text(content):
    reader = PdfReader(BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def words(text):
    return " ".join(text.split())


def test_the_letter_is_shown_with_the_details_and_nothing_is_kept(client, request_page):
    tables = {model: model.objects.count() for model in (Page, Site)}
    response = client.post(request_page.url, REQUESTER)

    assert response.status_code == 200
    html = response.text
    today = timezone.localdate()
    assert "Petar Petrović<br>Njegoševa 12<br>11000 Beograd" in html
    assert (
        "Ministarstvo unutrašnjih poslova<br>Bulevar Mihajla Pupina 2<br>11070 Novi Beograd" in html
    )
    assert "od organa Ministarstvo unutrašnjih poslova tražim kopiju ugovora" in html
    assert f"{today.day}. " in html
    # Someone's details: no cache keeps the page.
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert {model: model.objects.count() for model in tables} == tables


def test_the_pdf_says_what_the_page_showed(client, request_page):
    response = client.post(request_page.url + "pismo/", REQUESTER)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ugovor-o-kamerama.pdf"'
    assert "no-store" in response["Cache-Control"]
    text = words(pdf_text(response.content))
    assert text.startswith("Petar Petrović Njegoševa 12 11000 Beograd Ministarstvo unutrašnjih")
    assert "Predmet: Zahtev za pristup informacijama od javnog značaja" in text
    assert "od organa Ministarstvo unutrašnjih poslova tražim kopiju ugovora o nabavci kamera." in (
        text
    )
    assert "Informaciju mi dostavite poštom na moju adresu." in text


def test_a_cyrillic_readers_letter_and_pdf_are_in_cyrillic(client, request_page):
    path = "/cir" + request_page.url  # before a request under /cir/ makes its url Cyrillic
    page = client.post(path, REQUESTER).text
    assert "Петар Петровић<br>Његошева 12<br>11000 Београд" in page
    response = client.post(path + "pismo/", REQUESTER)
    text = words(pdf_text(response.content))
    assert text.startswith("Петар Петровић Његошева 12 11000 Београд Министарство унутрашњих")
    assert "Предмет: Захтев за приступ информацијама од јавног значаја" in text
    assert not re.search("[A-Za-zČĆŽŠĐčćžšđ]", text)


def test_an_english_reader_reads_the_page_in_english_and_gets_the_letter_in_serbian(
    client, request_page
):
    home = request_page.get_parent().get_parent()
    translate(home, "en", title="Home", slug="home")
    index = translate(request_page.get_parent(), "en", title="Campaigns", slug="campaigns")
    english = translate(request_page, "en", title="Ask about the cameras", slug="cameras")
    assert english.url == "/en/campaigns/cameras/"
    response = client.post(english.url, REQUESTER)
    assert "Your letter" in response.text  # the page's own words in English
    # The letter to a Serbian authority in Serbian.
    assert "Predmet: Zahtev za pristup informacijama od javnog značaja" in response.text
    assert "tražim kopiju ugovora" in response.text
    pdf = words(pdf_text(client.post(english.url + "letter/", REQUESTER).content))
    assert "Predmet: Zahtev za pristup" in pdf and "Datum:" in pdf
    assert index.url == "/en/campaigns/"


def test_the_mail_link_opens_the_letter_to_the_authoritys_address(client, request_page):
    html = client.post(request_page.url, REQUESTER).text
    link = re.search(r'href="(mailto:[^"]+)"', html)[1].replace("&amp;", "&")
    parts = urlsplit(link)
    assert parts.path == "pristup@mup.example"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Zahtev za pristup informacijama od javnog značaja"]
    assert "Petar Petrović\r\nNjegoševa 12\r\n11000 Beograd" in unquote(query["body"][0])


def test_a_letter_too_long_for_a_link_leaves_its_text_to_be_pasted(client, request_page):
    request_page.letter = "Tražim kopiju ugovora. " * 150
    request_page.save_revision().publish()
    html = client.post(request_page.url, REQUESTER).text
    link = re.search(r'href="(mailto:[^"]+)"', html)[1]
    assert "body=" not in link
    assert len(link) < 300
    assert "<textarea" in html and "Tražim kopiju ugovora." in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**REQUESTER, "name": ""}, "name", "Unesite ime i prezime"),
        ({**REQUESTER, "address": "  \n "}, "address", "Unesite svoju poštansku adresu"),
        ({**REQUESTER, "address": "a\nb\nc\nd\ne\nf"}, "address", "5"),
        ({**REQUESTER, "email": "nije-adresa"}, "email", "@example.org"),
        ({**REQUESTER, "name": "=HYPERLINK(1)"}, "name", "="),
    ],
)
def test_bad_details_get_a_field_message_and_no_letter(client, request_page, data, field, message):
    for path in (request_page.url, request_page.url + "pismo/"):
        response = client.post(path, data)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert 'id="letter-title"' not in response.text
        error = re.search(
            rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', response.text, re.S
        )
        assert error and message in error[1], (path, field)


def test_a_bots_request_gets_the_empty_form(client, request_page):
    response = client.post(request_page.url, {**REQUESTER, "website": "http://spam.example"})
    assert 'id="letter-title"' not in response.text
    response = client.post(request_page.url + "pismo/", {**REQUESTER, "website": "x"})
    assert response["Content-Type"].startswith("text/html")


def test_the_pdf_address_leads_a_visitor_to_the_page(client, request_page):
    response = client.get(request_page.url + "pismo/")
    assert response.status_code == 302
    assert response["Location"] == request_page.url


def test_an_editor_cannot_save_a_letter_with_an_unknown_placeholder(request_page):
    request_page.letter = "Tražim {ugovor} i {name}, {}."
    with pytest.raises(ValidationError) as raised:
        request_page.full_clean()
    assert "{ugovor}" in str(raised.value) and "{}" in str(raised.value)


def test_an_editors_braces_fill_nothing_else():
    authority = AuthorityFactory.build(name="Grad Beograd", address="Dragoslava Jovanovića 2")
    letter = Letter.fill(
        template="{name} {{name}} {__class__} {0} {authority}",
        subject="Zahtev",
        authority=authority,
        requester={"name": "Ana", "address": "X 1", "email": ""},
        written_on=timezone.localdate(),
        reading_language="sr-latn",
    )
    assert letter.body == "Ana {Ana} {__class__} {0} Grad Beograd"


def test_the_campaigns_page_lists_the_requests(client, request_page):
    html = client.get(request_page.get_parent().url).text
    section = re.search(r'<section aria-labelledby="requests-title">.*?</section>', html, re.S)[0]
    assert f'<a href="{request_page.url}">{request_page.title}</a>' in section


# Found in the review


def test_a_cyrillic_letter_leaves_nothing_of_the_requester_in_the_caches(request_page):
    exceptions = EDITORS_EXCEPTIONS.current()
    caches_of_words = (
        exceptions.word,
        exceptions.text,
        cyrillic._common_word,
        cyrillic._common_text,
    )

    def sizes():
        return [kept.cache_info().currsize for kept in caches_of_words]

    before = sizes()
    letter = Letter.fill(
        template=request_page.letter,
        subject=request_page.letter_subject,
        authority=request_page.authority,
        requester={"name": "Jovana Neobičnić", "address": "Zmaja od Noćaja 7", "email": ""},
        written_on=timezone.localdate(),
        reading_language="sr-cyrl",
    )
    assert letter.name == "Јована Необичнић"
    assert sizes() == before


def test_what_was_typed_is_printed_as_typed_and_control_characters_are_refused(
    client, request_page
):
    # fpdf2 writes the page count over "{nb}" unless told not to.
    data = {**REQUESTER, "address": "Ulica {nb} i {name} 12\n11000 Beograd"}
    pdf = words(pdf_text(client.post(request_page.url + "pismo/", data).content))
    assert "Ulica {nb} i {name} 12 11000 Beograd" in pdf
    response = client.post(request_page.url, {**REQUESTER, "name": "Petar\x01Petrović"})
    error = re.search(r'id="id_name_error">(.*?)</ul>', response.text, re.S)[1]
    assert "Uklonite znakove koji ne mogu da se odštampaju" in error


def test_a_cyrillic_letter_too_long_for_a_link_says_to_paste_it(client, request_page):
    path = "/cir" + request_page.url
    html = client.post(path, REQUESTER).text
    link = re.search(r'href="(mailto:[^"]+)"', html)[1]
    assert "body=" not in link
    assert "Писмо је предугачко за везу" in html


def test_a_request_for_ones_own_data_goes_to_the_data_protection_officer(client, request_page):
    authority = request_page.authority
    authority.data_protection_email = "lice-za-zastitu@mup.example"
    authority.save()
    html = client.post(request_page.url, REQUESTER).text
    assert 'href="mailto:pristup@mup.example?' in html  # information: the address for requests
    request_page.law = "personal_data"
    request_page.save_revision().publish()
    html = client.post(request_page.url, REQUESTER).text
    assert 'href="mailto:lice-za-zastitu@mup.example?' in html
    # The body's line breaks as a mail link writes them (RFC 6068).
    assert "Petar%20Petrovi%C4%87%0D%0ANjego%C5%A1eva" in html


def test_a_renamed_authority_shows_on_the_kept_page(client, request_page):
    assert "Ministarstvo unutrašnjih poslova" in client.get(request_page.url).text
    authority = request_page.authority
    authority.name = "Ministarstvo policije"
    authority.save()
    assert "Ministarstvo policije" in client.get(request_page.url).text


def test_letters_and_pdfs_are_rate_limited_together_per_client(client, request_page, settings):
    settings.REQUEST_LETTER_RATE_LIMIT = "3/h"
    assert client.post(request_page.url, REQUESTER).status_code == 200
    assert client.post(request_page.url + "pismo/", REQUESTER).status_code == 200
    assert client.post(request_page.url, {**REQUESTER, "name": ""}).status_code == 200
    for path in (request_page.url, request_page.url + "pismo/"):
        response = client.post(path, REQUESTER)
        assert response.status_code == 429, path
        assert "Petar" not in response.text
    # Reading the page is not limited.
    assert client.get(request_page.url).status_code == 200
