"""Request bodies over MAX_REQUEST_BODY get a 413 page before anything reads them."""

import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from wagtail.documents import get_document_model

from campaigns.models import Signature
from map.models import CameraReport
from tests.campaigns.test_petitions import form_data, petition_tree, sign_url  # noqa: F401
from tests.routes import in_serbian

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

HEADING = "What you sent is too large"


def report_form(**files):
    return {
        "latitude": "44.8125",
        "longitude": "20.4612",
        "surveillance_type": "camera",
        "has_sign": "unknown",
        **files,
    }


class CountingStream(io.BytesIO):
    """A request body that remembers how much of it was read."""

    read_bytes = 0

    def read(self, size=-1):
        data = super().read(size)
        self.read_bytes += len(data)
        return data

    readline = None  # any other way of reading fails loudly, instead of going uncounted


def test_an_oversized_photo_gets_a_413_page_and_nothing_is_stored(client):
    photo = SimpleUploadedFile("big.jpg", b"\xff" * (settings.MAX_REQUEST_BODY + 1))
    response = client.post("/en/map/report/", report_form(photo=photo))
    assert response.status_code == 413
    assert b'<html lang="en"' in response.content
    assert f"<h1>{HEADING}</h1>" in response.text
    assert "This site accepts at most 12 MB at once." in response.text
    assert "Nothing you sent in this last attempt was saved." in response.text
    assert not CameraReport.objects.exists()


def test_the_413_page_speaks_the_readers_language(client):
    response = client.post(
        in_serbian("map:report"), b"", content_type="text/plain", CONTENT_LENGTH="20000000"
    )
    assert response.status_code == 413
    assert b'<html lang="sr-latn"' in response.content
    with translation.override("sr-latn"):
        assert f"<h1>{gettext(HEADING)}</h1>" in response.text


def test_the_body_is_not_read_at_all(client):
    """The header alone decides: a client cannot make the server read what it refuses."""
    body = CountingStream(b"x" * 1000)
    response = client.post(
        "/en/map/report/",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(settings.MAX_REQUEST_BODY + 1),
        **{"wsgi.input": body},
    )
    assert response.status_code == 413
    assert body.read_bytes == 0


def test_a_petition_signature_over_the_limit_gets_the_413_page(client, petition_tree):  # noqa: F811
    petition = petition_tree["petition_en"]
    data = form_data(petition_tree["vracar"], padding="x" * settings.MAX_REQUEST_BODY)
    response = client.post(sign_url(petition), data, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 413
    assert HEADING in response.text
    assert not Signature.objects.exists()
    # Under the limit the same form is read as usual.
    normal = client.post(
        sign_url(petition), form_data(petition_tree["vracar"]), REMOTE_ADDR="203.0.113.5"
    )
    assert normal.status_code != 413
    assert Signature.objects.count() == 1


def test_a_chunked_body_without_a_length_is_never_read(client):
    """Without Content-Length, Django's WSGI request reads no body at all: nothing unbounded."""
    body = CountingStream(b"x" * (settings.MAX_REQUEST_BODY + 1))
    response = client.post(
        "/en/map/report/",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": body},
    )
    assert response.status_code == 200  # the form again: nothing was sent, as far as it knows
    assert body.read_bytes == 0
    assert not CameraReport.objects.exists()


def test_editors_can_still_upload_a_10_mb_document(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)
    content = b"%PDF-1.4 " + b"0" * (10 * 1024 * 1024 - 9)
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("annual-report.pdf", content)},
    )
    assert response.status_code == 200
    assert response.json()["success"]
    document = get_document_model().objects.get()
    assert document.file_size == 10 * 1024 * 1024
