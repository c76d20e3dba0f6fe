"""The Serbian and English catalogues are complete, compiled, and in step with the code."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from home.cyrillic import PLACEHOLDER
from home.management.commands.cyrillic_catalogue import cyrillic_catalogue

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


def test_catalogues_hold_every_string_in_the_code(tmp_path):
    """makemessages over the code finds no string the committed catalogues lack.

    It runs in a copy of the project: makemessages writes into the catalogues it finds.
    """
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("GNU gettext is required in CI (apt-get install gettext).")
        pytest.skip("needs GNU gettext (xgettext) to extract strings; .ci/run installs it")
    project = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "tests", "bench", "__pycache__"),
    )
    subprocess.run(  # noqa: S603 (fixed arguments, no shell)
        [sys.executable, "manage.py", "makemessages", "--add-location", "file", "-v", "0"]
        + [f"--locale={language}" for language in LANGUAGES],
        cwd=project,
        check=True,
    )
    for language in LANGUAGES:
        extracted = polib.pofile(str(project / "locale" / language / "LC_MESSAGES" / "django.po"))
        active = {e.msgid for e in extracted if not e.obsolete}
        committed = {e.msgid for e in catalogue(language) if not e.obsolete}
        assert active == committed, "run `make messages` and translate the new strings"


def test_the_cyrillic_catalogue_is_made_from_the_latin_one_and_in_step():
    """locale/sr_Cyrl is what `manage.py cyrillic_catalogue` makes of sr_Latn (make messages
    runs it): every string, its placeholders and markup as they were, compiled."""
    latin = catalogue("sr_Latn")
    made = cyrillic_catalogue(latin)
    committed = catalogue("sr_Cyrl")

    def texts(po):
        return {
            (e.msgctxt, e.msgid): [e.msgstr, *e.msgstr_plural.values()]
            for e in po
            if not e.obsolete
        }

    assert texts(committed) == texts(made), "run `make messages`"
    assert committed.untranslated_entries() == []
    sources = texts(latin)
    for (context, msgid), translations in texts(made).items():
        for text, source in zip(translations, sources[context, msgid], strict=True):
            if context == "URL":  # addresses stay in Latin
                assert text == source
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source))
            assert re.findall(r"<[^>]*>", text) == re.findall(r"<[^>]*>", source)
    mo = polib.mofile(str(LOCALE / "sr_Cyrl" / "LC_MESSAGES" / "django.mo"))
    assert {(e.msgctxt, e.msgid): e.msgstr for e in mo if e.msgid} == {
        (e.msgctxt, e.msgid): e.msgstr for e in committed.translated_entries()
    }, "run `make messages` to recompile"


def test_the_cyrillic_catalogue_reads_as_cyrillic():
    cyrillic = catalogue("sr_Cyrl")
    assert cyrillic.find("Camera map").msgstr == "Мапа камера"
    assert cyrillic.find("Report a camera").msgstr == "Пријавите камеру"
