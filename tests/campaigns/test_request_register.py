"""The public register of requests (issue 23): an author offers their tracked request, with
its answer and, if they want, their name; the answer as uploaded is for moderators only; a
moderator publishes it with a version of the answer without the personal data, and the
register counts it per authority, on its page, on the request's page and as open data."""

import io
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from campaigns.information_requests.deadlines import Law
from campaigns.information_requests.models import InformationRequest
from campaigns.information_requests.pages import RegisterPage
from campaigns.information_requests.register import RegisterEntry
from campaigns.supporters.erasure import for_address
from campaigns.supporters.views import data_export
from tests.factories import make_user

from .factories import InformationRequestFactory
from .test_request_tracking import request_page  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% Petar Petrovic, Njegoseva 12\n%%EOF\n"


@pytest.fixture(autouse=True)
def no_second_factor(settings, fresh_media):
    settings.STAFF_REQUIRE_MFA = False


@pytest.fixture
def register(request_page):  # noqa: F811
    page = RegisterPage(title="Registar zahteva", slug="registar-zahteva")
    request_page.get_parent().add_child(instance=page)
    return page


@pytest.fixture
def late(request_page):  # noqa: F811
    today = timezone.localdate()
    return InformationRequestFactory(
        page=request_page,
        received_on=today - timedelta(days=40),
        answered_on=today - timedelta(days=5),
        outcome="refused",
    )


def page_of(tracked):
    return f"/zahtevi/praceni/{tracked.token}/"


def offer(client, tracked, **data):
    fields = {"action": "publish", "consent": "on", **data}
    return client.post(page_of(tracked), fields)


def photo_with_gps():
    exif = Image.Exif()
    exif[ExifTags.Base.Model] = "Pixel 8"
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] = (44.0, 48.0, 10.0)
    output = io.BytesIO()
    Image.new("RGB", (600, 800), (250, 250, 250)).save(output, "JPEG", exif=exif)
    return output.getvalue()


def test_an_offered_answer_waits_for_a_moderator_out_of_public_reach(client, register, late):
    response = offer(
        client,
        late,
        answer=SimpleUploadedFile("Resenje Petar Petrovic.pdf", PDF, "application/pdf"),
        show_name="on",
        name="Petar Petrović",
    )

    assert response.status_code == 302
    entry = RegisterEntry.objects.get()
    assert entry.status == RegisterEntry.Status.SUBMITTED
    assert entry.requester_name == "Petar Petrović"
    assert (entry.received_on, entry.outcome) == (late.received_on, "refused")
    assert entry.title == late.page.title
    # A random name, in a folder /media/ does not serve.
    assert "petrovic" not in entry.answer_upload.name.lower()
    assert entry.answer_upload.name.startswith("request-answers/")
    assert client.get(f"/media/{entry.answer_upload.name}").status_code == 404
    # Not on the register until a moderator decides.
    assert entry.answer_upload.name not in client.get(register.url + "organ/1/").text
    assert "Petar" not in client.get(register.url).text


def test_a_photo_of_the_answer_loses_its_metadata(client, register, late):
    offer(client, late, answer=SimpleUploadedFile("IMG_2026.jpg", photo_with_gps(), "image/jpeg"))

    entry = RegisterEntry.objects.get()
    with default_storage.open(entry.answer_upload.name) as stored:
        image = Image.open(stored)
        assert not image.getexif().get(ExifTags.Base.Model)
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"answer": SimpleUploadedFile("a.exe", b"MZ\x90\x00", "application/pdf")}, "answer"),
        ({"show_name": "on", "name": ""}, "name"),
        ({"show_name": "on", "name": "=HYPERLINK()"}, "name"),
        ({"consent": ""}, "consent"),
    ],
)
def test_a_bad_offer_is_named_at_its_field_and_nothing_is_kept(client, register, late, data, field):
    response = offer(client, late, **data)

    assert response.status_code == 200
    assert f'href="#publish-{field}"' in response.text
    assert not RegisterEntry.objects.exists()


def test_a_request_for_ones_own_data_is_never_offered_with_a_name(
    client,
    register,
    request_page,  # noqa: F811
):
    request_page.law = Law.PERSONAL_DATA
    request_page.save()
    tracked = InformationRequestFactory(page=request_page)

    page = client.get(page_of(tracked)).text
    offer(client, tracked, show_name="on", name="Petar Petrović")

    assert 'name="show_name"' not in page
    assert RegisterEntry.objects.get().requester_name == ""


