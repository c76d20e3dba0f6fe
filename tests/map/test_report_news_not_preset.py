"""News of a camera on the map ("still there", "gone") carries only what the reporter said:
the form does not preset the camera's type or facial recognition, a "gone" report stores and
shows none of them, and the queue never shows the map's own values as the reporter's."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from map.models import Camera, CameraReport

from .factories import CameraFactory, CameraReportFactory, phone_photo
from .test_moderation import QUEUE, decide
from .test_report import URL

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_media"),
    pytest.mark.admin_language("en"),
]


@pytest.fixture
def camera():
    # The map says: a dome camera that looks capable of facial recognition.
    return CameraFactory(camera_type="dome", facial_recognition=True, confirmations=1)


def checked(html, name):
    """The values of the inputs named `name` that are checked, hidden ones included."""
    values = []
    for tag in re.findall(rf"<input[^>]*name=\"{name}\"[^>]*>", html):
        value = re.search(r'value="([^"]*)"', tag)
        if " checked" in tag or 'type="hidden"' in tag:
            values.append(value.group(1) if value else "on")
    return values


def section_of(html, report):
    start = html.index(f'id="report-{report.pk}"')
    end = html.find('<section class="moderation-report"', start)
    return html[start : end if end != -1 else len(html)]


def details_of(section):
    """The queue's "The reporter says" list: {label: value}."""
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", section, re.S)
    return {label.strip(): re.sub(r"\s+", " ", value).strip() for label, value in pairs}


def test_the_seen_form_leaves_type_and_facial_recognition_to_the_reporter(client, camera):
    html = client.get(URL, {"camera": camera.pk, "kind": "seen"}).text
    assert checked(html, "camera_type") == [""]  # "Don't know"
    assert checked(html, "facial_recognition") == []


def test_the_gone_form_neither_shows_nor_sends_them(client, camera):
    html = client.get(URL, {"camera": camera.pk, "kind": "gone"}).text
    for name in ("surveillance_type", "camera_type", "facial_recognition", "has_sign"):
        assert f'name="{name}"' not in html


def test_a_gone_report_stores_none_of_the_cameras_details(client, camera):
    # Even a forged form that sends them: the fields are not asked, so not taken.
    response = client.post(
        f"{URL}?camera={camera.pk}&kind=gone",
        {
            "latitude": str(camera.latitude),
            "longitude": str(camera.longitude),
            "camera_type": "dome",
            "facial_recognition": "on",
            "note": "Skinuta je prošle nedelje.",
        },
    )
    assert response.status_code == 302
    report = CameraReport.objects.get()
    assert report.kind == CameraReport.Kind.GONE
    assert (report.surveillance_type, report.camera_type, report.facial_recognition) == (
        "",
        "",
        False,
    )


def test_the_queue_shows_a_seen_report_as_the_reporter_sent_it(editor_client, camera):
    response = Client().post(  # an anonymous reporter
        f"{URL}?camera={camera.pk}&kind=seen",
        {
            "latitude": str(camera.latitude),
            "longitude": str(camera.longitude),
            "surveillance_type": "camera",
            "has_sign": "unknown",
            "photo": SimpleUploadedFile("seen.jpg", phone_photo(), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 302
    report = CameraReport.objects.get()
    assert (report.camera_type, report.facial_recognition) == ("", False)

    details = details_of(section_of(editor_client.get(QUEUE).text, report))
    assert details["Camera type"] == "Don't know"  # the form's own default, not "Dome"
    # Not ticked is not said: never "no", never the camera's "yes".
    assert details["Looks capable of facial recognition"] == "— (not said)"


def test_the_queue_shows_no_description_for_a_gone_report(editor_client, camera):
    # As stored before this change: the camera's values copied into the report.
    report = CameraReportFactory(
        kind=CameraReport.Kind.GONE, camera=camera, camera_type="dome", facial_recognition=True
    )
    details = details_of(section_of(editor_client.get(QUEUE).text, report))
    assert "Camera type" not in details
    assert "Looks capable of facial recognition" not in details
    assert "Device" not in details
    assert "A sign warns of it" not in details
    assert details["Note"] == "—"


def test_a_ticked_box_is_shown_as_the_reporters_yes(editor_client):
    report = CameraReportFactory(facial_recognition=True, camera_type="fixed")
    details = details_of(section_of(editor_client.get(QUEUE).text, report))
    assert details["Looks capable of facial recognition"] == "yes"
    assert details["Camera type"] == "Fixed"


def test_confirming_in_one_click_keeps_the_cameras_own_details(editor_client, camera):
    """A confirmation adds one to the count; what the reporter said (or left empty) does not
    overwrite what editors know of the camera."""
    report = CameraReportFactory(
        kind=CameraReport.Kind.SEEN,
        camera=camera,
        latitude=camera.latitude,
        longitude=camera.longitude,
        camera_type="",
        facial_recognition=False,
        surveillance_type="ALPR",
    )
    decide(editor_client, report, "merge", camera=camera.pk)
    camera.refresh_from_db()
    report.refresh_from_db()
    assert report.status == CameraReport.Status.MERGED
    assert camera.confirmations == 2
    assert (camera.surveillance_type, camera.camera_type, camera.facial_recognition) == (
        "camera",
        "dome",
        True,
    )


def test_a_gone_report_is_never_accepted_as_a_new_camera(editor_client, camera):
    report = CameraReportFactory(kind=CameraReport.Kind.GONE, camera=camera)
    camera.delete()  # its camera deleted since: the queue used to offer "Accept as a new camera"
    report.refresh_from_db()
    assert f'action="{QUEUE}{report.pk}/accept/"' not in editor_client.get(QUEUE).text
    decide(editor_client, report, "accept")
    report.refresh_from_db()
    assert report.status == CameraReport.Status.PENDING
    assert not Camera.objects.exists()
