"""The site's languages' Locale rows, kept by each process for a minute.

Wagtail reads the active language's Locale row every time a page or snippet asks for its
translation (`.localized`): when it routes a request, and once more for every glossary term, call
to action or chosen page a page's text links in the reader's language, so that a page's queries
grew with its text. The rows change only when an administrator adds or removes a language; like
Django's ContentType cache, each process keeps them. A change made in this process is seen at
once, one made in another within KEPT_FOR seconds: until then that process still finds the old
row, which for a language just removed only means a page is shown untranslated.
"""

import copy
import threading
import time

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, LocaleManager

KEPT_FOR = 60

_rows = {}
_lock = threading.Lock()
_wagtails_get_for_language = LocaleManager.get_for_language


def get_for_language(manager, language_code):
    """LocaleManager.get_for_language, from the rows this process read lately."""
    code = get_supported_content_language_variant(language_code)
    kept = _rows.get(code)
    if kept is None or time.monotonic() - kept[1] > KEPT_FOR:
        kept = (_wagtails_get_for_language(manager, code), time.monotonic())
        with _lock:
            _rows[code] = kept
    # A copy: what a caller does to its row never reaches another request's.
    return copy.copy(kept[0])


def language_code(locale_id):
    """The language code of the Locale with this id, from the kept rows when they have it."""
    for row, _read_at in list(_rows.values()):
        if row.pk == locale_id:
            return row.language_code
    code = Locale.objects.values_list("language_code", flat=True).get(pk=locale_id)
    get_for_language(Locale.objects, code)  # kept for the next time
    return code


def forget(**kwargs):
    with _lock:
        _rows.clear()


def forget_now_and_on_commit(**kwargs):
    # Again after the commit: a read in between may have kept the row as it was.
    forget()
    transaction.on_commit(forget)


def keep_locales():
    """Make Wagtail's lookups of a language's Locale use the kept rows (HomeConfig.ready)."""
    LocaleManager.get_for_language = get_for_language
    for signal in (post_save, post_delete):
        signal.connect(
            forget_now_and_on_commit, sender=Locale, dispatch_uid=f"home.locales.{signal}"
        )
