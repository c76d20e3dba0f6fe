"""Serbian in two scripts (issue 22): the site in Cyrillic under /cir/, made from the Latin.

The content is written once, in Serbian Latin; Cyrillic is a third reading language
("sr-cyrl") whose pages are the Latin pages with their text transliterated as they are sent
(`CyrillicMiddleware`), so Wagtail's locales hold two content languages (sr-latn, en) and the
site three reading languages.

Why /cir/: an ASCII prefix survives every mail client, SMS, QR code and keyboard; /ћир/ would
travel as /%D1%9B%D0%B8%D1%80/. The rest of a Cyrillic address is the Latin page's (the slugs
stay Latin), so a reader can switch scripts on any page and every Latin page has exactly one
Cyrillic twin. Django's i18n_patterns would use the language code itself (/sr-cyrl/):
`ScriptPrefixPattern` names it "cir" instead, and `ScriptLocaleMiddleware` reads it back.

The choice is remembered in Django's language cookie, set by `choose_language` (the switcher's
links): a reader who chose Cyrillic and arrives at a Latin address is sent to its Cyrillic
twin. The cookie holds a language code only; pages never set it, so the cache can share them.
"""

from contextvars import ContextVar

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, URLResolver, get_resolver, get_script_prefix, resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme

from home.cyrillic import Exceptions, html_to_cyrillic, to_cyrillic
from home.languages import CYRILLIC, TAGS, language_of_path, prefix_of
from home.models import TransliterationException


class EditorsExceptions:
    """The editors' exceptions list (TransliterationException, in the admin) as this process
    last read it, read again when its data version changes (home/data_versions.py): each
    Cyrillic page or text costs one read of the shared cache, and a query only after a change,
    which every process sees at once. The list keeps the words transliterated under it
    (home/cyrillic.py `Exceptions`), so it is made anew only when the rows differ."""

    def __init__(self):
        # One pair, replaced whole: the two threads of a worker never see a version with
        # another version's list.
        self.kept = (None, Exceptions())

    def current(self):
        version = TransliterationException.version().current()
        kept_version, exceptions = self.kept
        if version != kept_version:
            # Read after the version: a change in between leaves this list under the older
            # one, read again next time.
            table = TransliterationException.table()
            if table != exceptions:
                exceptions = Exceptions(table)
            self.kept = (version, exceptions)
        return exceptions


EDITORS_EXCEPTIONS = EditorsExceptions()
# The list a Cyrillic request read when it began (`CyrillicMiddleware`): its page names a
# municipality, a camera type… each through `for_reader`, and one read of the version does
# for them all (it was a cache round trip each, a sixth of the map page's render).
_this_requests = ContextVar("editors_exceptions", default=None)


def editors_exceptions():
    """The editors' exceptions list as it is now, for home/cyrillic.py's `exceptions`."""
    kept = _this_requests.get()
    return EDITORS_EXCEPTIONS.current() if kept is None else kept


def for_reader(text, language_code=None, keep=True):
    """Plain text (a mail, a calendar entry) in the script of a reader of `language_code` (the
    active language by default): transliterated for Cyrillic readers, else as it is.
    `keep=False`: someone's own words, kept in no cache (home/cyrillic.py)."""
    if (language_code or translation.get_language()) == CYRILLIC:
        return to_cyrillic(text, editors_exceptions(), keep)
    return text


def writer_for(language_code):
    """A function that writes many plain texts for a reader of `language_code` (the camera
    API's addresses), the editors' exceptions read once for them all: outside a Cyrillic
    page's request each read is a round trip to the shared cache."""
    if language_code != CYRILLIC:
        return lambda text: text
    exceptions = editors_exceptions()
    return lambda text: to_cyrillic(text, exceptions)


def script_state(language_code):
    """What text written for a reader of `language_code` depends on besides the text, for a
    cache's key: the editors' exceptions' version for Cyrillic, nothing for the others."""
    if language_code == CYRILLIC:
        return f"{CYRILLIC}:{TransliterationException.version().current()}"
    return ""


class ScriptPrefixPattern(LocalePrefixPattern):
    """Django's language prefix, with the Cyrillic pages under /cir/."""

    @property
    def language_prefix(self):
        code = translation.get_language() or settings.LANGUAGE_CODE
        if code == settings.LANGUAGE_CODE and not self.prefix_default_language:
            return ""
        return f"{prefix_of(code)}/"


def script_patterns(*urls, prefix_default_language=True):
    """i18n_patterns with `ScriptPrefixPattern`."""
    return [URLResolver(ScriptPrefixPattern(prefix_default_language), list(urls))]


def is_reading_path(path, urlconf=None):
    """Whether a path is one of the pages that have a twin in each language (within
    `script_patterns`), rather than the admin's, the API's or a file's."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return False
    resolver = next(
        (
            pattern
            for pattern in get_resolver(urlconf).url_patterns
            if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, ScriptPrefixPattern)
        ),
        None,
    )
    if resolver is None:
        return False
    try:
        # The same view, found among the language's patterns alone.
        return resolver.resolve(path.removeprefix("/")).func == match.func
    except Resolver404:
        return False


class RememberedScriptMiddleware:
    """A reader who chose Cyrillic, arriving at a Latin address, is sent to its Cyrillic twin.
    Before the page cache, which would otherwise answer with the Latin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) == CYRILLIC
            and language_of_path(request.path_info) is None
            and translation.get_language_from_path(request.path_info) is None
        ):
            # The language is not known yet: the Latin address is read as Latin.
            with translation.override(settings.LANGUAGE_CODE):
                reading = is_reading_path(request.path_info, getattr(request, "urlconf", None))
            if reading:
                # After the script prefix (SCRIPT_NAME), as Django's own redirect to a prefix.
                script_prefix = get_script_prefix()
                response = HttpResponseRedirect(
                    request.get_full_path().replace(
                        script_prefix, f"{script_prefix}{prefix_of(CYRILLIC)}/", 1
                    )
                )
                patch_vary_headers(response, ("Cookie",))
                return response
        return self.get_response(request)


class ScriptLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, knowing /cir/."""

    def process_request(self, request):
        language = language_of_path(request.path_info)
        if language is not None:
            translation.activate(language)
            request.LANGUAGE_CODE = language
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        language = language_of_path(request.path_info)
        if language is None:
            return super().process_response(request, response)
        response.headers.setdefault("Content-Language", TAGS[language])
        return response


def choose_language(request, language_code):
    """Remember the reader's language and go to `next` (the switcher's links)."""
    if language_code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


class CyrillicMiddleware:
    """A Cyrillic reader's page, its text transliterated from the Latin it was rendered with
    (the site's own strings come from the sr_Cyrl catalogue already; the content does not),
    with the editors' exceptions. Inside the page cache, so that what the cache keeps is the
    Cyrillic page; a change to the exceptions makes every kept page new (home/models.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if translation.get_language() != CYRILLIC:
            return self.get_response(request)
        exceptions = EDITORS_EXCEPTIONS.current()
        token = _this_requests.set(exceptions)
        try:
            response = self.get_response(request)
        finally:
            _this_requests.reset(token)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or response.has_header("Content-Encoding")
        ):
            return response
        response.content = html_to_cyrillic(
            response.content.decode(response.charset), exceptions
        ).encode(response.charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
