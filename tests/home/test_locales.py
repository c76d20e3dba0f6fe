"""The process's copy of the languages' Locale rows (home/locales.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from home import locales

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def test_the_active_locale_is_read_once(english):
    with translation.override("en"):
        assert Locale.get_active() == english
        with CaptureQueriesContext(connection) as queries:
            for _ in range(5):
                assert Locale.get_active() == english
    assert len(queries) == 0


def test_each_caller_gets_a_copy_of_its_own(english):
    with translation.override("en"):
        Locale.get_active().language_code = "changed by a caller"
        assert Locale.get_active().language_code == "en"


def test_a_locale_saved_in_this_process_is_read_again(english):
    with translation.override("en"):
        Locale.get_active()
        Locale.objects.filter(pk=english.pk).update(language_code="fr")  # no signal
        assert Locale.get_active().language_code == "en"  # the kept row
        english.language_code = "en"
        english.save()  # a save here forgets the rows
        with CaptureQueriesContext(connection) as queries:
            assert Locale.get_active().language_code == "en"
        assert len(queries) == 1


def test_a_change_in_another_process_is_seen_within_a_minute(english, monkeypatch):
    with translation.override("en"):
        Locale.get_active()
        clock = locales.time.monotonic()
        monkeypatch.setattr(locales.time, "monotonic", lambda: clock + locales.KEPT_FOR + 1)
        with CaptureQueriesContext(connection) as queries:
            Locale.get_active()
        assert len(queries) == 1


def test_a_pages_language_code_needs_no_query(english):
    assert locales.language_code(english.pk) == "en"
    with CaptureQueriesContext(connection) as queries:
        assert locales.language_code(english.pk) == "en"
    assert len(queries) == 0
