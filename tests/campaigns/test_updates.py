"""Petition updates: editors write and send them once to the signers who asked for news, each
mail with a one-click unsubscribe (RFC 8058) that works without cookies and only with our
token."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.test import Client
from django.utils import timezone, translation
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from campaigns.models import PetitionUpdate, Signature
from campaigns.petitions.models import confirmation_token
from campaigns.petitions.updates import send_update

from .factories import PetitionPageFactory, SignatureFactory
from .test_petitions import petition_tree  # noqa: F401  (a fixture)

# pytest fixtures are named as arguments, which ruff reads as redefinitions of the import.
# ruff: noqa: F811

pytestmark = pytest.mark.django_db

UPDATES = "/admin/petition-updates/"
UNSUBSCRIBE = re.compile(r"http://localhost(/(?:en/)?unsubscribe/[\w-]+/)")


@pytest.fixture(autouse=True)
def no_second_factor(settings):
    # The second factor (home/accounts/staff_mfa.py) is tested on its own; here it is in the way.
    settings.STAFF_REQUIRE_MFA = False


@pytest.fixture(autouse=True)
def keep_the_active_language():
    # The admin's requests leave the editor's language (English) active in this thread; the
    # tests after these must start in the language they started in.
    language = translation.get_language()
    yield
    translation.activate(language)


def make_editor(*codenames):
    user = get_user_model().objects.create_user("urednica", password="x")
    group = Group.objects.create(name="Urednici")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    user.groups.add(group)
    # The admin speaks each user's language: English here, for the strings the tests read.
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


@pytest.fixture
def editor(client):
    user = make_editor(*(f"{action}_petitionupdate" for action in ("add", "change", "delete")))
    client.force_login(user)
    return user


def signer(petition, **fields):
    """A confirmed signer who asked for news, unless told otherwise."""
    signature = SignatureFactory(petition=petition, **{"newsletter": True, **fields})
    signature.confirm()
    return signature


@pytest.fixture
def readers(petition_tree):
    """Two signers who get the news, one per language, and four who do not."""
    petition, petition_en = petition_tree["petition"], petition_tree["petition_en"]
    ana = signer(petition, first_name="Ana", email="ana@example.org")
    john = signer(petition_en, first_name="John", email="john@example.org", language="en")
    signer(petition, email="no-news@example.org", newsletter=False)
    SignatureFactory(petition=petition, email="unconfirmed@example.org", newsletter=True)
    invalid = signer(petition, email="spam@example.org")
    Signature.objects.filter(pk=invalid.pk).update(invalidated_at=timezone.now())
    other = PetitionPageFactory(parent=petition.get_parent(), slug="druga")
    signer(other, email="other-petition@example.org")
    return {"ana": ana, "john": john}


def write_update(petition):
    return PetitionUpdate.objects.create(
        petition=petition, subject="Predali smo peticiju", body="Predali smo 200 potpisa."
    )


def test_an_editor_writes_an_update_and_sends_it_after_confirming(
    client, editor, petition_tree, readers, mailoutbox, django_capture_on_commit_callbacks
):
    petition = petition_tree["petition"]
    response = client.post(
        UPDATES + "new/",
        {"petition": petition.pk, "subject": "Predali smo peticiju", "body": "Predali smo je."},
    )
    assert response.status_code == 302
    update = PetitionUpdate.objects.get()
    listing = client.get(UPDATES).text
    assert f"{UPDATES}send/{update.pk}/" in listing

    confirm_page = client.get(f"{UPDATES}send/{update.pk}/")
    assert confirm_page.status_code == 200
    assert "to 2 signers of “Bez prepoznavanja lica”?" in confirm_page.text
    assert mailoutbox == [] and PetitionUpdate.objects.get().sent_at is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{UPDATES}send/{update.pk}/")
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.sent_at is not None and update.sent_by == editor and update.recipients == 2
    assert sorted(message.to[0] for message in mailoutbox) == [
        "ana@example.org",
        "john@example.org",
    ]
    assert {message.subject for message in mailoutbox} == {"Predali smo peticiju"}
    assert f"{UPDATES}send/{update.pk}/" not in client.get(UPDATES).text


def test_each_mail_is_in_its_readers_language_with_one_click_unsubscribe_headers(
    editor, petition_tree, readers, mailoutbox, django_capture_on_commit_callbacks
):
    update = write_update(petition_tree["petition"])
    with django_capture_on_commit_callbacks(execute=True):
        send_update(update, editor)
    mails = {message.to[0]: message for message in mailoutbox}
    serbian, english = mails["ana@example.org"], mails["john@example.org"]
    assert serbian.body.startswith("Zdravo, Ana,")
    assert "http://localhost/kampanje/bez-prepoznavanja-lica/" in serbian.body
    assert english.body.startswith("Hello John,")
    assert "http://localhost/en/campaigns/no-facial-recognition/" in english.body
    for message, signature, prefix in (
        (serbian, readers["ana"], "/"),
        (english, readers["john"], "/en/"),
    ):
        assert "Predali smo 200 potpisa." in message.body
        url = f"http://localhost{prefix}unsubscribe/{signature.unsubscribe_token()}/"
        assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert url in message.body


def test_an_update_is_sent_once_however_often_send_is_pressed(
    client, editor, petition_tree, readers, mailoutbox, django_capture_on_commit_callbacks
):
    update = write_update(petition_tree["petition"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{UPDATES}send/{update.pk}/")
        second = client.post(f"{UPDATES}send/{update.pk}/", follow=True)
        assert send_update(update, editor) is False
    assert len(mailoutbox) == 2
    assert "This update had already been sent" in second.text
    # Sent, it is a record: it can be read, not changed or deleted.
    for action in ("edit", "delete"):
        response = client.get(f"{UPDATES}{action}/{update.pk}/")
        assert response.status_code == 302
        assert response["Location"] == f"{UPDATES}inspect/{update.pk}/"
    assert client.get(f"{UPDATES}inspect/{update.pk}/").status_code == 200


def test_only_editors_who_may_change_updates_send_them(client, petition_tree, readers, mailoutbox):
    update = write_update(petition_tree["petition"])
    client.force_login(make_editor("view_petitionupdate"))
    # Wagtail's admin answers a refusal by sending the user to the dashboard, with a message.
    for response in (
        client.get(f"{UPDATES}send/{update.pk}/"),
        client.post(f"{UPDATES}send/{update.pk}/"),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert PetitionUpdate.objects.get().sent_at is None and mailoutbox == []


def test_the_listing_does_not_query_per_update(
    client, editor, petition_tree, django_assert_max_num_queries
):
    write_update(petition_tree["petition"])
    client.get(UPDATES)
    with django_assert_max_num_queries(40) as queries:
        response = client.get(UPDATES)
    # An error page or a redirect costs fewer queries: check it is the listing each time.
    assert response.status_code == 200 and len(response.context["object_list"]) == 1
    for _ in range(5):
        write_update(PetitionPageFactory(parent=petition_tree["petition"].get_parent()))
    with django_assert_max_num_queries(len(queries)):
        response = client.get(UPDATES)
    assert response.status_code == 200 and len(response.context["object_list"]) == 6


# The task table


@pytest.fixture
def queue_in_the_database(settings):
    """Jobs wait in django-tasks-db's table, as in production, until run_worker() runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# The worker's transactions need a database that commits, as in production; the rollback
