"""Events: the page, registration with capacity and a waiting list, cancellation, reminders."""

import json
import re
from datetime import UTC, datetime, timedelta
from io import StringIO

import icalendar
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, Site

from campaigns.events.models import MAX_MAILS_PER_REGISTRATION
from campaigns.management.commands.purge_event_registrations import UNCONFIRMED_RETENTION
from campaigns.models import EventPage, Registration
from home.management.commands.run_schedule import JOBS
from tests.home.factories import HomePageFactory
from tests.home.test_pages import translate

from .factories import CampaignIndexPageFactory, EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaigns(db):
    """A Serbian campaigns page, translated into English."""
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Početna", slug="pocetna")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    index = CampaignIndexPageFactory(parent=home)
    translate(home, "en", title="Home")
    index_en = translate(index, "en", title="Campaigns", slug="campaigns")
    return {"home": home, "index": index, "index_en": index_en}


@pytest.fixture
def event(campaigns):
    return EventPageFactory(parent=campaigns["index"], title="Tribina", slug="tribina")


def register(client, event_url, email="ana@example.org", name="Ana", ip="10.0.0.1", **extra):
    data = {"name": name, "email": email, "consent": "on", "website": "", **extra}
    return client.post(event_url, data, REMOTE_ADDR=ip)


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.text)
    return [json.loads(block) for block in blocks]


def cancel_link(message):
    return re.search(r"http://localhost(/\S+/(?:cancel|otkazivanje)/[\w-]+/)", message.body)[1]


def confirm_link(message):
    return re.search(r"http://localhost(/\S+/(?:confirm|potvrda)/[\w-]+/)", message.body)[1]


def confirm(client, mailoutbox, email):
    """Its owner confirms the registration of `email` by the last link mailed to it."""
    [message, *_rest] = [
        m
        for m in reversed(mailoutbox)
        if m.to == [email] and re.search("/(?:confirm|potvrda)/", m.body)
    ]
    return client.post(confirm_link(message))


def register_and_confirm(client, mailoutbox, event_url, email="ana@example.org", **extra):
    register(client, event_url, email=email, **extra)
    return confirm(client, mailoutbox, email)


def holds_lapse():
    """As if the hold time had passed since every registration so far."""
    Registration.objects.filter(held_until__isnull=False).update(
        held_until=timezone.now() - timedelta(seconds=1)
    )


def release():
    call_command("release_registration_holds", stdout=StringIO())


# The page


def test_event_page_shows_the_time_in_belgrade_and_event_structured_data(client, event):
    event.start = datetime(2030, 6, 1, 16, 0, tzinfo=UTC)  # 18:00 in Belgrade
    event.end = event.start + timedelta(hours=2)
    event.save_revision().publish()
    response = client.get("/kampanje/tribina/")
    assert response.status_code == 200
    assert 'datetime="2030-06-01T18:00:00+02:00"' in response.text
    [data] = [item for item in json_ld(response) if item["@type"] == "Event"]
    assert data["name"] == "Tribina"
    assert data["startDate"] == "2030-06-01T18:00:00+02:00"
    assert data["endDate"] == "2030-06-01T20:00:00+02:00"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"] == "Braće Krsmanović 4, Beograd"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_an_online_cancelled_event_says_so_in_structured_data(client, campaigns):
    EventPageFactory(
        parent=campaigns["index"],
        slug="onlajn",
        venue="",
        address="",
        latitude=None,
        longitude=None,
        online_url="https://meet.example.org/kamere",
        status=EventPage.Status.CANCELLED,
    )
    response = client.get("/kampanje/onlajn/")
    [data] = [item for item in json_ld(response) if item["@type"] == "Event"]
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/kamere",
    }
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert "Ovaj događaj je otkazan." in response.text
    assert 'name="email"' not in response.text  # no registration form


# Registering


