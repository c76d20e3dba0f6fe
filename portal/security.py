"""The site's Content-Security-Policy and Permissions-Policy, built from its settings.

Plain functions that portal/settings/base.py calls; portal/middleware.py picks the policy
each response gets (README: "Security headers").
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF

# Leaflet fills `{s}` in a tile URL with one of these (its default `subdomains`).
LEAFLET_SUBDOMAINS = ("a", "b", "c")

# Reports go to the endpoint of this name (Reporting-Endpoints header, portal/middleware.py).
REPORT_TO_GROUP = "csp-endpoint"


def origin_sources(url):
    """The origin of an absolute or protocol-relative URL as CSP sources; [] for a path on
    this site, which 'self' covers. `{s}` in the host becomes each of Leaflet's subdomains:
    exact hosts, where `*.host` would also allow every other name under it."""
    parts = urlsplit(url)
    if not parts.netloc:
        return []
    hosts = [parts.netloc]
    if "{s}" in parts.netloc:
        hosts = [parts.netloc.replace("{s}", sub) for sub in LEAFLET_SUBDOMAINS]
    prefix = f"{parts.scheme}://" if parts.scheme else ""
    return [prefix + host for host in hosts]


def reporting(report_uri):
    """The reporting directives, when a report endpoint is configured: report-to for browsers
    with the Reporting API, report-uri for the others."""
    if not report_uri:
        return {}
    return {"report-uri": report_uri, "report-to": REPORT_TO_GROUP}


def public_policy(*, tile_url, media_url, frame_origins, report_uri=""):
    """Every public page: scripts, styles and fonts from this site only, no inline code; images
    from here, the media storage and the map tiles; frames only for the video players.

    data: images: Leaflet cancels a tile's download by pointing it at a blank data: GIF, and
    allauth shows the authenticator app's QR code as one. An image runs no code and a data:
    address fetches nothing."""
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *origin_sources(media_url), *origin_sources(tile_url)],
        "connect-src": [SELF],
        "font-src": [SELF],
        "frame-src": list(frame_origins) or [NONE],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        # Production turns it on under HTTPS (portal/settings/production.py).
        "upgrade-insecure-requests": False,
        **reporting(report_uri),
    }


def admin_policy(*, tile_url, media_url, frame_origins, report_uri=""):
    """Wagtail's admin: the public policy, less what Wagtail 8 still needs (README: "Security
    headers"). Its own pages may frame it (previews), and it frames them."""
    policy = public_policy(
        tile_url=tile_url,
        media_url=media_url,
        frame_origins=frame_origins,
        report_uri=report_uri,
    )
    policy.update(
        {
            # <script> elements in the templates of its choosers, date pickers and inline
            # panels, and in the forms its scripts insert; inline event handlers of the
            # focal point editor (Jcrop).
            "script-src": [SELF, "'unsafe-inline'"],
            # <style> elements that Draftail (Draft.js) inserts, style attributes in its
            # chooser modals and the focal point editor.
            "style-src": [SELF, "'unsafe-inline'"],
            # Previews of images chosen for upload.
            "img-src": [*policy["img-src"], "blob:"],
            # Page previews are admin pages in a frame of the admin.
            "frame-src": [SELF, *frame_origins],
            "frame-ancestors": [SELF],
        }
    )
    return policy


# Features no page uses: denied to the page and to anything it frames. Only names Chromium
# knows without flags: it logs a console message for each other one ("Unrecognized
# feature"), which Lighthouse counts against best practices.
DENIED_FEATURES = (
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
)

# What a video player needs once a reader has asked for it, and the page itself.
PLAYER_FEATURES = ("encrypted-media", "fullscreen", "picture-in-picture")


def permissions_policy(*, frame_origins, **allowed):
    """The Permissions-Policy setting: DENIED_FEATURES off, the players' features for this site
    and the players; `allowed` gives features to a page that needs them
    (`geolocation=["self"]`)."""
    policy = {feature: [] for feature in DENIED_FEATURES}
    policy.update({feature: ["self", *frame_origins] for feature in PLAYER_FEATURES})
    policy.update({name.replace("_", "-"): value for name, value in allowed.items()})
    return policy
