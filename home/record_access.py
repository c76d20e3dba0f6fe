"""Staff looking at people's records in the admin: masked addresses and the audit log.

Signers, registrants, supporters and camera reporters are known by name and address only to
those with the model's `view_*` permission (the "Personal data" group, and superusers). Other
staff who work with the records (editors invalidating spam, moderators deciding on reports)
see them masked: `mask_email` is the one place that decides what a masked address shows.

Every listing, search, opened record and export of these records by staff is written to
Wagtail's audit log (Reports → Site history) with who, when, which view and which record ids
or filters, never a person's name or address: the log must not become another copy of the
data. A search term is logged masked, as it may be a name or an address.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import LogFormatter, log

MASK = "•••"
# A search of more words than this is logged by its first ones; the log stays small.
LOGGED_SEARCH_WORDS = 10


def mask_email(address):
    """m•••@gmail.com: the local part's first character and the whole domain.

    The domain stays because spam comes by domain and is invalidated by domain; a personal
    domain still tells who it is, which is why the full records are the named group's only.
    """
    if not address:
        return ""
    local, at, domain = str(address).rpartition("@")
    if not at:
        return f"{domain[:1]}{MASK}"
    return f"{local[:1]}{MASK}@{domain}"


def mask_search(term):
    """A search term as the audit log keeps it: each word masked, an address as mask_email."""
    words = str(term).split()[:LOGGED_SEARCH_WORDS]
    return " ".join(mask_email(word) if "@" in word else f"{word[:1]}{MASK}" for word in words)


def log_records_seen(user, action, model, view, ids, identities, record=None, **data):
    """One audit log entry: `user` was shown these records of `model` in `view`.

    `ids` are the records' primary keys, `identities` whether names and addresses were shown
    in full; `data` adds what chose them (filters, the search term, which is masked here, a
    count). An opened record is the entry's object; a listing's entry belongs to record 0 of
    the model, with the ids in its data, so that Wagtail's site history lists it under the
    model's type. Neither label holds a name: a record is named by its number.
    """
    if data.get("search"):
        data["search"] = mask_search(data["search"])
    instance = record if record is not None else model(pk=0)
    label = f"#{record.pk}" if record is not None else str(model._meta.verbose_name_plural)
    data = {"view": view, "ids": [int(pk) for pk in ids], "identities": bool(identities), **data}
    return log(instance, action, user=user, title=label, data=data)


def _shown(log_entry):
    if log_entry.data.get("identities"):
        return _("names and addresses shown")
    return _("addresses masked")


class RecordsListedFormatter(LogFormatter):
    label = _("List people's records")

    def format_message(self, log_entry):
        count = len(log_entry.data.get("ids", []))
        return ngettext(
            "%(count)d record listed (%(shown)s)", "%(count)d records listed (%(shown)s)", count
        ) % {"count": count, "shown": _shown(log_entry)}


class RecordsSearchedFormatter(LogFormatter):
    label = _("Search people's records")

    def format_message(self, log_entry):
        count = len(log_entry.data.get("ids", []))
        return ngettext(
            "Searched for “%(search)s”: %(count)d record shown",
            "Searched for “%(search)s”: %(count)d records shown",
            count,
        ) % {"search": log_entry.data.get("search", ""), "count": count}


class RecordOpenedFormatter(LogFormatter):
    label = _("Open a person's record")

    def format_message(self, log_entry):
        return _("Record opened (%(shown)s)") % {"shown": _shown(log_entry)}


class RecordsExportedFormatter(LogFormatter):
    label = _("Export people's records")

    def format_message(self, log_entry):
        count = log_entry.data.get("count", 0)
        return ngettext(
            "%(count)d record exported as CSV", "%(count)d records exported as CSV", count
        ) % {"count": count}
