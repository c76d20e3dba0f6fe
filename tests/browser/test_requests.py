"""A request to an authority in a real browser, on a phone (issue 23): the details filled in, the
letter shown and accessible, its PDF downloaded and read by an independent parser, in both
scripts; then tracked: the mailed page, the reminder after the term, the complaint and its PDF."""

import re
from datetime import timedelta
from io import BytesIO, StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader
from wagtail.documents import get_document_model

from campaigns.information_requests.models import InformationRequest
from campaigns.information_requests.register import RegisterEntry
from tests.factories import PASSWORD, make_user

from .axe import axe_violations
from .test_report import new_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REQUEST = "/kampanje/pitajte-mup-ugovor-siguran-grad/"
# An answer as its author uploads it, with their name in it.
PDF = b"%PDF-1.4\n% Ana Primerovic, Njegoseva 12\n%%EOF\n"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", ["Ana Primerović", "Predmet: Zahtev za pristup informacijama od javnog značaja"]),
        ("/cir", ["Ана Примеровић", "Предмет: Захтев за приступ информацијама од јавног значаја"]),
    ],
    ids=["latin", "cyrillic"],
)
def test_a_citizen_makes_the_letter_and_takes_its_pdf(demo_site, browser_page, prefix, expected):
    page = browser_page
    page.goto(demo_site.url + prefix + REQUEST)
    # A missing address is named at the field, and nothing else happens.
    page.locator("#id_name").fill("Ana Primerović")
    page.locator("form button[type=submit]").last.click()
    page.locator("#id_address_error").wait_for()
    page.locator("#id_address").fill("Njegoševa 12\n11000 Beograd")
    page.locator("form button[type=submit]").last.click()

    letter = page.locator(".letter")
    letter.wait_for()
    for text in expected:
        assert text in " ".join(letter.inner_text().split())
    assert axe_violations(page) == []

    with page.expect_download() as download:
        page.locator(".request__pdf button").click()
    content = download.value.path().read_bytes()
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages).split()
    )
    for line in expected:
        assert line in text
    assert "11000" in text


def pdf_words(content):
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages).split()
    )


