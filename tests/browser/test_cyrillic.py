"""The site in Cyrillic in a real browser (issue 22): every page type accessible and with no
Latin left but what the rules keep Latin, and the script a reader chose remembered."""

import re

import pytest

from home.cyrillic import KEPT, word_to_cyrillic
from map.models import Camera
from tests.browser.axe import axe_violations
from tests.browser.test_map_page import VIEW, drawn, map_site, tiles
from tests.browser.test_site import DESKTOP, PAGE_TYPES, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Fixtures from the map page's tests, used here by name.
__all__ = ["map_site", "tiles"]

# Each Serbian page type at its Cyrillic twin's address.
CYRILLIC_PAGE_TYPES = [f"/cir{path}" for path in PAGE_TYPES if not path.startswith("/en/")]

# The words of the text a reader sees, but for what is marked as another language or as not
# to be transliterated, and code: after the scripts have run (the map's legend, its table).
SHOWN_WORDS = """(() => {
    const words = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || !element.checkVisibility()) continue;
        if (element.closest('[translate="no"], code, pre, kbd, samp, script, style')) continue;
        const language = element.closest('[lang]');
        if (language && !['sr-cyrl', 'sr'].includes(language.lang.toLowerCase())) continue;
        words.push(node.textContent);
    }
    return words;
})()"""


def latin_left(page):
    """Words shown in Latin that the rules would have written in Cyrillic: not those the text
    keeps (addresses, units after figures, codes such as a camera's model)."""
    words = set()
    for text in page.evaluate(SHOWN_WORDS):
        words |= set(re.findall(r"[A-Za-zČĆĐŠŽčćđšž]+", KEPT.sub(" ", text)))
    return sorted(word for word in words if word_to_cyrillic(word) != word)


# Every page type on a phone; on a desktop the pages whose layout differs there in what is
# written: the header's row with the short script names ("Lat", "Ћир"), the map's panels.
# (Which words are transliterated does not depend on the screen, and the Latin pages are
# checked on both; CI's time is bounded.)
@pytest.mark.parametrize(
    ("viewport", "paths"),
    [(PHONE, CYRILLIC_PAGE_TYPES), (DESKTOP, ["/cir/", "/cir/mapa/"])],
    ids=["phone", "desktop"],
)
def test_cyrillic_page_types_are_accessible_and_shown_in_cyrillic(
    demo_site, browser, viewport, paths
):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    failures = {}
    for path in paths:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        assert page.evaluate("document.documentElement.lang") == "sr-cyrl", path
        if page.locator(".site-menu__toggle").is_visible():
            page.locator(".site-menu__toggle").click()  # the open menu is checked too
        page.wait_for_load_state("networkidle")
        if violations := axe_violations(page):
            failures[path] = violations
        if latin := latin_left(page):
            failures[path] = latin
    context.close()
    assert failures == {}


def test_the_switcher_leads_to_cyrillic_and_remembers_it(demo_site, browser_page):
    browser_page.goto(demo_site.url + "/o-inicijativi/")
    browser_page.locator(".site-menu__toggle").click()  # on a phone, the switch is in the menu
    browser_page.get_by_role("link", name="Ћирилица").click()
    assert browser_page.url == demo_site.url + "/cir/o-inicijativi/"
    assert re.search("[\u0400-\u04ff]", browser_page.locator("h1").inner_text())  # Cyrillic
    # A Latin address, typed or followed from elsewhere, now opens in Cyrillic.
    browser_page.goto(demo_site.url + "/znanje/")
    assert browser_page.url == demo_site.url + "/cir/znanje/"
    browser_page.locator(".site-menu__toggle").click()
    browser_page.get_by_role("link", name="Latinica").click()
    assert browser_page.url == demo_site.url + "/znanje/"
    browser_page.goto(demo_site.url + "/kampanje/")
    assert browser_page.url == demo_site.url + "/kampanje/"


def test_the_cyrillic_maps_popup_and_place_search_write_the_cameras_words_in_cyrillic(
    map_site, browser_page, tiles
):
    Camera.objects.filter(address="Knez Mihailova 1").update(operator="Grad Beograd")
    page = browser_page
    page.goto(f"{map_site.url}/cir/mapa/{VIEW}")
    drawn(page, 5)
    page.locator(".camera-map__map").click()  # the centre, where the camera is
    popup = page.locator(".camera-popup")
    popup.get_by_text("Град Београд").wait_for()  # from the camera's own record
    assert popup.locator("h2").inner_text() == "Кнез Михаилова 1"
    assert popup.get_by_text("Huawei").is_visible()  # a maker's name, as it writes it
    assert popup.locator(".camera-popup__page a").get_attribute("href").startswith("/cir/")
    # Typed in either script, the street is found and named in Cyrillic.
    for typed in ["knez mihail", "кнез михаил"]:
        page.goto(f"{map_site.url}/cir/mapa/")
        drawn(page, 5)
        assert popup.count() == 0
        search = page.get_by_role("searchbox")
        search.fill(typed)
        search.press("Enter")
        popup.locator("h2").get_by_text("Кнез Михаилова 1").wait_for()
