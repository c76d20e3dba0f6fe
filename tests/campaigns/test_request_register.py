"""The public register of requests (issue 23): an author offers their tracked request, with
its answer and, if they want, their name; the answer as uploaded is for moderators only; a
moderator publishes it with a version of the answer without the personal data, and the
register counts it per authority, on its page, on the request's page and as open data."""

import io
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import ExifTags, Image
from wagtail.documents import get_document_model

from campaigns.information_requests.deadlines import Law
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
