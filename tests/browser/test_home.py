"""The home page, the news and a step-by-step guide in a real browser: the hero's actions in
the first screen, no accessibility violations, nothing wider than the screen."""

import pytest
from django.urls import reverse

from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PAGES = [
    "/",
    "/en/",
    "/vesti/",
    "/en/news/ministry-publishes-camera-locations/",
    "/vodic-videli-ste-kameru/",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_three_actions_are_in_the_first_screen(demo_site, browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(demo_site.url + "/")
    actions = page.locator(".hero__actions a")
    hrefs = [actions.nth(number).get_attribute("href") for number in range(actions.count())]
    assert hrefs[:2] == ["/mapa/", reverse("map:report")]
    # The demo has an open petition: the third action is signing it.
    assert hrefs[2].startswith("/kampanje/moratorijum-na-biometrijski-nadzor/")
    for number in range(actions.count()):
        box = actions.nth(number).bounding_box()
        assert box["y"] + box["height"] <= viewport["height"], hrefs[number]
        assert box["x"] + box["width"] <= viewport["width"], hrefs[number]
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_home_news_and_guide_have_no_axe_violations(demo_site, browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    failures = {}
    for path in PAGES:
        page.goto(demo_site.url + path)
        if violations := axe_violations(page):
            failures[path] = violations
    context.close()
    assert failures == {}


def test_pages_fit_a_narrow_phone(demo_site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    widths = {}
    for path in PAGES:
        page.goto(demo_site.url + path)
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert widths == dict.fromkeys(PAGES, 320)


def test_a_guides_step_leads_to_the_report_form(demo_site, browser_page):
    browser_page.goto(demo_site.url + "/vodic-videli-ste-kameru/")
    steps = browser_page.locator(".step-by-step__steps > li")
    assert steps.count() == 3
    steps.nth(1).get_by_role("link", name="Prijavite kameru").click()
    browser_page.wait_for_url(demo_site.url + reverse("map:report"))
