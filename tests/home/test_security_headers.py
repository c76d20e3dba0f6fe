"""Content-Security-Policy and Permissions-Policy: the exact policy of each kind of page, the
admin's own, and pages that hold to the public one (no inline code in what they render)."""

import secrets
from html.parser import HTMLParser

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed

from home.embeds import player_url
from home.models import HomePage, StandardPage
from knowledge.models import ExplainerPage
from portal.security import origin_sources, public_policy

from ..accounts.conftest import PASSWORD, log_in, make_user
from ..production import manage, production_env
from ..test_html_validity import PAGES, site_pages  # noqa: F401 (a fixture, used by name)
from .factories import StandardPageFactory, site_home

pytestmark = pytest.mark.django_db

PLAYERS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
PUBLIC = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "https://tile.openstreetmap.org"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "frame-src": PLAYERS,
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
ADMIN = {
    **PUBLIC,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": [*PUBLIC["img-src"], "blob:"],
    "frame-src": ["'self'", *PLAYERS],
    "frame-ancestors": ["'self'"],
}
PLAYER_ORIGINS = '(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
PERMISSIONS = {
    **dict.fromkeys(
        [
            "accelerometer",
            "autoplay",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "identity-credentials-get",
            "idle-detection",
            "local-fonts",
            "magnetometer",
            "microphone",
            "midi",
            "otp-credentials",
            "payment",
            "publickey-credentials-create",
            "publickey-credentials-get",
            "screen-wake-lock",
            "serial",
            "usb",
            "window-management",
            "xr-spatial-tracking",
        ],
        "()",
    ),
    "encrypted-media": PLAYER_ORIGINS,
    "fullscreen": PLAYER_ORIGINS,
    "picture-in-picture": PLAYER_ORIGINS,
}
SECURITY_KEYS = {
    **PERMISSIONS,
    "publickey-credentials-create": "(self)",
    "publickey-credentials-get": "(self)",
}
# A provider's answer with more than a player in it, as a rogue or careless one might send.
HOSTILE_EMBED = (
    '<div style="padding:56% 0 0"><iframe src="https://player.vimeo.com/video/1?h=ab"'
    ' onload="alert(1)" style="position:absolute" title="x"></iframe></div>'
    '<script>alert(1)</script><script src="https://evil.example/x.js"></script>'
    '<img src="x" onerror="alert(1)"><form action="https://evil.example/"></form>'
)


def csp(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in header.split(";")
        if directive.strip()
    }


def permissions(response):
    """The Permissions-Policy header as {feature: allowlist}."""
    return dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))


class InlineCode(HTMLParser):
    """What a strict policy blocks in a page: inline scripts, styles and event handlers."""

    DATA_TYPES = {"application/json", "application/ld+json"}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") not in self.DATA_TYPES:
            self.found.append(self.get_starttag_text())
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs.items():
            if name == "style" or name.startswith("on"):
                self.found.append(f"{tag} {name}={value!r}")
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"{tag} {name}={value!r}")


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


def store_embed(url, html, provider="Vimeo"):
    Embed.objects.create(
        url=url, hash=get_embed_hash(url), type="video", provider_name=provider, html=html
    )


@pytest.fixture
def pages(site_pages):  # noqa: F811 (the imported fixture)
    """The demo site with every block, and a video whose provider sent more than a player."""
    store_embed("https://vimeo.com/1", HOSTILE_EMBED)
    StandardPageFactory(
        parent=HomePage.objects.get(locale__language_code="sr-latn"),
        slug="video",
        body=[("embed", {"embed": "https://vimeo.com/1", "title": "Film"})],
    )
    return [*PAGES, ("/video/", 200)]


def test_every_public_page_has_the_strict_policy(client, pages):
    for path, status in pages:
        response = client.get(path)
        assert response.status_code == status, path
        expected = PUBLIC
        if response.resolver_match.view_name == "map:embed":  # the one page others may frame
            expected = {**PUBLIC, "frame-ancestors": ["*"]}
        assert csp(response) == expected, path
        assert "Reporting-Endpoints" not in response  # no report endpoint configured


