"""allauth's pages in a real browser: no axe-core violations, errors reachable by keyboard."""

import pytest

from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# Sign-up is the join page's (tests/browser/test_supporters.py): /accounts/signup/ leads there.
@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/password/reset/"])
def test_account_pages_have_no_axe_violations(demo_site, browser_page, path):
    browser_page.goto(demo_site.url + path)
    assert browser_page.get_attribute("html", "lang") == "sr-latn"
    assert axe_violations(browser_page) == []


def test_form_errors_have_no_axe_violations_and_lead_to_their_field(demo_site, browser_page):
    browser_page.goto(demo_site.url + "/accounts/password/reset/")
    browser_page.get_by_label("Imejl").fill("nije-adresa")
    with browser_page.expect_navigation():
        browser_page.get_by_role("button", name="Pošaljite mi link").click()
    assert browser_page.locator(".error-summary").is_visible()
    assert axe_violations(browser_page) == []

    browser_page.locator(".error-summary a").first.click()
    assert browser_page.evaluate("document.activeElement.id") == "id_email"