def test_a_citizen_tracks_the_request_is_reminded_takes_the_complaint_and_publishes_it(
    demo_site, browser_page, mailoutbox, settings
):
    settings.STAFF_REQUIRE_MFA = False  # the moderator's step is not about the second factor
    page = browser_page
    page.goto(demo_site.url + REQUEST)
    page.locator("#id_name").fill("Ana Primerović")
    page.locator("#id_address").fill("Njegoševa 12\n11000 Beograd")
    page.locator("#id_email").fill("ana@example.org")
    page.locator("form button[type=submit]").last.click()
    page.locator(".letter").wait_for()

    # Keep track of it: the address is filled in from the letter's, the day is today's.
    assert page.locator("#track-email").input_value() == "ana@example.org"
    page.locator("#track-consent").check()
    page.get_by_role("button", name="Pratite zahtev").click()
    page.get_by_role("heading", name="Proverite imejl").wait_for()
    (message,) = mailoutbox
    # On the live server (the demo site's record names another port).
    link = demo_site.url + re.search(r"http://[^/]+(/zahtevi/praceni/\S+/)", message.body)[1]

    # The mailed link; the reminders asked for; the request reached them 40 days ago.
    page.goto(link)
    page.get_by_role("button", name="Podsetite me").click()
    page.locator("#reminders").get_by_text("Imejlom vas podsećamo").wait_for()
    received = timezone.localdate() - timedelta(days=40)
    page.locator("#id_received_on").fill(received.isoformat())
    page.get_by_role("button", name="Sačuvajte").click()
    page.get_by_text("Kasni: rok je istekao").wait_for()
    assert axe_violations(page) == []

    # The reminder after the term, whose link leads to the complaint.
    mailoutbox.clear()
    call_command("send_request_reminders", stdout=StringIO())
    (reminder,) = mailoutbox
    assert reminder.to == ["ana@example.org"]
    complaint_link = demo_site.url + re.search(r"http://[^/]+(/\S+#complaint)", reminder.body)[1]
    page.goto(complaint_link)
    page.locator("#complaint #id_name").fill("Ana Primerović")
    page.locator("#complaint #id_address").fill("Njegoševa 12\n11000 Beograd")
    page.get_by_role("button", name="Prikažite moju žalbu").click()
    complaint = page.locator(".letter")
    complaint.wait_for()
    assert "Žalba zbog nepostupanja po zahtevu" in complaint.inner_text()
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Preuzmite žalbu (PDF)").click()
    text = pdf_words(download.value.path().read_bytes())
    assert text.startswith("Ana Primerović Njegoševa 12 11000 Beograd Poverenik")
    assert "Prilozi: 1. kopija zahteva 2. dokaz" in text
    assert download.value.suggested_filename == "zalba.pdf"

    # Offered to the register with the answer; a moderator publishes it with the answer's
    # personal data blacked out (as the admin's form sends it), and the register shows it.
    page.goto(link + "#register")
    page.locator("#publish-answer").set_input_files(
        files=[{"name": "odgovor.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.locator("#publish-consent").check()
    page.get_by_role("button", name="Ponudite ga registru").click()
    page.get_by_text("Naši moderatori će ga objaviti").wait_for()
    entry = RegisterEntry.objects.get(status=RegisterEntry.Status.SUBMITTED)
    assert entry.answer_upload
    moderator = Client()
    moderator.force_login(make_user("moderator", groups=["Moderators"], admin_access=True))
    redacted = get_document_model().objects.create(
        title="Odgovor MUP-a (bez podataka o ličnosti)",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", "odgovor.pdf"),
    )
    decided = moderator.post(
        f"/admin/register_entries/edit/{entry.pk}/",
        {"answer_document": redacted.pk, "requester_name": "", "status": "published"},
    )
    assert decided.status_code == 302
    page.goto(demo_site.url + "/kampanje/registar-zahteva/")
    page.get_by_role("link", name="Ministarstvo unutrašnjih poslova Republike Srbije").click()
    page.get_by_role("link", name="Pročitajte odgovor: Odgovor MUP-a").wait_for()
    assert axe_violations(page) == []

    # Done with it: deleted, and its page is gone; its entry stays on the register.
    page.goto(link)
    page.get_by_role("button", name="Obrišite ovaj zahtev").click()
    page.get_by_role("heading", name="Zahtev je obrisan").wait_for()
    assert not InformationRequest.objects.exists()
    assert RegisterEntry.published().count() == 5  # the demo's four and this one


def test_in_english_an_answer_is_offered_and_a_moderator_publishes_it_in_the_admin(
    demo_site, browser, mailoutbox, settings
):
    settings.STAFF_REQUIRE_MFA = False  # the moderator's step is not about the second factor
    citizen = new_page(browser)  # a phone
    citizen.goto(demo_site.url + "/en/campaigns/ask-the-ministry-safe-city-contract/")
    citizen.locator("#id_name").fill("Ana Primerović")
    citizen.locator("#id_address").fill("Njegoševa 12\n11000 Beograd")
    citizen.locator("#id_email").fill("ana@example.org")
    citizen.get_by_role("button", name="Show my letter").click()
    citizen.locator("#track-consent").check()
    citizen.get_by_role("button", name="Keep track of it").click()
    citizen.get_by_role("heading", name="Check your mail").wait_for()
    (message,) = mailoutbox
    link = demo_site.url + re.search(r"http://[^/]+(/en/requests/tracked/\S+/)", message.body)[1]
    citizen.goto(link)
    citizen.get_by_role("button", name="Remind me").click()
    citizen.locator("#publish-answer").set_input_files(
        files=[{"name": "answer.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    citizen.locator("#publish-consent").check()
    citizen.get_by_role("button", name="Offer it to the register").click()
    citizen.get_by_text("Our moderators will publish it").wait_for()
    assert axe_violations(citizen) == []
    entry = RegisterEntry.objects.get(status=RegisterEntry.Status.SUBMITTED)
    get_document_model().objects.create(
        title="The Ministry's answer, redacted",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", "answer.pdf"),
    )

    # The moderator, in the admin: the upload to read, the redacted answer chosen, published.
    moderator = make_user(
        "moderator",
        email="moderator@example.org",
        groups=["Moderators"],
        admin_access=True,
        language="en",
    )
    admin = new_page(browser, viewport={"width": 1280, "height": 800})
    admin.goto(demo_site.url + "/admin/login/")
    admin.locator("#id_login").fill(moderator.email)
    admin.locator("#id_password").fill(PASSWORD)
    admin.locator("main form button[type=submit]").click()
    admin.wait_for_url(demo_site.url + "/admin/")
    admin.goto(demo_site.url + f"/admin/register_entries/edit/{entry.pk}/")
    assert admin.get_by_role("link", name="Download the answer as uploaded").is_visible()
    admin.get_by_role("button", name="Choose a document").click()
    admin.locator("a[data-chooser-modal-choice]", has_text="The Ministry's answer").click()
    admin.locator("#id_status").select_option("published")
    admin.get_by_role("button", name="Save").click()
    admin.wait_for_url(f"{demo_site.url}/admin/register_entries/**")
    entry.refresh_from_db()
    assert entry.status == RegisterEntry.Status.PUBLISHED
    assert not entry.answer_upload

    citizen.goto(demo_site.url + "/en/campaigns/register-of-requests/")
    citizen.get_by_role("link", name="Ministry of the Interior of the Republic of Serbia").click()
    citizen.get_by_role("link", name="Read the answer: The Ministry's answer, redacted").wait_for()
    assert axe_violations(citizen) == []
