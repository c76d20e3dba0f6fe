"""Erasure: everything the site holds about one person, removed or anonymised in one go.

Two ways in, one logic: a supporter deleting their account (views.py) and staff handling an
erasure request by address for someone who may have no account (the admin view in
erasure_admin.py). It lives in `campaigns` because it reaches across the apps: the campaigns'
own records, the map's camera reports, home's rate limit table, and the accounts, sessions,
task queue and audit log of Django, allauth, django-tasks and Wagtail; `home` may
import none of the sections and `map` none of the campaigns, so no lower layer could hold it.

Who the person is: the addresses given (an erasure request) or the verified addresses of the
account (an account can add any address unverified, and must not erase its owner's
signatures by doing so). Addresses compare as campaigns.emails.normalise_email does: case,
"+tag" and Gmail's dots do not matter. What is found:

- signatures: unconfirmed ones (never counted) are deleted, the rest anonymised as the
  retention rule does, so petition counts and per-municipality totals stay;
- registrations: cancelled first, which gives the freed place to the waiting list, then deleted;
- tracked requests to authorities: deleted; their entries in the register too until published,
  and without the person's name once published;
- camera reports: the follow-up address, its consent and the link to the account go; the
  report stays with the map's camera;
- accounts using a verified address: deleted, with the supporter record, allauth's addresses
  and second factors (the database cascades); an account that merely lists the address
  unverified loses that address only;
- queued and finished jobs whose arguments, result or error (a failed mail's traceback names
  its recipient) hold one of the person's addresses, or the id of one of their records in a
  parameter named like `signature_id`;
- sessions of the accounts, or holding one of the addresses;
- the audit log: entries about the person's records, or whose label or data holds an address
  or name, keep their action and time but lose the label and data; the account link is cut.

`Person.preview` counts first (what staff see before confirming); `Person.erase` does it in
one transaction: all or nothing.
"""

import inspect
import json
import re
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry, PageLogEntry

from campaigns.emails import DOTLESS_DOMAINS, normalise_email
from campaigns.events.models import Registration
from campaigns.information_requests.models import InformationRequest
from campaigns.information_requests.register import RegisterEntry
from campaigns.petitions.models import Signature
from campaigns.supporters.models import Supporter
from map.models import CameraReport

# What an erased audit log entry says instead of a person's name.
ERASED_LABEL = "—"
# Task parameters that carry the id of a person's record; a job with one of their ids there
# is about them. New tasks that take such ids must name their parameters like these:
# tests/test_erasure.py fails on a task parameter named like an id that is in neither this
# nor OTHER_ID_PARAMETERS.
ID_PARAMETERS = {
    "signature_id": "signatures",
    "registration_id": "registrations",
    "information_request_id": "information_requests",
    "supporter_id": "supporters",
    "report_id": "reports",
    "user_id": "users",
}
# Task parameters that carry the id of something that is no one's personal record: pages,
# editors' petition updates, sites.
OTHER_ID_PARAMETERS = {"petition_id", "update_id", "site_id"}
# Rows of the session table read at a time while looking for the person's sessions.
SESSION_CHUNK = 500


def address_pattern(normalised):
    """A case-insensitive regular expression for every address that normalises to
    `normalised`: any "+tag", and for Gmail any dots and googlemail.com. Both SQLite (Python's
    re, through Django) and PostgreSQL read it alike."""
    local, _at, domain = normalised.rpartition("@")
    if domain in DOTLESS_DOMAINS:
        local_pattern = r"\.*".join(re.escape(char) for char in local)
        domain_pattern = r"(gmail|googlemail)\.com"
    else:
        local_pattern = re.escape(local)
        domain_pattern = re.escape(domain)
    return rf"^\s*{local_pattern}(\+[^@]*)?@{domain_pattern}\.?\s*$"


def matching(field_name, normalised):
    """Q for rows whose address field normalises to one of `normalised`."""
    condition = Q(pk__in=[])
    for address in normalised:
        condition |= Q(**{f"{field_name}__iregex": address_pattern(address)})
    return condition


def text_variants(values):
    """Each value as it may appear in stored JSON text: as is, and with non-ASCII escaped
    (SQLite keeps JSON as text written by json.dumps, which escapes it)."""
    variants = set()
    for value in values:
        variants.add(value)
        variants.add(json.dumps(value)[1:-1])
    return {variant for variant in variants if variant}


def contains_any(expression, values):
    condition = Q(pk__in=[])
    for value in values:
        condition |= Q(**{f"{expression}__icontains": value})
    return condition


