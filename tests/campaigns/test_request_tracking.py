"""Tracking a request to an authority (issue 23): the author's address, the day the request
reached the authority, the legal term worked out; the request's own page by a mailed link;
reminders before and after the term; the complaint to the Commissioner drafted when the
authority is silent or refuses; deletion and the retention rule."""

import re
from datetime import date, timedelta
from io import BytesIO, StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Page, Site

from campaigns.information_requests.deadlines import Law, answer_due
from campaigns.information_requests.models import InformationRequest
from campaigns.supporters.erasure import for_address
from campaigns.supporters.views import data_export
from home.models import OrganisationSettings
from tests.home.factories import HomePageFactory

from .factories import (
    AuthorityFactory,
    CampaignIndexPageFactory,
    InformationRequestFactory,
    RequestPageFactory,
)

pytestmark = pytest.mark.django_db

REQUESTER = {"name": "Petar Petrović", "address": "Njegoševa 12\n11000 Beograd", "email": ""}
COMPLAINANT = {"name": "Petar Petrović", "address": "Njegoševa 12\n11000 Beograd", "email": ""}


@pytest.fixture
def request_page(db):
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Početna", slug="pocetna")
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    OrganisationSettings.objects.update_or_create(site=site, defaults={"name": "Kamere"})
    index = CampaignIndexPageFactory(parent=home)
    authority = AuthorityFactory(
        name="Ministarstvo unutrašnjih poslova",
        address="Bulevar Mihajla Pupina 2\n11070 Novi Beograd",
        request_email="pristup@mup.example",
    )
    AuthorityFactory(
        name="Poverenik za informacije od javnog značaja i zaštitu podataka o ličnosti",
        address="Bulevar kralja Aleksandra 15\n11120 Beograd",
        request_email="office@poverenik.example",
        hears_complaints=True,
    )
    return RequestPageFactory(parent=index, slug="ugovor-o-kamerama", authority=authority)


def tracking_link(message):
    """The request's page as the mail gives it: its path on the site."""
    return re.search(r"http://localhost(/\S+/)\s", message.body)[1]


def track(client, page, **data):
    fields = {
        "email": "ana@example.org",
        "received_on": timezone.localdate().isoformat(),
        "consent": "on",
        **data,
    }
    return client.post(page.url + "pracenje/", fields)


def pdf_text(content):
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages).split()
    )


# Starting to track


def test_the_letter_offers_to_track_it_with_the_address_given(client, request_page):
    response = client.post(request_page.url, {**REQUESTER, "email": "ana@example.org"})

    html = response.text
    assert f'action="{request_page.url}pracenje/"' in html
    assert 'value="ana@example.org"' in html
    assert f'value="{timezone.localdate().isoformat()}"' in html


def test_tracking_mails_the_requests_page_which_asks_before_reminding(
    client, request_page, mailoutbox
):
    response = track(client, request_page)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    tracked = InformationRequest.objects.get()
    assert tracked.confirmed_at is None
    assert tracked.email_normalised == "ana@example.org"
    assert tracked.authority == request_page.authority
    assert tracked.answer_due_on == answer_due(Law.INFORMATION, timezone.localdate())
    # No name or postal address kept.
    assert "Petrović" not in str(InformationRequest.objects.values().get())
    [message] = mailoutbox
    assert message.to == ["ana@example.org"]
    assert "Ministarstvo unutrašnjih poslova" in message.subject
    link = tracking_link(message)
    assert tracked.token in link

    page = client.get(link)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert '<meta name="referrer" content="no-referrer">' in page.text
    assert "Podsetite me" in page.text

    client.post(link, {"action": "confirm"})
    tracked.refresh_from_db()
    assert tracked.confirmed_at is not None


def test_tracking_again_before_confirming_mails_the_same_page_within_a_cap(
    client, request_page, mailoutbox
):
    for _attempt in range(8):
        track(client, request_page)

    assert InformationRequest.objects.count() == 1
    assert len(mailoutbox) == 5
    assert len({tracking_link(message) for message in mailoutbox}) == 1


