"""The figures the privacy policy and the README promise signers and registrants, as literals.

Tests that compute their dates from the constants they test pass whatever the constants say
(`timedelta(weeks=183)` too): these state the promised numbers and test each boundary from
both sides, so changing a promise means changing a test and the policy with it.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import PetitionPage, Registration, Signature

from .factories import EventPageFactory, RegistrationFactory, SignatureFactory
from .test_events import campaigns, event, register  # noqa: F401  (fixtures)
from .test_petitions import form_data, petition_tree, sign  # noqa: F401  (a fixture)
from .test_retention import end_signing, sign_up

# ruff: noqa: F811  (pytest fixtures are named as arguments)

pytestmark = pytest.mark.django_db


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def confirm_by_link(client, petition, signature):
    return client.post(petition.confirmation_url(signature).removeprefix("http://localhost"))


# The 24 hours to confirm, from when signing stopped


# A minute either side of the 24 hours: an hour either side would pass with 23 or 25 as well.
@pytest.mark.parametrize(
    ("closed_ago", "status", "counted"),
    [(timedelta(hours=23, minutes=59), 200, 1), (timedelta(hours=24, minutes=1), 410, 0)],
    ids=["23h59m", "24h01m"],
)
def test_a_petition_an_editor_closed_without_deadline_takes_confirmations_for_24_hours(
    client, petition_tree, closed_ago, status, counted
):
    """No deadline: the 24 hours run from the editor's closing, not forever."""
    petition = petition_tree["petition"]
    signature = SignatureFactory(petition=petition)
    petition.state = PetitionPage.State.CLOSED
    petition.save()
    PetitionPage.objects.filter(pk=petition.pk).update(closed_at=timezone.now() - closed_ago)
    petition.refresh_from_db()
    assert petition.deadline is None

    response = confirm_by_link(client, petition, signature)

    assert response.status_code == status
    assert petition.confirmed_count() == counted
    signature.refresh_from_db()
    assert (signature.confirmed_at is not None) == bool(counted)
    if not counted:
        assert "a to vreme je prošlo" in response.text


def test_closing_early_ends_the_window_before_a_later_deadline(client, petition_tree):
    """Closed 25 hours ago although the deadline is a week away: too late."""
    petition = petition_tree["petition"]
    signature = SignatureFactory(petition=petition)
    petition.deadline = timezone.now() + timedelta(days=7)
    petition.state = PetitionPage.State.CLOSED
    petition.save()
    PetitionPage.objects.filter(pk=petition.pk).update(closed_at=ago(hours=25))
    petition.refresh_from_db()

    assert confirm_by_link(client, petition, signature).status_code == 410
    assert petition.confirmed_count() == 0


# When a petition closed is recorded once


def test_saving_a_closed_petition_again_keeps_when_it_closed(client, petition_tree):
    """Editing a closed petition (a typo, marking it won, publishing) must not move its
    closing time: that would reopen the 24 hours to confirm and restart the six months
    before the signers' data is anonymised."""
    petition = petition_tree["petition"]
    late = SignatureFactory(petition=petition)
    sign_up(petition, petition_tree["vracar"], first_name="Milica")
    petition.state = PetitionPage.State.CLOSED
    petition.save()
    closed_at = ago(days=184)
    PetitionPage.objects.filter(pk=petition.pk).update(closed_at=closed_at)
    petition.refresh_from_db()

    petition.title = "Bez prepoznavanja lica!"
    petition.save()
    petition.state = PetitionPage.State.SUCCEEDED
    petition.save_revision().publish()

    petition.refresh_from_db()
    assert petition.closed_at == closed_at
    assert confirm_by_link(client, petition, late).status_code == 410
    PetitionPage.objects.filter(translation_key=petition.translation_key).exclude(
        pk=petition.pk
    ).update(state=PetitionPage.State.CLOSED, closed_at=closed_at)
    call_command("anonymise_signatures", stdout=StringIO())
    assert not Signature.objects.filter(petition=petition).exclude(email="").exists()


def test_reopening_and_closing_again_starts_a_new_closing_time(petition_tree):
    petition = petition_tree["petition"]
    petition.state = PetitionPage.State.CLOSED
    petition.save()
    PetitionPage.objects.filter(pk=petition.pk).update(closed_at=ago(days=10))
    petition.refresh_from_db()
    petition.state = PetitionPage.State.OPEN
    petition.save()
    assert petition.closed_at is None
    petition.state = PetitionPage.State.CLOSED
    petition.save()
    assert ago(minutes=1) < petition.closed_at <= timezone.now()


# Six months: 183 days after signing stopped