def test_registering_holds_a_place_and_confirming_by_post_gives_it_with_the_ics(
    client, event, mailoutbox
):
    response = register(client, "/kampanje/tribina/", email="Ana+x@Example.org")
    assert response.status_code == 302
    assert response["Location"] == "/kampanje/tribina/upis/"
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.HELD
    assert registration.held_until > timezone.now() + timedelta(minutes=29)
    assert registration.email == "Ana+x@Example.org"
    assert registration.email_normalised == "ana@example.org"
    assert registration.consent_version and registration.consent_text
    assert registration.event == event
    assert len(registration.token) >= 40
    [message] = mailoutbox
    assert message.to == ["Ana+x@Example.org"]
    assert "Tribina" in message.subject
    assert message.attachments == []
    assert "/otkazivanje/" not in message.body and "/cancel/" not in message.body
    link = confirm_link(message)
    assert link.startswith("/kampanje/tribina/potvrda/")
    assert client.get(response["Location"]).status_code == 200

    # Following the link, as mail scanners do, confirms nothing: its page has a button.
    page = client.get(link)
    assert page.status_code == 200
    assert '<form method="post">' in page.text
    registration.refresh_from_db()
    assert registration.status == "held" and len(mailoutbox) == 1

    response = client.post(link)
    assert response.status_code == 200
    assert '<form method="post">' not in response.text
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.confirmed_at is not None and registration.held_until is None
    message = mailoutbox[1]
    assert message.to == ["Ana+x@Example.org"]
    assert "Tribina" in message.subject
    assert f"/kampanje/tribina/otkazivanje/{registration.token}/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "tribina.ics" and mimetype == "text/calendar"
    [component] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert component["SUMMARY"] == "Tribina"
    assert component.decoded("DTSTART") == event.start

    # Confirming again changes nothing and mails nothing.
    assert client.post(link).status_code == 200
    assert len(mailoutbox) == 2
    assert client.put(link).status_code == 405


