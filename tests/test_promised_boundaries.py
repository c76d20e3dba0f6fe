"""The promised numbers the other tests left unpinned, each as a literal and from both sides.

A test that reads its expected figure from the constant under test passes whatever the
constant says, and one that checks only the far side of a limit (20 MB refused) passes when
the limit moves. These state the figure (10 MB, 2000 characters, 13 megapixels, 24 hours, 5
signatures in 5 minutes, ...) and check the last value allowed and the first refused, so
changing a promise means changing a test (and the privacy policy or README with it).
tests/test_promised_limits.py and the test_promises modules of campaigns and supporters hold
the others.
"""

import io
import struct
import zlib
from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone, translation
from PIL import Image

from campaigns.models import Signature
from home import ratelimit
from home.search import parse_query
from map.models import Camera, CameraReport
from map.photos import MAX_MEGAPIXELS, TooManyPixels, check_pixels, clean_photo
from tests.accounts.conftest import home, log_in  # noqa: F401  (a fixture)
from tests.campaigns.factories import EventPageFactory, RegistrationFactory
from tests.campaigns.test_events import campaigns  # noqa: F401  (a fixture)
from tests.campaigns.test_petitions import form_data, petition_tree, sign  # noqa: F401
from tests.map.conftest import editor, editor_client  # noqa: F401  (fixtures)
from tests.map.factories import CameraFactory, CameraReportFactory, phone_photo
from tests.map.test_map_page import places, site  # noqa: F401  (a fixture)
from tests.map.test_moderation import decide
from tests.map.test_report import URL, errors_of, post

# ruff: noqa: F811  (pytest fixtures are named as arguments)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

MB = 1024 * 1024


# A camera report's note: 2000 characters


@pytest.mark.parametrize(("length", "accepted"), [(2000, True), (2001, False)])
def test_a_reports_note_may_have_2000_characters(client, length, accepted):
    response = post(client, note="x" * length)
    assert (response.status_code == 302) == accepted
    assert CameraReport.objects.exists() == accepted
    if not accepted:
        assert errors_of(response) == {
            "note": ["Ensure this value has at most 2000 characters (it has 2001)."]
        }


# A report's photo: 10 MB; its pixels, per format, before anything is decoded


def jpeg_of_size(size):
    """A real phone photo padded after its end to exactly `size` bytes (decoders stop at the
    end marker, so it reads as the photo)."""
    photo = phone_photo()
    return SimpleUploadedFile("p.jpg", photo + b"\0" * (size - len(photo)), "image/jpeg")


def test_a_photo_of_10_mb_is_taken_and_one_byte_more_is_refused():
    assert clean_photo(jpeg_of_size(10 * MB)).name.endswith(".jpg")
    with pytest.raises(ValidationError) as refused:
        clean_photo(jpeg_of_size(10 * MB + 1))
    assert refused.value.code == "too_large"
    # In a language named here: the active one is whatever the worker's last test left.
    with translation.override("en"):
        assert refused.value.messages == [
            "The photo is larger than 10 MB. Please choose a smaller one."
        ]


def png_header(width, height):
    """A PNG whose header says width x height (its pixels are those of a 1 x 1 image)."""
    output = io.BytesIO()
    Image.new("RGBA", (1, 1)).save(output, "PNG")
    png = bytearray(output.getvalue())
    png[16:24] = struct.pack(">II", width, height)
    png[29:33] = struct.pack(">I", zlib.crc32(bytes(png[12:29])))
    return bytes(png)


def progressive_jpeg_header(width, height):
    output = io.BytesIO()
    Image.new("RGB", (8, 8)).save(output, "JPEG", progressive=True)
    jpeg = bytearray(output.getvalue())
    start = jpeg.index(b"\xff\xc2")  # SOF2: length, precision, then height and width
    struct.pack_into(">HH", jpeg, start + 5, height, width)
    return bytes(jpeg)


def webp_header(width, height):
    output = io.BytesIO()
    Image.new("RGBA", (8, 8)).save(output, "WEBP", lossless=True)
    webp = bytearray(output.getvalue())
    start = webp.index(b"VP8L") + 9  # after the chunk's size and its signature byte
    bits = int.from_bytes(webp[start : start + 4], "little") & ~((1 << 28) - 1)
    bits |= (width - 1) | (height - 1) << 14
    webp[start : start + 4] = bits.to_bytes(4, "little")
    return bytes(webp)


def test_the_megapixel_limits_per_format_are_as_measured():
    # bench/report_photo.py: about 150 MB of a worker's memory at most per photo.
    assert MAX_MEGAPIXELS == {"progressive JPEG": 14, "PNG": 13, "HEIF": 13, "WEBP": 7}


@pytest.mark.parametrize(
    ("header", "at_limit", "just_over", "limit"),
    [
        (png_header, (4000, 3250), (7, 1_857_143), 13),  # 13,000,000 and 13,000,001 pixels
        (progressive_jpeg_header, (4000, 3500), (394, 35_533), 14),  # 14,000,000 and 14,000,002
        (webp_header, (2800, 2500), (471, 14_862), 7),  # 7,000,000 and 7,000,002
    ],
    ids=["PNG", "progressive JPEG", "WebP"],
)
def test_a_photo_may_have_exactly_its_formats_megapixels(header, at_limit, just_over, limit):
    with Image.open(io.BytesIO(header(*at_limit))) as image:
        assert image.size == at_limit
        check_pixels(image)  # passes: the header alone was read, no pixel decoded
    with (
        Image.open(io.BytesIO(header(*just_over))) as image,
        pytest.raises(TooManyPixels) as refused,
    ):
        check_pixels(image)
    assert refused.value.megapixels == limit


