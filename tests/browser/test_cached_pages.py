"""Forms on pages the page cache shares (home/page_cache.py, portal/csrf.py), in real browsers:
two visitors, each with a browser of their own, one with JavaScript and one without, send the
forms of the same kept copies, and each is taken."""

import pytest

from campaigns.models import Registration, Signature

from .test_campaigns import PETITION_EN, WORKSHOP_EN

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def kept(browser, url):
    """Open `url` in new browsers until the cache keeps it: what the next visitor gets. (A
    browser that has the page asks again with its ETag and shows its own copy on a 304.)"""
    for _ in range(3):
        context = browser.new_context()
        status = context.new_page().goto(url).headers["x-page-cache"]
        context.close()
        if status == "hit":
            return
    raise AssertionError(f"{url} was never kept")


def test_two_browsers_sign_the_same_kept_petition(demo_site, browser):
    url = demo_site.url + PETITION_EN
    kept(browser, url)
    for name, email in (
        ("Jovana", "jovana.prva@example.org"),
        ("Milan", "milan.drugi@example.org"),
    ):
        context = browser.new_context()
        page = context.new_page()
        assert page.goto(url).headers["x-page-cache"] == "hit"
        page.locator("#id_first_name").fill(name)
        page.locator("#id_last_name").fill("Primerović")
        page.locator("#id_email").fill(email)
        page.locator("#id_municipality").select_option(label="Zvezdara")
        page.locator("#id_consent").check()
        # The widget solves its challenge once the form has the focus, and ticks itself.
        page.locator("altcha-widget .altcha[data-state='verified']").wait_for()
        with page.expect_navigation():
            page.get_by_role("button", name="Sign").click()
        assert page.url == url + "thanks/"
        context.close()
    assert sorted(
        Signature.objects.values_list("email", flat=True).filter(
            email__in=["jovana.prva@example.org", "milan.drugi@example.org"]
        )
    ) == ["jovana.prva@example.org", "milan.drugi@example.org"]


def test_two_browsers_without_javascript_register_from_the_same_kept_event(demo_site, browser):
    url = demo_site.url + WORKSHOP_EN
    kept(browser, url)
    for name, email in (("Ana", "ana.prva@example.org"), ("Bora", "bora.drugi@example.org")):
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        assert page.goto(url).headers["x-page-cache"] == "hit"
        page.locator("#id_name").fill(name)
        page.locator("#id_email").fill(email)
        page.locator("#id_consent").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Register").click()
        assert page.url == url + "registered/", page.content()[:500]
        context.close()
    assert (
        Registration.objects.filter(
            email__in=["ana.prva@example.org", "bora.drugi@example.org"]
        ).count()
        == 2
    )
