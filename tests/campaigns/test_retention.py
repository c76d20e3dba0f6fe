"""Retention: signers' data anonymised six months after signing ends, registrations deleted a
month after their event; and what publishing an event does to its registrations."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone, translation
from wagtail.models import Revision

from campaigns.events.models import MAIL_SUBJECTS
from campaigns.management.commands.anonymise_signatures import ANONYMISE_AFTER
from campaigns.management.commands.purge_event_registrations import (
    REGISTRATION_RETENTION,
    UNCONFIRMED_RETENTION,
)
from campaigns.models import EventPage, PetitionPage, Registration, Signature
from home.management.commands.run_schedule import JOBS
from tests.home.test_pages import translate
from tests.map.factories import MunicipalityFactory

from .factories import EventPageFactory, PetitionPageFactory, RegistrationFactory, SignatureFactory
from .test_events import campaigns  # noqa: F401  (a fixture)
from .test_petitions import petition_tree  # noqa: F401  (a fixture)

# pytest fixtures are named as arguments, which ruff reads as redefinitions of the imports.
# ruff: noqa: F811

pytestmark = pytest.mark.django_db


def anonymise(*arguments):
    output = StringIO()
    call_command("anonymise_signatures", *arguments, stdout=output)
    return output.getvalue()


def end_signing(petition, ended_at, **fields):
    """Close the petition and its translations, as of `ended_at`."""
    PetitionPage.objects.filter(translation_key=petition.translation_key).update(
        state=PetitionPage.State.CLOSED, closed_at=ended_at, **fields
    )


def sign_up(petition, municipality, **fields):
    signature = SignatureFactory(
        petition=petition, municipality=municipality, newsletter=True, **fields
    )
    signature.confirm()
    return signature


def per_municipality(petition):
    return dict(
        Signature.objects.valid()
        .filter(petition_key=petition.translation_key)
        .values_list("municipality__slug")
        .annotate(Count("pk"))
    )


@pytest.fixture
def signed(petition_tree):
    """The tree's petition with three confirmed signatures (one from its English page, one
    over the rate limit) and one left unconfirmed, and another petition signed once."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    sign_up(petition, vracar, first_name="Milica", show_first_name=True)
    sign_up(petition_tree["petition_en"], zemun, first_name="John", language="en")
    sign_up(petition, zemun, first_name="Over", over_client_rate=True, client_key="0" * 16)
    SignatureFactory(petition=petition, municipality=vracar, first_name="Unconfirmed")
    other = PetitionPageFactory(parent=petition.get_parent(), slug="druga")
    sign_up(other, vracar, first_name="Druga")
    return {**petition_tree, "other": other}


def test_anonymised_a_day_after_six_months_and_not_a_day_before(client, signed):
    petition, other = signed["petition"], signed["other"]
    now = timezone.now()
    end_signing(petition, now - ANONYMISE_AFTER - timedelta(days=1))
    end_signing(other, now - ANONYMISE_AFTER + timedelta(days=1))
    count_json = client.get(petition.url + "count.json").json()
    totals = per_municipality(petition)
    assert petition.confirmed_count() == 3 and totals == {"vracar": 1, "zemun": 2}

    output = anonymise()

    assert "Anonymised 3 signature(s) of “Bez prepoznavanja lica”" in output
    assert "deleted 1 unconfirmed" in output
    rows = Signature.objects.filter(petition_key=petition.translation_key)
    assert rows.count() == 3 and not rows.filter(confirmed_at__isnull=True).exists()
    for row in rows:
        assert (row.first_name, row.last_name, row.email) == ("", "", "")
        assert row.email_normalised is None
        assert not row.newsletter and not row.show_first_name
        assert row.client_key == "" and not row.over_client_rate  # the review signals
        # Still consented, and when, to the day.
        assert row.consent_version and row.consent_text
        for moment in (row.created_at, row.confirmed_at, row.consented_at):
            assert moment.astimezone(UTC).time() == datetime.min.time()
    # The count, the partner sites' count and the per-municipality totals are as they were.
    assert petition.confirmed_count() == 3
    assert client.get(petition.url + "count.json").json() == count_json
    assert per_municipality(petition) == totals
    stamps = PetitionPage.objects.filter(translation_key=petition.translation_key)
    assert all(stamps.values_list("personal_data_anonymised_at", flat=True))
    # The other petition has a day to go.
    assert Signature.objects.get(petition=other).first_name == "Druga"
    assert PetitionPage.objects.get(pk=other.pk).personal_data_anonymised_at is None