def test_a_moderator_publishes_it_and_the_register_counts_it(client, register, late):
    offer(client, late, answer=SimpleUploadedFile("odgovor.pdf", PDF, "application/pdf"))
    entry = RegisterEntry.objects.get()
    upload = entry.answer_upload.name
    moderator = make_user("moderator", groups=["Moderators"], admin_access=True)
    client.force_login(moderator)
    assert client.get(f"/admin/register_entries/{entry.pk}/answer/").status_code == 200
    redacted = get_document_model().objects.create(
        title="Rešenje (bez podataka o ličnosti)", file=ContentFile(b"%PDF-1.4", "resenje.pdf")
    )

    response = client.post(
        f"/admin/register_entries/edit/{entry.pk}/",
        {"answer_document": redacted.pk, "requester_name": "", "status": "published"},
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == RegisterEntry.Status.PUBLISHED
    assert entry.reviewed_by == moderator
    # The upload has served its purpose.
    assert not entry.answer_upload
    assert not default_storage.exists(upload)
    client.logout()
    listing = client.get(register.url).text
    assert "Ministarstvo unutrašnjih poslova" in listing
    authority_page = client.get(f"{register.url}organ/{late.authority.pk}/").text
    assert "Rešenje (bez podataka o ličnosti)" in authority_page
    assert "Odbijeno" in authority_page
    request_text = client.get(late.page.url).text
    assert "U našem registru: 1 zahtev ovom organu" in request_text
    figures = client.get("/api/requests/figures.json").json()["authorities"]
    assert figures == [
        {
            "authority": "Ministarstvo unutrašnjih poslova",
            "authority_en": "",
            "requests": 1,
            "answered_in_time": 0,
            # Received 40 days ago, refused 5 days ago: after its 15 days.
            "late": 1,
            "refused": 1,
            "complaints": 0,
            "waiting": 0,
        }
    ]


def test_only_moderators_read_the_answer_as_uploaded(client, register, late):
    offer(client, late, answer=SimpleUploadedFile("odgovor.pdf", PDF, "application/pdf"))
    entry = RegisterEntry.objects.get()
    client.force_login(make_user("urednik", admin_access=True))

    response = client.get(f"/admin/register_entries/{entry.pk}/answer/")

    assert response.status_code in (302, 403)


def test_what_the_author_writes_down_later_reaches_the_entry(client, register, late):
    offer(client, late)
    complained = timezone.localdate() - timedelta(days=1)

    client.post(
        page_of(late),
        {
            "action": "progress",
            "received_on": late.received_on.isoformat(),
            "answered_on": late.answered_on.isoformat(),
            "outcome": "refused",
            "complained_on": complained.isoformat(),
        },
    )

    assert RegisterEntry.objects.get().complained_on == complained


def test_withdrawing_or_deleting_before_publication_takes_the_entry_and_its_upload(
    client, register, late
):
    offer(client, late, answer=SimpleUploadedFile("odgovor.pdf", PDF, "application/pdf"))
    upload = RegisterEntry.objects.get().answer_upload.name

    client.post(page_of(late), {"action": "withdraw"})

    assert not RegisterEntry.objects.exists()
    assert not default_storage.exists(upload)
    offer(client, late)
    client.post(page_of(late), {"action": "delete"})
    assert not RegisterEntry.objects.exists()


def test_a_published_entry_outlives_its_tracked_request(client, register, late):
    offer(client, late)
    RegisterEntry.objects.update(status=RegisterEntry.Status.PUBLISHED)

    client.post(page_of(late), {"action": "delete"})

    entry = RegisterEntry.objects.get()
    assert entry.tracked is None
    assert entry.authority == late.authority


def test_an_erasure_takes_the_name_off_the_register_and_the_unpublished_entries_away(
    client,
    register,
    request_page,  # noqa: F811
):
    published = InformationRequestFactory(page=request_page, email="ana@example.org")
    waiting = InformationRequestFactory(page=request_page, email="ana@example.org")
    offer(client, published, show_name="on", name="Ana Anić")
    RegisterEntry.objects.update(status=RegisterEntry.Status.PUBLISHED)
    offer(
        client,
        waiting,
        answer=SimpleUploadedFile("odgovor.pdf", PDF, "application/pdf"),
        show_name="on",
        name="Ana Anić",
    )
    upload = RegisterEntry.objects.get(tracked=waiting).answer_upload.name

    for_address("ana@example.org").erase()

    [entry] = RegisterEntry.objects.all()
    assert entry.status == RegisterEntry.Status.PUBLISHED
    assert entry.requester_name == ""
    assert not default_storage.exists(upload)


def test_the_data_download_says_what_the_register_holds(client, register, late):
    offer(client, late, show_name="on", name="Ana Anić")
    user = make_user("ana", email=late.email)

    [row] = data_export(user)["requests_to_authorities"]

    assert row["register_entry"]["name_shown"] == "Ana Anić"
    assert row["register_entry"]["status"] == "submitted"


def test_an_upload_is_stored_and_served_as_what_it_is_not_as_what_it_is_called(
    client, register, late
):
    html_in_pdf = b"%PDF-1.4\n<html><script>alert(1)</script></html>"
    offer(client, late, answer=SimpleUploadedFile("x.html", html_in_pdf, "text/html"))
    entry = RegisterEntry.objects.get()
    assert entry.answer_upload.name.endswith(".pdf")
    client.force_login(make_user("moderator", groups=["Moderators"], admin_access=True))

    response = client.get(f"/admin/register_entries/{entry.pk}/answer/")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_pdf_that_would_run_something_is_refused(client, register, late):
    active = b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"

    response = offer(client, late, answer=SimpleUploadedFile("a.pdf", active, "application/pdf"))

    assert 'href="#publish-answer"' in response.text
    assert not RegisterEntry.objects.exists()


def test_the_admin_makes_no_entries_and_shows_uploads_to_moderators_only(client, register, late):
    offer(client, late, answer=SimpleUploadedFile("odgovor.pdf", PDF, "application/pdf"))
    entry = RegisterEntry.objects.get()
    client.force_login(make_user("urednik", admin_access=True))
    # Wagtail's admin answers a refusal with its own page, or back to the dashboard.
    refused = client.get(f"/admin/register_entries/{entry.pk}/answer/")
    assert refused.status_code in (302, 403)
    assert "Content-Disposition" not in refused
    client.force_login(make_user("moderator", groups=["Moderators"], admin_access=True))
    assert client.get(reverse("register_entries:add")).status_code in (302, 403)
    # Not even an administrator, whose form would lack what only an author gives.
    client.force_login(
        get_user_model().objects.create_superuser("admin", "admin@example.org", "x-Lozinka-1")
    )
    assert client.get(reverse("register_entries:add")).status_code in (302, 403)
    assert RegisterEntry.objects.count() == 1


def test_a_private_document_cannot_be_the_published_answer(client, register, late):
    offer(client, late)
    entry = RegisterEntry.objects.get()
    private = Collection.get_first_root_node().add_child(name="Interno")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Interno", file=ContentFile(b"%PDF-1.4", "interno.pdf"), collection=private
    )
    client.force_login(make_user("moderator", groups=["Moderators"], admin_access=True))

    response = client.post(
        f"/admin/register_entries/edit/{entry.pk}/",
        {"answer_document": document.pk, "requester_name": "", "status": "published"},
    )

    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.status == RegisterEntry.Status.SUBMITTED


