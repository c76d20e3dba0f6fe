from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaigns.events.views import event_ics, events_feed
from campaigns.information_requests.views import register_figures
from campaigns.information_requests.views import tracking as request_tracking
from campaigns.petitions.proof_of_work import challenge as petition_challenge
from campaigns.petitions.views import count_json, sign_petition
from home.accounts.staff_mfa import admin_login, frontend_login
from home.health import health
from home.media import public_media
from home.scripts import choose_language, script_patterns
from home.sitemaps import CyrillicSitemap, LocalisedSitemap
from home.views import favicon_ico, robots_txt, search, social_image
from map import urls as map_urls
from map.offline import service_worker
from map.sitemaps import CAMERA_SITEMAPS
from portal import legacy_urls

handler400 = "home.views.bad_request"
handler500 = "home.views.server_error"
# allauth's answer when one of its rate limits is reached: the site's 429 page.
handler429 = "home.accounts.adapters.rate_limited"

urlpatterns = [
    # Before the admin's own login page, which it replaces (WAGTAILADMIN_LOGIN_URL).
    path("admin/login/", admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": LocalisedSitemap, "cyrillic": CyrillicSitemap}},
    ),
    # The cameras' pages, many more than the pages: an index of sitemaps in pages (map/sitemaps.py).
    path(
        "sitemap-cameras.xml",
        sitemap_views.index,
        {"sitemaps": CAMERA_SITEMAPS, "sitemap_url_name": "camera_sitemap"},
    ),
    path(
        "sitemap-cameras-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": CAMERA_SITEMAPS},
        name="camera_sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon_ico, name="favicon_ico"),
    # The report form's service worker: at the root, so it may control the form's pages in
    # both languages (map/offline.py).
    path("sw.js", service_worker, name="service_worker"),
    path("social/<int:page_id>-<slug:version>.png", social_image, name="social_image"),
    # For load balancers: 200 when this process can serve, 503 when not (home/health.py).
    path("health/", health, name="health"),
    # The language switcher's links: remember the reader's choice (home/scripts.py).
    path("jezik/<str:language_code>/", choose_language, name="choose_language"),
    # The register of requests' figures per authority, as open data.
    path("api/requests/figures.json", register_figures, name="register_figures"),
    path("api/", include((map_urls.api_urlpatterns, "map_api"))),
]

if settings.SERVE_MEDIA:
    # Local-disk media, for a single machine; an object store serves them otherwise. Only the
    # public folders: documents and reporters' photos go through views that check who asks.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", public_media))

# Serbian pages have no language prefix; Cyrillic ones live under /cir/ (home/scripts.py),
# English ones under /en/. The site's own routes
# have their words in the reader's language (/mapa/prijava/, /en/map/report/; context "URL"
# in locale/), tried before Wagtail's pages: the map page (/mapa/) has no children that they
# could hide (MapPage.subpage_types).
urlpatterns += script_patterns(
    path(pgettext_lazy("URL", "map/"), include(map_urls)),
    path(pgettext_lazy("URL", "search/"), search, name="search"),
    path("events.ics", events_feed, name="events_feed"),
    # A tracked request's page: the converter stays out of the translated words.
    path(
        format_lazy("{}<slug:token>/", pgettext_lazy("URL", "requests/tracked/")),
        request_tracking,
        name="request_tracking",
    ),
    path("unsubscribe/rechecks/", include("campaigns.supporters.recheck_mail")),
    path("unsubscribe/", include("campaigns.petitions.updates")),
    path("accounts/", include("campaigns.supporters.views")),
    path("accounts/", include("allauth.urls")),
    # Wagtail routes only addresses that end in a slash: files under a page's address.
    # An event's .ics: `kalendar.ics` on Serbian pages, `event.ics` (EventPage.calendar_file).
    re_path(r"^(?P<page_path>(?:[\w-]+/)+)(?:event|kalendar)\.ics$", event_ics, name="event_ics"),
    re_path(r"^(?P<page_path>(?:[\w-]+/)+)count\.json$", count_json, name="petition_count"),
    path("petitions/<int:page_id>/sign/", sign_petition, name="petition_sign"),
    path("petitions/challenge/", petition_challenge, name="petition_challenge"),
    # Before Wagtail's own front-end login (Django's LoginView), which it replaces.
    path("_util/login/", frontend_login),
    # The addresses before translation redirect to the new ones; after the translated routes,
    # so that an address whose words did not change is served rather than redirected.
    path("", include(legacy_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