def test_forged_or_foreign_confirmation_links_do_not_work(client, event, campaigns, mailoutbox):
    other = EventPageFactory(parent=campaigns["index"], slug="druga")
    register(client, "/kampanje/druga/")
    link = confirm_link(mailoutbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    registration = Registration.objects.get()
    assert client.post(f"/kampanje/tribina/potvrda/{token}/").status_code == 404
    # The stored token alone (what a copy of the database holds) is not a link.
    assert client.post(f"/kampanje/druga/potvrda/{registration.token}/").status_code == 404
    assert client.post(f"/kampanje/druga/potvrda/{registration.token}-00/").status_code == 404
    assert client.post("/kampanje/druga/potvrda/nema/").status_code == 404
    registration.refresh_from_db()
    assert registration.status == "held"
    # A cancelled or past event takes no confirmations.
    other.status = EventPage.Status.CANCELLED
    other.save_revision().publish()
    assert client.post(link).status_code == 410
    registration.refresh_from_db()
    assert registration.status == "held"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your name."),
        ({"name": "   "}, "name", "Enter your name."),
        ({"email": "ana@"}, "email", "Enter an email address like name@example.org."),
        ({"email": ""}, "email", "Enter your email address."),
        ({"consent": ""}, "consent", "Tick this box to register"),
        # The signers' rules for names: the mails carry them.
        ({"name": "Ana www.spam.example"}, "name", "A name cannot contain a web address."),
        ({"name": "Ana https://x.example/a"}, "name", "A name cannot contain a web address."),
        ({"name": "=HYPERLINK(1)"}, "name", "A name cannot start with =, +, - or @."),
        ({"name": "A" * 101}, "name", "Shorten the name to 100 characters or fewer."),
    ],
)
def test_bad_input_gets_a_message_on_its_field(client, event, data, field, message):
    translate(event, "en", title="Public debate", slug="debate")
    response = client.post(
        "/en/campaigns/debate/",
        {"name": "Ana", "email": "ana@example.org", "consent": "on", **data},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in " ".join(form.errors[field])
    assert 'aria-invalid="true"' in response.text
    assert Registration.objects.count() == 0


def test_the_honeypot_stores_nothing_and_says_nothing(client, event, mailoutbox):
    response = register(client, "/kampanje/tribina/", website="http://spam.example")
    assert response.status_code == 302
    assert Registration.objects.count() == 0 and mailoutbox == []


def test_registrations_are_rate_limited_per_client(client, event):
    for number in range(10):
        register(client, "/kampanje/tribina/", email=f"osoba{number}@example.org")
    response = register(client, "/kampanje/tribina/", email="jos@example.org")
    assert response.status_code == 429
    assert Registration.objects.count() == 10
    assert (
        register(client, "/kampanje/tribina/", email="jos@example.org", ip="10.0.0.2").status_code
        == 302
    )


def test_one_registration_per_person_and_the_page_does_not_tell(client, event, mailoutbox):
    first = register(client, "/kampanje/tribina/", email="a.na@gmail.com")
    again = register(client, "/kampanje/tribina/", email="ANA+2@gmail.com", ip="10.0.0.3")
    assert first["Location"] == again["Location"]
    assert Registration.objects.count() == 1
    # Not yet confirmed: the owner of the address the place was booked with gets the link
    # again, the same link.
    assert [m.to for m in mailoutbox] == [["a.na@gmail.com"], ["a.na@gmail.com"]]
    assert mailoutbox[1].subject == mailoutbox[0].subject
    assert confirm_link(mailoutbox[1]) == confirm_link(mailoutbox[0])

    confirm(client, mailoutbox, "a.na@gmail.com")
    register(client, "/kampanje/tribina/", email="ana@gmail.com", ip="10.0.0.4")
    assert mailoutbox[-1].subject == "Već ste upisani na događaj „Tribina“"
    assert Registration.objects.get().mails_sent == 3


def test_repeated_registrations_mail_the_address_a_few_times_at_most(client, event, mailoutbox):
    """Whoever types someone's address again and again sends them a handful of mails, no more,
    whether the registration is confirmed or not."""
    for number in range(8):
        register(client, "/kampanje/tribina/", email="meta@example.org", ip=f"10.0.1.{number}")
    assert len(mailoutbox) == MAX_MAILS_PER_REGISTRATION == 5
    registration = Registration.objects.get()
    assert registration.mails_sent == MAX_MAILS_PER_REGISTRATION

    # Confirmed by its owner, the registration still has no more repeat mails to give.
    confirm(client, mailoutbox, "meta@example.org")
    assert len(mailoutbox) == 6  # the place
    for number in range(3):
        register(client, "/kampanje/tribina/", email="meta@example.org", ip=f"10.0.2.{number}")
    assert len(mailoutbox) == 6
    assert {message.to[0] for message in mailoutbox} == {"meta@example.org"}


def test_closed_cancelled_or_past_events_take_no_registrations(client, event):
    event.registration_open = False
    event.save_revision().publish()
    assert 'name="email"' not in client.get("/kampanje/tribina/").text
    register(client, "/kampanje/tribina/")
    assert Registration.objects.count() == 0
    # Nor does its "check your mail" page answer: it leads back to the event.
    response = client.get("/kampanje/tribina/upis/")
    assert (response.status_code, response["Location"]) == (302, "/kampanje/tribina/")


# Capacity, the waiting list and cancelling


def test_a_full_event_keeps_a_waiting_list_and_a_cancellation_moves_the_first_up(
    client, event, mailoutbox
):
    event.capacity = 2
    event.save_revision().publish()
    for number in range(4):
        register_and_confirm(client, mailoutbox, "/kampanje/tribina/", f"osoba{number}@example.org")
    statuses = list(
        Registration.objects.order_by("created_at", "pk").values_list("status", flat=True)
    )
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]
    waiting_mail = mailoutbox[5]  # each person: the link, then where they stand
    assert waiting_mail.to == ["osoba2@example.org"]
    assert waiting_mail.subject == "Na listi čekanja ste za „Tribina“"
    assert waiting_mail.attachments == []
    assert "Upišite se na listu čekanja" in client.get("/kampanje/tribina/").text

    link = cancel_link(mailoutbox[1])
    # Following the link (as mail scanners do) cancels nothing.
    response = client.get(link)
    assert response.status_code == 200
    assert '<form method="post">' in response.text
    assert Registration.objects.filter(status="cancelled").count() == 0

    mailoutbox.clear()
    response = client.post(link)
    assert response.status_code == 200
    by_email = dict(Registration.objects.values_list("email", "status"))
    assert by_email == {
        "osoba0@example.org": "cancelled",
        "osoba1@example.org": "confirmed",
        "osoba2@example.org": "confirmed",
        "osoba3@example.org": "waiting",
    }
    assert Registration.objects.get(email="osoba0@example.org").cancelled_at is not None
    [message] = mailoutbox
    assert message.to == ["osoba2@example.org"]
    assert message.attachments[0][0] == "tribina.ics"

    # Cancelling twice changes nothing more, and the person can register again.
    mailoutbox.clear()
    client.post(link)
    register_and_confirm(
        client, mailoutbox, "/kampanje/tribina/", "osoba0@example.org", ip="10.0.0.5"
    )
    assert [m.to for m in mailoutbox] == [["osoba0@example.org"]] * 2
    assert Registration.objects.filter(email="osoba0@example.org", status="waiting").count() == 1


