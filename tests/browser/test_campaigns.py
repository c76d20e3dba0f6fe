"""Petitions and events in a real browser: accessibility, keyboard use, small screens, privacy."""

import base64
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone

from campaigns.models import EventPage, PetitionPage, Signature
from campaigns.petitions.models import confirmation_token
from tests.campaigns.factories import RegistrationFactory, SignatureFactory

from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CAMPAIGNS = "/kampanje/"
PETITION = "/kampanje/moratorijum-na-biometrijski-nadzor/"
PETITION_EN = "/en/campaigns/moratorium-on-biometric-surveillance/"
WORKSHOP = "/kampanje/radionica-mapiranje-kamera/"
WORKSHOP_EN = "/en/campaigns/camera-mapping-workshop/"
TALK_EN = "/en/campaigns/talk-what-the-ai-act-means-for-serbia/"
CONFIRM_LINK = re.compile(r"https?://\S+/(?:confirm|potvrda)/\S+/")
# The one other host a page may ask: the map tiles' (the event's map), answered here by a stand-in.
TILE_HOST = urlsplit(settings.MAP_TILE_URL).netloc
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def stand_in_tiles(page):
    """Tile requests answered with a blank tile (no internet here); returns those asked."""
    asked = []

    def answer(route):
        asked.append(route.request.url)
        route.fulfill(status=200, body=BLANK_TILE, content_type="image/png")

    page.route(f"https://{TILE_HOST}/**", answer)
    return asked


def violations_on(page, url):
    page.goto(url)
    return axe_violations(page)


def violations_after_empty_submit(page, url, button):
    """The page as it comes back when its form is sent empty: with an error summary."""
    page.goto(url)
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert page.locator(".error-summary").is_visible(), url
    return axe_violations(page)


def test_campaign_pages_have_no_axe_violations(demo_site, browser_page, requested_hosts):
    stand_in_tiles(browser_page)
    petition = PetitionPage.objects.get(slug="moratorijum-na-biometrijski-nadzor")
    signature = SignatureFactory(petition=petition)
    workshop = EventPage.objects.get(slug="radionica-mapiranje-kamera")
    registration = RegistrationFactory(event=workshop)
    held = RegistrationFactory(event=workshop, status="held", held_until=timezone.now())
    confirm = PETITION + f"potvrda/{confirmation_token(signature)}/"
    paths = [
        CAMPAIGNS,
        "/en/campaigns/",
        PETITION,
        PETITION_EN,
        "/kampanje/objavite-gde-su-kamere/",  # succeeded, without a form
        PETITION + "hvala/",
        PETITION_EN + "thanks/",
        confirm,
        WORKSHOP,
        WORKSHOP_EN,
        TALK_EN,  # online
        "/kampanje/setnja-kamere-novog-beograda/",  # past
        WORKSHOP + "upis/",
        WORKSHOP_EN + "registered/",
        WORKSHOP + f"otkazivanje/{registration.token}/",
        WORKSHOP + f"potvrda/{held.confirmation_token()}/",
    ]
    found = {path: violations_on(browser_page, demo_site.url + path) for path in paths}
    found["confirmed"] = confirm_and_check(browser_page, demo_site.url + confirm)
    for path, button in [(PETITION, "Potpišite"), (PETITION_EN, "Sign"), (WORKSHOP_EN, "Register")]:
        found[f"{path} with errors"] = violations_after_empty_submit(
            browser_page, demo_site.url + path, button
        )
    assert {path: violations for path, violations in found.items() if violations} == {}
    # Nothing on these pages comes from another host but the event's map tiles.
    assert requested_hosts - {TILE_HOST} == {urlsplit(demo_site.url).netloc}


def confirm_and_check(page, url):
    page.goto(url)
    with page.expect_navigation():
        page.get_by_role("button", name="Potvrđujem potpis").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Vaš potpis je potvrđen"
    return axe_violations(page)


def focused(page):
    return page.evaluate("document.activeElement.id")