def test_a_passed_deadline_ends_signing_too(signed):
    petition = signed["petition"]
    PetitionPage.objects.filter(translation_key=petition.translation_key).update(
        deadline=timezone.now() - ANONYMISE_AFTER - timedelta(days=1)
    )
    anonymise()
    assert not Signature.objects.filter(petition=petition).exclude(email="").exists()


def test_a_translation_still_taking_signatures_keeps_them(signed):
    petition = signed["petition"]
    PetitionPage.objects.filter(pk=petition.pk).update(
        state=PetitionPage.State.CLOSED, closed_at=timezone.now() - ANONYMISE_AFTER * 2
    )
    assert "Anonymised the signatures of 0 petition(s)." in anonymise()
    assert Signature.objects.filter(first_name="Milica").exists()


def test_the_public_page_still_works_without_names(client, signed):
    petition = signed["petition"]
    assert "Milica, Vračar" in client.get(petition.url).text
    end_signing(petition, timezone.now() - ANONYMISE_AFTER - timedelta(days=1))
    anonymise()
    for page in (petition, signed["petition_en"]):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "petition__signers" not in response.text
        assert "petition__anonymised" in response.text
        assert "<strong>3</strong>" in response.text


def test_an_exempted_petition_keeps_its_data_until_the_exemption_is_lifted(signed):
    petition = signed["petition"]
    end_signing(
        petition, timezone.now() - ANONYMISE_AFTER - timedelta(days=1), keep_personal_data=True
    )
    assert "0 petition(s)" in anonymise()
    assert Signature.objects.filter(petition=petition).exclude(email="").count() == 3

    PetitionPage.objects.filter(pk=petition.pk).update(keep_personal_data=False)
    assert "0 petition(s)" in anonymise()  # the English page is still exempted

    PetitionPage.objects.filter(translation_key=petition.translation_key).update(
        keep_personal_data=False
    )
    assert "1 petition(s)" in anonymise()
    assert not Signature.objects.filter(petition=petition).exclude(email="").exists()


def test_running_again_changes_nothing(signed):
    petition = signed["petition"]
    end_signing(petition, timezone.now() - ANONYMISE_AFTER - timedelta(days=1))
    anonymise()
    before = list(Signature.objects.order_by("pk").values())
    stamp = PetitionPage.objects.get(pk=petition.pk).personal_data_anonymised_at
    assert "Anonymised the signatures of 0 petition(s)." in anonymise()
    assert list(Signature.objects.order_by("pk").values()) == before
    assert PetitionPage.objects.get(pk=petition.pk).personal_data_anonymised_at == stamp


def test_a_dry_run_says_what_it_would_do_and_does_nothing(signed):
    petition = signed["petition"]
    end_signing(petition, timezone.now() - ANONYMISE_AFTER - timedelta(days=1))
    before = list(Signature.objects.order_by("pk").values())
    output = anonymise("--dry-run")
    assert "Would anonymise 4 signature(s) of “Bez prepoznavanja lica”." in output
    assert "Dry run: 1 petition(s) due, nothing changed." in output
    assert list(Signature.objects.order_by("pk").values()) == before
    assert PetitionPage.objects.get(pk=petition.pk).personal_data_anonymised_at is None


def test_publishing_an_older_draft_does_not_undo_the_anonymisation(signed):
    petition = signed["petition"]
    draft = petition.save_revision()
    end_signing(petition, timezone.now() - ANONYMISE_AFTER - timedelta(days=1))
    anonymise()
    # As the admin publishes it: the revision read afresh, with the page as it is now.
    Revision.objects.get(pk=draft.pk).publish()
    assert PetitionPage.objects.get(pk=petition.pk).personal_data_anonymised_at is not None


def test_the_clock_runs_the_retention_jobs_hourly():
    assert ("anonymise_signatures", timedelta(hours=1)) in JOBS
    assert ("purge_event_registrations", timedelta(hours=1)) in JOBS


# Registrations


def test_registrations_are_deleted_a_month_after_their_event(campaigns):
    now = timezone.now()

    def event_ended(slug, ago):
        end = now - ago
        return EventPageFactory(
            parent=campaigns["index"], slug=slug, start=end - timedelta(hours=2), end=end
        )

    old = event_ended("davno", REGISTRATION_RETENTION + timedelta(hours=1))
    recent = event_ended("skoro", REGISTRATION_RETENTION - timedelta(hours=1))
    coming = EventPageFactory(parent=campaigns["index"], slug="uskoro")
    for event in (old, recent, coming):
        for status in Registration.Status.values:
            RegistrationFactory(event=event, status=status)
    output = StringIO()
    call_command("purge_event_registrations", stdout=output)
    assert "Deleted 4 registration(s) of past events and 0 unconfirmed." in output.getvalue()
    assert set(Registration.objects.values_list("event__slug", flat=True)) == {"skoro", "uskoro"}
    assert Registration.objects.count() == 8


