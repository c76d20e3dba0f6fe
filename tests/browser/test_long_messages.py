"""A message with a long unbroken word (an email address) wraps on a phone instead of running
off the screen (issue 15, newcomer walk-through)."""

import pytest

from home.languages import default_language
from map.models import Municipality
from tests.supporters.conftest import PASSWORD, make_supporter

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADDRESS = "ime.prezime.sa.vrlo.dugom.adresom.koja.ne.staje@primer-jedne-organizacije.example.org"


def test_a_message_with_a_long_address_fits_a_phone(demo_site, browser):
    municipality = Municipality.objects.filter(locale__language_code=default_language()).first()
    make_supporter(ADDRESS, municipality)
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(demo_site.url + "/accounts/login/")
    page.locator("#id_login").fill(ADDRESS)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    notice = page.locator(".messages .notice").first
    notice.wait_for()
    assert ADDRESS in notice.inner_text()
    box = notice.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.context.close()
