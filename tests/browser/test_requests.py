"""A request to an authority in a real browser, on a phone (issue 23): the details filled in, the
letter shown and accessible, its PDF downloaded and read by an independent parser, in both
scripts."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from .axe import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REQUEST = "/kampanje/pitajte-mup-ugovor-siguran-grad/"


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