def test_registrations_nobody_confirmed_are_deleted_after_a_day(campaigns):
    event = EventPageFactory(parent=campaigns["index"], slug="uskoro")
    day_ago = timezone.now() - UNCONFIRMED_RETENTION
    for status in Registration.Status.values:
        RegistrationFactory(event=event, status=status, created_at=day_ago - timedelta(minutes=1))
    RegistrationFactory(event=event, status="held", created_at=day_ago + timedelta(minutes=1))
    output = StringIO()
    call_command("purge_event_registrations", stdout=output)
    assert "and 1 unconfirmed" in output.getvalue()
    assert sorted(Registration.objects.values_list("status", flat=True)) == [
        "cancelled",
        "confirmed",
        "held",
        "waiting",
    ]


# Publishing an event


def subject(kind, event):
    with translation.override("sr-latn"):
        return MAIL_SUBJECTS[kind] % {"event": event.title}


@pytest.fixture
def full_event(campaigns):
    """Two places taken and three people waiting, in the order they came."""
    event = EventPageFactory(parent=campaigns["index"], title="Tribina", slug="tribina", capacity=2)
    start = timezone.now() - timedelta(hours=1)
    for number, status in enumerate(["confirmed"] * 2 + ["waiting"] * 3):
        RegistrationFactory(
            event=event,
            status=status,
            email=f"osoba{number}@example.org",
            created_at=start + timedelta(minutes=number),
        )
    return event


def statuses():
    return list(Registration.objects.order_by("email").values_list("status", flat=True))


def test_more_places_move_people_up_in_order_and_mail_them(
    full_event, mailoutbox, django_capture_on_commit_callbacks
):
    full_event.capacity = 4
    with django_capture_on_commit_callbacks(execute=True):
        full_event.save_revision().publish()
    assert statuses() == ["confirmed"] * 4 + ["waiting"]
    assert [message.to for message in mailoutbox] == [
        ["osoba2@example.org"],
        ["osoba3@example.org"],
    ]
    assert {message.subject for message in mailoutbox} == {subject("promoted", full_event)}
    assert mailoutbox[0].attachments[0][0] == "tribina.ics"

    # Publishing again, with no more places, moves nobody.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        full_event.save_revision().publish()
    assert mailoutbox == []

    # No limit any more: everyone has a place.
    full_event.capacity = None
    with django_capture_on_commit_callbacks(execute=True):
        full_event.save_revision().publish()
    assert statuses() == ["confirmed"] * 5
    assert [message.to for message in mailoutbox] == [["osoba4@example.org"]]


def test_publishing_a_translation_counts_the_default_languages_places(
    full_event, mailoutbox, django_capture_on_commit_callbacks
):
    event_en = translate(full_event, "en", title="Public debate", slug="debate")
    event_en.capacity = 10
    with django_capture_on_commit_callbacks(execute=True):
        event_en.save_revision().publish()
    assert statuses() == ["confirmed"] * 2 + ["waiting"] * 3
    assert mailoutbox == []


def test_a_cancelled_event_is_announced_once_and_moves_nobody_up(
    full_event, mailoutbox, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=full_event, status="cancelled", email="otkazao@example.org")
    full_event.status = EventPage.Status.CANCELLED
    full_event.capacity = 10
    with django_capture_on_commit_callbacks(execute=True):
        full_event.save_revision().publish()
    assert sorted(message.to[0] for message in mailoutbox) == [
        f"osoba{number}@example.org" for number in range(5)
    ]
    assert {message.subject for message in mailoutbox} == {subject("event_cancelled", full_event)}
    assert "/kampanje/tribina/" in mailoutbox[0].body
    # Their registrations stay as they were, and nobody gets a place at a cancelled event.
    assert statuses()[:5] == ["confirmed"] * 2 + ["waiting"] * 3

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        full_event.save_revision().publish()
        Registration.objects.get(email="osoba0@example.org").cancel()
    assert mailoutbox == []
    assert Registration.objects.filter(status="waiting").count() == 3
