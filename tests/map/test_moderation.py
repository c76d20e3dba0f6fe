"""Editors moderate citizens' reports and cameras in Wagtail's admin."""

import io
import math

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from map.models import Camera, CameraReport
from map.moderation import METRES_PER_DEGREE
from map.photos import clean_photo
from map.signals import camera_data_version

from .conftest import make_user
from .factories import CameraFactory, CameraReportFactory, MunicipalityFactory, phone_photo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

QUEUE = "/admin/camera-reports/"
SPOT = (44.8125, 20.4612)  # Republic Square


def offset(metres_north=0, metres_east=0, origin=SPOT):
    latitude, longitude = origin
    return {
        "latitude": latitude + metres_north / METRES_PER_DEGREE,
        "longitude": longitude
        + metres_east / (METRES_PER_DEGREE * math.cos(math.radians(latitude))),
    }


def report_with_photo(**fields):
    photo = clean_photo(SimpleUploadedFile("p.jpg", phone_photo()))
    return CameraReportFactory(photo=photo, email="ana@example.org", **fields)


def decide(client, report, decision, **data):
    return client.post(f"{QUEUE}{report.pk}/{decision}/", data)


# The queue


def test_the_queue_lists_pending_reports_with_cameras_within_30_m(editor_client):
    report = CameraReportFactory(**offset(), note="Na stubu kod fontane.")
    near = CameraFactory(**offset(metres_north=20))
    far = CameraFactory(**offset(metres_east=40))
    CameraFactory(**offset(metres_north=5), status=Camera.Status.REJECTED)
    reviewed = CameraReportFactory(status=CameraReport.Status.ACCEPTED)

    response = editor_client.get(QUEUE)

    assert response.status_code == 200
    entries = response.context["entries"]
    assert [
        (entry_report, [camera for camera, _ in nearby])
        for entry_report, nearby, _others in entries
    ] == [(report, [near])]
    assert 19.5 < entries[0][1][0][1] < 20.5
    assert "Na stubu kod fontane." in response.text
    assert f'id="report-{reviewed.pk}"' not in response.text
    assert f'name="camera" value="{near.pk}"' in response.text
    assert f'name="camera" value="{far.pk}"' not in response.text
    # The same reports and cameras feed the map, loaded from our own static files.
    assert response.context["map_data"]["cameras"][0]["url"].endswith(f"/{near.pk}/")
    assert "/static/js_lib_leaflet/leaflet.js" in response.text
    assert "/static/map/admin/moderation-map.js" in response.text


def test_the_queue_shows_the_photo_and_the_follow_up_email_masked(editor_client):
    report = report_with_photo()
    response = editor_client.get(QUEUE)
    assert f'src="{QUEUE}{report.pk}/photo/"' in response.text
    # The address is the "Personal data" group's (tests/campaigns/test_people_records.py).
    assert "ana@example.org" not in response.text and "a•••@example.org" in response.text
    assert report.photo.url not in response.text


def test_the_personal_data_group_sees_the_follow_up_email(client, editor):
    report_with_photo()
    editor.groups.add(Group.objects.get(name="Personal data"))
    client.force_login(editor)
    assert 'href="mailto:ana@example.org"' in client.get(QUEUE).text


