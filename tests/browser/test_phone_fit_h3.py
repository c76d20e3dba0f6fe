"""Phone and desktop fit (issue 15, H3): "My activity" does not overflow on a phone, and the
home hero's three actions are buttons of one height."""

import os

import pytest

from campaigns.models import WayToHelp
from home.languages import default_language
from map.models import Municipality
from tests.supporters.conftest import PASSWORD, make_supporter

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Set to a folder to keep the screenshots a person looks at (they are not compared).
SCREENSHOTS = os.environ.get("KAMERE_SCREENSHOTS")


def screenshot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"H3-{name}.png"))


def log_in(page, base_url, email):
    page.goto(base_url + "/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(base_url + "/")


@pytest.mark.parametrize("path", ["/accounts/activity/", "/en/accounts/activity/"])
def test_my_activity_fits_a_phone(demo_site, browser, path):
    municipality = Municipality.objects.filter(locale__language_code=default_language()).first()
    # Every way to help: the longest list, next to the longest term ("Kako želim da pomognem").
    make_supporter("uska.strana@example.org", municipality, ways=list(WayToHelp))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        log_in(page, demo_site.url, "uska.strana@example.org")
        page.goto(demo_site.url + path)
        assert page.locator("dl.activity-details").count() == 1
        screenshot(page, "activity-390" + ("-en" if path.startswith("/en/") else ""))
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # The details list itself stays inside its card.
        assert page.evaluate(
            "(() => { const dl = document.querySelector('dl.activity-details');"
            " return dl.scrollWidth <= dl.clientWidth; })()"
        )
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_hero_buttons_are_one_height(demo_site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 800 else 800})
    page = context.new_page()
    try:
        page.goto(demo_site.url + "/")
        # The height one sees: a border of the hero's own colour does not show, and made the
        # white buttons look 4 px lower than the yellow one.
        heights = page.evaluate(
            """(() => {
                const hero = getComputedStyle(document.querySelector('.hero')).backgroundColor;
                return [...document.querySelectorAll('.hero__actions .button')].map(b => {
                    const style = getComputedStyle(b);
                    let height = b.getBoundingClientRect().height;
                    for (const side of ['Top', 'Bottom']) {
                        if (style[`border${side}Color`] === hero) {
                            height -= parseFloat(style[`border${side}Width`]);
                        }
                    }
                    return height;
                });
            })()"""
        )
        screenshot(page, f"home-{width}")
        assert len(heights) == 3
        assert max(heights) - min(heights) < 0.5, heights
    finally:
        context.close()
