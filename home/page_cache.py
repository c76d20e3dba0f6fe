"""The page cache: anonymous readers' pages served from the shared cache, fresh the moment
anything they show changes (README: "Page cache").

Why not a library: wagtail-cache 3.0, the one well-kept Wagtail page cache, declares
`wagtail<8.0`, keys pages on every cookie Django's cache middleware varies on, and keeps its
index of cached addresses in one cache entry that concurrent web processes overwrite; Django's
own cache middleware knows nothing of what a page shows, so it can only expire pages, not make
them fresh when an editor publishes. What is here is Django's cache API and Wagtail's signals.

How a page stays fresh. Each cached page names the data versions it was built from
(home/data_versions.py): the site's (settings and menus), its own page's, the kinds of pages and
snippets it lists, and any version its app keeps (the map's cameras). A version is the number a
shared counter gave its data's last change. An entry is served only while no version it names
is above the counter as its render read it when it began, so a change during a render is never
hidden, and a change anywhere makes exactly the pages that show it render again. The signal
receivers at the end say which change touches which version; `page_cache_versions()` on each
page type says what it shows.

Who gets a cached page: a GET or HEAD without a session or messages cookie (logged-in readers,
people with a message waiting, previews, password-protected pages all have one or are never
stored), for the page's own address (never a route under it, such as a confirmation link),
answered 200 without setting a cookie, whose query holds only values the page knows (a status
of its form, an existing tag: `cache_query_params`), so that the entries a visitor can make
are bounded by the site's data, not by what they type. Such a page holds nothing personal,
not even a CSRF token (portal/csrf.py says how its forms are protected instead), so one copy
serves everyone, and a cache in front of the site (a CDN, Varnish) may keep it too:
`Cache-Control` says for how long, and the same changes purge it there
(`wagtail.contrib.frontend_cache`, settings from the environment).
"""

import hashlib
import logging
import math
import pickle
import threading
import time
from collections import OrderedDict
from functools import cache, wraps
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_migrate, post_save
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date
from redis.exceptions import RedisError
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site, get_page_models
from wagtail.signals import page_slug_changed, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import locales
from .data_versions import CLOCK, DataVersion, clock, tick, version_changed
from .kept import read_versions
from .languages import CYRILLIC, default_language

logger = logging.getLogger(__name__)
# What a cache that is away raises: Redis's connection errors, the database cache's.
CACHE_DOWN = (RedisError, DatabaseError, OSError)

# The response header that says what the cache did, for benches, tests and whoever debugs.
STATUS_HEADER = "X-Page-Cache"
# Query parameters longer than this, or more of them, are not worth an entry of their own
# (a cheap first refusal; `keeps` decides for those that pass).
MAX_QUERY_VALUE = 100
MAX_QUERY_PARAMS = 6
# Kept only with at most this many parameters given a value: each is bounded by the site's
# data, but their combinations multiply (the map's filters: a copy per municipality, type,
# status and tag at once would be hundreds of thousands).
MAX_KEPT_PARAMS = 2

SITE = DataVersion("pages:site")


def page_version(page_id):
    return DataVersion(f"pages:page:{page_id}")


def model_version(model):
    """The version of every page that lists objects of `model` (a page type or a snippet, or
    its label: "knowledge.GlossaryTerm")."""
    label = model if isinstance(model, str) else model._meta.label
    return DataVersion(f"pages:model:{label.lower()}")


def entries():
    return caches[settings.PAGE_CACHE_ALIAS]


def versions_cache():
    # Versions live where home/data_versions.py keeps every other version.
    return caches["default"]


# Storing


def allow(request, versions, timeout, shared_max_age=None):
    """Called by a page or view once it has its response: the response may be kept for
    `timeout` seconds while none of `versions` (DataVersion) changes, and by a cache in front
    for `shared_max_age` (at most PAGE_CACHE_SHARED_MAX_AGE). Does nothing for a request the
    middleware did not let through as cacheable."""
    if getattr(request, "_page_cache_key", None) is None:
        return
    shared = min(timeout, shared_max_age or timeout, settings.PAGE_CACHE_SHARED_MAX_AGE)
    request._page_cache_store = ([version.key for version in versions], timeout, shared)