def test_the_waiting_list_goes_by_when_people_confirmed(client, event, mailoutbox):
    event.capacity = 1
    event.save_revision().publish()
    register_and_confirm(client, mailoutbox, "/kampanje/tribina/", "prva@example.org")
    register(client, "/kampanje/tribina/", email="spora@example.org")
    register_and_confirm(client, mailoutbox, "/kampanje/tribina/", "brza@example.org")
    confirm(client, mailoutbox, "spora@example.org")
    Registration.objects.get(email="prva@example.org").cancel()
    by_email = dict(Registration.objects.values_list("email", "status"))
    assert by_email["brza@example.org"] == "confirmed"
    assert by_email["spora@example.org"] == "waiting"


# Unconfirmed registrations hold places for a while only


def test_an_event_filled_by_unconfirmed_registrations_gets_its_places_back(
    uncached, client, event, mailoutbox
):
    """Someone types addresses until the event looks full. Nobody confirms them: their holds
    lapse, and the real people who came meanwhile get the places, not the waiting list."""
    event.capacity = 2
    event.save_revision().publish()
    for number in range(2):
        register(client, "/kampanje/tribina/", email=f"aktivista{number}@example.org")
    translate(event, "en", title="Public debate", slug="debate")
    page = client.get("/en/campaigns/debate/")
    assert page.context["places_left"] == 0 and page.context["places_held"] == 2
    assert "2 more are held for people who have not yet confirmed" in page.text
    assert "Join the waiting list" in page.text

    # A real person registers while the places are held: no place is held for them, and
    # confirming in the meantime puts them on the waiting list, for now.
    register(client, "/kampanje/tribina/", email="ana@example.org", ip="10.0.0.2")
    assert Registration.objects.get(email="ana@example.org").held_until is None
    confirm(client, mailoutbox, "ana@example.org")
    assert Registration.objects.get(email="ana@example.org").status == "waiting"

    # The holds lapse: the scheduler's job moves Ana up into a freed place and tells her.
    holds_lapse()
    assert client.get("/kampanje/tribina/").context["places_left"] == 2
    sent = len(mailoutbox)
    release()
    assert Registration.objects.get(email="ana@example.org").status == "confirmed"
    [message] = mailoutbox[sent:]
    assert message.to == ["ana@example.org"]
    assert message.subject == "Oslobodilo se mesto za vas na događaju „Tribina“"

    # The next real person, even before the job has run again, gets the other place.
    register_and_confirm(client, mailoutbox, "/kampanje/tribina/", "marko@example.org")
    assert Registration.objects.get(email="marko@example.org").status == "confirmed"
    assert client.get("/kampanje/tribina/").context["places_left"] == 0

    # A lapsed link still works, for a turn on the waiting list now that the event is full.
    confirm(client, mailoutbox, "aktivista0@example.org")
    assert Registration.objects.get(email="aktivista0@example.org").status == "waiting"
    assert Registration.objects.filter(status="confirmed").count() == 2

    # Nobody confirmed the other: the hourly retention job deletes it after a day.
    Registration.objects.filter(status="held").update(
        created_at=timezone.now() - UNCONFIRMED_RETENTION - timedelta(minutes=1)
    )
    output = StringIO()
    call_command("purge_event_registrations", stdout=output)
    assert "and 1 unconfirmed" in output.getvalue()
    assert not Registration.objects.filter(email="aktivista1@example.org").exists()
    assert Registration.objects.count() == 3


