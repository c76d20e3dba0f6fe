"""Erasure reaches everything (campaigns/supporters/erasure.py): one person is seeded in every
table that can hold them, erased by deleting their account or by staff handling their request by
address, and then the whole database is searched for them: a `dumpdata` of every app, every column
of every table read raw, and every session decoded. Counts of petitions and events stay.

The search is for their name and the distinctive part of their address, in any case and any
form (Gmail's dots, "+tags", JSON's escapes), so that a field added later that keeps a copy of
either fails here without this test knowing about it.
"""

import importlib
import inspect
import io
import pkgutil
import re
from datetime import timedelta
from pathlib import Path
from smtplib import SMTPRecipientsRefused

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import Task, TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from campaigns.emails import normalise_email
from campaigns.events.tasks import send_registration_mail
from campaigns.models import (
    CampaignIndexPage,
    PetitionCount,
    PetitionUpdate,
    Registration,
    Signature,
    Supporter,
)
from campaigns.petitions.tasks import send_signature_mail
from campaigns.petitions.updates import send_update_mail
from campaigns.supporters.erasure import ID_PARAMETERS, OTHER_ID_PARAMETERS
from campaigns.supporters.erasure_admin import ERASE_ACTION
from campaigns.supporters.forms import SUPPORTER_CONSENT_TEXT, SUPPORTER_CONSENT_VERSION
from campaigns.tasks import send_mail
from tests.accounts.conftest import PASSWORD, make_user
from tests.campaigns.factories import (
    EventPageFactory,
    PetitionPageFactory,
    RegistrationFactory,
    SignatureFactory,
)
from tests.home.factories import site_home
from tests.map.factories import CameraReportFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db(transaction=False)

DELETE = "/accounts/activity/delete/"
ACCOUNT_ADDRESS = "jelena.markovic@gmail.com"
# What must not be found anywhere after erasure, in lower case: her first name, and what every
# form of her surname and address shares ("marković", "markovic", "markovi\u0107").
NEEDLES = ("jelena", "markovi")
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def world(db):
    """Two petitions and two events of one place each, with other people in them."""
    home = site_home()
    index = home.add_child(instance=CampaignIndexPage(title="Kampanje", slug="kampanje"))
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    petitions = [
        PetitionPageFactory(parent=index, title="Bez prepoznavanja lica", slug="bez"),
        PetitionPageFactory(parent=index, title="Javni spisak kamera", slug="spisak"),
    ]
    events = [
        EventPageFactory(parent=index, title="Radionica", slug="radionica", capacity=1),
        EventPageFactory(parent=index, title="Tribina", slug="tribina", capacity=1),
    ]
    others = {
        "signatures": [
            confirmed(SignatureFactory(petition=petition, email=f"marko{n}@example.org"))
            for n, petition in enumerate(petitions)
        ],
        # Waiting behind her at the first event; in the place she waits for at the second.
        "waiting": RegistrationFactory(
            event=events[0], email="marko@example.org", status=Registration.Status.WAITING
        ),
        "placed": RegistrationFactory(event=events[1], email="mila@example.org"),
    }
    return {"petitions": petitions, "events": events, "vracar": vracar, "others": others}


def confirmed(signature):
    signature.confirm()
    return signature


def queue(task, *args, status=None):
    """A job in the task queue's table, as the worker leaves it."""
    with override_settings(TASKS=QUEUE):
        result = task.enqueue(*args)
    if status:
        DBTaskResult.objects.filter(pk=result.id).update(
            status=status, finished_at=timezone.now(), return_value=None
        )
    return str(result.id)


class RefusingMailServer(BaseEmailBackend):
    """A mail server that refuses every recipient, as Django's SMTP backend reports it."""

    def send_messages(self, email_messages):
        refused = {
            address: (550, f"5.1.1 <{address}>: Recipient address rejected".encode())
            for message in email_messages
            for address in message.recipients()
        }
        raise SMTPRecipientsRefused(refused)


def run_and_fail(job_id, task, *args):
    """Run a queued job as the worker does, against a server that refuses its recipient, and
    keep its failure as the worker does (django-tasks-db's set_failed, with the traceback)."""
    job = DBTaskResult.objects.get(pk=job_id)
    with override_settings(EMAIL_BACKEND=f"{__name__}.RefusingMailServer"):
        try:
            task.call(*args)
        except SMTPRecipientsRefused as error:
            job.set_failed(error)
    job.refresh_from_db()
    assert job.status == TaskResultStatus.FAILED  # the test's premise


