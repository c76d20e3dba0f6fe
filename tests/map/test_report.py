"""The public "report a camera" form: validation, photos, honeypot, CSRF and rate limits."""

import io
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image, PngImagePlugin

from home import ratelimit
from home.models import DailySecret, RateLimitCounter
from home.ratelimit import client_key, parse_rate
from map.forms import EMAIL_CONSENT_VERSION
from map.models import CameraReport
from tests.routes import in_serbian

from .factories import phone_photo, serbian_map_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

URL = "/en/map/report/"
CLIENT_IP = "203.0.113.77"


def report_data(**overrides):
    """What a person who types the coordinates (no JavaScript) sends."""
    data = {
        "latitude": "44.812345",
        "longitude": "20.461234",
        "surveillance_type": "camera",
        "camera_type": "dome",
        "facial_recognition": "on",
        "has_sign": "false",
        "note": "On the lamp post at the crossing.",
        "email": "",
        "website": "",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def post(client, **overrides):
    return client.post(URL, report_data(**overrides), REMOTE_ADDR=CLIENT_IP)


def errors_of(response):
    return {
        name: [str(error) for error in errors]
        for name, errors in response.context["form"].errors.items()
    }


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_the_form_is_offered_in_both_languages(client):
    serbian = client.get(in_serbian("map:report"))
    english = client.get(URL)
    assert serbian.status_code == english.status_code == 200
    assert b'<html lang="sr-latn"' in serbian.content
    assert "Report a camera" in english.text
    for name in [
        "latitude",
        "longitude",
        "photo",
        "surveillance_type",
        "email",
        "csrfmiddlewaretoken",
    ]:
        assert f'name="{name}"' in english.text
    assert 'enctype="multipart/form-data"' in english.text


def test_the_map_is_self_hosted_and_the_script_is_a_file(client):
    text = client.get(URL).text
    assert "/static/js_lib_leaflet/leaflet.js" in text
    assert "/static/js_lib_leaflet/leaflet.css" in text
    assert "/static/map/report-map.js" in text
    assert "unpkg.com" not in text
    assert "<script>" not in text  # no inline scripts
    assert 'data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in text


def test_the_map_page_can_preset_the_spot(client):
    text = client.get(URL, {"lat": "44.8201", "lon": "20.4551"}).text
    assert 'value="44.8201"' in text
    assert 'value="20.4551"' in text


@pytest.mark.parametrize(
    "query", [{"lat": "abc", "lon": "20"}, {"lat": "95", "lon": "20"}, {"lat": "nan", "lon": "1"}]
)
def test_a_nonsense_preset_is_ignored(client, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert response.context["form"]["latitude"].value() is None


def test_a_report_typed_without_javascript_is_stored(client):
    response = post(client, latitude="44,8125", longitude="20,4612")
    assert response.status_code == 302
    report = CameraReport.objects.get()
    assert response["Location"] == f"/en/map/report/follow/{report.follow_token}/"
    assert (report.latitude, report.longitude) == (44.8125, 20.4612)
    assert report.status == CameraReport.Status.PENDING
    assert report.camera_type == "dome"
    assert report.facial_recognition is True
    assert report.has_sign is False
    assert report.reporter is None
    assert report.email == ""
    assert report.email_consent_at is None
    assert not report.photo


def test_a_report_from_the_map_with_a_photo_and_email_is_stored(client):
    response = client.post(
        URL,
        {
            **report_data(has_sign="unknown", email="ana@example.org", email_consent="on"),
            "photo": upload("IMG_2031.jpg", phone_photo()),
        },
    )
    assert response.status_code == 302
    report = CameraReport.objects.get()
    assert report.has_sign is None
    assert report.email == "ana@example.org"
    assert report.email_consent_version == EMAIL_CONSENT_VERSION
    assert report.email_consent_at is not None
    assert report.photo.name.startswith("camera-reports/")
    assert "IMG_2031" not in report.photo.name


def test_the_reporter_is_the_logged_in_user(client):
    user = get_user_model().objects.create_user("supporter", password="x")
    client.force_login(user)
    post(client)
    assert CameraReport.objects.get().reporter == user


def test_the_bots_thank_you_page_exists_in_both_languages(client):
    assert "Thank you for your report" in client.get("/en/map/report/thanks/").text
    assert client.get(in_serbian("map:report_thanks")).status_code == 200


def test_the_thank_you_page_leads_back_to_the_map_in_its_language(client):
    serbian_map_page()
    assert 'href="/mapa/">' in client.get(in_serbian("map:report_thanks")).text
    assert "Back to the map" not in client.get("/en/map/report/thanks/").text  # no English page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"latitude": ""}, "latitude", "Choose the spot on the map or enter its latitude."),
        ({"longitude": None}, "longitude", "Choose the spot on the map or enter its longitude."),
        (
            {"latitude": "north"},
            "latitude",
            "Enter the latitude as a number of degrees, for example 44.8125.",
        ),
        ({"latitude": "91"}, "latitude", "The latitude must be between -90 and 90 degrees."),
        (
            {"longitude": "-180.5"},
            "longitude",
            "The longitude must be between -180 and 180 degrees.",
        ),
        (
            {"surveillance_type": None},
            "surveillance_type",
            "Say whether it is a camera or a licence plate reader.",
        ),
        (
            {"surveillance_type": "drone"},
            "surveillance_type",
            "Select a valid choice. drone is not one of the available choices.",
        ),
        (
            {"camera_type": "hidden"},
            "camera_type",
            "Select a valid choice. hidden is not one of the available choices.",
        ),
        (
            {"note": "x" * 2001},
            "note",
            "Ensure this value has at most 2000 characters (it has 2001).",
        ),
        ({"email": "ana@"}, "email", "Enter an email address like name@example.org."),
        (
            {"email": "ana@example.org"},
            "email_consent",
            "Tick this box to let us keep your email address, or leave the email empty.",
        ),
    ],
)
def test_each_mistake_gets_a_message_at_its_field(client, overrides, field, message):
    response = post(client, **overrides)
    assert response.status_code == 200
    assert errors_of(response) == {field: [message]}
    # The message sits next to the field, is linked to it, and is listed in the summary.
    assert f'id="id_{field}_error"' in response.text
    assert "aria-invalid" in response.text or field in {"surveillance_type", "camera_type"}
    assert f'href="#id_{field}' in response.text
    assert response.text.count(message.replace("'", "&#x27;")) == 2
    assert not CameraReport.objects.exists()