def test_one_address_gets_at_most_ten_mails_until_it_is_confirmed_whatever_the_pages(
    client, request_page, mailoutbox
):
    index = request_page.get_parent()
    pages = [RequestPageFactory(parent=index) for _page in range(4)]
    for page in pages:
        for _attempt in range(4):
            track(client, page, email="zrtva@example.org")

    assert len(mailoutbox) == 10
    assert all(message.to == ["zrtva@example.org"] for message in mailoutbox)
    # Once its owner confirms one, that one's page works as ever.
    assert InformationRequest.objects.count() == 3


def test_a_logged_in_authors_verified_address_is_tracked_at_once(client, request_page, mailoutbox):
    user = get_user_model().objects.create_user("ana", "ana@example.org", "lozinka-duga-123")
    EmailAddress.objects.create(user=user, email="ana@example.org", verified=True, primary=True)
    client.force_login(user)

    response = track(client, request_page, email="Ana@Example.org")

    tracked = InformationRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{tracked.token}/")
    assert tracked.confirmed_at is not None
    activity = client.get("/accounts/activity/")
    assert "Ministarstvo unutrašnjih poslova" in activity.text
    assert tracked.token in activity.text
    exported = data_export(user)["requests_to_authorities"]
    assert [row["authority"] for row in exported] == ["Ministarstvo unutrašnjih poslova"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "nije-adresa"}, "email"),
        ({"received_on": "32.13.2026."}, "received_on"),
        ({"received_on": "1999-01-01"}, "received_on"),
        ({"consent": ""}, "consent"),
    ],
)
def test_bad_tracking_input_is_named_at_its_field_and_nothing_is_kept(
    client, request_page, mailoutbox, data, field
):
    response = track(client, request_page, **data)

    assert response.status_code == 200
    assert f'href="#track-{field}"' in response.text
    assert not InformationRequest.objects.exists()
    assert not mailoutbox


# The term, as the page shows it


def test_a_request_received_on_the_friday_before_statehood_day_is_due_on_the_monday(
    client, request_page
):
    # Worked by hand: received Friday 12 February 2027; 15 days from the next day end on
    # Saturday 27 February; the authority does not work on Saturday or Sunday: Monday 1 March.
    # (Statehood Day, 15 and 16 February, falls inside the term and does not move it.)
    tracked = InformationRequestFactory(page=request_page, received_on=date(2027, 2, 12))

    assert tracked.answer_due_on == date(2027, 3, 1)
    html = client.get(f"/zahtevi/praceni/{tracked.token}/").text
    assert "1. marta 2027." in html
    assert 'datetime="2027-03-01"' in html


def test_an_extension_moves_the_term_to_forty_days_and_is_reminded_of_again(client, request_page):
    received = timezone.localdate() - timedelta(days=20)
    tracked = InformationRequestFactory(page=request_page, received_on=received)
    InformationRequest.objects.filter(pk=tracked.pk).update(
        reminded_before_at=timezone.now(), reminded_after_at=timezone.now()
    )

    client.post(
        f"/zahtevi/praceni/{tracked.token}/",
        {"action": "progress", "received_on": received.isoformat(), "extended": "on"},
    )

    tracked.refresh_from_db()
    assert tracked.answer_due_on == answer_due(Law.INFORMATION, received, extended=True)
    assert tracked.reminded_before_at is None and tracked.reminded_after_at is None


@pytest.mark.parametrize(
    ("answered", "outcome", "field"),
    [
        (-30, "refused", "answered_on"),  # before the request reached them
        (+1, "refused", "answered_on"),  # tomorrow
        (0, "", "outcome"),
        (None, "refused", "answered_on"),
        (0, "nonsense", "outcome"),
    ],
)
def test_a_wrong_answer_date_or_outcome_is_named_at_its_field(
    client, request_page, answered, outcome, field
):
    received = timezone.localdate() - timedelta(days=10)
    tracked = InformationRequestFactory(page=request_page, received_on=received)
    data = {"action": "progress", "received_on": received.isoformat(), "outcome": outcome}
    if answered is not None:
        data["answered_on"] = (timezone.localdate() + timedelta(days=answered)).isoformat()

    response = client.post(f"/zahtevi/praceni/{tracked.token}/", data)

    assert response.status_code == 200
    assert f'href="#id_{field}"' in response.text
    tracked.refresh_from_db()
    assert tracked.answered_on is None


