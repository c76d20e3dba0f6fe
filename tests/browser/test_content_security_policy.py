"""Every kind of page in Chromium under its Content-Security-Policy and Permissions-Policy:
nothing they need is blocked (Chromium logs each thing a policy blocks to the console), and
the policies are in force."""

import io
import re
from urllib.parse import urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import Client
from PIL import Image
from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.models import StandardPage
from knowledge.models import ExplainerPage
from tests.routes import in_serbian

from ..accounts.conftest import PASSWORD, make_user
from ..home.factories import stored_youtube_embed
from .test_security_keys import add_security_key, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TILE_HOST = urlsplit(settings.MAP_TILE_URL).netloc
# What Chromium logs when a policy blocks something, or cannot read a policy.
BLOCKED = re.compile(r"Content Security Policy|Permissions-Policy|[Pp]ermissions policy")
PUBLIC_PAGES = [
    "/",  # home
    "/en/",
    "/o-inicijativi/",  # standard page
    "/znanje/",  # knowledge base
    "/znanje/siguran-grad-u-beogradu/",  # explainer
    "/znanje/recnik/",  # glossary
    "/kampanje/",
    "/kampanje/moratorijum-na-biometrijski-nadzor/",  # petition
    "/kampanje/radionica-mapiranje-kamera/",  # event, with its venue's map
    "/pridruzite-se/",
    in_serbian("map:open_data"),
    "/mapa/izdanja/2/",
    in_serbian("map:street_method"),
    f"{in_serbian('map:walk')}?from=44.792,20.445&to=44.817,20.48",  # the demo's streets
    f"{in_serbian('search')}?q=kamere",
    "/accounts/login/",
    "/en/nope/",  # page not found
]


def blank_tile():
    output = io.BytesIO()
    Image.new("RGB", (256, 256), (235, 235, 230)).save(output, "PNG")
    return output.getvalue()


@pytest.fixture
def context(browser):
    """A browsing context whose map tiles come from a stand-in: this machine has no internet.
    It may share the device's position, as a person who allowed it would."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        permissions=["geolocation"],
        geolocation={"latitude": 44.8176, "longitude": 20.4569},
    )
    tile = blank_tile()
    context.route(
        f"https://{TILE_HOST}/**",
        lambda route: route.fulfill(status=200, body=tile, content_type="image/png"),
    )
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def blocked(page):
    """What the page's policies block, as Chromium logs it (frames included)."""
    messages = []
    page.on(
        "console", lambda message: BLOCKED.search(message.text) and messages.append(message.text)
    )
    return messages


def visit(page, url):
    """Open a page and check it has the strict public policy."""
    response = page.goto(url)
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self';" in policy + ";", url
    assert "'unsafe-inline'" not in policy, url
    page.wait_for_load_state("networkidle")
    return response


def test_public_pages_need_nothing_the_strict_policy_blocks(demo_site, page, blocked):
    for path in PUBLIC_PAGES:
        visit(page, demo_site.url + path)
    assert blocked == []


def test_map_draws_its_tiles_and_zooms_under_the_policy(demo_site, page, blocked, context):
    asked = []
    context.on("request", lambda request: TILE_HOST in request.url and asked.append(request.url))
    visit(page, demo_site.url + "/mapa/")
    page.wait_for_selector("[data-camera-map][data-cameras-drawn]")
    # Zooming and panning drop tiles: Leaflet stops their downloads with a data: image.
    page.locator(".leaflet-container").first.focus()
    for key in ["+", "+", "ArrowRight", "ArrowDown", "-", "+"]:
        page.keyboard.press(key)
        page.wait_for_timeout(200)
    page.wait_for_load_state("networkidle")
    assert asked, "the map asks for tiles"
    assert page.locator(".leaflet-tile-loaded").count() > 0
    assert blocked == []