def test_only_the_report_form_and_the_map_may_ask_for_the_location(client, pages):
    map_pages = {"/mapa/", "/en/map/"}  # "near me"; the embed, in other sites' frames, may not
    for path, _status in pages:
        response = client.get(path)
        expected = PERMISSIONS
        report_form = response.resolver_match.view_name == "map:report"
        if report_form or path.split("?")[0] in map_pages:
            expected = {**PERMISSIONS, "geolocation": "(self)"}
        assert permissions(response) == expected, path


def test_rendered_pages_have_no_inline_code(client, pages):
    for path, _status in pages:
        found = inline_code(client.get(path).text)
        assert found == [], f"{path}: {found}"


def test_the_userbar_editors_see_on_public_pages_has_no_inline_code(admin_client, pages):
    for path in ["/", "/o-inicijativi/", "/znanje/siguran-grad-u-beogradu/", "/mapa/"]:
        response = admin_client.get(path)
        assert "wagtail-userbar" in response.text, path
        assert inline_code(response.text) == [], path
        assert csp(response) == PUBLIC, path


def test_an_embed_shows_only_the_providers_player(client, pages):
    text = client.get("/video/").text
    template = text.partition("<template data-embed-html>")[2].partition("</template>")[0]
    assert template == (
        '<iframe src="https://player.vimeo.com/video/1?h=ab" title="Film" '
        'allow="encrypted-media; fullscreen; picture-in-picture" allowfullscreen '
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>'
    )
    assert "evil.example" not in text


@pytest.mark.parametrize(
    ("html", "url"),
    [
        (
            '<iframe src="https://www.youtube.com/embed/abc?feature=oembed"></iframe>',
            "https://www.youtube-nocookie.com/embed/abc?feature=oembed",
        ),
        (
            '<iframe src="https://player.vimeo.com/video/2#t=3"></iframe>',
            "https://player.vimeo.com/video/2",
        ),
        ('<iframe src="http://player.vimeo.com/video/2"></iframe>', None),
        ('<iframe src="https://player.vimeo.com:8443/video/2"></iframe>', None),
        ('<iframe src="https://x@player.vimeo.com/video/2"></iframe>', None),
        ('<iframe src="https://player.vimeo.com.evil.example/"></iframe>', None),
        ('<iframe src="javascript:alert(1)"></iframe>', None),
        ('<blockquote class="twitter-tweet"></blockquote><script src="x.js"></script>', None),
        ("", None),
    ],
)
def test_only_players_of_the_allowed_origins_are_kept(html, url):
    assert player_url(html) == url


def test_editors_may_embed_youtube_and_vimeo_only():
    (finder,) = get_finders()
    assert finder.accept("https://www.youtube.com/watch?v=abc")
    assert finder.accept("https://youtu.be/abc")
    assert finder.accept("https://vimeo.com/76979871")
    for url in [
        "https://twitter.com/x/status/1",
        "https://www.flickr.com/photos/x/1",
        "https://soundcloud.com/x/y",
        "https://www.instagram.com/p/x/",
    ]:
        assert not finder.accept(url), url


def test_the_admin_has_its_own_policy(admin_client, pages):
    explainer = ExplainerPage.objects.get(slug="siguran-grad-u-beogradu")
    for path in ["/admin/", f"/admin/pages/{explainer.pk}/edit/", "/admin/images/"]:
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert csp(response) == ADMIN, path
        assert permissions(response) == PERMISSIONS, path


def test_a_preview_has_the_pages_policy_in_the_admins_frame(admin_client, pages):
    about = StandardPage.objects.get(slug="o-inicijativi")
    response = admin_client.get(f"/admin/pages/{about.pk}/view_draft/")
    assert response.status_code == 200
    assert csp(response) == {**PUBLIC, "frame-ancestors": ["'self'"]}