def test_writing_down_the_answer_keeps_a_reminder_marked_meanwhile(client, request_page):
    received = timezone.localdate() - timedelta(days=20)
    tracked = InformationRequestFactory(page=request_page, received_on=received)
    # The hourly job marks the reminder while the author has the page open.
    InformationRequest.objects.filter(pk=tracked.pk).update(reminded_after_at=timezone.now())

    tracked.record_progress(received_on=received, extended=False, answered_on=None, outcome="")

    tracked.refresh_from_db()
    assert tracked.reminded_after_at is not None


def test_an_unknown_address_is_not_found(client, request_page):
    InformationRequestFactory(page=request_page)
    assert client.get("/zahtevi/praceni/nepoznato/").status_code == 404
    assert client.post("/zahtevi/praceni/nepoznato/", {"action": "delete"}).status_code == 404


# Reminders


def run_reminders(mailoutbox):
    mailoutbox.clear()
    call_command("send_request_reminders", stdout=StringIO())
    return list(mailoutbox)


def test_reminders_go_before_the_term_ends_and_after_it_ends_in_silence_once_each(
    client, request_page, mailoutbox
):
    today = timezone.localdate()
    due_soon = InformationRequestFactory(page=request_page, email="uskoro@example.org")
    InformationRequest.objects.filter(pk=due_soon.pk).update(
        answer_due_on=today + timedelta(days=2)
    )
    late = InformationRequestFactory(page=request_page, email="kasni@example.org")
    InformationRequest.objects.filter(pk=late.pk).update(answer_due_on=today - timedelta(days=1))
    far = InformationRequestFactory(page=request_page, email="daleko@example.org")
    answered = InformationRequestFactory(
        page=request_page,
        email="odgovoreno@example.org",
        received_on=today - timedelta(days=30),
        answered_on=today - timedelta(days=2),
        outcome="answered",
    )
    unconfirmed = InformationRequestFactory(
        page=request_page, email="nepotvrdjeno@example.org", confirmed_at=None
    )
    InformationRequest.objects.filter(pk__in=[answered.pk, unconfirmed.pk]).update(
        answer_due_on=today - timedelta(days=1)
    )

    refused = InformationRequestFactory(
        page=request_page,
        email="odbijeno@example.org",
        received_on=today - timedelta(days=20),
        answered_on=today - timedelta(days=13),
        outcome="refused",
    )

    sent = {message.to[0]: message for message in run_reminders(mailoutbox)}

    assert set(sent) == {"uskoro@example.org", "kasni@example.org", "odbijeno@example.org"}
    # The complaint of the refusal: its last day, and the way to it.
    assert refused.complaint_due_on - today <= timedelta(days=3)
    assert f"/{refused.token}/#complaint" in sent["odbijeno@example.org"].body
    assert far.email not in sent
    before, after = sent["uskoro@example.org"], sent["kasni@example.org"]
    assert tracking_link(before).endswith(f"/{due_soon.token}/")
    assert f"/{late.token}/#complaint" in after.body
    assert "Povereniku" in after.body
    # Once each, however often the job runs.
    assert run_reminders(mailoutbox) == []
    # The page the link leads to works.
    assert client.get(tracking_link(before)).status_code == 200


# The complaint


def late_request(request_page, **fields):
    received = timezone.localdate() - timedelta(days=40)
    return InformationRequestFactory(page=request_page, received_on=received, **fields)


def test_silence_past_the_term_gets_a_complaint_to_the_commissioner_as_a_pdf(client, request_page):
    tracked = late_request(request_page)
    link = f"/zahtevi/praceni/{tracked.token}/"
    assert 'value="complaint"' in client.get(link).text

    shown = client.post(link, {"action": "complaint", **COMPLAINANT})
    pdf = client.post(link, {"action": "complaint_pdf", **COMPLAINANT})

    assert "Žalba zbog nepostupanja po zahtevu za pristup informacijama" in shown.text
    assert "Bulevar kralja Aleksandra 15" in shown.text
    assert "no-store" in shown["Cache-Control"]
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="zalba.pdf"'
    text = pdf_text(pdf.content)
    assert text.startswith("Petar Petrović Njegoševa 12 11000 Beograd Poverenik za informacije")
    assert "Žalba zbog nepostupanja po zahtevu" in text
    assert "Ministarstvo unutrašnjih poslova primio je" in text
    assert "člana 22." in text
    assert "1. kopija zahteva 2. dokaz da je organ vlasti primio zahtev" in text
    # The complainant's name is in the letter, not in the database.
    assert "Petrović" not in str(InformationRequest.objects.values().get())


