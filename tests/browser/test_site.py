"""The public site in a real browser: accessibility basics, keyboard use, languages, privacy."""

from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest

from home.models import StandardPage

from ..home.factories import stored_youtube_embed

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")


def axe_violations(page):
    # Run through the DevTools protocol: a <script> with the code inline would break the
    # pages' Content-Security-Policy.
    page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', "
        "'wcag22aa', 'best-practice']})"
    )
    return [(v["id"], [node["target"] for node in v["nodes"]]) for v in result["violations"]]


@pytest.mark.parametrize("path", ["/", "/en/", "/o-inicijativi/", "/en/privacy/"])
def test_pages_have_no_axe_violations(demo_site, browser_page, path):
    browser_page.goto(demo_site.url + path)
    assert axe_violations(browser_page) == []


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", ["/", "/znanje/siguran-grad-u-beogradu/"])  # a wide table
def test_pages_fit_the_screen(demo_site, browser, width, path):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(demo_site.url + path)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert scroll_width <= width


def test_skip_link_is_first_and_moves_focus_to_main(demo_site, browser_page):
    browser_page.goto(demo_site.url + "/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate(
        "[document.activeElement.className, getComputedStyle(document.activeElement).top]"
    )
    assert focused[0] == "skip-link"
    assert focused[1] != "-160px"  # moved into view when focused
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_focus_is_visible_on_links(demo_site, browser_page):
    browser_page.goto(demo_site.url + "/")
    browser_page.keyboard.press("Tab")
    browser_page.keyboard.press("Tab")
    outline = browser_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_language_switcher_leads_to_the_translated_page(demo_site, browser_page):
    browser_page.goto(demo_site.url + "/o-inicijativi/")
    assert browser_page.get_attribute("html", "lang") == "sr-latn"
    browser_page.get_by_role("navigation", name="Jezik").get_by_role("link").click()
    browser_page.wait_for_url(demo_site.url + "/en/about/")
    assert browser_page.get_attribute("html", "lang") == "en"
    browser_page.get_by_role("navigation", name="Language").get_by_role("link").click()
    browser_page.wait_for_url(demo_site.url + "/o-inicijativi/")


def test_nothing_is_loaded_from_other_hosts(demo_site, browser_page, requested_hosts):
    for path in ["/", "/en/", "/o-inicijativi/", "/en/contact/"]:
        browser_page.goto(demo_site.url + path)
        browser_page.wait_for_load_state("networkidle")
    assert requested_hosts == {urlsplit(demo_site.url).netloc}


def test_embed_loads_from_its_host_only_after_a_click(demo_site, browser_page, requested_hosts):
    url = stored_youtube_embed()
    about = StandardPage.objects.get(slug="o-inicijativi")
    about.body.append(("embed", {"embed": url, "title": "Dokumentarni film"}))
    about.save_revision().publish()
    # The video host is unreachable here; answer its requests so the click can complete.
    browser_page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, body="<p>video</p>", content_type="text/html"),
    )

    browser_page.goto(demo_site.url + "/o-inicijativi/")
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.locator("iframe").count() == 0
    assert "www.youtube-nocookie.com" not in requested_hosts

    browser_page.get_by_role("button", name="Učitaj ovde").click()
    browser_page.locator("iframe").wait_for()
    assert browser_page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert "www.youtube-nocookie.com" in requested_hosts