@pytest.fixture
def home():
    """A home page as the default site's root: where logins land."""
    return site_home()


def test_account_and_two_factor_pages_hold_to_the_public_policy(client, home, settings):
    settings.STAFF_REQUIRE_MFA = True
    editor = make_user("urednica@example.org", admin_access=True)
    log_in(client, editor.email)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    for path in [
        "/accounts/activity/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/2fa/totp/activate/",
        "/accounts/2fa/webauthn/add/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert csp(response) == PUBLIC, path
        assert inline_code(response.text) == [], path
        # Security keys only where allauth asks for them.
        expected = SECURITY_KEYS if path.startswith("/accounts/2fa/") else PERMISSIONS
        assert permissions(response) == expected, path
    # The authenticator app's QR code is a data: image, which the policy allows.
    assert 'src="data:image/svg+xml;base64,' in client.get("/accounts/2fa/totp/activate/").text


def test_the_login_step_of_the_second_factor_allows_security_keys(client, home, settings):
    settings.STAFF_REQUIRE_MFA = True
    editor = make_user("urednica@example.org", admin_access=True)
    TOTP.activate(editor, generate_totp_secret())
    response = log_in(client, editor.email, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/authenticate/"
    assert csp(response) == PUBLIC
    assert permissions(response) == SECURITY_KEYS


def test_reports_go_to_the_configured_endpoint(client, home, settings):
    options = {
        "tile_url": settings.MAP_TILE_URL,
        "media_url": settings.MEDIA_URL,
        "frame_origins": PLAYERS,
        "report_uri": "https://reports.example.org/csp",
    }
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_policy(**options)}
    response = client.get("/")
    assert csp(response) == {
        **PUBLIC,
        "report-uri": ["https://reports.example.org/csp"],
        "report-to": ["csp-endpoint"],
    }
    assert response["Reporting-Endpoints"] == 'csp-endpoint="https://reports.example.org/csp"'


def settings_value(env, expr):
    result = manage(env, "shell", "-c", f"from django.conf import settings; {expr}")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_reads_the_report_endpoint_and_upgrades_requests_under_https(tmp_path):
    env = production_env(
        tmp_path,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="kamere.example.org",
        CSP_REPORT_URI="https://reports.example.org/csp",
        MAP_TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png",
    )
    expression = (
        "from csp.utils import build_policy; "
        "print(build_policy(config=settings.CONTENT_SECURITY_POLICY['DIRECTIVES']) + ' | ' + "
        "build_policy(config=settings.CONTENT_SECURITY_POLICY_ADMIN['DIRECTIVES']))"
    )
    public, admin = settings_value({**env, "HTTPS": "true"}, expression).split(" | ")
    for policy in (public, admin):
        directives = [directive.strip() for directive in policy.split(";")]
        assert "upgrade-insecure-requests" in directives
        assert "report-uri https://reports.example.org/csp" in directives
        assert "report-to csp-endpoint" in directives
        assert (
            "img-src 'self' data: https://a.tiles.example.org https://b.tiles.example.org "
            "https://c.tiles.example.org"
        ) in policy
    plain = settings_value({**env, "HTTPS": "false"}, expression)
    assert "upgrade-insecure-requests" not in plain


@pytest.mark.parametrize(
    ("url", "sources"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", ["https://tile.openstreetmap.org"]),
        (
            "https://{s}.tile.example.org:8443/{z}/{x}/{y}.png",
            [
                "https://a.tile.example.org:8443",
                "https://b.tile.example.org:8443",
                "https://c.tile.example.org:8443",
            ],
        ),
        ("//tiles.example.org/{z}/{x}/{y}.png", ["tiles.example.org"]),
        ("https://tiles.example.org/{z}/{x}/{y}{r}.png", ["https://tiles.example.org"]),
        ("/tiles/{z}/{x}/{y}.png", []),  # on this site: 'self'
    ],
)
def test_tile_hosts_are_derived_from_the_tile_url(url, sources):
    assert origin_sources(url) == sources
