"""Mails and calendars for people who act in Cyrillic (issue 22): whoever signs, registers or
joins on a /cir/ page gets every mail in Cyrillic, content included, with links to /cir/ pages;
/cir/events.ics and an event's .ics under /cir/ are in Cyrillic too."""

import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from campaigns.models import Registration, Signature, Supporter
from campaigns.petitions.updates import send_update
from campaigns.supporters.tasks import send_account_deleted_mail
from home.cyrillic import CODE
from home.scripts import CYRILLIC
from home.site_address import sync_default_site
from tests.supporters.conftest import make_supporter, site  # noqa: F401
from tests.supporters.test_recheck_mail import run, zemun  # noqa: F401

from .test_events import campaigns, event, register  # noqa: F401  (fixtures)
from .test_petitions import LINK, form_data, petition_tree  # noqa: F401
from .test_updates import editor, signer, write_update  # noqa: F401

# pytest fixtures are named as arguments, which ruff reads as redefinitions of the import;
# Serbian Cyrillic is what these tests read, its letters no look-alikes of Latin ones here.
# ruff: noqa: F811, RUF001

pytestmark = pytest.mark.django_db

# What may stay in Latin in a Cyrillic mail: web and email addresses.
ADDRESSES = re.compile(r"\S+://\S+|[\w.+-]+@[\w.-]+")
LATIN_WORD = re.compile(r"[A-Za-zČĆĐŠŽčćđšž]+")


def latin_words(text):
    # Codes of letters and digits stay as written (home/cyrillic.py CODE): the factories'
    # names are such ("Ana0").
    return set(LATIN_WORD.findall(CODE.sub(" ", ADDRESSES.sub(" ", text))))


def assert_cyrillic(message):
    assert latin_words(message.subject) == set(), message.subject
    assert latin_words(message.body) == set(), message.body


def local(url, site_address):
    """The path of a mailed link, which must lead to the site's Cyrillic pages."""
    assert url.startswith(f"{site_address}/cir/"), url
    return url.removeprefix(site_address)


def test_signing_at_a_cyrillic_address_mails_in_cyrillic_with_a_cyrillic_link(
    client, petition_tree, mailoutbox
):
    sync_default_site("https://kamere.example.org")
    petition = petition_tree["petition"]
    with translation.override(CYRILLIC):
        sign_url = reverse("petition_sign", args=[petition.pk])
    assert sign_url.startswith("/cir/")
    response = client.post(sign_url, form_data(petition_tree["vracar"]), REMOTE_ADDR="203.0.113.5")
    assert response["Location"].startswith("/cir/kampanje/")
    signature = Signature.objects.get()
    assert signature.language == CYRILLIC

    [message] = mailoutbox
    assert message.subject == "Потврдите потпис: Без препознавања лица"
    assert message.body.startswith("Здраво, Ана,")
    assert "петицију „Без препознавања лица“" in message.body
    assert_cyrillic(message)
    # The link as it was made (its token is Latin letters and digits), to the Cyrillic page.
    link = local(LINK.search(message.body)[0], "https://kamere.example.org")
    assert link.startswith("/cir/kampanje/bez-prepoznavanja-lica/potvrda/")
    assert link.removeprefix("/cir") in petition.confirmation_url(signature)

    page = client.get(link)
    assert page.status_code == 200
    assert '<html lang="sr-cyrl"' in page.text
    assert "Без препознавања лица" in page.text
    confirmed = client.post(link)
    assert confirmed.status_code == 200
    assert '<html lang="sr-cyrl"' in confirmed.text
    signature.refresh_from_db()
    assert signature.confirmed_at is not None


def test_signing_again_in_cyrillic_is_told_in_cyrillic(client, petition_tree, mailoutbox):
    petition = petition_tree["petition"]
    with translation.override(CYRILLIC):
        sign_url = reverse("petition_sign", args=[petition.pk])
    for address in ("203.0.113.5", "203.0.113.6"):
        client.post(sign_url, form_data(petition_tree["vracar"]), REMOTE_ADDR=address)
    first, again = mailoutbox
    assert again.body != first.body  # "you have signed before"
    assert "Без препознавања лица" in again.subject
    assert_cyrillic(again)


def test_registering_at_a_cyrillic_address_mails_in_cyrillic_with_cyrillic_links(
    client, event, mailoutbox
):
    site = Site.objects.get(is_default_site=True).root_url
    response = register(client, "/cir/kampanje/tribina/")
    assert response["Location"] == "/cir/kampanje/tribina/upis/"
    registration = Registration.objects.get()
    assert registration.language == CYRILLIC

    [message] = mailoutbox
    assert message.subject == "Потврдите упис на догађај „Трибина“"
    assert "Где: Културни центар Град, Браће Крсмановић 4, Београд" in message.body
    assert f"{site}/cir/kampanje/tribina/" in message.body  # the event's page
    assert_cyrillic(message)
    link = local(re.search(r"\S+/potvrda/\S+/", message.body)[0], site)

    page = client.get(link)
    assert page.status_code == 200 and '<html lang="sr-cyrl"' in page.text
    assert client.post(link).status_code == 200
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED

    confirmed = mailoutbox[1]
    assert "Трибина" in confirmed.subject
    assert f"{site}/cir/kampanje/tribina/otkazivanje/{registration.token}/" in confirmed.body
    assert_cyrillic(confirmed)
    # Its calendar entry, in Cyrillic too.
    [(_filename, content, _mimetype)] = confirmed.attachments
    [component] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert component["SUMMARY"] == "Трибина"
    assert component["URL"] == f"{site}/cir/kampanje/tribina/"