def tab_to(page, target, limit=60):
    """Press Tab until `target` (a locator) has the focus, as a keyboard user would."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{target} is not reachable with Tab")


def test_signing_and_confirming_with_the_keyboard_alone(demo_site, browser_page, mailoutbox):
    page = browser_page
    page.goto(demo_site.url + PETITION_EN)
    count = page.locator(".petition__figure strong").inner_text()

    tab_to(page, page.locator("#id_first_name"))
    page.keyboard.type("Jovana")
    page.keyboard.press("Tab")
    page.keyboard.type("Primerović")
    page.keyboard.press("Tab")
    page.keyboard.type("jovana.tastatura@example.org")
    page.keyboard.press("Tab")
    assert focused(page) == "id_municipality"
    page.keyboard.type("Zvezdara")  # a closed select picks the option typed
    assert page.locator("#id_municipality option:checked").inner_text() == "Zvezdara"
    page.keyboard.press("Tab")
    assert focused(page) == "id_consent"
    page.keyboard.press("Space")
    # The opt-ins, the check that the signer is a person (ALTCHA's checkbox, which ticks
    # itself once the browser has solved the server's challenge, begun when the form got the
    # focus), then the button: the honeypot is out of the tab order.
    for element_id in ("id_newsletter", "id_show_first_name"):
        page.keyboard.press("Tab")
        assert focused(page) == element_id
    page.keyboard.press("Tab")
    assert focused(page).startswith("altcha-checkbox")
    page.locator("altcha-widget .altcha[data-state='verified']").wait_for()
    assert page.locator("altcha-widget label").inner_text() == "Checked: you can sign"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Sign"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == demo_site.url + PETITION_EN + "thanks/"
    signature = Signature.objects.get(email="jovana.tastatura@example.org")
    assert signature.municipality.slug == "zvezdara"
    assert (signature.newsletter, signature.show_first_name, signature.confirmed_at) == (
        False,
        False,
        None,
    )

    # The link in the mail opens a page whose button confirms.
    (message,) = mailoutbox
    page.goto(demo_site.url + urlsplit(CONFIRM_LINK.search(message.body)[0]).path)
    tab_to(page, page.get_by_role("button", name="Confirm my signature"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Your signature is confirmed"
    page.goto(demo_site.url + PETITION_EN)
    assert int(page.locator(".petition__figure strong").inner_text()) == int(count) + 1


@pytest.mark.parametrize(
    ("path", "button", "first_field"),
    [(PETITION, "Potpišite", "id_first_name"), (WORKSHOP_EN, "Register", "id_name")],
)
def test_error_summary_takes_the_focus_and_leads_to_the_fields(
    demo_site, browser_page, path, button, first_field
):
    page = browser_page
    page.goto(demo_site.url + path)
    tab_to(page, page.get_by_role("button", name=button))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Keyboard and screen reader users land on the list of what to correct.
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    links = page.locator(".error-summary a")
    assert links.count() >= 3
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hash") == f"#{first_field}"
    page.keyboard.press("Enter")
    assert focused(page) == first_field
    # The consent checkbox's link (the last field with an error) reaches the checkbox too.
    links.last.focus()
    page.keyboard.press("Enter")
    assert focused(page) == "id_consent"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (PETITION, "potvrđenih potpisa od 100 potrebnih"),
        ("/en/campaigns/publish-where-the-cameras-are/", "confirmed signatures of 15 needed"),
    ],
)
def test_progress_bar_has_a_name_and_a_value(demo_site, browser_page, path, name):
    browser_page.goto(demo_site.url + path)
    count = int(browser_page.locator(".petition__figure strong").inner_text())
    bar = progress_bar_in_accessibility_tree(browser_page)
    assert bar["name"] == f"{count} {name}"
    goal = int(bar["valuemax"])
    assert (bar["valuemin"], bar["value"]) == (0, min(count, goal))


def progress_bar_in_accessibility_tree(page):
    """The progress bar as Chromium gives it to screen readers."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    (bar,) = [node for node in nodes if node.get("role", {}).get("value") == "progressbar"]
    properties = {prop["name"]: prop["value"].get("value") for prop in bar["properties"]}
    return {"name": bar["name"]["value"], "value": bar["value"]["value"], **properties}


@pytest.mark.parametrize("width", [320, 1280])
def test_campaign_pages_fit_the_screen(demo_site, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    widths = {}
    for path in [
        CAMPAIGNS,
        PETITION,
        WORKSHOP_EN,
        "/en/campaigns/talk-what-the-ai-act-means-for-serbia/",
    ]:
        page.goto(demo_site.url + path)
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert {path: found for path, found in widths.items() if found > width} == {}


def test_share_box_copies_the_link(demo_site, browser, requested_hosts):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(demo_site.url + PETITION)
    share = page.locator("[data-share]")
    address = share.locator("[data-share-url]").input_value()
    assert address == demo_site.url + PETITION
    share.locator("[data-share-copy]").click()
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert share.locator("[data-share-status]").inner_text()
    context.close()


def test_share_box_without_javascript_offers_the_link_to_select(demo_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site.url + PETITION)
    share = page.locator("[data-share]")
    assert share.locator("[data-share-url]").is_visible()
    assert not share.locator("[data-share-copy]").is_visible()
    assert share.get_by_role("link", name="WhatsApp").is_visible()
    context.close()


def test_event_map_shows_the_place_with_tiles_only_from_the_tile_server(
    demo_site, browser_page, requested_hosts
):
    asked = stand_in_tiles(browser_page)
    browser_page.goto(demo_site.url + WORKSHOP_EN)
    event_map = browser_page.locator(".event-map.leaflet-container")
    event_map.wait_for()
    # The place's marker, drawn as a vector (no marker image to find), coloured by site.css.
    marker = event_map.locator("path.event-map__marker")
    assert marker.count() == 1
    assert marker.evaluate("(path) => getComputedStyle(path).fill") == "rgb(255, 197, 61)"
    browser_page.wait_for_selector(".event-map .leaflet-tile-loaded")
    assert asked
    assert requested_hosts == {urlsplit(demo_site.url).netloc, TILE_HOST}
    directions = browser_page.get_by_role("link", name="Directions on OpenStreetMap")
    assert directions.get_attribute("href").startswith(
        "https://www.openstreetmap.org/directions?to=44."
    )
