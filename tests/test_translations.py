"""The Serbian and English catalogues are complete, compiled, and in step with the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

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
