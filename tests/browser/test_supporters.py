"""The join page and "My activity" in a real browser: no axe-core violations."""

import pytest

from map.figures import default_language
from map.models import Municipality
from tests.supporters.conftest import PASSWORD, make_supporter

from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("path", ["/pridruzite-se/", "/en/join/"])
def test_join_page_has_no_axe_violations_also_with_errors(demo_site, browser_page, path):
    browser_page.goto(demo_site.url + path)
    assert browser_page.locator("form.join-form").count() == 1
    assert axe_violations(browser_page) == []

    browser_page.locator("form.join-form button[type=submit]").click()
    browser_page.wait_for_selector(".error-summary")
    assert axe_violations(browser_page) == []
    # The summary's links lead to their fields.
    browser_page.locator(".error-summary a[href='#id_first_name']").click()
    assert browser_page.evaluate("document.activeElement.id") == "id_first_name"


def test_my_activity_has_no_axe_violations(demo_site, browser_page):
    # One of the demo's signers: the activity page lists the petition they signed.
    municipality = Municipality.objects.filter(locale__language_code=default_language()).first()
    make_supporter("potpisnik.1@example.org", municipality)
    browser_page.goto(demo_site.url + "/accounts/login/")
    browser_page.locator("#id_login").fill("potpisnik.1@example.org")
    browser_page.locator("#id_password").fill(PASSWORD)
    browser_page.locator("#id_password").press("Enter")
    browser_page.wait_for_url(demo_site.url + "/")
    browser_page.goto(demo_site.url + "/accounts/activity/")
    assert browser_page.locator("table.account-table tbody tr").count() >= 1
    assert axe_violations(browser_page) == []
