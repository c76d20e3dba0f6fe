"""The public site in a real browser: accessibility basics, keyboard use, languages, privacy."""

from urllib.parse import urlsplit

import pytest

from home.models import StandardPage
from tests.browser.axe import axe_violations
from tests.routes import in_english, in_serbian

from ..home.factories import stored_youtube_embed

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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
    browser_page.locator(".site-menu__toggle").click()  # on a phone, the switch is in the menu
    browser_page.get_by_role("navigation", name="Jezik").get_by_role("link", name="English").click()
    browser_page.wait_for_url(demo_site.url + "/en/about/")
    assert browser_page.get_attribute("html", "lang") == "en"
    browser_page.locator(".site-menu__toggle").click()
    language = browser_page.get_by_role("navigation", name="Language")
    language.get_by_role("link", name="Latinica").click()
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

    browser_page.get_by_role("button", name="Učitajte ovde").click()
    browser_page.locator("iframe").wait_for()
    assert browser_page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert "www.youtube-nocookie.com" in requested_hosts


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# A page of each kind: home (both languages), the map, an explainer, a petition, an event, a
# request to an authority, the knowledge base, search, logging in and the report form itself.
PAGE_TYPES = [
    "/",
    "/en/",
    "/mapa/",
    "/znanje/siguran-grad-u-beogradu/",
    "/kampanje/moratorijum-na-biometrijski-nadzor/",
    "/kampanje/setnja-kamere-novog-beograda/",
    "/kampanje/pitajte-mup-ugovor-siguran-grad/",
    "/kampanje/registar-zahteva/",
    "/znanje/",
    f"{in_serbian('search')}?q=kamere",
    "/accounts/login/",
    in_serbian("map:report"),
    in_serbian("map:releases"),
    in_english("map:release", 2),
    in_serbian("map:street_method"),
    f"{in_english('map:streets')}?municipality=stari-grad",
    f"{in_serbian('map:walk')}?from=44.792,20.445&to=44.817,20.48",
]


def header_rows(page):
    """The header's height and the vertical extents of everything shown in it."""
    return page.evaluate(
        """(() => {
            const header = document.querySelector('.site-header');
            // checkVisibility: not what a closed menu or a small screen hides.
            const shown = [...header.querySelectorAll('a, summary, span[aria-current]')]
                .filter(e => e.checkVisibility())
                .map(e => e.getBoundingClientRect())
                .filter(r => r.width > 1 && r.height > 1);
            return {
                height: header.getBoundingClientRect().height,
                tops: shown.map(r => r.top),
                bottoms: shown.map(r => r.bottom),
            };
        })()"""
    )


@pytest.mark.parametrize("path", ["/", "/en/", "/znanje/siguran-grad-u-beogradu/"])
def test_header_is_one_row_on_a_desktop_and_low_on_a_phone(demo_site, browser, path):
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(demo_site.url + path)
        rows = header_rows(page)
        context.close()
        assert rows["height"] <= 90, viewport
        # One row: a horizontal line crosses every link and button the header shows.
        assert max(rows["tops"]) < min(rows["bottoms"]), viewport
    # On a desktop the menu's links are in that row, not behind a button.
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(demo_site.url + path)
    assert page.locator(".main-nav a").first.is_visible()
    assert not page.locator(".site-menu__toggle").is_visible()
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_report_a_camera_is_in_the_first_screen_of_every_page(demo_site, browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in PAGE_TYPES:
        page.goto(demo_site.url + path)
        link = page.locator(".site-header__report")
        report = (in_serbian("map:report"), in_english("map:report"))
        assert link.get_attribute("href").endswith(report), path
        box = link.bounding_box()
        assert link.is_visible() and box["y"] >= 0, path
        assert box["y"] + box["height"] <= viewport["height"], path
        assert box["x"] + box["width"] <= viewport["width"], path
    page.goto(demo_site.url + "/en/")
    page.locator(".site-header__report").click()
    page.wait_for_url(demo_site.url + in_english("map:report"))
    context.close()


def test_menu_opens_without_javascript(demo_site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site.url + "/")
    nav = page.get_by_role("navigation", name="Glavni meni")
    assert not nav.is_visible()
    page.locator(".site-menu__toggle").click()
    assert nav.get_by_role("link", name="Znanje").is_visible()
    assert page.get_by_role("navigation", name="Jezik").is_visible()
    nav.get_by_role("link", name="Znanje").click()
    page.wait_for_url(demo_site.url + "/znanje/")
    context.close()


def test_menu_works_with_the_keyboard(demo_site, browser_page):
    browser_page.goto(demo_site.url + "/")
    toggle = browser_page.locator(".site-menu__toggle")
    nav = browser_page.get_by_role("navigation", name="Glavni meni")
    # Focus order: the skip link, the name, "Report a camera", then the menu button.
    for _ in range(4):
        browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.className") == "site-menu__toggle"
    browser_page.keyboard.press("Enter")
    assert nav.is_visible()
    browser_page.keyboard.press("Tab")
    first_link = nav.get_by_role("link").first
    assert first_link.evaluate("link => link === document.activeElement")
    assert first_link.is_visible()
    browser_page.keyboard.press("Escape")
    assert not nav.is_visible()
    assert toggle.evaluate("toggle => toggle === document.activeElement")
    browser_page.keyboard.press("Space")
    assert nav.is_visible()
    browser_page.keyboard.press("Space")
    assert not nav.is_visible()


def test_open_menu_closes_when_focus_leaves_it(demo_site, browser_page):
    """Otherwise the menu, which lies over the page, would hide what the keyboard reaches."""
    browser_page.goto(demo_site.url + "/")
    browser_page.locator(".site-menu__toggle").click()
    browser_page.locator("#main").focus()
    assert not browser_page.get_by_role("navigation", name="Glavni meni").is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_page_types_have_no_axe_violations(demo_site, browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    failures = {}
    for path in PAGE_TYPES:
        page.goto(demo_site.url + path)
        if page.locator(".site-menu__toggle").is_visible():
            page.locator(".site-menu__toggle").click()  # the open menu is checked too
        if violations := axe_violations(page):
            failures[path] = violations
    context.close()
    assert failures == {}