def test_a_reports_photo_is_for_moderators_only(client, editor):
    """Not public before moderation: /media/ does not serve it, the admin streams it."""
    report = report_with_photo()
    with report.photo.open("rb") as file:
        content = file.read()
    photo_url = f"{QUEUE}{report.pk}/photo/"

    assert client.get(report.photo.url).status_code == 404
    assert client.get(photo_url)["Location"].startswith("/admin/login/")
    client.force_login(make_user("writer", "change_camerareport"))  # not a moderator
    assert client.get(photo_url)["Location"] == "/admin/"

    client.force_login(editor)
    response = client.get(photo_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == content
    assert "private" in response["Cache-Control"]
    assert client.get(f"{QUEUE}{CameraReportFactory().pk}/photo/").status_code == 404


def test_the_queue_needs_a_fixed_number_of_queries(editor_client, django_assert_max_num_queries):
    for index in range(15):
        CameraReportFactory(**offset(metres_north=200 * index), reporter=make_user(f"u{index}"))
        CameraFactory(**offset(metres_north=200 * index + 10))
    # Three of them write the audit log's entry: the page shows reporters (map/admin_views.py).
    with django_assert_max_num_queries(17):
        response = editor_client.get(QUEUE)
    assert all(len(nearby) == 1 for _report, nearby, _others in response.context["entries"])


# Decisions


def test_accepting_makes_a_reported_camera_with_the_photo(
    editor_client, editor, django_capture_on_commit_callbacks
):
    municipality = MunicipalityFactory(
        boundary={
            "type": "Polygon",
            "coordinates": [[[20.4, 44.8], [20.5, 44.8], [20.5, 44.9], [20.4, 44.9], [20.4, 44.8]]],
        }
    )
    report = report_with_photo(**offset(), camera_type="dome", surveillance_type="camera")
    report_file = report.photo.name
    storage = report.photo.storage

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(editor_client, report, "accept", next=QUEUE)

    assert response.status_code == 302
    assert response["Location"] == QUEUE
    camera = Camera.objects.get()
    assert camera.status == Camera.Status.REPORTED
    assert camera.confirmations == 1
    assert camera.source == Camera.Source.CITIZEN
    assert camera.camera_type == "dome"
    assert camera.municipality == municipality
    assert (camera.latitude, camera.longitude) == (report.latitude, report.longitude)
    image = camera.photos.get().image
    with image.open_file() as file:
        assert Image.open(io.BytesIO(file.read())).getexif() == {}

    report.refresh_from_db()
    assert report.status == CameraReport.Status.ACCEPTED
    assert report.camera == camera
    assert report.reviewed_by == editor
    assert report.reviewed_at is not None
    assert report.email == ""
    # The photo now lives in the image library only.
    assert not report.photo
    assert not storage.exists(report_file)
    assert ModelLogEntry.objects.filter(action="map.report.accepted", user=editor).count() == 1
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(camera.pk)).exists()


def test_merging_adds_a_confirmation_and_verifies_at_the_threshold(editor_client, settings):
    settings.CAMERA_VERIFICATION_THRESHOLD = 3
    camera = CameraFactory(status=Camera.Status.REPORTED, confirmations=1, verified_at=None)
    first, second = report_with_photo(), report_with_photo()

    decide(editor_client, first, "merge", camera=camera.pk)
    camera.refresh_from_db()
    assert (camera.confirmations, camera.status, camera.verified_at) == (
        2,
        Camera.Status.REPORTED,
        None,
    )

    decide(editor_client, second, "merge", camera=camera.pk)
    camera.refresh_from_db()
    assert camera.confirmations == 3
    assert camera.status == Camera.Status.VERIFIED
    assert camera.verified_at is not None
    assert camera.photos.count() == 2
    for report in (first, second):
        report.refresh_from_db()
        assert (report.status, report.camera, report.email) == (
            CameraReport.Status.MERGED,
            camera,
            "",
        )
    assert ModelLogEntry.objects.filter(action="map.report.merged").count() == 2


def test_the_same_supporter_confirming_twice_counts_once(editor_client):
    supporter = make_user("supporter")
    camera = CameraFactory(status=Camera.Status.REPORTED, confirmations=0, verified_at=None)
    for _ in range(2):
        decide(editor_client, CameraReportFactory(reporter=supporter), "merge", camera=camera.pk)
    camera.refresh_from_db()
    assert camera.confirmations == 1
    assert camera.status == Camera.Status.REPORTED
    assert camera.reports.count() == 2


def test_rejecting_keeps_no_email_and_makes_no_camera(editor_client, editor):
    report = report_with_photo()
    decide(editor_client, report, "reject")
    report.refresh_from_db()
    assert report.status == CameraReport.Status.REJECTED
    assert (report.email, report.camera, report.reviewed_by) == ("", None, editor)
    assert report.photo  # kept for a while in case the decision is questioned (see purge)
    assert not Camera.objects.exists()
    assert ModelLogEntry.objects.filter(action="map.report.rejected").count() == 1


def test_a_report_is_decided_only_once(editor_client):
    report = CameraReportFactory()
    decide(editor_client, report, "accept")
    response = editor_client.post(f"{QUEUE}{report.pk}/reject/", {"next": QUEUE}, follow=True)
    assert "Drugi urednik je već pregledao ovu prijavu." in response.text
    report.refresh_from_db()
    assert report.status == CameraReport.Status.ACCEPTED
    assert Camera.objects.count() == 1


