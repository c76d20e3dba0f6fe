"""The knowledge base in a real browser: accessibility, contents, glossary, video, print."""

from urllib.parse import urlsplit

import pytest

from knowledge.models import ExplainerPage
from tests.routes import in_serbian

from ..home.factories import stored_youtube_embed
from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EXPLAINER = "/znanje/kako-radi-prepoznavanje-lica/"


@pytest.mark.parametrize(
    "path",
    [
        EXPLAINER,
        "/en/knowledge/your-rights-under-zzpl/",
        "/znanje/siguran-grad-u-beogradu/",  # a table
        "/en/knowledge/how-to-report-a-camera/",  # a camera map
        "/znanje/",
        "/en/knowledge/?topic=technology",
        "/znanje/recnik/",
        f"{in_serbian('search')}?q=kamere",
        "/en/search/?q=nothing-like-this",
    ],
)
def test_knowledge_pages_have_no_axe_violations(demo_site, browser_page, path):
    browser_page.goto(demo_site.url + path)
    assert axe_violations(browser_page) == []


def test_table_of_contents_leads_to_each_section_by_keyboard(demo_site, browser_page):
    browser_page.set_viewport_size({"width": 390, "height": 700})
    browser_page.goto(demo_site.url + EXPLAINER)
    contents = browser_page.get_by_role("navigation", name="Sadržaj")
    links = contents.get_by_role("link")
    assert links.count() >= 3
    last = links.nth(links.count() - 1)
    anchor = last.get_attribute("href")
    last.focus()
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_function(f"() => location.hash === '{anchor}'")
    # The fragment resolves to the section's heading (the browser scrolls it into view; in
    # headless Chromium under load that scrolling is not reliable enough to time).
    target = browser_page.evaluate("document.querySelector(':target')?.outerHTML")
    assert target.startswith(f'<h2 id="{anchor[1:]}"')


def test_glossary_link_opens_the_definition(demo_site, browser_page):
    browser_page.goto(demo_site.url + EXPLAINER)
    link = browser_page.locator("a.glossary-link").first
    term_id = link.get_attribute("href").split("#")[1]
    link.click()
    browser_page.wait_for_url(f"**/znanje/recnik/#{term_id}")
    entry = browser_page.locator(f"#{term_id}")
    assert entry.is_visible()
    assert entry.evaluate("element => getComputedStyle(element).backgroundColor") != (
        "rgba(0, 0, 0, 0)"
    ), "the term reached is highlighted"


def test_print_shows_the_text_without_navigation(demo_site, browser_page):
    browser_page.goto(demo_site.url + EXPLAINER)
    browser_page.emulate_media(media="print")
    hidden = browser_page.evaluate(
        "['.toc', '.breadcrumbs', '.main-nav', '.related'].map("
        "s => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display)"
    )
    assert set(hidden) <= {"none", None}
    assert browser_page.locator(".explainer__body").is_visible()


def test_explainer_video_loads_from_its_host_only_after_a_click(
    demo_site, browser_page, requested_hosts
):
    url = stored_youtube_embed()
    page = ExplainerPage.objects.get(slug="kako-radi-prepoznavanje-lica")
    page.body.append(("embed", {"embed": url, "title": "Dokumentarni film"}))
    page.save_revision().publish()
    browser_page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, body="<p>video</p>", content_type="text/html"),
    )

    browser_page.goto(demo_site.url + EXPLAINER)
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.locator("iframe").count() == 0
    assert requested_hosts == {urlsplit(demo_site.url).netloc}

    # The iframe is in the page before its request is: wait for the request itself.
    with browser_page.expect_request("https://www.youtube-nocookie.com/**"):
        browser_page.get_by_role("button", name="Učitajte ovde").click()
    browser_page.locator("iframe").wait_for()
    assert "www.youtube-nocookie.com" in requested_hosts