def test_a_place_freed_by_a_lapsed_hold_goes_to_the_waiting_before_a_new_hold(
    client, event, mailoutbox
):
    event.capacity = 1
    event.save_revision().publish()
    register(client, "/kampanje/tribina/", email="lazna1@example.org")
    register_and_confirm(client, mailoutbox, "/kampanje/tribina/", ip="10.0.0.2")
    holds_lapse()
    # Before the minutely release has run, another typed address comes in.
    register(client, "/kampanje/tribina/", email="lazna2@example.org", ip="10.0.0.3")
    assert Registration.objects.get(email="ana@example.org").status == "confirmed"
    assert Registration.objects.get(email="lazna2@example.org").held_until is None


def test_a_hold_confirmed_in_time_keeps_its_place_whoever_confirms_first(client, event, mailoutbox):
    event.capacity = 1
    event.save_revision().publish()
    register(client, "/kampanje/tribina/", email="prva@example.org")
    register_and_confirm(client, mailoutbox, "/kampanje/tribina/", "druga@example.org")
    assert Registration.objects.get(email="druga@example.org").status == "waiting"
    confirm(client, mailoutbox, "prva@example.org")
    assert Registration.objects.get(email="prva@example.org").status == "confirmed"


def test_registering_again_after_a_hold_lapsed_holds_a_place_anew(client, event, mailoutbox):
    event.capacity = 1
    event.save_revision().publish()
    register(client, "/kampanje/tribina/")
    holds_lapse()
    register(client, "/kampanje/tribina/", ip="10.0.0.2")
    registration = Registration.objects.get()
    assert registration.held_until > timezone.now()
    assert confirm_link(mailoutbox[1]) == confirm_link(mailoutbox[0])


def test_unconfirmed_registrations_are_never_told_about_a_cancellation_or_reminded(
    campaigns, mailoutbox
):
    event = EventPageFactory(
        parent=campaigns["index"], slug="sutra", start=timezone.now() + timedelta(hours=20)
    )
    RegistrationFactory(event=event, status="held", held_until=timezone.now())
    call_command("send_event_reminders", stdout=StringIO())
    event.status = EventPage.Status.CANCELLED
    event.save_revision().publish()
    assert mailoutbox == []


def test_the_scheduler_releases_lapsed_holds_every_minute():
    assert ("release_registration_holds", timedelta(minutes=1)) in JOBS