def test_merging_into_a_camera_that_does_not_exist_changes_nothing(editor_client):
    report = CameraReportFactory()
    response = editor_client.post(f"{QUEUE}{report.pk}/merge/", {"camera": "999999"}, follow=True)
    assert "Ne postoji kamera sa tim brojem." in response.text
    report.refresh_from_db()
    assert report.status == CameraReport.Status.PENDING


def test_decisions_need_post(editor_client):
    report = CameraReportFactory()
    assert editor_client.get(f"{QUEUE}{report.pk}/accept/").status_code == 405
    assert CameraReport.objects.get().status == CameraReport.Status.PENDING


def test_an_accepted_report_reaches_the_api_cache(
    editor_client, django_capture_on_commit_callbacks
):
    before = camera_data_version()
    with django_capture_on_commit_callbacks(execute=True):
        decide(editor_client, CameraReportFactory(), "accept")
    assert camera_data_version() != before


# Bulk actions in the camera list


def bulk_url(action, cameras):
    ids = "&".join(f"id={camera.pk}" for camera in cameras)
    return f"/admin/bulk/map/camera/{action}/?{ids}&next=/admin/snippets/map/camera/"


def test_cameras_are_verified_in_bulk(editor_client, editor, django_capture_on_commit_callbacks):
    cameras = CameraFactory.create_batch(3, status=Camera.Status.REPORTED, verified_at=None)
    untouched = CameraFactory(status=Camera.Status.REPORTED, verified_at=None)
    version = camera_data_version()

    confirm = editor_client.get(bulk_url("verify", cameras))
    assert confirm.status_code == 200
    assert (
        "Označiti ove kamere kao proverene? Kao vreme provere svakoj se upisuje ovaj trenutak."
    ) in confirm.text
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(bulk_url("verify", cameras))

    assert response.status_code == 302
    assert set(Camera.objects.filter(status=Camera.Status.VERIFIED)) == set(cameras)
    assert all(
        camera.verified_at for camera in Camera.objects.filter(pk__in=[c.pk for c in cameras])
    )
    untouched.refresh_from_db()
    assert untouched.status == Camera.Status.REPORTED
    assert ModelLogEntry.objects.filter(action="map.camera.verify", user=editor).count() == 3
    # update() sends no signals: the API's cache is told explicitly.
    assert camera_data_version() != version


def test_cameras_are_rejected_in_bulk(editor_client):
    cameras = CameraFactory.create_batch(2)
    response = editor_client.post(bulk_url("reject", cameras))
    assert response.status_code == 302
    assert set(Camera.objects.values_list("status", flat=True)) == {Camera.Status.REJECTED}
    assert ModelLogEntry.objects.filter(action="map.camera.reject").count() == 2


def test_the_camera_list_offers_the_bulk_actions(editor_client):
    CameraFactory()
    text = editor_client.get("/admin/snippets/map/camera/").text
    assert "/admin/bulk/map/camera/verify/" in text
    assert "/admin/bulk/map/camera/reject/" in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "reported"}, {"reported-osm"}),
        ({"source": "police"}, {"verified-police"}),
        ({"surveillance_type": "ALPR"}, {"alpr"}),
        ({"camera_type": "fixed"}, {"reported-osm"}),
        ({"municipality": "in-vracar"}, {"verified-police"}),
    ],
)
def test_the_camera_list_filters(editor_client, query, expected):
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    CameraFactory(address="verified-police", source="police", municipality=vracar)
    CameraFactory(address="reported-osm", status="reported", source="osm", camera_type="fixed")
    CameraFactory(address="alpr", surveillance_type="ALPR", municipality=MunicipalityFactory())
    if query.get("municipality") == "in-vracar":
        query = {"municipality": vracar.pk}
    response = editor_client.get("/admin/snippets/map/camera/", query)
    assert {str(camera) for camera in response.context["object_list"]} == expected