# restores what the migrations made (content types, Wagtail's root) for the tests after.
worker_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_worker(max_tasks=None):
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,  # stops when the queue is empty
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="test-worker",
    ).run()


def task_table():
    """Everything the task table holds, as one text: what a database dump would show."""
    return serializers.serialize("json", DBTaskResult.objects.all())


@pytest.fixture
def queued_update(
    editor,
    petition_tree,
    readers,
    queue_in_the_database,  # after the pages and signers: only the update's jobs are queued
    django_capture_on_commit_callbacks,
):
    """An update the editor sent, its job run: one mail job per reader waits in the queue."""
    update = write_update(petition_tree["petition"])
    with django_capture_on_commit_callbacks(execute=True):
        send_update(update, editor)
    # Wagtail's reference index job for the new update, then the update's job, which queues
    # one job per recipient.
    run_worker(max_tasks=2)
    return update


@worker_db
def test_the_task_table_holds_no_address_name_or_text_of_an_update(
    queued_update, readers, mailoutbox
):
    update = queued_update
    jobs = DBTaskResult.objects.filter(task_path__startswith="campaigns.")
    assert sorted((job.task_path, job.status, job.args_kwargs["args"]) for job in jobs) == [
        ("campaigns.petitions.updates.mail_update", "SUCCESSFUL", [update.pk]),
        ("campaigns.petitions.updates.send_update_mail", "READY", [update.pk, readers["ana"].pk]),
        ("campaigns.petitions.updates.send_update_mail", "READY", [update.pk, readers["john"].pk]),
    ]
    assert mailoutbox == []
    private = ("ana@example.org", "john@example.org", "Ana", "John", "Predali smo")
    for text in private:
        assert text not in task_table()

    run_worker()  # the mails, built now
    mails = {message.to[0]: message for message in mailoutbox}
    assert sorted(mails) == ["ana@example.org", "john@example.org"]
    assert mails["ana@example.org"].subject == "Predali smo peticiju"
    assert mails["ana@example.org"].body.startswith("Zdravo, Ana,")
    assert "Predali smo 200 potpisa." in mails["john@example.org"].body
    assert (
        mails["john@example.org"]
        .extra_headers["List-Unsubscribe"]
        .startswith("<http://localhost/en/unsubscribe/")
    )
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    for text in private:
        assert text not in task_table()