def seed_person(world, with_account=True):
    """Jelena Marković everywhere: her account, supporter record, second factor and session;
    signatures in both petitions (one confirmed, with the newsletter), a place at one event and
    a turn on the other's waiting list; a camera report with her address; a queued mail and
    finished jobs about her; audit log entries naming her. Her addresses vary as people type
    them: all are hers once normalised."""
    petitions, events, vracar = world["petitions"], world["events"], world["vracar"]
    person = {}
    if with_account:
        user = make_user(ACCOUNT_ADDRESS)
        user.first_name, user.last_name = "Jelena", "Marković"
        user.save()
        supporter = Supporter(user=user, first_name="Jelena", municipality=vracar, newsletter=True)
        supporter.record_consent(SUPPORTER_CONSENT_TEXT, SUPPORTER_CONSENT_VERSION, timezone.now())
        supporter.save()
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "x"}
        )
        person["user"] = user
        CameraReportFactory(reporter=user, note="Kamera na uglu.")
        session = Client()
        session.force_login(user)
        person["client"] = session

    def signature(petition, email):
        return SignatureFactory(
            petition=petition,
            first_name="Jelena",
            last_name="Marković",
            email=email,
            email_normalised=normalise_email(email),
            municipality=vracar,
            newsletter=True,
            show_first_name=True,
        )

    signed = confirmed(signature(petitions[0], "Jelena.Markovic+peticija@gmail.com"))
    unconfirmed = signature(petitions[1], "JelenaMarkovic@googlemail.com")
    placed = RegistrationFactory(
        event=events[0],
        name="Jelena Marković",
        email="jelena.markovic@gmail.com",
        email_normalised=normalise_email("jelena.markovic@gmail.com"),
    )
    RegistrationFactory(
        event=events[1],
        name="Jelena M.",
        email="Jelena.Markovic@Gmail.com",
        email_normalised=normalise_email("Jelena.Markovic@Gmail.com"),
        status=Registration.Status.WAITING,
        created_at=timezone.now() + timedelta(seconds=1),
    )
    CameraReportFactory(email="JELENA.MARKOVIC@gmail.com", email_consent_version="1")

    # Jobs: a mail waiting with her address and name, finished ones holding her records' ids.
    queue(send_mail, "Vaše mesto", "Zdravo, Jelena Marković!", "jelena.markovic@gmail.com")
    template = "campaigns/mail/signature_confirm.txt"
    queue(send_signature_mail, signed.pk, petitions[0].pk, template, "sr-latn")
    queue(
        send_signature_mail,
        unconfirmed.pk,
        petitions[1].pk,
        template,
        "sr-latn",
        status=TaskResultStatus.SUCCESSFUL,
    )
    # Registration mails queue ids too (issue 14, finding 3).
    queue(
        send_registration_mail,
        placed.pk,
        "confirmed",
        "sr-latn",
        status=TaskResultStatus.SUCCESSFUL,
    )

    # Petition updates: a mail waiting for her; and one her mail server refused, about a
    # signature since anonymised (its petition's retention ran): only the failure's
    # traceback, kept for days, still names her.
    update = PetitionUpdate.objects.create(petition=petitions[0], subject="Vesti", body="…")
    queue(send_update_mail, update.pk, signed.pk)
    old_petition = PetitionPageFactory(
        parent=petitions[0].get_parent(), title="Stara peticija", slug="stara"
    )
    old_signature = confirmed(signature(old_petition, "Jelena.Markovic@gmail.com"))
    old_update = PetitionUpdate.objects.create(petition=old_petition, subject="Kraj", body="…")
    refused = queue(send_update_mail, old_update.pk, old_signature.pk)
    run_and_fail(refused, send_update_mail, old_update.pk, old_signature.pk)
    assert "Jelena.Markovic@gmail.com" in DBTaskResult.objects.get(pk=refused).traceback
    Signature.objects.filter(pk=old_signature.pk).anonymise()

    # A session of a visitor in the middle of something, holding her address.
    anonymous = SessionStore()
    anonymous["account_login_email"] = "Jelena.Markovic@gmail.com"
    anonymous.create()

    # The audit log: her signature opened (labelled with her name, as Wagtail labels by
    # default), a page's entry whose details name her, and an entry of her own.
    log(signed, "wagtail.edit", data={"email": signed.email})
    log(petitions[0], "wagtail.edit", data={"note": "Potpis Jelene Marković, Jelena Marković"})
    if with_account:
        log(petitions[1], "wagtail.edit", user=person["user"])
    return person


def others_stay(world):
    """Other people's records, jobs and log entries are left as they were."""
    first, second = world["others"]["signatures"]
    log(first, "wagtail.edit", data={"email": first.email})
    job = queue(send_signature_mail, second.pk, world["petitions"][1].pk, "x.txt", "sr-latn")
    return {"entry": str(first), "job": job}