def test_a_refusal_is_complained_of_with_the_reasons_and_the_refusal_attached(client, request_page):
    today = timezone.localdate()
    tracked = InformationRequestFactory(
        page=request_page,
        received_on=today - timedelta(days=10),
        answered_on=today - timedelta(days=2),
        outcome="refused",
    )

    shown = client.post(
        f"/zahtevi/praceni/{tracked.token}/",
        {
            "action": "complaint",
            **COMPLAINANT,
            "decision": "07-00-12/2026",
            "reasons": "Ugovor je plaćen javnim novcem.",
        },
    )

    html = shown.text
    assert "Žalba protiv odbijanja zahteva" in html
    assert "Ugovor je plaćen javnim novcem." in html
    assert "Odgovor organa vlasti broj 07-00-12/2026, kojim je zahtev odbijen" in html
    assert "poništi rešenje organa vlasti" in html
    assert "kopija odgovora kojim je zahtev odbijen" in html
    assert "kojim je zahtev odbijen, dostavljen mi je" in html


def test_a_personal_data_request_is_complained_of_under_the_data_protection_law(
    client, request_page
):
    request_page.law = Law.PERSONAL_DATA
    request_page.save()
    tracked = InformationRequestFactory(
        page=request_page, received_on=timezone.localdate() - timedelta(days=60)
    )

    pdf = client.post(
        f"/zahtevi/praceni/{tracked.token}/", {"action": "complaint_pdf", **COMPLAINANT}
    )

    assert pdf["Content-Disposition"] == 'attachment; filename="prituzba.pdf"'
    text = pdf_text(pdf.content)
    assert "Pritužba zbog nepostupanja po zahtevu za pristup podacima o ličnosti" in text
    assert "člana 82." in text


def test_no_complaint_is_drafted_while_the_term_runs(client, request_page):
    tracked = InformationRequestFactory(page=request_page)

    response = client.post(
        f"/zahtevi/praceni/{tracked.token}/", {"action": "complaint_pdf", **COMPLAINANT}
    )

    assert response["Content-Type"].startswith("text/html")
    assert 'value="complaint"' not in response.text


# Deletion and retention


def test_its_author_deletes_it_and_its_page_is_gone(client, request_page):
    tracked = InformationRequestFactory(page=request_page)
    link = f"/zahtevi/praceni/{tracked.token}/"

    response = client.post(link, {"action": "delete"})

    assert response.status_code == 200
    assert not InformationRequest.objects.exists()
    assert client.get(link).status_code == 404


def test_the_retention_rule_deletes_the_unconfirmed_after_a_week_and_the_rest_after_a_year(
    request_page,
):
    now = timezone.now()
    today = timezone.localdate()
    fresh = InformationRequestFactory(page=request_page, confirmed_at=None)
    old_unconfirmed = InformationRequestFactory(
        page=request_page, confirmed_at=None, created_at=now - timedelta(days=8)
    )
    long_ago = now - timedelta(days=400)
    over = InformationRequestFactory(page=request_page, created_at=long_ago)
    InformationRequest.objects.filter(pk=over.pk).update(answer_due_on=today - timedelta(days=366))
    late_answer = InformationRequestFactory(
        page=request_page,
        created_at=long_ago,
        answered_on=today - timedelta(days=300),
        outcome="refused",
    )
    InformationRequest.objects.filter(pk=late_answer.pk).update(
        answer_due_on=today - timedelta(days=400)
    )
    # Received two years ago (the forms allow it) but tracked today: kept a year from today.
    old_but_new = InformationRequestFactory(
        page=request_page, received_on=today - timedelta(days=700)
    )

    call_command("purge_information_requests", stdout=StringIO())

    assert set(InformationRequest.objects.values_list("pk", flat=True)) == {
        fresh.pk,
        late_answer.pk,
        old_but_new.pk,
    }
    assert old_but_new.kept_until == today + timedelta(days=365)
    assert not InformationRequest.objects.filter(pk__in=[old_unconfirmed.pk, over.pk]).exists()