def test_messages_follow_the_language_of_the_page(client):
    serbian = client.post(in_serbian("map:report"), report_data(camera_type="hidden"))
    assert errors_of(serbian) == {
        "camera_type": ["hidden nije među ponuđenim vrednostima. Odaberite jednu od ponuđenih."]
    }


def test_a_bot_that_fills_the_honeypot_is_thanked_and_nothing_is_stored(client):
    response = post(client, website="https://spam.example")
    assert response.status_code == 302
    assert response["Location"] == "/en/map/report/thanks/"
    assert not CameraReport.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    text = client.get(URL).text
    assert '<div class="report-form__trap" aria-hidden="true">' in text
    assert 'name="website"' in text
    assert 'tabindex="-1"' in text


def test_csrf_is_enforced():
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, report_data()).status_code == 403
    token = client.get(URL).context["csrf_token"]
    response = client.post(URL, {**report_data(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert CameraReport.objects.count() == 1


def test_the_eleventh_report_within_an_hour_gets_a_friendly_429(client):
    for _ in range(10):
        assert post(client).status_code == 302
    response = post(client)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Too many requests" in response.text
    assert CameraReport.objects.count() == 10
    # Someone else is not held back, and reading the form still works.
    assert client.post(URL, report_data(), REMOTE_ADDR="198.51.100.9").status_code == 302
    assert client.get(URL, REMOTE_ADDR=CLIENT_IP).status_code == 200


def test_the_429_page_speaks_serbian_too(client, settings):
    settings.CAMERA_REPORT_RATE_LIMIT = "1/h"
    client.post(in_serbian("map:report"), report_data(), REMOTE_ADDR=CLIENT_IP)
    response = client.post(in_serbian("map:report"), report_data(), REMOTE_ADDR=CLIENT_IP)
    assert response.status_code == 429
    assert b'<html lang="sr-latn"' in response.content


def test_failed_attempts_count_too(client, settings):
    settings.CAMERA_REPORT_RATE_LIMIT = (2, 3600)
    assert post(client, latitude="").status_code == 200
    assert post(client, website="bot").status_code == 302
    assert post(client).status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, settings):
    settings.CAMERA_REPORT_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1

    def via_proxy(forwarded_for):
        return client.post(
            URL, report_data(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for
        )

    assert via_proxy(CLIENT_IP).status_code == 302
    # A client cannot escape its limit by inventing an address in front of its own.
    assert via_proxy(f"192.0.2.1, {CLIENT_IP}").status_code == 429
    assert via_proxy("198.51.100.9").status_code == 302


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, settings):
    settings.CAMERA_REPORT_RATE_LIMIT = "1/h"
    assert post(client).status_code == 302
    response = client.post(
        URL, report_data(), REMOTE_ADDR=CLIENT_IP, HTTP_X_FORWARDED_FOR="192.0.2.1"
    )
    assert response.status_code == 429


def test_no_raw_ip_address_is_stored_anywhere(client, capsys):
    post(client, email="ana@example.org", email_consent="on")
    post(client, latitude="")
    assert CameraReport.objects.count() == 1
    keys = list(RateLimitCounter.objects.values_list("key", flat=True))
    assert keys
    assert not [key for key in keys if CLIENT_IP in key or CLIENT_IP.replace(".", "") in key]
    call_command("dumpdata", format="json", stdout=(database := io.StringIO()))
    assert CLIENT_IP not in database.getvalue()


def test_the_client_key_is_a_keyed_hash_under_the_days_random_key(rf, db):
    request = rf.get("/", REMOTE_ADDR=CLIENT_IP)
    first = client_key(request)
    assert len(first) == 64
    assert CLIENT_IP not in first
    assert client_key(request) == first
    # Another day's key (here: today's, replaced) gives another pseudonym.
    DailySecret.objects.all().delete()
    ratelimit._todays_secret.clear()
    assert client_key(request) != first


def test_ipv6_clients_are_counted_by_their_slash_64(rf, db):
    one = rf.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    same_network = rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    other_network = rf.get("/", REMOTE_ADDR="2001:db8:1:3::1")
    assert client_key(one) == client_key(same_network) != client_key(other_network)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10/h", (10, 3600)), ("3/15m", (3, 900)), ("100/d", (100, 86400)), ((5, 60), (5, 60))],
)
def test_rates_are_read_from_text_or_pairs(value, expected):
    rate = parse_rate(value)
    assert (rate.count, rate.seconds) == expected


def stored_photo(report):
    with report.photo.open("rb") as file:
        return file.read()


def test_gps_and_all_other_metadata_are_stripped_from_a_phone_photo(client):
    original = phone_photo(size=(64, 48), orientation=6)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the GPS block is there
    post_with_photo = {**report_data(), "photo": upload("photo.jpg", original)}
    assert client.post(URL, post_with_photo).status_code == 302

    stored = stored_photo(CameraReport.objects.get())
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert not {"exif", "xmp", "icc_profile", "photoshop", "comment"} & set(image.info)
    for trace in [b"Exif", b"PhoneMaker", b"photographer-xmp", b"2025:03:14"]:
        assert trace not in stored
    # Turned upright as the phone's orientation tag said, before the tag was dropped.
    assert image.size == (48, 64)


def test_a_png_with_text_chunks_is_stored_without_them(client):
    details = PngImagePlugin.PngInfo()
    details.add_text("Author", "Ana Reporter")
    details.add_text("Location", "Knez Mihailova 5")
    output = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 255, 128)).save(output, "PNG", pnginfo=details)
    data = {**report_data(), "photo": upload("shot.png", output.getvalue(), "image/png")}
    assert client.post(URL, data).status_code == 302

    stored = stored_photo(CameraReport.objects.get())
    assert b"Ana Reporter" not in stored
    assert b"Knez Mihailova" not in stored
    assert Image.open(io.BytesIO(stored)).format == "JPEG"