def test_declining_or_withdrawing_takes_the_answer_made_for_it_off_the_site(
    client,
    register,
    late,
    request_page,  # noqa: F811
):
    offer(client, late)
    entry = RegisterEntry.objects.get()
    document = get_document_model().objects.create(
        title="Odgovor", file=ContentFile(b"%PDF-1.4", "odgovor.pdf")
    )
    moderator = make_user("moderator", groups=["Moderators"], admin_access=True)
    client.force_login(moderator)
    client.post(
        f"/admin/register_entries/edit/{entry.pk}/",
        {"answer_document": document.pk, "requester_name": "", "status": "declined"},
    )
    assert not get_document_model().objects.filter(pk=document.pk).exists()

    other = InformationRequestFactory(page=request_page)
    offer(client, other)
    published = RegisterEntry.objects.get(tracked=other)
    document = get_document_model().objects.create(
        title="Odgovor", file=ContentFile(b"%PDF-1.4", "odgovor.pdf")
    )
    RegisterEntry.objects.filter(pk=published.pk).update(
        status=RegisterEntry.Status.PUBLISHED, answer_document=document
    )
    client.post(page_of(other), {"action": "withdraw"})
    assert not get_document_model().objects.filter(pk=document.pk).exists()


def test_a_new_name_on_a_published_entry_waits_for_a_moderator_but_taking_it_off_does_not(
    client, register, late
):
    offer(client, late)
    RegisterEntry.objects.update(status=RegisterEntry.Status.PUBLISHED)

    offer(client, late, show_name="on", name="Ana Anić")
    entry = RegisterEntry.objects.get()
    assert entry.status == RegisterEntry.Status.SUBMITTED
    RegisterEntry.objects.update(status=RegisterEntry.Status.PUBLISHED)
    offer(client, late)
    entry.refresh_from_db()
    assert (entry.status, entry.requester_name) == (RegisterEntry.Status.PUBLISHED, "")


def test_a_moderators_delete_takes_the_upload(
    client, register, late, django_capture_on_commit_callbacks
):
    offer(client, late, answer=SimpleUploadedFile("odgovor.pdf", PDF, "application/pdf"))
    entry = RegisterEntry.objects.get()
    upload = entry.answer_upload.name

    with django_capture_on_commit_callbacks(execute=True):
        entry.delete()

    assert not default_storage.exists(upload)


def test_the_retention_rule_takes_an_unpublished_entry_with_its_request(client, register, late):
    offer(client, late, answer=SimpleUploadedFile("odgovor.pdf", PDF, "application/pdf"))
    upload = RegisterEntry.objects.get().answer_upload.name
    long_ago = timezone.now() - timedelta(days=800)
    InformationRequest.objects.filter(pk=late.pk).update(
        created_at=long_ago,
        answer_due_on=long_ago.date(),
        answered_on=long_ago.date(),
    )

    call_command("purge_information_requests", stdout=StringIO())

    assert not RegisterEntry.objects.exists()
    assert not default_storage.exists(upload)