def test_an_erasure_by_address_deletes_the_persons_tracked_requests(request_page):
    InformationRequestFactory(page=request_page, email="ana@example.org")
    InformationRequestFactory(page=request_page, email="marko@example.org")

    person = for_address("Ana@example.org")
    assert person.preview()["information_requests"] == 1
    person.erase()

    assert list(InformationRequest.objects.values_list("email", flat=True)) == ["marko@example.org"]


@pytest.mark.parametrize(
    ("language", "path", "words"),
    [
        ("sr-cyrl", "/cir/zahtevi/praceni/", "Рок за одговор"),
        ("en", "/en/requests/tracked/", "Answer due"),
    ],
)
def test_the_mail_and_its_link_are_in_the_authors_language_and_script(
    client, request_page, mailoutbox, language, path, words
):
    tracked = InformationRequest.start(
        page=request_page,
        authority=request_page.authority,
        email="ana@example.org",
        received_on=timezone.localdate(),
        language=language,
        consent_text="…",
        consent_version="2026-1",
    )

    [message] = mailoutbox
    assert words in message.body
    link = tracking_link(message)
    assert link == f"{path}{tracked.token}/"
    assert client.get(link).status_code == 200


def test_past_the_complaints_term_a_refusal_says_so_instead_of_a_form(client, request_page):
    today = timezone.localdate()
    tracked = InformationRequestFactory(
        page=request_page,
        received_on=today - timedelta(days=60),
        answered_on=today - timedelta(days=40),
        outcome="refused",
    )

    response = client.post(
        f"/zahtevi/praceni/{tracked.token}/", {"action": "complaint", **COMPLAINANT}
    )

    assert 'value="complaint"' not in response.text
    assert "Rok za žalbu na odbijanje istekao je" in response.text


def test_an_account_sees_the_requests_of_its_address_exactly(client, request_page):
    InformationRequestFactory(page=request_page, email="ana@example.org")
    user = get_user_model().objects.create_user("ana", "ana+kamere@example.org", "lozinka-123x")
    EmailAddress.objects.create(
        user=user, email="ana+kamere@example.org", verified=True, primary=True
    )
    client.force_login(user)

    activity = client.get("/accounts/activity/")

    # Another inbox's request, by a "+tag": its page's key is not shown.
    token = InformationRequest.objects.get().token
    assert token not in activity.text


def test_an_urgent_request_is_due_in_48_hours_through_weekends_and_holidays(client, request_page):
    # Received on Thursday 31 December 2026: its 48 hours end on Saturday 2 January 2027,
    # New Year's holiday and a weekend day, at the hour it arrived; not moved to Monday.
    new_year = InformationRequestFactory(
        page=request_page, received_on=date(2026, 12, 31), urgent=True
    )
    assert new_year.answer_due_on == date(2027, 1, 2)
    # Received on Monday 9 November 2026: due on Wednesday 11 November, Armistice Day.
    armistice = InformationRequestFactory(
        page=request_page, received_on=date(2026, 11, 9), urgent=True
    )
    assert armistice.answer_due_on == date(2026, 11, 11)
    received = timezone.localdate() - timedelta(days=3)
    tracked = InformationRequestFactory(page=request_page, received_on=received, urgent=True)
    assert tracked.answer_due_on == received + timedelta(days=2)

    client.post(
        f"/zahtevi/praceni/{tracked.token}/",
        {"action": "progress", "received_on": received.isoformat()},
    )

    # Unticked on the page: the ordinary 15 days again, to the first working day after.
    tracked.refresh_from_db()
    assert not tracked.urgent
    assert tracked.answer_due_on == answer_due(Law.INFORMATION, received)


def test_only_a_request_for_information_can_be_urgent(client, request_page):
    page = client.post(request_page.url, REQUESTER).text
    assert 'name="urgent"' in page
    track(client, request_page, urgent="on")
    assert InformationRequest.objects.get().urgent

    request_page.law = Law.PERSONAL_DATA
    request_page.save()
    assert 'name="urgent"' not in client.post(request_page.url, REQUESTER).text