# A request body: 12 MB


@pytest.mark.parametrize(("length", "status"), [(12 * MB, 200), (12 * MB + 1, 413)])
def test_a_request_body_of_12_mb_is_read_and_one_byte_more_is_refused(client, length, status):
    # The declared length is what the limit reads (home/body_limit.py); the form then finds
    # no fields in a text body and says so.
    response = client.post(URL, b"", content_type="text/plain", CONTENT_LENGTH=str(length))
    assert response.status_code == status


# Petition signatures from one client: 1 a minute and 5 in 5 minutes, over them flagged


def test_five_signatures_in_five_minutes_from_one_client_are_not_flagged_a_sixth_is(
    client, petition_tree, monkeypatch
):
    """One a minute keeps under 1/m; the fifth in the five minutes is still within 5/5m (a
    sixth falls in a minute already used, so 1/m flags it too)."""
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    start = 1_800_000_000  # a multiple of 300: the windows are fixed, five minutes from here
    moments = [start, start + 60, start + 120, start + 180, start + 240, start + 270]
    moments.append(start + 300)  # the next five minutes start afresh
    for number, moment in enumerate(moments):
        monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda moment=moment: moment))
        response = sign(client, petition, form_data(vracar, email=f"osoba{number}@example.org"))
        assert response.status_code == 302
    flagged = dict(Signature.objects.values_list("email", "over_client_rate"))
    assert [flagged[f"osoba{number}@example.org"] for number in range(7)] == [
        *[False] * 5,
        True,
        False,
    ]


# Failed logins: 10 a minute from one client (5 in 5 minutes per address is tested in
# tests/accounts/test_accounts.py)


def test_ten_failed_logins_a_minute_from_one_client_are_answered_the_eleventh_is_not(client, home):
    for number in range(10):
        response = log_in(client, f"osoba{number}@example.org", password="pogresna-lozinka")
        assert "Previše neuspelih pokušaja" not in response.text, number
    response = log_in(client, "osoba10@example.org", password="pogresna-lozinka")
    assert "Previše neuspelih pokušaja" in response.text
    # Another client is not held back.
    other = log_in(
        client, "osoba10@example.org", password="pogresna-lozinka", REMOTE_ADDR="192.0.2.9"
    )
    assert "Previše neuspelih pokušaja" not in other.text


# Event reminders: once the event is 24 hours away


def test_the_reminder_goes_24_hours_before_the_event(campaigns, mailoutbox):
    index, now = campaigns["index"], timezone.now()
    # Half an hour either side: a window of 23 hours would still take an event 23 hours away.
    soon = EventPageFactory(
        parent=index, slug="uskoro", start=now + timedelta(hours=24) - timedelta(minutes=30)
    )
    later = EventPageFactory(
        parent=index, slug="kasnije", start=now + timedelta(hours=24) + timedelta(minutes=30)
    )
    reminded = RegistrationFactory(event=soon, email="uskoro@example.org")
    waiting = RegistrationFactory(event=later, email="kasnije@example.org")

    call_command("send_event_reminders", stdout=StringIO())

    reminded.refresh_from_db()
    waiting.refresh_from_db()
    assert reminded.reminded_at is not None
    assert waiting.reminded_at is None


# A reported camera is verified by 2 reports


def test_a_camera_is_verified_by_its_second_report_not_its_first(editor_client, settings):
    assert settings.CAMERA_VERIFICATION_THRESHOLD == 2
    camera = CameraFactory(status=Camera.Status.REPORTED, confirmations=0, verified_at=None)
    decide(editor_client, CameraReportFactory(), "merge", camera=camera.pk)
    camera.refresh_from_db()
    assert (camera.confirmations, camera.status) == (1, Camera.Status.REPORTED)
    decide(editor_client, CameraReportFactory(), "merge", camera=camera.pk)
    camera.refresh_from_db()
    assert (camera.confirmations, camera.status) == (2, Camera.Status.VERIFIED)


# Search: the first 10 words of a query


def test_a_search_takes_the_first_10_words():
    words = [f"rec{number}" for number in range(11)]
    assert parse_query(" ".join(words), "sr-latn").words == words[:10]
    assert parse_query(" ".join(words[:10]), "sr-latn").words == words[:10]


# The map's place search: 8 places listed, and said to be cut when there are more


@pytest.mark.parametrize(("streets", "said"), [(8, "Places found: 8"), (9, "More than 8 places")])
def test_the_place_search_lists_8_places(client, site, streets, said):
    for number in range(10, 10 + streets):
        CameraFactory(address=f"Ulica broj {number} 7")
    text = client.get("/en/map/", {"place": "ulica broj"}).text
    assert len(places(text)) == 8
    assert said in text