@pytest.mark.parametrize(("days", "anonymised"), [(182, False), (184, True)])
def test_signers_data_is_anonymised_183_days_after_the_petition_closed(
    petition_tree, days, anonymised
):
    petition = petition_tree["petition"]
    sign_up(petition, petition_tree["vracar"], first_name="Milica")
    end_signing(petition, ago(days=days))

    call_command("anonymise_signatures", stdout=StringIO())

    signature = Signature.objects.get(petition=petition)
    assert (signature.first_name == "") == anonymised
    assert (signature.email == "") == anonymised
    assert petition.confirmed_count() == 1


@pytest.mark.parametrize(("days", "anonymised"), [(182, False), (184, True)])
def test_a_passed_deadline_starts_the_183_days_too(petition_tree, days, anonymised):
    petition = petition_tree["petition"]
    sign_up(petition, petition_tree["vracar"], first_name="Milica")
    PetitionPage.objects.filter(translation_key=petition.translation_key).update(
        deadline=ago(days=days)
    )
    call_command("anonymise_signatures", stdout=StringIO())
    assert (Signature.objects.get(petition=petition).first_name == "") == anonymised


# Unconfirmed signatures: 7 days; review signals: 30 days


@pytest.mark.parametrize(("days", "kept"), [(6, True), (8, False)])
def test_unconfirmed_signatures_are_deleted_after_seven_days(petition_tree, days, kept):
    signature = SignatureFactory(petition=petition_tree["petition"])
    Signature.objects.filter(pk=signature.pk).update(created_at=ago(days=days))
    call_command("purge_unconfirmed_signatures", stdout=StringIO())
    assert Signature.objects.filter(pk=signature.pk).exists() == kept


# An hour either side of the 30 days: a day either side would pass with 29 or 31 as well.
@pytest.mark.parametrize(
    ("age", "kept"),
    [(timedelta(days=29, hours=23), True), (timedelta(days=30, hours=1), False)],
    ids=["29d23h", "30d1h"],
)
def test_review_signals_are_kept_thirty_days(petition_tree, age, kept):
    signature = SignatureFactory(
        petition=petition_tree["petition"], client_key="0123456789abcdef", over_client_rate=True
    )
    signature.confirm()
    Signature.objects.filter(pk=signature.pk).update(created_at=timezone.now() - age)
    call_command("purge_unconfirmed_signatures", stdout=StringIO())
    signature.refresh_from_db()
    assert (signature.client_key == "0123456789abcdef") == kept
    assert signature.over_client_rate == kept
    assert signature.confirmed_at is not None  # the signature itself stays


def test_a_signature_keeps_16_characters_of_the_clients_pseudonym(client, petition_tree):
    sign(client, petition_tree["petition"], form_data(petition_tree["vracar"]))
    assert len(Signature.objects.get().client_key) == 16


# Mails: 5 per signature, 5 per registration, ever


def test_a_signatures_address_gets_five_mails_at_most(petition_tree):
    signature = SignatureFactory(petition=petition_tree["petition"])
    claims = [signature.claim_mail() for _ in range(7)]
    assert claims == [True] * 5 + [False] * 2
    assert Signature.objects.get(pk=signature.pk).mails_sent == 5


def test_a_registrations_address_gets_five_mails_at_most(event):
    registration = RegistrationFactory(event=event, status=Registration.Status.HELD)
    claims = [registration.claim_mail() for _ in range(7)]
    assert claims == [True] * 5 + [False] * 2


# Registrations: a place held 30 minutes; unconfirmed deleted after a day; the rest 30 days
# after the event


def test_registering_holds_a_place_for_thirty_minutes(client, event):
    before = timezone.now()
    response = register(client, event.url)
    assert response.status_code == 302
    held_until = Registration.objects.get().held_until
    assert before + timedelta(minutes=30) <= held_until <= timezone.now() + timedelta(minutes=30)


@pytest.mark.parametrize(("hours", "kept"), [(23, True), (25, False)])
def test_unconfirmed_registrations_are_deleted_after_a_day(event, hours, kept):
    registration = RegistrationFactory(event=event, status=Registration.Status.HELD)
    Registration.objects.filter(pk=registration.pk).update(created_at=ago(hours=hours))
    call_command("purge_event_registrations", stdout=StringIO())
    assert Registration.objects.filter(pk=registration.pk).exists() == kept


@pytest.mark.parametrize(("days", "kept"), [(29, True), (31, False)])
def test_registrations_are_deleted_thirty_days_after_their_event(campaigns, days, kept):
    end = ago(days=days)
    past = EventPageFactory(parent=campaigns["index"], start=end - timedelta(hours=2), end=end)
    registration = RegistrationFactory(event=past)
    call_command("purge_event_registrations", stdout=StringIO())
    assert Registration.objects.filter(pk=registration.pk).exists() == kept