def test_a_petition_update_reaches_a_cyrillic_signer_in_cyrillic(
    client, editor, petition_tree, mailoutbox, django_capture_on_commit_callbacks
):
    petition = petition_tree["petition"]
    mila = signer(petition, first_name="Mila", email="mila@example.org", language=CYRILLIC)
    ana = signer(petition, first_name="Ana", email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        send_update(write_update(petition), editor)
    mails = {message.to[0]: message for message in mailoutbox}
    cyrillic, latin = mails["mila@example.org"], mails["ana@example.org"]

    assert cyrillic.subject == "Предали смо петицију"
    assert cyrillic.body.startswith("Здраво, Мила,")
    assert "Предали смо 200 потписа." in cyrillic.body
    assert "http://localhost/cir/kampanje/bez-prepoznavanja-lica/" in cyrillic.body
    assert_cyrillic(cyrillic)
    unsubscribe = f"http://localhost/cir/unsubscribe/{mila.unsubscribe_token()}/"
    assert cyrillic.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert unsubscribe in cyrillic.body
    page = client.get(unsubscribe.removeprefix("http://localhost"))
    assert page.status_code == 200 and '<html lang="sr-cyrl"' in page.text
    # Whoever signed in Latin reads it as written.
    assert latin.subject == "Predali smo peticiju"
    assert "Predali smo 200 potpisa." in latin.body
    assert ana.unsubscribe_token() in latin.body and "/cir/" not in latin.body


def test_a_cyrillic_signer_is_sent_to_the_serbian_page_whichever_page_the_update_is_on(
    editor, petition_tree, mailoutbox, django_capture_on_commit_callbacks
):
    signer(petition_tree["petition"], email="mila@example.org", language=CYRILLIC)
    with django_capture_on_commit_callbacks(execute=True):
        send_update(write_update(petition_tree["petition_en"]), editor)
    [message] = mailoutbox
    assert "http://localhost/cir/kampanje/bez-prepoznavanja-lica/" in message.body
    assert "Без препознавања лица" in message.body
    assert_cyrillic(message)


def test_the_account_deletion_mail_is_in_cyrillic_for_a_cyrillic_reader(mailoutbox):
    site = Site.objects.get(is_default_site=True)
    send_account_deleted_mail.enqueue("ana@example.org", CYRILLIC, site.pk)
    [message] = mailoutbox
    assert message.subject == "Ваш налог је обрисан"
    assert_cyrillic(message)


def test_the_monthly_re_check_mail_is_in_cyrillic_with_links_that_answer(
    client, zemun, mailoutbox, django_capture_on_commit_callbacks
):
    supporter = make_supporter("ana@example.org", zemun)
    Supporter.objects.filter(pk=supporter.pk).update(recheck_mail=True, language=CYRILLIC)
    run(django_capture_on_commit_callbacks)
    [message] = mailoutbox
    assert message.subject == "Камере за проверу у општини Земун"
    assert "Главна 1" in message.body
    assert_cyrillic(message)
    links = re.findall(r"http://\S+", message.body)
    assert message.extra_headers["List-Unsubscribe"].strip("<>") in links
    for link in links:
        path = local(link, "http://localhost")
        assert client.get(path).status_code == 200, path


# Calendars


def test_the_cyrillic_calendar_feed_is_the_latin_one_in_cyrillic(client, event):
    event.search_description = "Razgovor o kamerama i nadzoru."
    event.online_url = "https://meet.example.org/kamere"
    event.save_revision().publish()
    latin = icalendar.Calendar.from_ical(client.get("/events.ics").content)
    response = client.get("/cir/events.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["X-WR-CALNAME"] == "Камере"
    [component], [latin_component] = calendar.walk("VEVENT"), latin.walk("VEVENT")
    assert component["SUMMARY"] == "Трибина"
    assert component["DESCRIPTION"] == "Разговор о камерама и надзору."
    assert component["LOCATION"] == "Културни центар Град, Браће Крсмановић 4, Београд"
    assert component["URL"] == "http://localhost/cir/kampanje/tribina/"
    # What calendars match and sort by is the same in either script.
    for name in ("UID", "SEQUENCE", "STATUS", "CONFERENCE"):
        assert component[name] == latin_component[name], name
    assert component["CONFERENCE"] == "https://meet.example.org/kamere"
    assert component.decoded("DTSTART") == latin_component.decoded("DTSTART") == event.start
    assert latin_component["SUMMARY"] == "Tribina"


def test_an_events_ics_under_cir_is_in_cyrillic(client, event):
    response = client.get("/cir/kampanje/tribina/kalendar.ics")
    assert response.status_code == 200
    [component] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert component["SUMMARY"] == "Трибина"
    assert component["LOCATION"] == "Културни центар Град, Браће Крсмановић 4, Београд"
    assert component["URL"] == "http://localhost/cir/kampanje/tribina/"
    assert client.get("/cir/kampanje/nema/kalendar.ics").status_code == 404
