"""The site's languages as its content is stored in them."""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

# Serbian in Cyrillic: a reading language, not a content language (home/scripts.py).
CYRILLIC = "sr-cyrl"
# A reading language's URL prefix where it is not its code (home/scripts.py says why /cir/).
PREFIXES = {CYRILLIC: "cir"}
# Each reading language's BCP 47 tag, as hreflang, structured data and Content-Language write
# it (Django's codes are lower case: "sr-cyrl").
TAGS = {"sr-latn": "sr-Latn", "sr-cyrl": "sr-Cyrl", "en": "en"}


def language_tag(language_code=None):
    """The BCP 47 tag of a reading language (the active one by default)."""
    code = language_code or translation.get_language()
    return TAGS.get(code, code)


def default_language():
    """The default language's code as Wagtail's locales spell it ("sr-latn"): the language
    the other languages' pages and snippets are translations of, and whose pages and
    municipalities signatures, registrations and cameras point at."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def content_language(language_code=None):
    """The language the content is stored in for a reading language (the active one by
    default): Cyrillic pages (home/scripts.py) show the Serbian Latin content."""
    return get_supported_content_language_variant(language_code or translation.get_language())


def prefix_of(language_code):
    """A reading language's URL prefix: "cir" for Cyrillic, else its code ("en")."""
    return PREFIXES.get(language_code, language_code)


def language_of_path(path):
    """The reading language a path's prefix names ("/cir/…": Cyrillic), or None."""
    first = path.lstrip("/").split("/", 1)[0]
    for code, prefix in PREFIXES.items():
        if first == prefix:
            return code
    return None