def test_only_the_report_form_and_the_map_get_the_devices_position(demo_site, page, blocked):
    visit(page, demo_site.url + in_serbian("map:report"))
    page.wait_for_selector(".report-map .leaflet-tile-loaded")
    page.get_by_role("button", name="Koristite moju lokaciju").click()
    expect(page.locator("#id_latitude")).to_have_value(re.compile(r"^44\.817"))
    assert blocked == []

    # The map's "near me" may ask too; anywhere else the policy refuses it, though the person
    # allowed it for the site.
    visit(page, demo_site.url + "/mapa/")
    code = page.evaluate(
        """() => new Promise(resolve => navigator.geolocation.getCurrentPosition(
            () => resolve(0), error => resolve(error.code)))"""
    )
    assert code == 0
    visit(page, demo_site.url + "/znanje/")
    code = page.evaluate(
        """() => new Promise(resolve => navigator.geolocation.getCurrentPosition(
            () => resolve(0), error => resolve(error.code)))"""
    )
    assert code == 1  # PERMISSION_DENIED


def test_videos_load_after_a_click_and_nothing_else_from_the_embed_runs(
    demo_site, page, blocked, context
):
    # YouTube's player, and a "Vimeo" answer with code around its player.
    youtube = stored_youtube_embed()
    Embed.objects.create(
        url="https://vimeo.com/1",
        hash=get_embed_hash("https://vimeo.com/1"),
        type="video",
        provider_name="Vimeo",
        html='<iframe src="https://player.vimeo.com/video/1" style="width:100%"></iframe>'
        "<script>window.embedCodeRan = true</script>"
        '<img src="/x.png" onerror="window.embedCodeRan = true">',
    )
    about = StandardPage.objects.get(slug="o-inicijativi")
    about.body.append(("embed", {"embed": youtube, "title": "Dokumentarni film"}))
    about.body.append(("embed", {"embed": "https://vimeo.com/1", "title": "Razgovor"}))
    about.save_revision().publish()
    # The players' hosts are unreachable here: stand-ins answer.
    for host in ["www.youtube-nocookie.com", "player.vimeo.com"]:
        context.route(
            f"https://{host}/**",
            lambda route: route.fulfill(status=200, body="<p>video</p>", content_type="text/html"),
        )

    visit(page, demo_site.url + "/o-inicijativi/")
    buttons = page.get_by_role("button", name="Učitajte ovde")
    expect(buttons).to_have_count(2)
    buttons.first.click()
    buttons.first.click()  # the other one: the first is gone
    expect(page.locator(".embed__frame iframe")).to_have_count(2)
    for frame in page.locator(".embed__frame iframe").all():
        expect(frame.content_frame.locator("p")).to_have_text("video")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.embedCodeRan") is None
    assert blocked == []


def signed_in(context, live_server, user):
    """The browser context with a session of `user`."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_admin_works_under_its_own_policy(demo_site, page, blocked, context):
    editor = make_user("urednica@example.org", admin_access=True)
    editor.is_superuser = True
    editor.save()
    signed_in(context, demo_site, editor)
    explainer = ExplainerPage.objects.get(slug="siguran-grad-u-beogradu")

    response = page.goto(demo_site.url + "/admin/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    expect(page.locator(".w-dashboard")).to_be_visible()

    page.goto(demo_site.url + f"/admin/pages/{explainer.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # The preview panel frames the page, under the page's own policy.
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe.w-preview__iframe").last
    expect(preview.locator("h1")).to_have_text(explainer.title)
    page.wait_for_load_state("networkidle")
    assert blocked == []


def test_two_factor_pages_work_under_the_public_policy(demo_site, page, blocked, settings):
    settings.STAFF_REQUIRE_MFA = True  # as in production
    credentials = add_security_key(page)
    editor = make_user("urednica@example.org", admin_access=True)

    page.goto(demo_site.url + "/admin/")
    log_in(page, editor.email)
    page.get_by_label("Lozinka").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Potvrdite").click()
    # The authenticator app's QR code: a data: image.
    assert urlsplit(page.url).path == "/accounts/2fa/totp/activate/"
    qr_code = page.locator("img.account-qr")
    expect(qr_code).to_be_visible()
    assert qr_code.evaluate("image => image.complete && image.naturalWidth") > 0

    # A security key: allowed on these pages only.
    response = page.goto(demo_site.url + "/accounts/2fa/webauthn/add/")
    assert "publickey-credentials-create=(self)" in response.headers["permissions-policy"]
    assert "script-src 'self';" in response.headers["content-security-policy"] + ";"
    with page.expect_navigation():
        page.get_by_role("button", name="Dodajte", exact=True).click()
    assert urlsplit(page.url).path == "/accounts/2fa/recovery-codes/"
    assert len(credentials()) == 1
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.WEBAUTHN).exists()
    assert blocked == []