@dataclass
class Person:
    """What the site holds about one person, found but not yet touched."""

    normalised: list[str]
    users: list = field(default_factory=list)
    # Accounts that list one of the addresses unverified: they lose that address only.
    unverified_addresses: list[int] = field(default_factory=list)
    # Accounts with access to the admin: an administrator deletes them, not an erasure.
    staff: list = field(default_factory=list)

    # Queries

    def signatures(self):
        return Signature.objects.filter(email_normalised__in=self.normalised)

    def registrations(self):
        return Registration.objects.filter(email_normalised__in=self.normalised)

    def information_requests(self):
        return InformationRequest.objects.filter(email_normalised__in=self.normalised)

    def reports(self):
        return CameraReport.objects.filter(
            matching("email", self.normalised) | Q(reporter__in=self.users)
        )

    def supporters(self):
        return Supporter.objects.filter(user__in=self.users)

    def addresses_as_typed(self):
        """Every form of the addresses that the site holds, as typed: what a mail job or a log
        entry would carry."""
        typed = set(self.normalised)
        typed.update(self.signatures().values_list("email", flat=True))
        typed.update(self.registrations().values_list("email", flat=True))
        typed.update(self.information_requests().values_list("email", flat=True))
        typed.update(self.reports().exclude(email="").values_list("email", flat=True))
        typed.update(
            EmailAddress.objects.filter(
                Q(user__in=self.users) | Q(pk__in=self.unverified_addresses)
            ).values_list("email", flat=True)
        )
        typed.update(address for user in self.users if (address := user.email))
        return {address.lower() for address in typed if address}

    def names(self):
        """The person's full names as they gave them: what a log entry or a mail would carry.
        First names alone are left out: "Ana" would match half the log. Only log entries are
        searched for names; jobs and sessions are found by addresses, ids and accounts, so that
        a namesake's mail or login is not touched."""
        names = set()
        for first, last in self.signatures().values_list("first_name", "last_name"):
            if first and last:
                names.add(f"{first} {last}")
        names.update(self.registrations().values_list("name", flat=True))
        for user in self.users:
            if user.first_name and user.last_name:
                names.add(f"{user.first_name} {user.last_name}")
        # A single word ("Marko") would match other people's entries too.
        return {name.strip() for name in names if len(name.split()) > 1}

    def record_ids(self):
        return {
            "signatures": list(self.signatures().values_list("pk", flat=True)),
            "registrations": list(self.registrations().values_list("pk", flat=True)),
            "information_requests": list(self.information_requests().values_list("pk", flat=True)),
            "supporters": list(self.supporters().values_list("pk", flat=True)),
            "reports": list(self.reports().values_list("pk", flat=True)),
            "users": [user.pk for user in self.users],
        }

    def jobs(self, typed, ids):
        """Queued and finished jobs about the person: their addresses in the arguments, the
        result or the error (SMTPRecipientsRefused names the address, and a failed job is
        kept for days), or one of their records' ids in a parameter of ID_PARAMETERS. One
        query per kind of task in the table, however many jobs there are."""
        texts = text_variants(typed)
        condition = (
            contains_any("args_text", texts)
            | contains_any("result_text", texts)
            | contains_any("traceback", texts)
            | contains_any("exception_class_path", texts)
        )
        paths = DBTaskResult.objects.values_list("task_path", flat=True).distinct()
        for path in paths:
            try:
                parameters = list(inspect.signature(import_string(path).func).parameters)
            except (ImportError, AttributeError, TypeError, ValueError):
                continue
            for position, name in enumerate(parameters):
                values = ids.get(ID_PARAMETERS.get(name), [])
                if values:
                    condition |= Q(task_path=path) & (
                        Q(**{f"args_kwargs__args__{position}__in": values})
                        | Q(**{f"args_kwargs__kwargs__{name}__in": values})
                    )
        return DBTaskResult.objects.annotate(
            args_text=Cast("args_kwargs", TextField()),
            result_text=Cast("return_value", TextField()),
        ).filter(condition)

    def log_entries(self, model, typed, names, ids):
        """Entries of a Wagtail log model about the person's records or naming them."""
        texts = text_variants(typed | names)
        condition = contains_any("label", texts) | contains_any("data_text", texts)
        for record_model, kind in (
            (Signature, "signatures"),
            (Registration, "registrations"),
            (Supporter, "supporters"),
            (get_user_model(), "users"),
        ):
            if ids[kind] and model is ModelLogEntry:
                content_type = ContentType.objects.get_for_model(record_model)
                condition |= Q(
                    content_type=content_type, object_id__in=[str(pk) for pk in ids[kind]]
                )
        return model.objects.annotate(data_text=Cast("data", TextField())).filter(condition)

    def sessions(self, typed):
        """Sessions of the accounts, or holding one of the addresses. Their data is signed and
        encoded, so each is decoded here: the table holds the sessions of two weeks at most
        (clearsessions), read in chunks."""
        user_ids = {str(user.pk) for user in self.users}
        texts = {text.lower() for text in typed}
        found = []
        for session in Session.objects.iterator(chunk_size=SESSION_CHUNK):
            data = session.get_decoded()
            flat = repr(data).lower()
            if str(data.get("_auth_user_id")) in user_ids or any(text in flat for text in texts):
                found.append(session.pk)
        return Session.objects.filter(pk__in=found)

    # Preview and erasure

    def found(self):
        """The rows to erase, as querysets and lists, looked up once."""
        typed, names, ids = self.addresses_as_typed(), self.names(), self.record_ids()
        return {
            "ids": ids,
            "jobs": self.jobs(typed, ids),
            "sessions": self.sessions(typed),
            "log_entries": {
                model: self.log_entries(model, typed, names, ids)
                for model in (ModelLogEntry, PageLogEntry)
            },
        }

    def preview(self, found=None):
        """How many of each would be erased: for staff to check before they confirm."""
        found = found or self.found()
        ids = found["ids"]
        return {
            "accounts": len(self.users),
            "supporters": len(ids["supporters"]),
            "signatures": len(ids["signatures"]),
            "kept_in_counts": self.signatures().filter(confirmed_at__isnull=False).count(),
            "registrations": len(ids["registrations"]),
            "information_requests": len(ids["information_requests"]),
            "reports": len(ids["reports"]),
            "jobs": found["jobs"].count(),
            "sessions": found["sessions"].count(),
            "log_entries": sum(entries.count() for entries in found["log_entries"].values()),
        }

    def erase(self):
        """Erase it all, in one transaction; returns what was erased, as preview() counts.
        Refuses (ValueError) while an account with access to the admin uses an address."""
        if self.staff:
            raise ValueError("An account with access to the admin uses this address.")
        with transaction.atomic():
            found = self.found()
            counts = self.preview(found)
            found["jobs"].delete()
            found["sessions"].delete()
            for model, entries in found["log_entries"].items():
                model.objects.filter(pk__in=list(entries.values_list("pk", flat=True))).update(
                    label=ERASED_LABEL, data={}
                )
                model.objects.filter(user__in=self.users).update(user=None)
            signatures = self.signatures()
            # Never counted, so deleting them changes no count.
            signatures.filter(confirmed_at__isnull=True).delete()
            signatures.anonymise()
            registrations = self.registrations()
            for registration in registrations.exclude(status=Registration.Status.CANCELLED):
                registration.cancel()
            registrations.delete()
            # Their entries in the register: unpublished ones go, with the answer uploaded;
            # published ones stay, the public record, without their name.
            entries = RegisterEntry.objects.filter(tracked__in=self.information_requests())
            for entry in entries.exclude(status=RegisterEntry.Status.PUBLISHED):
                entry.withdraw()
            # Saved one by one, not updated in bulk: the register's pages are told by the save.
            for entry in entries.exclude(requester_name=""):
                entry.requester_name = ""
                entry.save(update_fields=["requester_name"])
            self.information_requests().delete()
            self.reports().update(
                reporter=None, email="", email_consent_version="", email_consent_at=None
            )
            EmailAddress.objects.filter(pk__in=self.unverified_addresses).delete()
            # The supporter, allauth's addresses and second factors, Wagtail's profile go with it.
            get_user_model().objects.filter(pk__in=[user.pk for user in self.users]).delete()
        return counts


