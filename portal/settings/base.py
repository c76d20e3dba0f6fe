"""Settings shared by every environment. Environment-specific files import from here."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from wagtail.embeds import oembed_providers

from portal.frontend_cache import frontend_cache
from portal.security import admin_policy, permissions_policy, public_policy

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Everything the running site writes (SQLite database, media, mail) lives in var/.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False

# `manage.py seed_demo` (home/management/commands/seed_demo.py) loads the home page and the
# site's own pages, then each app's part, in this order; each part takes the command (its
# ensure_child / ensure_translation, sr_home, en_home, english) and returns the pages the
# main menu leads to. Listed here, where every app is known, so that home imports none.
DEMO_CONTENT = [
    "campaigns.demo.load.seed_demo_join_section",
    "map.demo.seed_demo_section",
    "knowledge.demo.load.seed_demo_section",
    "campaigns.demo.load.seed_demo_campaigns_section",
    "campaigns.demo.load.seed_demo_news_section",
]

INSTALLED_APPS = [
    "home",
    "campaigns",
    "knowledge",
    "map",
    "wagtailgeowidget",
    # Backups of the database and the media: `manage.py backup` (home/management/commands).
    "dbbackup",
    "js_lib_leaflet",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # Accounts: allauth's sign-up, login and password reset for everyone, and its second
    # factor (TOTP, recovery codes, security keys) for staff. No social login: nothing
    # about a visitor is sent to another company.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # allauth's security key pages format dates with it.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: every database call of the request, the other middleware's included, has a deadline.
    "portal.database.base.StatementDeadlineMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A reader who chose Cyrillic sent from a Latin address to its twin (home/scripts.py).
    "home.scripts.RememberedScriptMiddleware",
    # A 304 for a reader whose copy is current, cached page or not (its ETag).
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous readers' pages from the cache (home/page_cache.py): outside every middleware
    # that only shapes a response, so a hit skips them and what is kept carries their work.
    "home.page_cache.PageCacheMiddleware",
    # Content-Security-Policy and Permissions-Policy (portal/middleware.py): after whitenoise,
    # whose static files need neither; before the rest, to see every response they make.
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    # Inside whitenoise (static files come compressed already), outside the rest: it
    # compresses what they all made (portal/middleware.py says what it leaves alone).
    "portal.middleware.CompressTextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, knowing the Cyrillic pages' /cir/ (home/scripts.py).
    "home.scripts.ScriptLocaleMiddleware",
    # Inside the page cache, which keeps what it makes: Cyrillic pages from the Latin.
    "home.scripts.CyrillicMiddleware",
    # After the language is known: its 400 page is in the reader's language.
    "home.bad_requests.RefuseNulInQueryMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A form from a visitor who is not logged in, sent from this site, needs no token: the
    # pages the cache shares carry none (portal/csrf.py). Django's check does the rest.
    "portal.csrf.SameOriginFormsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view reads the body; after the language and the user, which its page shows.
    "home.body_limit.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After authentication and messages: it needs the user and says why it redirects.
    "home.accounts.staff_mfa.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite in var/ is the embedded default; DATABASE_URL points at PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several web processes and the worker write at once. IMMEDIATE: a transaction takes the
    # write lock when it begins, so it waits its turn (up to busy_timeout, in ms) instead of
    # failing with "database is locked" when it first writes after reading. WAL: readers
    # never wait for the writer, and a commit appends to the log instead of rewriting pages;
    # synchronous=NORMAL then syncs the log to disk at checkpoints, not at every commit
    # (a power cut may lose the last commits, but never corrupts the database).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000"
        ),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's PostgreSQL backend with deadlines: a database that is down or frozen does not
    # hold a request for long, its page is a 503 (portal/database/base.py, home.views).
    DATABASES["default"]["ENGINE"] = "portal.database"
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        env("DATABASE_CONNECT_TIMEOUT", "2")
    )
# Seconds one database statement of a web request may wait for PostgreSQL's answer.
DATABASE_STATEMENT_DEADLINE = float(env("DATABASE_STATEMENT_DEADLINE", "5"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_caches(url, pages_url=None):
    """The caches on the Redis at `url`; readers' pages and the API's bodies, which may be
    dropped at any time, on the one at `pages_url` if given.

    The key prefixes keep the aliases' keys apart, not their memory: under a maxmemory policy
    Redis evicts from all its keys, in every database number, so a flood of pages could push
    out the login failure counters. Only a Redis server of their own evicts pages alone."""

    def redis(location, **more):
        # A Redis that does not answer fails a request in seconds instead of holding it.
        options = {"socket_connect_timeout": 2, "socket_timeout": 2}
        # Django's, but a Redis away is an empty cache, not a 500 on every page (portal/cache.py).
        backend = "portal.cache.RedisCacheThatMisses"
        return {"BACKEND": backend, "LOCATION": location, "OPTIONS": options, **more}

    return {
        "default": redis(url),
        "api": redis(pages_url or url, KEY_PREFIX="api"),
        "pages": redis(pages_url or url, KEY_PREFIX="pages"),
    }


# A shared cache, so rate limits and cached pages hold across several web processes:
# Redis when REDIS_URL is set, otherwise a table in the database. "default" holds what must not
# be dropped early (allauth's login failure counters, versions of the data); the open data
# API's bodies (megabytes each) live apart in "api", so that culling them never touches a
# counter. The API stores a bounded set of bodies whatever the query (map/api.py). The
# anonymous readers' pages (home/page_cache.py) live apart in "pages" for the same reason:
# on Redis, in a server of their own with REDIS_PAGES_URL (redis_caches above).
if env("REDIS_URL"):
    CACHES = redis_caches(env("REDIS_URL"), env("REDIS_PAGES_URL"))
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            # Culling at the default 300 entries would drop login failure counters early and
            # weaken the limits.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        "api": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_api_cache",
            "OPTIONS": {"MAX_ENTRIES": 2_000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        },
    }

# The page cache (home/page_cache.py, README "Page cache"): anonymous readers' pages from the
# shared cache, fresh the moment what they show changes. PAGE_CACHE=false turns it off (the
# benches compare with and without it).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "pages"
# A cache in front of the site (a CDN, Varnish, nginx) purged by Wagtail's frontend_cache on
# the same changes, chosen by FRONTEND_CACHE: "cloudflare" (CLOUDFLARE_BEARER_TOKEN,
# CLOUDFLARE_ZONEID), "cloudfront" (CLOUDFRONT_DISTRIBUTION_ID; needs boto3) or "http" (an HTTP
# PURGE to FRONTEND_CACHE_LOCATION, as Varnish and nginx's cache_purge take it).
WAGTAILFRONTENDCACHE = frontend_cache(env)
# How long a cache in front may keep a page (s-maxage): long when changes purge it, a minute
# when nothing does; then a little longer served while it asks again (stale-while-revalidate).
PAGE_CACHE_SHARED_MAX_AGE = int(
    env("PAGE_CACHE_SHARED_MAX_AGE", "3600" if WAGTAILFRONTENDCACHE else "60")
)
PAGE_CACHE_STALE_WHILE_REVALIDATE = 30

# Queued jobs (Wagtail's reference index, later mail and imports) run in the
# Procfile's worker, from a queue kept in the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTHENTICATION_BACKENDS = [
    # allauth's backend, answering allauth's login only (home/accounts/adapters.py); a ModelBackend,
    # it also gives permissions. Django's own ModelBackend is left out: it would log in by username
    # and password from any form that calls authenticate(), without allauth's checks (verified
    # address, rate limits, the second factor).
    "home.accounts.adapters.AllauthOnlyBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Serbian (Latin script) first and unprefixed in URLs, English under /en/.
LANGUAGE_CODE = "sr-latn"
LANGUAGES = [
    ("sr-latn", "Latinica"),
    ("sr-cyrl", "Ћирилица"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
# Content is written in Serbian Latin and English; Cyrillic pages are the Latin ones,
# transliterated as they are sent (home/scripts.py).
WAGTAIL_CONTENT_LANGUAGES = [
    ("sr-latn", "Srpski"),
    ("en", "English"),
]
# The admin in the site's languages only (Wagtail would offer its 40-odd, but not Serbian): an
# editor picks one under Account → Preferences, and Wagtail's mails to them use it. Wagtail has
# no Serbian catalogue: our strings and those of home/vocabulary.py are Serbian, the rest of its
# own English.
WAGTAILADMIN_PERMITTED_LANGUAGES = WAGTAIL_CONTENT_LANGUAGES
# A new translation starts as a draft and is reviewed like its original: wagtail-localize would
# publish it at once, untranslated, when the original is live (knowledge/translation_drafts.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Approving an explainer's review records who reviewed it and when, then publishes it.
WAGTAIL_FINISH_WORKFLOW_ACTION = "knowledge.review.publish_approved"
LOCALE_PATHS = [BASE_DIR / "locale"]
# Serbian dates with the month in the genitive ("4. februara"): portal/formats/sr_Latn/.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Belgrade"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"

# Media on local disk by default (one machine, `make run`); on an S3-compatible object store
# when S3_BUCKET is set, so that every web machine sees the same files (home/object_storage.py).
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = env("MEDIA_URL", "/media/")
# Where a CDN or a bucket policy publishes images/ and original_images/ (and nothing else) of
# the object store; empty: the web processes serve them at MEDIA_URL (home/media.py).
MEDIA_PUBLIC_URL = env("MEDIA_PUBLIC_URL", "")
# The public folders of the media are served by the app unless something in front does it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}


def object_storage(
    bucket, endpoint_url=None, region=None, access_key=None, secret_key=None, addressing_style=None
):
    """The media storage on an S3-compatible object store (home/object_storage.py)."""
    return {
        "BACKEND": "home.object_storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            # None for AWS itself; the address of any other S3-compatible service.
            "endpoint_url": endpoint_url or None,
            "region_name": region or None,
            "access_key": access_key,
            "secret_key": secret_key,
            # "path" for services without a host name per bucket (Garage, Ceph and the like).
            "addressing_style": addressing_style or None,
        },
    }


def object_storage_from_env(bucket, keys_prefix="S3_"):
    """A bucket of the object store that the S3_… variables describe, with the keys of
    `keys_prefix` (falling back to the S3_ ones)."""
    return object_storage(
        bucket,
        endpoint_url=env("S3_ENDPOINT_URL"),
        region=env("S3_REGION"),
        access_key=env(f"{keys_prefix}ACCESS_KEY_ID") or env("S3_ACCESS_KEY_ID"),
        secret_key=env(f"{keys_prefix}SECRET_ACCESS_KEY") or env("S3_SECRET_ACCESS_KEY"),
        addressing_style=env("S3_ADDRESSING_STYLE"),
    )


if env("S3_BUCKET"):
    STORAGES["default"] = object_storage_from_env(env("S3_BUCKET"))

# Backups (`manage.py backup`, daily by the scheduler): the database and the media, in
# BACKUP_DIR on this machine, or in the object store's bucket BACKUP_S3_BUCKET (with the S3_…
# settings above) when there are several machines. The last BACKUP_KEEP of each are kept: a
# person's erased data leaves the backups within that many days.
if env("BACKUP_S3_BUCKET"):
    # Keys of their own, given to the scheduler alone: a web node's media keys cannot then
    # read or delete the backups.
    STORAGES["dbbackup"] = object_storage_from_env(env("BACKUP_S3_BUCKET"), "BACKUP_S3_")
else:
    STORAGES["dbbackup"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # They hold people's data: for the site's own user only.
        "OPTIONS": {
            "location": str(env("BACKUP_DIR", VAR_DIR / "backups")),
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    }
# One name for the backups whichever machine's scheduler made them, so that keeping the
# last BACKUP_KEEP counts them all.
DBBACKUP_HOSTNAME = "kamere"
# Off where the database has backups of its own (a managed PostgreSQL): `backup` does nothing.
BACKUPS = env_bool("BACKUPS", True)
DBBACKUP_CLEANUP_KEEP = int(env("BACKUP_KEEP", "7"))
# A failed backup is logged by the scheduler like any failed job.
DBBACKUP_SEND_EMAIL = False
# PostgreSQL behind our own engine (its deadlines) is still PostgreSQL: pg_dump and pg_restore
# (--clean), not dbbackup's fallback, which would add the backup's rows to today's.
DBBACKUP_CONNECTOR_MAPPING = {"portal.database": "dbbackup.db.postgresql.PgDumpBinaryConnector"}
DBBACKUP_CONNECTORS = {
    "default": {
        # What a restore must not bring back (their tables are kept, empty): cached copies;
        # sessions (a login ended since the backup would come back to life); rate limit
        # counters (their pseudonyms go within a day); queued jobs (mails sent again) and the
        # workers' heartbeats. PostgreSQL's connector only; SQLite's copies the whole file.
        "EXCLUDE": [
            "portal_cache",
            "portal_api_cache",
            "portal_page_cache",
            "django_session",
            "home_ratelimitcounter",
            "django_tasks_database_dbtaskresult",
            "home_taskworker",
        ],
    }
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Larger request bodies get a 413 page unread (home/body_limit.py): the largest upload (10 MB:
# WAGTAILIMAGES/DOCS_MAX_UPLOAD_SIZE, a report's photo) and room for the form around it.
MAX_REQUEST_BODY = 12 * 1024 * 1024

SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# `manage.py sync_site` writes it into the default site only when it was really given.
SITE_URL_CONFIGURED = bool(env("SITE_URL"))

WAGTAIL_SITE_NAME = "Kamere"
WAGTAILADMIN_BASE_URL = SITE_URL
# The database's own full-text search: SQLite FTS5 here, PostgreSQL's in production. On
# PostgreSQL, the "kamere" configuration (home/migrations/0002_postgresql_search.py): "simple"
# with accents dropped. No stemming: one index holds Serbian and English, and a language's
# stemming and stop words would mangle the other (SQLite does not stem either). The SQLite
# backend has no configurations and ignores the setting.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "kamere"}
}
# Privacy: the admin must not send editors' email hashes to Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor ask Wagtail's release server for updates from editors' browsers.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Uploads are stored without their EXIF, GPS and other metadata (home/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.ImageForm"
# Making a rendition decodes the whole original, about 8 bytes a pixel at the worst: 18 MP
# keeps one under 150 MB. Pillow refuses anything over twice this everywhere (home/apps.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 18_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents go out only through Wagtail's view, which checks collections' privacy, never
# straight from the storage (which would bypass it); /media/ does not serve them (portal/urls.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Editors embed videos from YouTube and Vimeo only: Wagtail's default asks any of some 300
# providers, whose HTML may be anything. Pages show only the provider's player, rebuilt as
# one iframe from these origins (home/embeds.py); YouTube's, without its cookies.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]
EMBED_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

# Camera map. Tiles are the one thing visitors' browsers load from elsewhere; the URL and
# its attribution are configurable so the initiative can run its own tile server ({r} in the
# URL: high-resolution tiles for dense screens, where the server has them).
MAP_TILE_URL = env("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
MAP_CENTER = {"lat": 44.8125, "lng": 20.4612}  # Belgrade, Republic Square
MAP_ZOOM = 12
# A reported camera is verified once this many independent reports confirm it.
CAMERA_VERIFICATION_THRESHOLD = int(env("CAMERA_VERIFICATION_THRESHOLD", "2"))
# A camera on the map not confirmed for this many days "needs a re-check" (map/cameras.py).
CAMERA_RECHECK_AFTER = datetime.timedelta(days=int(env("CAMERA_RECHECK_AFTER", "365")))
# This many people saying a camera is gone, with nobody saying otherwise, retire it.
CAMERA_RETIRE_AFTER_GONE = int(env("CAMERA_RETIRE_AFTER_GONE", "3"))
# What a camera sees, for the street coverage (map/streets/sight.py, and the method page that
# shows these with their sources): by OSM camera:type, the field of view in degrees and how far
# it sees a person well enough to recognise, in metres. A camera whose type or direction is not
# known gets CAMERA_VIEW_UNKNOWN, a circle. Assumptions, not measurements: buildings, trees and
# zoom are not modelled.
CAMERA_VIEWS = {
    "fixed": {"angle": 60, "range": 30},
    "dome": {"angle": 360, "range": 20},
    "panning": {"angle": 360, "range": 40},
}
CAMERA_VIEW_UNKNOWN = {"angle": 360, "range": 15}
# The least-watched walk (map/streets/routing.py) weighs each piece of street as its length x
# (1 + WALK_AVOIDANCE_K x the share of it verified cameras see): with 4, a metre in view costs
# five unwatched ones, so the walk goes up to five times as far round to stay out of sight.
WALK_AVOIDANCE_K = float(env("WALK_AVOIDANCE_K", "4"))
# After cameras or the coverage change, a web process keeps answering walks with the graph it
# has while a thread builds the new one (seconds, for a city), rather than making a walker
# wait for it. The tests build it in the request, inside their transaction.
WALK_GRAPH_IN_BACKGROUND = True
# The metric projection coverage is computed in: UTM zone 34N, in which Belgrade lies.
STREET_COVERAGE_CRS = env("STREET_COVERAGE_CRS", "EPSG:32634")
# Reports one client may send per window ("10/h", "3/15m", or (count, seconds)).
CAMERA_REPORT_RATE_LIMIT = env("CAMERA_REPORT_RATE_LIMIT", "10/h")
# Event registrations one client may send per window, across all events.
EVENT_REGISTRATION_RATE_LIMIT = env("EVENT_REGISTRATION_RATE_LIMIT", "10/h")
# Letters to authorities (campaigns/information_requests/): letters shown or made into a PDF for
# one client per window. Generous: someone corrects a typo and takes the PDF again.
REQUEST_LETTER_RATE_LIMIT = env("REQUEST_LETTER_RATE_LIMIT", "30/h")
# Requests one client may start tracking per window (each mails a link to the address typed),
# and what it may write down on tracked requests' pages or offer to the register.
REQUEST_TRACKING_RATE_LIMIT = env("REQUEST_TRACKING_RATE_LIMIT", "10/h")
# Events: minutes a place is held for someone who registered, until they confirm by the
# mailed link; unconfirmed, it goes back to others (campaigns/events/models.py).
REGISTRATION_HOLD_MINUTES = int(env("REGISTRATION_HOLD_MINUTES", "30"))

# How many proxies in front of the app append to X-Forwarded-For. 0: the client is REMOTE_ADDR.
# Rate limits trust exactly that many hops, so a client cannot choose its own address.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

GEO_WIDGET_DEFAULT_LOCATION = MAP_CENTER
GEO_WIDGET_ZOOM = 15
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION}

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Kamere <kamere@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Every line goes through one handler that takes the tokens of mailed links out of it
# (portal/redaction.py): Django logs the path of a request that failed or was not found.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "portal.redaction.RedactTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers (its console one under DEBUG, runserver's request lines) would
        # write paths unfiltered: its lines go through ours instead.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # One line per queued job is noise; failures are still logged.
        "django_tasks": {"level": "WARNING"},
        # fpdf2 subsets the letters' font with fontTools, which logs each table it touches;
        # fpdf2 itself warns of characters the font lacks, quoting what someone typed.
        "fontTools": {"level": "WARNING"},
        "fpdf": {"level": "ERROR"},
    },
}

# Static files served by whitenoise; long-lived cache headers for hashed names.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True

SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# The reader's choice of language and script (home/scripts.py): a year, as a preference lasts.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp; README: "Security headers"): public pages load scripts,
# styles and fonts from this site only, with no inline code, images also from the media
# storage and the map tiles, frames only from the video players. The admin has its own,
# looser policy (what Wagtail needs); production adds upgrade-insecure-requests under HTTPS.
# CSP_REPORT_URI: where browsers report what a policy blocked (unset: nowhere).
csp_sources = {
    "tile_url": MAP_TILE_URL,
    "media_url": MEDIA_URL,
    "frame_origins": EMBED_PLAYER_ORIGINS,
    "report_uri": env("CSP_REPORT_URI", ""),
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_policy(**csp_sources)}
CONTENT_SECURITY_POLICY_ADMIN = {"DIRECTIVES": admin_policy(**csp_sources)}
# Browser features no page uses are off; the report form's "use my location" and allauth's
# security key pages turn on what they need (map/reports.py, portal/middleware.py).
PERMISSIONS_POLICY = permissions_policy(frame_origins=EMBED_PLAYER_ORIGINS)

# Petitions: signatures one client may send to one petition, in each window ("1/m", "5/5m").
# Over any of them the signature is stored and, once confirmed, counted like any other: the
# excess is only flagged for the moderators' review (campaigns/petitions/review.py), since
# many real people share one address (mobile carriers' CGNAT, a rally's Wi-Fi).
PETITION_SIGNATURE_RATE_LIMITS = env_list("PETITION_SIGNATURE_RATE_LIMITS", "1/m,5/5m")
# The sign form's proof of work (ALTCHA, campaigns/petitions/proof_of_work.py): the browser
# derives a
# PBKDF2-SHA-256 key of ALTCHA_COST iterations for each counter until it reaches the one the
# server chose, between half of ALTCHA_MAX_COUNTER and all of it. About 600 derivations of
# 1,000 iterations: a few tenths of a second on a phone (its workers share them), a third of a
# second of a server core per signature for whoever signs in bulk. The server checks a
# solution with two HMACs, whatever these are. A challenge expires after ALTCHA_EXPIRES
# seconds: time enough to fill in the form.
ALTCHA_COST = int(env("ALTCHA_COST", "1000"))
ALTCHA_MAX_COUNTER = int(env("ALTCHA_MAX_COUNTER", "800"))
ALTCHA_EXPIRES = int(env("ALTCHA_EXPIRES", "1800"))

# Accounts: django-allauth for supporters and editors alike (README: "Accounts and two-factor
# sign-in"). People log in with their email address, which they must have verified first.
LOGIN_URL = "account_login"
# The adapter sends people to the home page of their language; this is the fallback.
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "home.accounts.adapters.AccountAdapter"
ACCOUNT_USER_DISPLAY = "home.accounts.adapters.user_display"
ACCOUNT_FORMS = {
    "signup": "home.accounts.adapters.SignupForm",
    "reset_password_from_key": "home.accounts.adapters.ResetPasswordKeyForm",
    "change_password": "home.accounts.adapters.ChangePasswordForm",
    "set_password": "home.accounts.adapters.SetPasswordForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Whether an address has an account shows nowhere: sign-up, login and password reset answer
# alike, and the address's owner gets a mail saying what happened.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
# Bots fill in every field; a sign-up with this one filled in looks accepted but creates nothing.
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
# Account mails read like the petition and event ones: the sender's name (DEFAULT_FROM_EMAIL)
# says who writes, the subject what it is about, with no "[Kamere]" tag that only some have.
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Someone who confirms their address in the browser they signed up in is logged in at once.
# allauth does so only while that sign-up is in the session, so a leaked link logs nobody in.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Confirming lands on "My activity" (campaigns/supporters/views.py), in the reader's language: the
# supporter sees at once the petitions and events their address had signed up for. The first is
# where a sign-up's login resumes after the confirmation (in the browser that signed up, or
# another one with the password); the second is for someone already logged in.
ACCOUNT_SIGNUP_REDIRECT_URL = "supporter_activity"
ACCOUNT_EMAIL_CONFIRMATION_AUTHENTICATED_REDIRECT_URL = "supporter_activity"
# Django's own error mails to the site's admins.
EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "
# allauth's rate limits count in the shared cache (CACHES above), so every worker sees the same
# counts; clients are counted by the hashed address of home/ratelimit.py (the adapter's
# get_client_ip). The rest are allauth's defaults.
ACCOUNT_RATE_LIMITS = {
    # Failed logins: 10 a minute from one client, 5 in 5 minutes for one address.
    "login_failed": "10/m/ip,5/5m/key",
}
# The login form asks "Remember me"; without it the session ends with the browser.
ACCOUNT_SESSION_REMEMBER = None

# Second factor: an authenticator app (TOTP), security keys (WebAuthn) and recovery codes.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
# A malformed security key answer is a wrong answer, not a 500 (home/accounts/adapters.py).
MFA_FORMS = {
    "add_webauthn": "home.accounts.adapters.AddSecurityKeyForm",
    "authenticate_webauthn": "home.accounts.adapters.AuthenticateWithSecurityKeyForm",
    "reauthenticate_webauthn": "home.accounts.adapters.ReauthenticateWithSecurityKeyForm",
}
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
# People with access to the Wagtail admin must set up a second factor before they can use it
# (home/accounts/staff_mfa.py). Only the development settings turn this off.
STAFF_REQUIRE_MFA = True

# Wagtail's admin has no login of its own: /admin/login/ (home/accounts/staff_mfa.py) sends people
# to allauth's, and tells a signed-in person without access to the admin why they cannot enter.
# Passwords and addresses are changed and reset through allauth only, where mail is verified.
WAGTAILADMIN_LOGIN_URL = "admin_login"
# Private pages and documents send readers to allauth's login too, not to Wagtail's
# /_util/login/ (which only leads there: home/accounts/staff_mfa.py).
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