def counts(world):
    petitions = [
        PetitionCount.objects.get(translation_key=page.translation_key).count
        for page in world["petitions"]
    ]
    places = [
        sorted(event.registrations.values_list("status", flat=True)) for event in world["events"]
    ]
    return (petitions, places)


def staff_member(*codenames, email="zastita@kamere.example"):
    staff = make_user(email)
    staff.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=codenames),
    )
    client = Client()
    client.force_login(staff)
    return staff, client


# Searching the database


def dump():
    """Every app's rows as `dumpdata` writes them, with natural keys and no content types."""
    output = io.StringIO()
    call_command(
        "dumpdata",
        natural_foreign=True,
        natural_primary=True,
        exclude=["contenttypes", "auth.permission"],
        stdout=output,
    )
    return output.getvalue()


def raw_tables():
    """Every value of every column of every table, read as the database returns it."""
    texts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview):
                        value = value.tobytes()
                    if isinstance(value, bytes):
                        value = value.decode("utf-8", "ignore")
                    texts.append(str(value))
    return "\n".join(texts)


def sessions():
    return "\n".join(repr(session.get_decoded()) for session in Session.objects.all())


def found_anywhere():
    """Where she is still found: the needles in each source, lower case."""
    sources = {"dumpdata": dump(), "tables": raw_tables(), "sessions": sessions()}
    return {
        (source, needle, text[max(0, text.find(needle) - 120) : text.find(needle) + 60])
        for source, text in ((name, text.lower()) for name, text in sources.items())
        for needle in NEEDLES
        if needle in text
    }


def assert_erased_and_counts_kept(world, before, kept):
    assert not found_anywhere()
    # Her place at the first event went to the one waiting; at the second, her turn went.
    assert counts(world) == (before[0], [["confirmed"], ["confirmed"]])
    assert ModelLogEntry.objects.filter(label=kept["entry"]).exists()
    assert DBTaskResult.objects.filter(pk=kept["job"]).exists()
    for signature in world["others"]["signatures"]:
        assert Signature.objects.get(pk=signature.pk).email == signature.email


# The tests


def test_the_test_finds_her_before_erasure(world):
    """Without erasure, every source holds her: the search is not blind."""
    seed_person(world)
    sources = {source for source, _needle, _text in found_anywhere()}
    assert sources == {"dumpdata", "tables", "sessions"}


def test_deleting_the_account_erases_her_everywhere_and_keeps_the_counts(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    person = seed_person(world)
    kept = others_stay(world)
    before = counts(world)
    assert before[1] == [["confirmed", "waiting"], ["confirmed", "waiting"]]

    with django_capture_on_commit_callbacks(execute=True):
        response = person["client"].post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=person["user"].pk).exists()
    assert_erased_and_counts_kept(world, before, kept)
    # The goodbye mail went out (at once, as the tests run jobs), to the address it was for.
    assert ACCOUNT_ADDRESS in {message.to[0] for message in mailoutbox}


@pytest.mark.parametrize("with_account", [False, True], ids=["no account", "with an account"])
def test_staff_erase_a_request_by_address_after_a_preview(world, with_account):
    seed_person(world, with_account=with_account)
    kept = others_stay(world)
    before = counts(world)
    staff, client = staff_member("delete_supporter")
    url = reverse("erase_person")
    # Another form of her address: capitals, a tag and Google's other domain.
    asked = {"email": "JELENA.MARKOVIC+brisanje@googlemail.com"}

    preview = client.post(url, {**asked, "preview": "1"})
    assert preview.status_code == 200
    rows = dict(preview.context["preview"])
    assert list(rows.values())[:4] == [int(with_account), 2, 2, 1 + with_account]
    # Looking erased nothing.
    assert Signature.objects.filter(email_normalised="jelenamarkovic@gmail.com").count() == 2

    response = client.post(url, {**asked, "confirm": "1"})
    assert response.status_code == 302
    assert_erased_and_counts_kept(world, before, kept)
    (entry,) = ModelLogEntry.objects.filter(action=ERASE_ACTION)
    assert entry.user == staff
    assert entry.data["signatures"] == 2 and entry.data["accounts"] == int(with_account)
    # Her six jobs, counted in the preview too: a mail with her address, two signature mails,
    # a registration mail, the update's mail waiting for her and the one her server refused.
    assert entry.data["jobs"] == list(rows.values())[5] == 6
    assert str(int(with_account)) in entry.message  # as Reports → Site history shows it
    assert EmailAddress.objects.filter(user=staff).exists()  # the staff member stays