def before_serve(page, request, serve_args, serve_kwargs):
    """Wagtail's before_serve_page hook (home/wagtail_hooks.py). A page with view restrictions
    is never kept all the same: Wagtail's check of them (on_serve_page, after this hook)
    answers with never-cache headers, which storable() refuses."""
    if getattr(request, "_page_cache_key", None) is None:
        return
    # Only the page's own address: a route under it (a confirmation link) is never kept.
    if not hasattr(page, "page_cache_versions") or request.path != page.get_url(request):
        return
    if keeps(request, page.cache_query_params, page):
        allow(request, page.page_cache_versions(), page.page_cache_timeout)


def cached_view(versions, timeout=60 * 60, shared_max_age=None):
    """A view's anonymous answers kept like pages' (the open data page, a camera's page):
    `versions` (DataVersion) are what it shows beside the site's settings and menus. The view
    reads no query parameter: they are dropped, and an address with one some page reads is
    rendered, not kept (it would be another entry of the same page)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            kept = getattr(request, "_page_cache_key", None) is not None and keeps(request, {})
            response = view(request, *args, **kwargs)
            if kept:
                allow(request, [SITE, *versions], timeout, shared_max_age)
            return response

        return wrapped

    return decorator


@cache
def query_params():
    """Every query parameter some page type reads (`cache_query_params`); the others (a
    social network's click id, utm_*) are dropped before the page sees them, so one entry
    serves all of them and no one's id ends up in another's links."""
    return frozenset(
        name for model in get_page_models() for name in getattr(model, "cache_query_params", {})
    )


def keeps(request, params, page=None):
    """Leaves in the request's query string only the parameters the page reads (`params`:
    each name with whether a value is one the page knows, as `cache_query_params` declares
    them), and says whether its copy may be kept: only when every parameter in its key is one
    the page reads, given once, empty or with a value it knows. Anything else (free text, a
    tag that does not exist, page 99 of a list of two, a parameter of another kind of page) is
    rendered for its reader and kept nowhere: else a visitor could fill the cache with entries
    of their own making, pushing out everyone else's."""
    keyed = [(name, request.GET.getlist(name)) for name in request.GET if name in query_params()]
    query = request.GET.copy()
    for name in list(query):
        if name not in params:
            del query[name]
    request.GET = query
    request.META["QUERY_STRING"] = query.urlencode()
    # What costs nothing first; then what may ask the database (a query each, on a miss).
    if not all(name in params and len(values) == 1 for name, values in keyed):
        return False
    if sum(1 for _, values in keyed if values[0]) > MAX_KEPT_PARAMS:
        return False
    return all(not values[0] or params[name](page, values[0]) for name, values in keyed)


# What a page type's `cache_query_params` says of each parameter it reads: whether a value
# (never empty: an empty one is always kept) is one the page knows, given the page.


def one_of(*values):
    """Known: one of `values`."""
    known = frozenset(values)
    return lambda page, value: value in known


def choice_of(field):
    """Known: a value the form field offers (a ChoiceField's, read when asked)."""
    return lambda page, value: field.valid_value(value)


def slug_of(model):
    """Known: the slug of a `model` that exists (a tag, a topic)."""
    return lambda page, value: model._default_manager.filter(slug=value).exists()


def page_number(per_page):
    """Known: the number of a page of the list, written as the page's links write it, where
    the list is at most the page's live children, `per_page` to a page."""

    def known(page, value):
        if not value.isdecimal() or value != str(int(value)):
            return False  # "02", "+2", other scripts' digits
        pages = math.ceil(page.get_children().live().count() / per_page)
        return 1 <= int(value) <= max(pages, 1)

    return known


def free_text(page, value):
    """Never known: what anyone may type (a place searched for, an address to go to next) is
    rendered for its reader and kept nowhere."""
    return False