def may_be_erased(user):
    """People with the admin are deleted by an administrator: their pages, revisions and
    moderation history name them, and someone must hand their work over first."""
    return not (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def for_account(user):
    """The person behind an account: its verified addresses (campaigns/supporters/views.py)."""
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    normalised = sorted({normalise_email(address) for address in verified})
    return Person(normalised=normalised, users=[user])


def for_address(address):
    """The person behind an address, for an erasure request handled by staff, who have made
    sure the request comes from the address's owner. Accounts with the address verified are
    theirs; an account whose every address is unverified never worked and goes too (as
    purge_unverified_accounts would delete it); one that lists it unverified beside a verified
    address of its own loses only that address."""
    normalised = {normalise_email(address)}
    users, unverified, staff = [], [], []
    rows = EmailAddress.objects.filter(matching("email", normalised)).select_related("user")
    accounts = {}
    for row in rows:
        accounts.setdefault(row.user, []).append(row)
    loose = get_user_model().objects.filter(matching("email", normalised))
    for user in loose.exclude(pk__in=[user.pk for user in accounts]):
        accounts.setdefault(user, [])
    for user, matched in accounts.items():
        owned = (
            any(row.verified for row in matched)
            or not user.emailaddress_set.filter(verified=True).exists()
        )
        if not owned:
            unverified.extend(row.pk for row in matched)
        elif may_be_erased(user):
            users.append(user)
        else:
            staff.append(user)
    # The accounts' other verified addresses are the person's too.
    normalised.update(
        normalise_email(email)
        for email in EmailAddress.objects.filter(user__in=users, verified=True).values_list(
            "email", flat=True
        )
    )
    return Person(
        normalised=sorted(normalised), users=users, unverified_addresses=unverified, staff=staff
    )