@pytest.mark.parametrize(
    ("name", "image_format", "content_type"),
    [("shot.webp", "WEBP", "image/webp"), ("IMG_0042.HEIC", "HEIF", "image/heic")],
)
def test_webp_and_iphone_heic_photos_are_accepted_and_cleaned(
    client, name, image_format, content_type
):
    original = phone_photo(image_format=image_format)
    assert b"PhoneMaker" in original
    data = {**report_data(), "photo": upload(name, original, content_type)}
    assert client.post(URL, data).status_code == 302
    stored = stored_photo(CameraReport.objects.get())
    assert b"PhoneMaker" not in stored
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0


def decompression_bomb():
    """A tiny PNG whose header claims 20,000 by 20,000 pixels."""
    output = io.BytesIO()
    Image.new("1", (1, 1)).save(output, "PNG")
    png = bytearray(output.getvalue())
    png[16:24] = struct.pack(">II", 20_000, 20_000)  # IHDR width and height
    png[29:33] = struct.pack(">I", zlib.crc32(bytes(png[12:29])))
    return bytes(png)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "camera.jpg",
            b"This is a text file pretending to be a photo.",
            "This file is not a photo we can read. Please choose a JPEG, PNG, WebP or HEIC image.",
        ),
        (
            "big.jpg",
            phone_photo() + b"\0" * (11 * 1024 * 1024),
            "The photo is larger than 10 MB. Please choose a smaller one.",
        ),
        (
            "bomb.png",
            decompression_bomb(),
            # Pillow itself refuses more than twice its limit (home/apps.py), in open().
            "This photo has more than 36 megapixels. Please send a smaller version.",
        ),
        (
            "drawing.gif",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
            "This file is not a photo we can read. Please choose a JPEG, PNG, WebP or HEIC image.",
        ),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(client, name, content, message):
    response = client.post(URL, {**report_data(), "photo": upload(name, content)})
    assert response.status_code == 200
    assert errors_of(response) == {"photo": [message]}
    assert "please choose your photo again" in response.text
    assert not CameraReport.objects.exists()