def test_an_account_cannot_erase_someone_else_by_listing_their_address_unverified(
    world, django_capture_on_commit_callbacks
):
    """An address added to an account but never verified is not the account's: deleting the
    account leaves that address's signatures alone."""
    victim = confirmed(
        SignatureFactory(
            petition=world["petitions"][0],
            email="novinarka@example.org",
            email_normalised="novinarka@example.org",
        )
    )
    user = make_user("napadac@example.org")
    EmailAddress.objects.create(user=user, email="novinarka@example.org", verified=False)
    client = Client()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(DELETE, {"password": PASSWORD})
    victim.refresh_from_db()
    assert victim.email == "novinarka@example.org"


def test_staff_cannot_erase_an_admin_account_here(world):
    editor = make_user("urednica@kamere.example", admin_access=True)
    _staff, client = staff_member("delete_supporter")
    url = reverse("erase_person")
    asked = {"email": "Urednica@kamere.example"}
    preview = client.post(url, {**asked, "preview": "1"})
    assert preview.context["person"].staff == [editor]
    assert 'name="confirm"' not in preview.content.decode()
    client.post(url, {**asked, "confirm": "1"})
    assert get_user_model().objects.filter(pk=editor.pk).exists()
    assert not ModelLogEntry.objects.filter(action=ERASE_ACTION).exists()


def test_only_those_allowed_may_erase_and_bad_input_is_a_field_error(world):
    seed_person(world, with_account=False)
    _editor, editor_client = staff_member("view_signature", email="urednik@kamere.example")
    url = reverse("erase_person")
    response = editor_client.post(url, {"email": "jelena.markovic@gmail.com", "confirm": "1"})
    assert response.status_code in (302, 403)
    assert Signature.objects.filter(email_normalised="jelenamarkovic@gmail.com").count() == 2

    _staff, client = staff_member("delete_supporter")
    page = client.get(url)
    assert page.status_code == 200
    assert "Zahtevi za brisanje" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert (
        "Zahtevi za brisanje"
        not in editor_client.get(reverse("wagtailadmin_home")).content.decode()
    )
    for bad in ("", "not an address", "a@" + "b" * 300 + ".org", "\x00@example.org"):
        response = client.post(url, {"email": bad, "confirm": "1"})
        assert response.status_code == 200
        assert response.context["form"].errors["email"]
    assert Signature.objects.filter(email_normalised="jelenamarkovic@gmail.com").count() == 2


# Tasks and the ids they take

# A parameter named like an id, or like a model: what a job about someone would carry.
ID_LIKE = re.compile(r"(^|_)(id|ids|pk|pks)$")


def project_tasks():
    """Every task of our own apps (those under BASE_DIR, not the virtualenv's): each module of
    each app imported, and the django-tasks Task objects in it collected by their path."""
    base = Path(settings.BASE_DIR).resolve()
    found = {}
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if not path.is_relative_to(base) or ".venv" in path.relative_to(base).parts:
            continue
        for module in pkgutil.walk_packages([str(path)], prefix=f"{app.name}."):
            if ".migrations" in module.name:
                continue
            for value in vars(importlib.import_module(module.name)).values():
                if isinstance(value, Task):
                    found[value.module_path] = value
    return found


def test_every_task_parameter_that_names_a_record_is_one_erasure_knows():
    """Erasure finds the jobs about a person by the names of their tasks' parameters
    (campaigns/supporters/erasure.py ID_PARAMETERS): a task that takes `signature_pk` would keep its
    jobs about them. Every parameter named like an id or like a model is either a person's
    record's, known to erasure, or named as no one's in OTHER_ID_PARAMETERS."""
    tasks = project_tasks()
    # The walk is not blind: the tasks known today are found.
    assert {
        "campaigns.petitions.updates.send_update_mail",
        "campaigns.petitions.updates.mail_update",
        "campaigns.petitions.tasks.send_signature_mail",
        "campaigns.events.tasks.send_registration_mail",
    } <= set(tasks)
    # Our models' names and the account's: "signature", "registration", "user".
    model_names = {
        model._meta.model_name
        for model in apps.get_models()
        if model._meta.app_label in {"home", "campaigns", "knowledge", "map"}
    } | {get_user_model()._meta.model_name}
    unknown = {
        f"{path}({name})"
        for path, task in tasks.items()
        for name in inspect.signature(task.func).parameters
        if (ID_LIKE.search(name) or name in model_names)
        and name not in ID_PARAMETERS
        and name not in OTHER_ID_PARAMETERS
    }
    assert not unknown, (
        "Task parameters named like an id that erasure does not know: name them as in "
        "campaigns/supporters/erasure.py ID_PARAMETERS if they carry a person's record, or add "
        "them to "
        f"OTHER_ID_PARAMETERS if they carry no one's: {sorted(unknown)}"
    )
    assert not set(ID_PARAMETERS) & OTHER_ID_PARAMETERS
