"""The Serbian and English catalogues are complete, compiled, and in step with the code."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["sr_Latn", "en"]


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def test_every_serbian_string_is_translated():
    po = catalogue("sr_Latn")
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    translated = {(e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries()}
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo if e.msgid}
    assert compiled == translated, "run `make messages` to recompile"


def test_catalogues_hold_every_string_in_the_code(tmp_path, settings):
    """makemessages over the code finds no string the committed catalogues lack."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("GNU gettext is required in CI (apt-get install gettext).")
        pytest.skip("needs GNU gettext (xgettext) to extract strings; .ci/run installs it")
    shutil.copytree(LOCALE, tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command(
        "makemessages",
        locale=LANGUAGES,
        ignore_patterns=[".venv", "var", "tests"],
        verbosity=0,
    )
    for language in LANGUAGES:
        extracted = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
        active = {e.msgid for e in extracted if not e.obsolete}
        committed = {e.msgid for e in catalogue(language) if not e.obsolete}
        assert active == committed, "run `make messages` and translate the new strings"
