"""`manage.py cyrillic_catalogue`: the site's own strings in Serbian Cyrillic
(locale/sr_Cyrl), made from the Serbian Latin catalogue (home/cyrillic.py), so that nobody
translates them twice. `make messages` runs it after makemessages; the tests check that the
committed catalogue is what it makes.

Addresses (msgctxt "URL") stay in Latin: the Cyrillic pages are told apart by their prefix,
and a path in Latin letters is one people can type and share anywhere."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from home.cyrillic import message_to_cyrillic

LATIN = "sr_Latn"
CYRILLIC = "sr_Cyrl"
KEPT_CONTEXTS = frozenset({"URL"})


def catalogue_path(language, kind="po"):
    return Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / f"django.{kind}"


def cyrillic_catalogue(latin):
    """A POFile: every current entry of `latin` (a POFile) with its translation in Cyrillic."""
    cyrillic = polib.POFile(wrapwidth=latin.wrapwidth)
    cyrillic.header = (
        "The site's own strings in Serbian Cyrillic, made by manage.py cyrillic_catalogue."
    )
    cyrillic.metadata = {**latin.metadata, "Language": CYRILLIC}
    for entry in latin:
        if entry.obsolete:
            continue
        change = str if entry.msgctxt in KEPT_CONTEXTS else message_to_cyrillic
        cyrillic.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                msgid_plural=entry.msgid_plural,
                msgstr=change(entry.msgstr),
                msgstr_plural={n: change(text) for n, text in entry.msgstr_plural.items()},
                occurrences=entry.occurrences,
                flags=entry.flags,
            )
        )
    return cyrillic


class Command(BaseCommand):
    help = "Write locale/sr_Cyrl from locale/sr_Latn: the site's strings in Serbian Cyrillic."

    def handle(self, *args, **options):
        path = catalogue_path(CYRILLIC)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue = cyrillic_catalogue(polib.pofile(str(catalogue_path(LATIN))))
        catalogue.save(str(path))
        self.stdout.write(f"{len(catalogue)} strings in Cyrillic: {path}")