def test_an_unknown_or_foreign_cancel_token_is_not_found(client, event, campaigns):
    other = EventPageFactory(parent=campaigns["index"], slug="druga")
    registration = RegistrationFactory(event=other)
    assert client.get("/kampanje/tribina/otkazivanje/nema/").status_code == 404
    assert client.post(f"/kampanje/tribina/otkazivanje/{registration.token}/").status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_registering_in_english_takes_a_place_of_the_same_event(
    client, event, campaigns, mailoutbox
):
    event.capacity = 1
    event.save_revision().publish()
    event_en = translate(event, "en", title="Public debate", slug="debate")
    register_and_confirm(client, mailoutbox, "/kampanje/tribina/", "prva@example.org")
    response = register(client, "/en/campaigns/debate/", email="second@example.org")
    assert response["Location"] == "/en/campaigns/debate/registered/"
    assert mailoutbox[-1].subject == "Confirm your registration for “Public debate”"
    assert confirm_link(mailoutbox[-1]).startswith("/en/campaigns/debate/confirm/")
    assert "The event is full at the moment" in mailoutbox[-1].body
    assert "confirm your registration" in client.get(response["Location"]).text
    page = client.get(confirm_link(mailoutbox[-1]))
    assert "Confirm my registration" in page.text
    assert "otherwise a turn on the waiting list" in page.text
    confirm(client, mailoutbox, "second@example.org")
    second = Registration.objects.get(email="second@example.org")
    assert second.event == event and second.status == "waiting"
    assert second.language == "en"
    assert mailoutbox[-1].subject == "You are on the waiting list for “Public debate”"
    assert f"/en/campaigns/debate/cancel/{second.token}/" in mailoutbox[-1].body
    assert event_en.places_left() == 0


# The mails are built by the worker: the queue holds ids