@pytest.fixture
def bora(petition_tree):
    return signer(petition_tree["petition"], first_name="Bora", email="bora@example.org")


@worker_db
def test_a_signer_who_leaves_before_the_worker_runs_gets_nothing(
    bora, queued_update, readers, mailoutbox
):
    Signature.objects.filter(pk=readers["ana"].pk).anonymise()
    Signature.objects.filter(pk=readers["john"].pk).update(newsletter=False)
    run_worker()
    assert [message.to for message in mailoutbox] == [[bora.email]]
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


# Unsubscribing


@pytest.fixture
def link(editor, petition_tree, readers, mailoutbox, django_capture_on_commit_callbacks):
    """Ana's unsubscribe address, from the mail she got."""
    with django_capture_on_commit_callbacks(execute=True):
        send_update(write_update(petition_tree["petition"]), editor)
    [message] = [message for message in mailoutbox if message.to == ["ana@example.org"]]
    return UNSUBSCRIBE.search(message.body)[1]


def subscribed(email="ana@example.org"):
    return Signature.objects.get(email=email).newsletter


def test_a_mail_providers_one_click_post_unsubscribes_without_a_csrf_token(link):
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not subscribed()
    assert subscribed("john@example.org")


def test_following_the_link_asks_first_and_the_button_unsubscribes(link):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(link)
    assert page.status_code == 200
    assert '<form method="post">' in page.text and "Bez prepoznavanja lica" in page.text
    assert subscribed()
    # Any other POST needs the form's CSRF token.
    assert browser.post(link, {}).status_code == 403
    assert subscribed()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    response = browser.post(link, {"csrfmiddlewaretoken": token})
    assert response.status_code == 200 and "<form" not in response.text.split("<main")[1]
    assert not subscribed()


def test_a_forged_or_borrowed_token_is_not_found(client, link, readers):
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = token[:-1] + ("0" if token[-1] != "0" else "1")
    # The confirmation link's token is ours too, but not for this.
    borrowed = confirmation_token(readers["ana"])
    for bad in (forged, borrowed, "nema"):
        assert client.get(f"/unsubscribe/{bad}/").status_code == 404
        response = client.post(
            f"/unsubscribe/{bad}/",
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 404
    assert subscribed()


def test_anonymised_or_deleted_signers_are_told_they_get_nothing(client, petition_tree):
    petition = petition_tree["petition"]
    gone, blank = signer(petition), signer(petition)
    gone_link = f"/unsubscribe/{gone.unsubscribe_token()}/"
    gone.delete()
    Signature.objects.filter(pk=blank.pk).anonymise()
    for link in (gone_link, f"/en/unsubscribe/{blank.unsubscribe_token()}/"):
        assert client.get(link).status_code == 200
        response = client.post(
            link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200
    blank.refresh_from_db()
    assert (blank.email, blank.newsletter) == ("", False)
