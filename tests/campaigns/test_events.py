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
from wagtail.models import Page, Site

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
    return re.search(r"http://localhost(/\S+/cancel/[\w-]+/)", message.body)[1]


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


def test_registering_gives_a_place_and_mails_the_event_as_ics(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, "/kampanje/tribina/", email="Ana+x@Example.org")
    assert response.status_code == 302
    assert response["Location"] == "/kampanje/tribina/registered/"
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email == "Ana+x@Example.org"
    assert registration.email_normalised == "ana@example.org"
    assert registration.consent_version and registration.consent_text
    assert registration.event == event
    assert len(registration.token) >= 40
    [message] = mailoutbox
    assert message.to == ["Ana+x@Example.org"]
    assert "Tribina" in message.subject
    assert f"/kampanje/tribina/cancel/{registration.token}/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "tribina.ics" and mimetype == "text/calendar"
    [component] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert component["SUMMARY"] == "Tribina"
    assert component.decoded("DTSTART") == event.start
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your name."),
        ({"name": "   "}, "name", "Enter your name."),
        ({"email": "ana@"}, "email", "Enter an email address like name@example.org."),
        ({"email": ""}, "email", "Enter your email address."),
        ({"consent": ""}, "consent", "Tick this box to register"),
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


def test_one_registration_per_person_and_the_page_does_not_tell(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = register(client, "/kampanje/tribina/", email="a.na@gmail.com")
        again = register(client, "/kampanje/tribina/", email="ANA+2@gmail.com", ip="10.0.0.3")
    assert first["Location"] == again["Location"]
    assert Registration.objects.count() == 1
    # The second mail goes to the address the place was booked with.
    assert [m.to for m in mailoutbox] == [["a.na@gmail.com"], ["a.na@gmail.com"]]
    assert mailoutbox[1].subject == "Već ste prijavljeni za „Tribina“"


def test_closed_cancelled_or_past_events_take_no_registrations(client, event):
    event.registration_open = False
    event.save_revision().publish()
    assert 'name="email"' not in client.get("/kampanje/tribina/").text
    register(client, "/kampanje/tribina/")
    assert Registration.objects.count() == 0


# Capacity, the waiting list and cancelling


def test_a_full_event_keeps_a_waiting_list_and_a_cancellation_moves_the_first_up(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    event.capacity = 2
    event.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(4):
            register(client, "/kampanje/tribina/", email=f"osoba{number}@example.org")
    statuses = list(
        Registration.objects.order_by("created_at", "pk").values_list("status", flat=True)
    )
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]
    assert mailoutbox[2].subject == "Na listi čekanja ste za „Tribina“"
    assert mailoutbox[2].attachments == []
    assert "Upišite se na listu čekanja" in client.get("/kampanje/tribina/").text

    link = cancel_link(mailoutbox[0])
    # Following the link (as mail scanners do) cancels nothing.
    response = client.get(link)
    assert response.status_code == 200
    assert '<form method="post">' in response.text
    assert Registration.objects.filter(status="cancelled").count() == 0

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
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
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link)
        register(client, "/kampanje/tribina/", email="osoba0@example.org", ip="10.0.0.5")
    assert mailoutbox[0].to == ["osoba0@example.org"]
    assert Registration.objects.filter(email="osoba0@example.org", status="waiting").count() == 1


def test_an_unknown_or_foreign_cancel_token_is_not_found(client, event, campaigns):
    other = EventPageFactory(parent=campaigns["index"], slug="druga")
    registration = RegistrationFactory(event=other)
    assert client.get("/kampanje/tribina/cancel/nema/").status_code == 404
    assert client.post(f"/kampanje/tribina/cancel/{registration.token}/").status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_registering_in_english_takes_a_place_of_the_same_event(
    client, event, campaigns, mailoutbox, django_capture_on_commit_callbacks
):
    event.capacity = 1
    event.save_revision().publish()
    event_en = translate(event, "en", title="Public debate", slug="debate")
    with django_capture_on_commit_callbacks(execute=True):
        register(client, "/kampanje/tribina/", email="prva@example.org")
        response = register(client, "/en/campaigns/debate/", email="second@example.org")
    assert response["Location"] == "/en/campaigns/debate/registered/"
    second = Registration.objects.get(email="second@example.org")
    assert second.event == event and second.status == "waiting"
    assert second.language == "en"
    assert mailoutbox[1].subject == "You are on the waiting list for “Public debate”"
    assert f"/en/campaigns/debate/cancel/{second.token}/" in mailoutbox[1].body
    assert event_en.places_left() == 0


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
    response = client.get("/kampanje/tribina/event.ics")
    assert response.status_code == 200
    [component] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert component["SUMMARY"] == "Tribina"
    translate(event, "en", title="Public debate", slug="debate")
    english = icalendar.Calendar.from_ical(client.get("/en/campaigns/debate/event.ics").content)
    assert english.walk("VEVENT")[0]["SUMMARY"] == "Public debate"
    assert client.get("/kampanje/event.ics").status_code == 404  # not an event
    assert client.get("/kampanje/tribina/registered/event.ics").status_code == 404
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
        client.get("/kampanje/tribina/event.ics").content
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


def test_more_events_add_no_queries(client, campaigns):
    index = campaigns["index"]
    EventPageFactory(parent=index)
    client.get("/kampanje/")
    with CaptureQueriesContext(connection) as one:
        client.get("/kampanje/")
    for _number in range(5):
        EventPageFactory(parent=index)
    with CaptureQueriesContext(connection) as six:
        client.get("/kampanje/")
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
    assert f"/kampanje/sutra/cancel/{coming.token}/" in message.body
    coming.refresh_from_db()
    assert coming.reminded_at is not None


def test_registering_the_day_before_counts_as_the_reminder(
    client, campaigns, mailoutbox, django_capture_on_commit_callbacks
):
    EventPageFactory(
        parent=campaigns["index"], slug="sutra", start=timezone.now() + timedelta(hours=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        register(client, "/kampanje/sutra/")
        call_command("send_event_reminders", stdout=StringIO())
    assert len(mailoutbox) == 1


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