def cache_key(request, known):
    """The entry's key: site, encoding, path (which holds the language) and the query
    parameters pages read; None when the query is not worth an entry."""
    params = sorted((name, value) for name, value in request.GET.lists() if name in known)
    if len(params) > MAX_QUERY_PARAMS or any(
        len(value) > MAX_QUERY_VALUE for _, values in params for value in values
    ):
        return None
    gzip = re_accepts_gzip.search(request.headers.get("Accept-Encoding", ""))
    parts = [
        request.get_host(),
        "gzip" if gzip else "identity",
        request.path,
        urlencode(params, True),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def is_read(request):
    return request.method in ("GET", "HEAD") and not request.path_info.startswith(
        ("/admin/", "/api/", settings.STATIC_URL)
    )


def is_anonymous(request):
    """No session (logged-in readers, a password given for a page) and no message waiting."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def fresh(entry):
    """Whether no version `entry` names is above the counter as its render began, each still
    known, and the counter itself not below that (read in the same request): a counter the
    cache lost starts again from a host's clock, which may be behind the one it had."""
    keys = entry["versions"]
    found = versions_cache().get_many([*keys, CLOCK])
    counter = found.pop(CLOCK, None)
    return (
        counter is not None
        and entry["at"] <= counter
        and len(found) == len(keys)
        and max(found.values(), default=0) <= entry["at"]
    )


class NearCopies:
    """The pages this process served last, as the shared cache holds them (pickled), so that
    a page most readers ask for is not fetched from the shared cache on every request. A copy
    is served without reading the versions again for CHECKED_FOR seconds after they were last
    found current: a change made in this process forgets that at once (version_changed), one
    made in another shows here within that time. A bounded number, the oldest dropped first;
    the process keeps nothing else."""

    CHECKED_FOR = 0.5

    def __init__(self, size):
        self.size = size
        self.copies = OrderedDict()
        self.lock = threading.Lock()  # gunicorn runs two threads a process
        # Counts forget_checks(): a check that read the versions before a change here must
        # not mark its copy current after it.
        self.generation = 0

    def clear(self):
        with self.lock:
            self.copies.clear()

    def forget_checks(self, **kwargs):
        with self.lock:
            self.generation += 1
            for copy in self.copies.values():
                copy["checked"] = float("-inf")

    def current(self, copy):
        """Whether `copy` is fresh: checked lately, or its versions read now."""
        if time.monotonic() - copy["checked"] < self.CHECKED_FOR:
            return True
        generation = self.generation
        if not fresh(copy):
            return False
        with self.lock:
            if self.generation == generation:
                copy["checked"] = time.monotonic()
        return True

    def get(self, key):
        with self.lock:
            copy = self.copies.get(key)
            if copy is not None:
                self.copies.move_to_end(key)
            return copy

    def put(self, key, copy, generation):
        """Keep `copy`, found current by a check begun at `generation`."""
        with self.lock:
            checked = time.monotonic() if generation == self.generation else float("-inf")
            self.copies[key] = {**copy, "checked": checked}
            self.copies.move_to_end(key)
            while len(self.copies) > self.size:
                self.copies.popitem(last=False)


NEAR = NearCopies(size=100)
version_changed.connect(NEAR.forget_checks)


def kept_response(key):
    """The kept page under `key` and when it was kept (wall time; None for a copy from before
    that was noted) if it is fresh, else None."""
    near = NEAR.get(key)
    if near is not None and NEAR.current(near):
        return pickle.loads(near["response"]), near.get("stored")  # noqa: S301 (our own cache's bytes)
    generation = NEAR.generation
    entry = entries().get(key)
    if entry is None or not fresh(entry):
        return None
    response = entry["response"]
    pickled = pickle.dumps(response, pickle.HIGHEST_PROTOCOL)
    NEAR.put(key, {**entry, "response": pickled}, generation)
    return response, entry.get("stored")


def storable(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not getattr(request, "is_preview", False)
        and not (hasattr(request, "user") and request.user.is_authenticated)
    )


def store(request, response, started_at, rendered_at):
    """Keep `response`, whose render began when the shared counter stood at `started_at`
    and the wall clock at `rendered_at`."""
    keys, timeout, shared_max_age = request._page_cache_store
    read = [version.key for version in getattr(request, "_page_cache_read", ())]
    keys = list(dict.fromkeys([*keys, *read]))
    # A version the cache lost (evicted, or never set) counts from the render's start: the
    # entry then stays fresh until the next change. add() never overwrites a change made
    # meanwhile.
    for key in set(keys) - set(versions_cache().get_many(keys)):
        versions_cache().add(key, started_at, timeout=None)
    # One copy for every reader: what the page does not vary on goes from Vary (a CDN then
    # keeps one copy too); the language is in the address, the encoding in the key.
    response["Vary"] = "Accept-Encoding"
    # Browsers ask again each time, and get a 304 while the ETag holds: a reader who has
    # just logged in must never be shown the anonymous copy from their own browser.
    patch_cache_control(response, public=True, max_age=0, s_maxage=shared_max_age)
    # A cache in front may also answer with its copy while it asks again (RFC 9213's header,
    # which browsers ignore).
    response["CDN-Cache-Control"] = (
        f"public, s-maxage={shared_max_age}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_WHILE_REVALIDATE}"
    )
    set_response_etag(response)
    # A time for readers and caches in front: this host's, as any Date header.
    response["Last-Modified"] = http_date(rendered_at)
    entries().set(
        request._page_cache_key,
        {"at": started_at, "versions": keys, "response": response, "stored": time.time()},
        timeout,
    )


class PageCacheMiddleware:
    """Serves an anonymous reader's page from the cache, or keeps the page it renders.

    Outside every middleware that only shapes a response (security and permissions policies,
    compression, sessions, the language): a hit skips all of them, and what is stored already
    carries their headers and compression. Inside ConditionalGetMiddleware, which answers 304.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_read(request):
            return self.get_response(request)
        if not settings.PAGE_CACHE:
            return skipped(self.get_response(request))
        key = cache_key(request, query_params()) if is_anonymous(request) else None
        if key is None:
            return skipped(self.get_response(request))
        try:
            kept = kept_response(key)
            # A miss: the counter as the render begins (one read), which every version the
            # copy will name must not pass for it to be served.
            started_at = clock() if kept is None else None
        except Exception:
            # Without the cache (away, or holding what this release cannot read) the page is
            # rendered, as for any miss: slower, not broken.
            logger.warning("The page cache could not be read.", exc_info=True)
            return skipped(self.get_response(request))
        if kept is not None:
            response, stored = kept
            response[STATUS_HEADER] = "hit"
            if stored is not None:
                # How long it has been kept, so that a cache in front keeps it only for what
                # is left of its s-maxage (RFC 9111, 4.2.3).
                response["Age"] = str(max(0, int(time.time() - stored)))
            return response
        rendered_at = time.time()
        request._page_cache_key = key
        # What the render reads from kept values (home/kept.py: a related explainer, a
        # section's address, the glossary), its copy depends on too.
        read = []
        token = read_versions.set(read)
        try:
            response = self.get_response(request)
        finally:
            read_versions.reset(token)
        request._page_cache_read = read
        if getattr(request, "_page_cache_store", None) is None or not storable(request, response):
            return skipped(response)
        try:
            store(request, response, started_at, rendered_at)
        except CACHE_DOWN:
            logger.warning("The page cache could not keep a page.", exc_info=True)
            return skipped(response)
        response[STATUS_HEADER] = "miss"
        return response


def skipped(response):
    """A response for this reader alone: no cache in front may keep it either."""
    response[STATUS_HEADER] = "skip"
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
    return response


# What a change makes stale


def referrers(obj):
    """The pages that show `obj` (a page, an image, a document) through a reference to it
    (Wagtail's reference index: a link, a chosen image or document, in a field or a block),
    and the versions beyond theirs that it changes: a reference from a site setting (the
    menus) is on every page; from a snippet, on the pages that list that snippet's kind."""
    ids, versions = set(), []
    page_type = ContentType.objects.get_for_model(Page)
    for reference in ReferenceIndex.get_references_to(obj).select_related("content_type"):
        if reference.base_content_type_id == page_type.pk:
            ids.add(int(reference.object_id))
            continue
        model = reference.content_type.model_class()
        if model is not None and issubclass(model, BaseSiteSetting):
            versions.append(SITE)
        elif model is not None:
            versions.append(model_version(model))
    return ids, versions


def pages_showing(page):
    """The pages whose copies show `page`, and the versions beyond theirs that it changes.

    Its own and its translations' (the language switcher links them), its ancestors' (they
    list it; the home page lists the newest of every kind), its descendants' (their addresses
    and breadcrumbs carry its slug and title), those that refer to it or to a translation of
    it (`referrers`: a menu or a block chooses one page and shows each reader its
    translation), and every page that lists its kind (`page_cache_lists`).
    """
    pages = Page.objects.filter(
        Q(translation_key=page.translation_key)
        | Q(path__startswith=page.path)
        | Q(pk__in=page.get_ancestors().values("pk"))
    )
    ids, versions = set(pages.values_list("pk", flat=True)) | {page.pk}, []
    for translated in [page, *Page.objects.filter(translation_key=page.translation_key)]:
        if translated.pk is not None and (translated is page or translated.pk != page.pk):
            their_ids, their_versions = referrers(translated)
            ids |= their_ids
            versions += their_versions
    # Lists of the kinds under it show their addresses, which hold its slug.
    under = set(pages.filter(path__startswith=page.path).values_list("content_type", flat=True))
    for kind in (ContentType.objects.get_for_id(pk).model_class() for pk in under):
        if kind is not None:
            versions.append(model_version(kind))
    return ids, [model_version(page.specific_class or Page), *versions]


def live_pages_showing(ids, versions):
    """The live pages among `ids` and those that list a kind in `versions` (specific, for
    purging from the cache in front); every live page when the site's version is in them."""
    if SITE.key in {version.key for version in versions}:
        return Page.objects.live().specific()
    return (Page.objects.live().filter(pk__in=ids) | listing(versions)).specific()


def changed(versions, page_ids=(), purge=None):
    """Make `versions` and the pages `page_ids` new, now and once the change commits, and
    purge the pages `purge()` gives from the cache in front of the site once it has."""
    keys = [version.key for version in versions] + [page_version(pk).key for pk in page_ids]

    def bump():
        try:
            versions_cache().set_many(dict.fromkeys(keys, tick()), timeout=None)
        except CACHE_DOWN:
            # The change itself is saved; only kept copies may lag, until they expire.
            logger.error("The page cache could not note a change.", exc_info=True)
        version_changed.send(sender=DataVersion)

    # Now, and again after the commit: a render in between may have read the data as it was.
    bump()
    transaction.on_commit(bump)
    if settings.WAGTAILFRONTENDCACHE and purge is not None:
        transaction.on_commit(lambda: purge_from_front(purge()))


def figures_changed(pages):
    """A live figure (a petition's count) on `pages` (a Page queryset) changed: they and their
    ancestors, which show it too (the campaigns' cards, the home page), render again. Not
    purged in front: a cache there catches up within the pages' short s-maxage."""
    paths = set(pages.values_list("path", flat=True))
    steps = Page.steplen
    ancestors = {path[:end] for path in paths for end in range(steps, len(path) + 1, steps)}
    changed([], Page.objects.filter(path__in=ancestors).values_list("pk", flat=True))


def purge_from_front(pages=(), urls=()):
    pages = list(pages)
    batch = PurgeBatch(urls)
    batch.add_pages(pages)
    # A Serbian page's Cyrillic twin under /cir/ is kept in front too (home/scripts.py): the
    # same page's addresses with Cyrillic active.
    default = default_language()
    serbian = [page for page in pages if locales.language_code(page.locale_id) == default]
    if serbian:
        with translation.override(CYRILLIC):
            batch.add_pages(serbian)
    batch.purge()


def listing(model_versions):
    """The live pages of every type that lists one of `model_versions`' kinds."""
    keys = {version.key for version in model_versions}
    types = [
        model
        for model in get_page_models()
        if keys & getattr(model, "page_cache_listed_keys", set)()
    ]
    return Page.objects.live().type(*types) if types else Page.objects.none()


def page_changed(instance, **kwargs):
    ids, versions = pages_showing(instance)
    # The page itself too, though it may be gone from the live pages (unpublished, deleted).
    page = instance.specific_deferred
    changed(versions, ids, purge=lambda: [page, *live_pages_showing(ids, versions)])


# Metadata Wagtail fills in on an image or document the first time it needs it, possibly
# during a page's render: a save of these alone is no editor's change.
FILLED_IN = frozenset({"file_size", "file_hash"})


def media_changed(instance, update_fields=None, **kwargs):
    """An image or a document saved (its title, description, file or focal point) or
    deleted: the pages that show it render again, and go from the cache in front."""
    if update_fields is not None and set(update_fields) <= FILLED_IN:
        return
    ids, versions = referrers(instance)
    if ids or versions:
        changed(versions, ids, purge=lambda: live_pages_showing(ids, versions))


def old_addresses(page_id, url_path_before, url_path_after):
    """The page `page_id` and its live descendants as they were before their url_path went
    from `url_path_before` to `url_path_after` (a move, a new slug), for purging the addresses
    a cache in front may still answer. Copies read anew, changed in memory only: Wagtail then
    gives each the address it had, on its site and in its own language (Serbian unprefixed,
    English under /en/); the translations the admin moves with it send moves of their own."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    pages = list(Page.objects.filter(path__startswith=page.path).live().specific())
    for each in pages:
        each.url_path = url_path_before + each.url_path[len(url_path_after) :]
    return pages


def page_moved(
    instance, parent_page_before=None, url_path_before=None, url_path_after=None, **kwargs
):
    page_changed(instance)
    if parent_page_before is not None:
        page_changed(parent_page_before)
    address_changed(instance, url_path_before, url_path_after)


def slug_changed(instance, instance_before, **kwargs):
    # Page.save() sends it once the new slug is committed, and its save made the pages new.
    address_changed(instance, instance_before.url_path, instance.url_path)


def address_changed(page, url_path_before, url_path_after):
    """Purge the old addresses of `page` and of the pages under it from the cache in front,
    once the change commits: the app's own copies there name the pages' versions, which the
    change made new, but a cache in front knows only addresses."""
    if settings.WAGTAILFRONTENDCACHE and url_path_before and url_path_before != url_path_after:
        transaction.on_commit(
            lambda: purge_from_front(old_addresses(page.pk, url_path_before, url_path_after))
        )


def restriction_changed(instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        page_changed(page)


def everything_changed(**kwargs):
    changed([SITE], purge=lambda: Page.objects.live().specific())


def model_changed(sender, **kwargs):
    """Something saved or deleted: if it is a snippet, or a model some page type lists
    (`page_cache_lists`), the pages that list its kind."""
    if sender not in snippet_models() and sender not in listed_models():
        return
    version = model_version(sender)
    changed([version], purge=lambda: listing([version]).specific())


@cache
def listed_models():
    """The models, besides snippets, that some page type names in `page_cache_lists`."""
    labels = {
        label.lower()
        for model in get_page_models()
        for label in getattr(model, "page_cache_lists", ())
    }
    return frozenset(model for model in apps.get_models() if model._meta.label.lower() in labels)


@cache
def snippet_models():
    # Known once every wagtail_hooks module registered its own: after start-up, at the first
    # save.
    return frozenset(get_snippet_models())


def index_settings(sender, **kwargs):
    """After migrating (the Procfile's release step): the settings saved before they were in
    the reference index, indexed now (a few rows)."""
    if sender.name != "home":
        return
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting) and model in ReferenceIndex.indexed_models:
            for setting in model.objects.all():
                ReferenceIndex.create_or_update_for_object(setting)


def connect():
    """Connect the receivers (HomeConfig.ready)."""
    # Publishing and unpublishing save the page; so do a page created live (an import, the
    # demo) and a draft (which changes nothing a reader sees, and costs one more render).
    for model in get_page_models():
        post_save.connect(page_changed, sender=model)
    post_delete.connect(page_changed, sender=Page, dispatch_uid="page_cache.deleted")
    post_page_move.connect(page_moved, dispatch_uid="page_cache.moved")
    page_slug_changed.connect(slug_changed, dispatch_uid="page_cache.slug_changed")
    for model in (get_image_model(), get_document_model()):
        post_save.connect(media_changed, sender=model, dispatch_uid="page_cache.media_saved")
        post_delete.connect(media_changed, sender=model, dispatch_uid="page_cache.media_deleted")
    settings_models = [model for model in apps.get_models() if issubclass(model, BaseSiteSetting)]
    for model in settings_models:
        # Wagtail's reference index leaves site settings out; with them in, a page that a menu
        # links to is known to be on every page (`referrers`), whatever language shows it.
        ReferenceIndex.register_model(model)
    post_migrate.connect(index_settings, dispatch_uid="page_cache.index_settings")
    for signal in (post_save, post_delete):
        signal.connect(restriction_changed, sender=PageViewRestriction)
        signal.connect(everything_changed, sender=Site)
        for model in settings_models:
            signal.connect(everything_changed, sender=model)
        signal.connect(model_changed)