def run_queued_jobs():
    """What the worker does with each queued job (home/management/commands/run_worker.py)."""
    for row in DBTaskResult.objects.order_by("enqueued_at"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.delete()


def test_the_task_queue_holds_no_name_address_or_text_of_a_registration_mail(
    client, event, mailoutbox, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    register(client, "/kampanje/tribina/", name="Ana Jovanović", email="ana.j@example.org")
    register(client, "/kampanje/tribina/", name="Ana Jovanović", email="ana.j@example.org")
    registration = Registration.objects.get()
    rows = list(DBTaskResult.objects.values("task_path", "args_kwargs"))
    assert (
        rows
        == [
            {
                "task_path": "campaigns.events.tasks.send_registration_mail",
                "args_kwargs": {
                    "args": [],
                    "kwargs": {
                        "registration_id": registration.pk,
                        "kind": "confirm",
                        "language": "sr-latn",
                    },
                },
            }
        ]
        * 2
    )
    dump = json.dumps(list(DBTaskResult.objects.values()), default=str, ensure_ascii=False)
    for personal in ("Ana", "Jovanović", "ana.j", "example.org", "Tribina", registration.token):
        assert personal not in dump
    assert mailoutbox == []

    run_queued_jobs()
    assert [message.to for message in mailoutbox] == [["ana.j@example.org"]] * 2
    assert "Ana Jovanović" in mailoutbox[0].body

    # Confirmed: the mail with the place, the cancel link and the .ics is built by the worker too.
    mailoutbox.clear()
    client.post(confirm_link_of(registration))
    [row] = DBTaskResult.objects.values_list("args_kwargs", flat=True)
    assert row["kwargs"] == {
        "registration_id": registration.pk,
        "kind": "confirmed",
        "language": "sr-latn",
    }
    run_queued_jobs()
    [message] = mailoutbox
    assert f"/otkazivanje/{registration.token}/" in message.body
    assert message.attachments[0][0] == "tribina.ics"


def confirm_link_of(registration):
    return f"/kampanje/tribina/potvrda/{registration.confirmation_token()}/"


def test_nothing_is_mailed_to_a_registration_deleted_before_the_worker_ran(
    client, event, mailoutbox, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    register(client, "/kampanje/tribina/")
    register(client, "/kampanje/tribina/", email="druga@example.org")
    Registration.objects.filter(email="ana@example.org").delete()  # purged, or its owner erased
    run_queued_jobs()
    assert [message.to for message in mailoutbox] == [["druga@example.org"]]

    # A mail about a place given, then cancelled before the worker ran, is not sent either.
    registration = Registration.objects.get()
    client.post(confirm_link_of(registration))
    registration.cancel()
    mailoutbox.clear()
    run_queued_jobs()
    assert mailoutbox == []


# Calendars


def test_the_calendar_feed_lists_upcoming_events_in_the_addresss_language(client, campaigns):
    index = campaigns["index"]
    upcoming = EventPageFactory(parent=index, title="Tribina", slug="tribina")
    EventPageFactory(
        parent=index,
        slug="prosla",
        start=timezone.now() - timedelta(days=3),
        end=timezone.now() - timedelta(days=3, hours=-2),
    )
    translate(upcoming, "en", title="Public debate", slug="debate")
    response = client.get("/events.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    [component] = calendar.walk("VEVENT")
    assert component["SUMMARY"] == "Tribina"
    assert component["UID"] == f"{upcoming.translation_key}@kamere"
    assert component["URL"] == "http://localhost/kampanje/tribina/"
    assert component["STATUS"] == "CONFIRMED"
    assert component["SEQUENCE"] == 0
    assert component["LOCATION"] == "Kulturni centar Grad, Braće Krsmanović 4, Beograd"
    assert "DTSTAMP" in component
    assert component["DTSTART"].params["TZID"] == "Europe/Belgrade"
    assert component.decoded("DTSTART") == upcoming.start
    assert component.decoded("DTEND") == upcoming.end
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Belgrade"

    english = icalendar.Calendar.from_ical(client.get("/en/events.ics").content)
    [component_en] = english.walk("VEVENT")
    assert component_en["SUMMARY"] == "Public debate"
    assert component_en["UID"] == component["UID"]


def test_each_event_has_its_own_ics(client, event, campaigns):
    response = client.get("/kampanje/tribina/kalendar.ics")
    assert response.status_code == 200
    [component] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert component["SUMMARY"] == "Tribina"
    translate(event, "en", title="Public debate", slug="debate")
    english = icalendar.Calendar.from_ical(client.get("/en/campaigns/debate/event.ics").content)
    assert english.walk("VEVENT")[0]["SUMMARY"] == "Public debate"
    assert client.get("/kampanje/event.ics").status_code == 404  # not an event
    assert client.get("/kampanje/tribina/upis/kalendar.ics").status_code == 404
    assert client.get("/kampanje/nema/event.ics").status_code == 404


def test_a_changed_or_cancelled_event_goes_up_in_sequence(client, event):
    event.title = "Tribina o kamerama"
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 0  # a new title is no news for calendars

    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 1

    # A draft changes nothing that calendars see; its publication does.
    event.status = EventPage.Status.CANCELLED
    event.save_revision()
    event.refresh_from_db()
    assert event.sequence == 1 and event.status == "scheduled"
    event.get_latest_revision().publish()
    event.refresh_from_db()
    assert event.sequence == 2

    [component] = icalendar.Calendar.from_ical(
        client.get("/kampanje/tribina/kalendar.ics").content
    ).walk("VEVENT")
    assert component["SEQUENCE"] == 2
    assert component["STATUS"] == "CANCELLED"


# The campaigns page


def test_the_campaigns_page_lists_upcoming_and_past_events_in_its_language(
    client, campaigns, django_assert_max_num_queries
):
    index = campaigns["index"]
    soon = EventPageFactory(parent=index, title="Uskoro", slug="uskoro")
    EventPageFactory(
        parent=index, title="Kasnije", slug="kasnije", start=soon.start + timedelta(days=1)
    )
    for number in range(12):
        start = timezone.now() - timedelta(days=number + 1)
        EventPageFactory(
            parent=index, title=f"Prošli {number}", start=start, end=start + timedelta(hours=1)
        )
    translate(soon, "en", title="Soon", slug="soon")
    client.get("/kampanje/")  # creates the site's settings on first view
    with django_assert_max_num_queries(22):
        response = client.get("/kampanje/")
    text = response.text
    assert text.index("Uskoro") < text.index("Kasnije") < text.index("Prošli 0")
    assert "Prošli 9" in text and "Prošli 10" not in text
    second = client.get("/kampanje/?page=2").text
    assert "Prošli 10" in second and "Uskoro" not in second
    english = client.get("/en/campaigns/").text
    assert "Soon" in english and "Uskoro" not in english


def test_more_events_add_no_queries(uncached, client, campaigns):
    index = campaigns["index"]
    EventPageFactory(parent=index)
    client.get("/kampanje/")
    with CaptureQueriesContext(connection) as one:
        response = client.get("/kampanje/")
    # An error page costs fewer queries: the count means something only for the real page.
    assert (
        response.status_code == 200
        and response.text.count('<article class="card event-card">') == 1
    )
    for _number in range(5):
        EventPageFactory(parent=index)
    with CaptureQueriesContext(connection) as six:
        response = client.get("/kampanje/")
    assert response.status_code == 200
    assert response.text.count('<article class="card event-card">') == 6
    assert len(six) == len(one)


# Reminders


def test_reminders_go_once_the_day_before_to_those_with_a_place(
    campaigns, mailoutbox, django_capture_on_commit_callbacks
):
    index = campaigns["index"]
    tomorrow = EventPageFactory(
        parent=index, slug="sutra", start=timezone.now() + timedelta(hours=20)
    )
    later = EventPageFactory(parent=index, slug="kasnije", start=timezone.now() + timedelta(days=3))
    cancelled = EventPageFactory(
        parent=index,
        slug="otkazan",
        start=timezone.now() + timedelta(hours=20),
        status=EventPage.Status.CANCELLED,
    )
    coming = RegistrationFactory(event=tomorrow, email="dolazi@example.org")
    RegistrationFactory(event=tomorrow, status="waiting")
    RegistrationFactory(event=tomorrow, status="cancelled")
    RegistrationFactory(event=later)
    RegistrationFactory(event=cancelled)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=StringIO())
        call_command("send_event_reminders", stdout=StringIO())
    [message] = mailoutbox
    assert message.to == ["dolazi@example.org"]
    assert f"/kampanje/sutra/otkazivanje/{coming.token}/" in message.body
    coming.refresh_from_db()
    assert coming.reminded_at is not None


def test_registering_the_day_before_counts_as_the_reminder(client, campaigns, mailoutbox):
    EventPageFactory(
        parent=campaigns["index"], slug="sutra", start=timezone.now() + timedelta(hours=5)
    )
    register_and_confirm(client, mailoutbox, "/kampanje/sutra/")
    call_command("send_event_reminders", stdout=StringIO())
    assert len(mailoutbox) == 2  # the link, then the place


def test_the_scheduler_sends_reminders_hourly():
    assert ("send_event_reminders", timedelta(hours=1)) in JOBS


# The admin


def test_editors_place_the_event_on_a_map_or_give_an_online_link(admin_client, event):
    edit_url = f"/admin/pages/{event.pk}/edit/"
    form = admin_client.get(edit_url).context["form"]
    assert form.initial["location"] == "SRID=4326;POINT(20.4521000 44.8176000)"
    data = {
        "title": "Tribina",
        "slug": "tribina",
        "start": "2030-06-01 18:00",
        "end": "2030-06-01 20:00",
        "venue": "",
        "address": "",
        "location": "SRID=4326;POINT(20.46 44.81)",
        "online_url": "",
        "description-count": "0",
        "registration_open": "on",
        "status": "scheduled",
    }
    response = admin_client.post(edit_url, data)
    assert response.status_code == 200
    assert "Navedite mesto održavanja ili adresu, ili onlajn link" in response.text

    response = admin_client.post(edit_url, {**data, "online_url": "https://meet.example.org/k"})
    assert response.status_code == 302
    event.refresh_from_db()
    draft = event.get_latest_revision_as_object()
    assert draft.online_url == "https://meet.example.org/k"
    assert (draft.latitude, draft.longitude) == (None, None)

    response = admin_client.post(edit_url, {**data, "venue": "Dom omladine"})
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert (draft.latitude, draft.longitude) == (44.81, 20.46)
    response = admin_client.post(edit_url, {**data, "venue": "Dom", "end": "2030-06-01 17:00"})
    assert "Događaj mora da se završi posle početka." in response.text