def test_the_camera_list_needs_a_fixed_number_of_queries(
    editor_client, django_assert_max_num_queries
):
    for _ in range(30):
        CameraFactory(municipality=MunicipalityFactory())
    with django_assert_max_num_queries(20):
        response = editor_client.get("/admin/snippets/map/camera/")
    assert len(response.context["object_list"]) == 30


# Dashboard and permissions


def test_the_dashboard_counts_pending_reports(editor_client):
    CameraReportFactory.create_batch(3)
    CameraReportFactory(status=CameraReport.Status.REJECTED)
    text = editor_client.get("/admin/").text
    assert "Prijave kamera za proveru" in text
    assert "3 prijave građana čekaju na proveru." in text
    assert f'href="{QUEUE}"' in text


def test_editors_without_the_map_permissions_see_nothing_and_can_do_nothing(client):
    client.force_login(make_user("writer", "change_camerareport"))  # not enough on its own
    report = CameraReportFactory()

    queue = client.get(QUEUE)
    assert queue.status_code == 302
    assert queue["Location"] == "/admin/"
    assert decide(client, report, "accept").status_code == 302
    assert CameraReport.objects.get().status == CameraReport.Status.PENDING
    assert not Camera.objects.exists()
    dashboard = client.get("/admin/").text
    assert "Prijave kamera za proveru" not in dashboard  # the dashboard panel
    assert "Prijave za proveru" not in dashboard  # the menu item


def test_visitors_are_sent_to_the_login(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_bulk_actions_need_the_change_permission(client):
    client.force_login(make_user("viewer", "view_camera"))
    camera = CameraFactory(status=Camera.Status.REPORTED)
    client.post(bulk_url("verify", [camera]))
    camera.refresh_from_db()
    assert camera.status == Camera.Status.REPORTED


# The camera's edit form


def camera_form_data(camera, **overrides):
    data = {
        "location": f"SRID=4326;POINT({camera.longitude} {camera.latitude})",
        "address": camera.address,
        "municipality": "",
        "facial_recognition": "on",
        "surveillance_type": camera.surveillance_type,
        "camera_type": camera.camera_type,
        "surveillance": "",
        "surveillance_zone": "",
        "camera_mount": "",
        "direction": "",
        "manufacturer": "",
        "model": "",
        "operator": "",
        "status": camera.status,
        "confirmations": str(camera.confirmations),
        "first_reported_at": "2025-01-02 10:00",
        "verified_at": "",
        "source": camera.source,
        "external_id": "",
        "photos": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_the_camera_is_placed_on_a_self_hosted_leaflet_map(editor_client):
    camera = CameraFactory(latitude=44.81, longitude=20.46)
    text = editor_client.get(f"/admin/snippets/map/camera/edit/{camera.pk}/").text
    assert 'data-controller="leaflet-field"' in text
    assert "SRID=4326;POINT(20.4600000 44.8100000)" in text
    assert "/static/js_lib_leaflet/leaflet.js" in text
    assert "unpkg.com" not in text


def test_moving_the_marker_moves_the_camera(editor_client):
    camera = CameraFactory(latitude=44.81, longitude=20.46, status=Camera.Status.VERIFIED)
    response = editor_client.post(
        f"/admin/snippets/map/camera/edit/{camera.pk}/",
        camera_form_data(camera, location="SRID=4326;POINT(20.4712 44.8031)"),
    )
    assert response.status_code == 302
    camera.refresh_from_db()
    assert (camera.latitude, camera.longitude) == (44.8031, 20.4712)


def test_an_editor_who_marks_a_camera_verified_dates_the_verification(editor_client):
    camera = CameraFactory(status=Camera.Status.REPORTED, verified_at=None)
    editor_client.post(
        f"/admin/snippets/map/camera/edit/{camera.pk}/",
        camera_form_data(camera, status="verified"),
    )
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED
    assert camera.verified_at is not None


@pytest.mark.parametrize("location", ["", "44.8,20.4", "SRID=4326;POINT(20.4 95.0)"])
def test_an_unreadable_position_is_refused(editor_client, location):
    camera = CameraFactory(latitude=44.81, longitude=20.46)
    response = editor_client.post(
        f"/admin/snippets/map/camera/edit/{camera.pk}/",
        camera_form_data(camera, location=location),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["location"]
    camera.refresh_from_db()
    assert (camera.latitude, camera.longitude) == (44.81, 20.46)