def header_only_png(width, height, mode="RGBA"):
    """A PNG whose header says width x height, with the pixels of a 1 x 1 image: not decodable."""
    output = io.BytesIO()
    Image.new(mode, (1, 1)).save(output, "PNG")
    png = bytearray(output.getvalue())
    png[16:24] = struct.pack(">II", width, height)  # IHDR width and height
    png[29:33] = struct.pack(">I", zlib.crc32(bytes(png[12:29])))
    return bytes(png)


def test_each_format_has_its_pixel_limit_checked_before_decoding(client):
    # Decoded, this file would fail as truncated: the limit was checked on the header alone.
    just_over = header_only_png(3606, 3606)  # 13.003 megapixels
    response = client.post(URL, {**report_data(), "photo": upload("p.png", just_over)})
    assert errors_of(response) == {
        "photo": ["This photo has more than 13 megapixels. Please send a smaller version."]
    }
    progressive = io.BytesIO()
    Image.new("RGB", (4400, 3300)).save(progressive, "JPEG", progressive=True)  # 14.5 MP
    data = {**report_data(), "photo": upload("p.jpg", progressive.getvalue())}
    assert "more than 14 megapixels" in errors_of(client.post(URL, data))["photo"][0]


def test_the_limits_are_in_the_readers_language(client):
    data = {**report_data(), "photo": upload("p.png", header_only_png(4000, 4000))}
    response = client.post(in_serbian("map:report"), data)
    with translation.override("sr-latn"):
        message = gettext(
            "This photo has more than %(megapixels)s megapixels. Please send a smaller version."
        ) % {"megapixels": 13}
    assert errors_of(response) == {"photo": [message]}


def peak_memory_growth_of_cleaning(path):
    """MB by which a fresh process's peak memory (RSS) grows while clean_photo reads `path`.

    Pillow's pixels are allocated in C, where tracemalloc does not see them: the kernel's
    count of resident memory does (VmHWM, not getrusage: its peak outlives exec, so it would
    be pytest's). Peak minus the memory in use just before.
    """
    script = f"""
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from map.photos import clean_photo

def status(field):
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(field))

try:  # start the peak from here (Linux 4.0 and later)
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
except OSError:
    pass
before = status("VmRSS")
with open({str(path)!r}, "rb") as file:
    try:
        clean_photo(UploadedFile(file, name="photo", size={path.stat().st_size}))
    except ValidationError:
        pass
print((status("VmHWM") - before) / 1024)
"""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run(  # noqa: S603 (this interpreter, our own script)
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_a_small_png_of_89_megapixels_is_refused_without_taking_memory(client, tmp_path):
    """The issue's upload: 283 KB of one colour, 9,450 x 9,450 pixels (1.4 GB to clean before)."""
    path = tmp_path / "huge.png"
    Image.new("RGB", (9450, 9450), (120, 130, 140)).save(path, optimize=True)
    assert path.stat().st_size < 400_000

    data = {**report_data(), "photo": upload("huge.png", path.read_bytes(), "image/png")}
    response = client.post(URL, data)
    assert response.status_code == 200
    assert errors_of(response) == {
        "photo": ["This photo has more than 36 megapixels. Please send a smaller version."]
    }
    assert not CameraReport.objects.exists()
    assert peak_memory_growth_of_cleaning(path) < 20


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_a_12_megapixel_phone_photo_is_accepted_downscaled_and_within_memory(client, tmp_path):
    photo = phone_photo(size=(4032, 3024), orientation=6)
    response = client.post(URL, {**report_data(), "photo": upload("IMG_0001.jpg", photo)})
    assert response.status_code == 302
    stored = Image.open(io.BytesIO(stored_photo(CameraReport.objects.get())))
    assert stored.size == (1536, 2048)  # upright, 2,048 pixels on its longest side
    assert len(stored.getexif()) == 0

    path = tmp_path / "IMG_0001.jpg"
    path.write_bytes(photo)
    assert peak_memory_growth_of_cleaning(path) < 150
