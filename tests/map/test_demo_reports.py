"""`seed_demo` gives the demo moderator a queue: one report for each kind of decision
(map/demo_reports.py)."""

from datetime import timedelta
from io import BytesIO, StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image
from wagtail.users.models import UserProfile

from map.demo_reports import demo_photo
from map.geo import distance_m
from map.models import Camera, CameraReport

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

QUEUE = "/admin/camera-reports/"
SAME_NEW_CAMERA = "Probably the same camera: accept one of them as a new camera"
DISAGREE = "The reports disagree"


def run(command, **options):
    out = StringIO()
    call_command(command, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def seeded():
    return run("seed_demo")


@pytest.fixture
def moderator(settings, tmp_path, seeded):
    """`make run`'s demo moderator, reading the admin in English."""
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    run("ensure_demo_accounts")
    user = get_user_model().objects.get(username="moderator")
    UserProfile.objects.create(user=user, preferred_language="en")
    return user


def demo(number):
    return CameraReport.objects.get(reference=f"KR-DEMO-{number:02d}")


def demo_camera(number):
    return Camera.objects.get(source=Camera.Source.DEMO, external_id=f"demo:{number}")


def section_of(html, report):
    start = html.index(f'id="report-{report.pk}"')
    end = html.find('<section class="moderation-report"', start)
    return html[start : end if end != -1 else len(html)]


def test_seed_demo_fills_the_queue_with_demo_reports(seeded):
    assert "Demo camera reports: 7" in seeded
    pending = CameraReport.objects.filter(status=CameraReport.Status.PENDING)
    assert sorted(pending.values_list("reference", flat=True)) == [
        f"KR-DEMO-{number:02d}" for number in range(1, 8)
    ]
    # Numbered in the queue's order (oldest first), a few days old, nobody's.
    queue = list(pending.order_by("created_at", "pk"))
    assert [report.reference for report in queue] == sorted(r.reference for r in queue)
    assert [report.pk for report in queue] == sorted(report.pk for report in queue)
    assert queue[0].created_at < timezone.now() - timedelta(days=2)
    assert not pending.filter(reporter__isnull=False).exists()
    # Each spot is a few metres from a demo camera, never a real camera's position.
    demo_cameras = Camera.objects.filter(source=Camera.Source.DEMO)
    for report in queue:
        assert any(
            distance_m(report.latitude, report.longitude, c.latitude, c.longitude) < 100
            for c in demo_cameras
        ), report.reference
    # The one address for questions is a made-up one, kept as the form keeps it.
    with_email = pending.exclude(email="").get()
    assert with_email.email.endswith("@example.org")
    assert with_email.email_consent_version
    assert with_email.email_consent_at == with_email.created_at


def test_the_demo_moderator_sees_every_kind_of_decision(moderator, client):
    client.force_login(moderator)
    response = client.get(QUEUE)
    assert response.status_code == 200
    html = response.text
    entries = {
        report.reference: (nearby, others) for report, nearby, others in response.context["entries"]
    }
    assert len(entries) == 7

    # Two reports of the same new camera, with no camera on the map near them.
    first, second = demo(1), demo(5)
    for report, other in ((first, second), (second, first)):
        nearby, others = entries[report.reference]
        assert nearby == []
        assert [neighbour.pk for neighbour, _metres in others] == [other.pk]
        assert 3 < others[0][1] < 15
        assert SAME_NEW_CAMERA in section_of(html, report)
    # A new camera elsewhere: nothing near it; its address masked for the moderator.
    elsewhere = demo(2)
    assert entries[elsewhere.reference] == ([], [])
    assert elsewhere.email not in html
    assert "d•••@example.org" in section_of(html, elsewhere)
    # A new report 6 m from a camera on the map: merge it into that one.
    near = demo(6)
    nearby, others = entries[near.reference]
    assert [camera for camera, _metres in nearby] == [demo_camera(143)]
    assert others == []
    assert f'name="camera" value="{demo_camera(143).pk}"' in section_of(html, near)
    # Still there: confirm it.
    seen = demo(3)
    assert seen.camera == demo_camera(163)
    assert f"Confirm camera {seen.camera.pk}" in section_of(html, seen)
    assert DISAGREE not in section_of(html, seen)
    # One camera gone, and still there: the two are listed with it, and disagree.
    gone, still_there = demo(4), demo(7)
    assert gone.kind == CameraReport.Kind.GONE
    assert gone.camera == still_there.camera == demo_camera(254)
    for report, other in ((gone, still_there), (still_there, gone)):
        section = section_of(html, report)
        assert DISAGREE in section
        assert f"Other reports about camera {report.camera.pk}" in section
        assert f'href="#report-{other.pk}"' in section
        assert SAME_NEW_CAMERA not in section
    assert f'action="{QUEUE}{gone.pk}/gone/"' in section_of(html, gone)

    # The photos are shown to the moderator, from the reports' private storage.
    with_photo = [r for r in CameraReport.objects.all() if r.photo]
    assert {r.reference for r in with_photo} == {f"KR-DEMO-0{n}" for n in (1, 2, 3, 4, 7)}
    for report in with_photo:
        assert f'src="{QUEUE}{report.pk}/photo/"' in html
        photo = client.get(f"{QUEUE}{report.pk}/photo/")
        assert photo.status_code == 200
        assert photo["Content-Type"] == "image/jpeg"
    assert client.get(f"/media/{with_photo[0].photo.name}").status_code == 404


def test_the_demo_photos_are_cleaned_like_uploads(seeded):
    # Drawn as a phone would send them, with EXIF ...
    assert Image.open(BytesIO(demo_photo("dome", "x"))).getexif()
    reports = [report for report in CameraReport.objects.all() if report.photo]
    assert len(reports) == 5
    for report in reports:
        # ... and stored without it, under a random name, where reporters' photos go.
        assert report.photo.name.startswith("camera-reports/")
        assert report.photo.storage.exists(report.photo.name)
        with report.photo.open("rb") as file, Image.open(file) as image:
            assert image.format == "JPEG"
            assert image.size == (800, 600)
            assert not image.getexif()
            assert "exif" not in image.info
        assert report.photo.size < 100_000


def test_the_demo_queue_costs_what_any_queue_costs(moderator, client):
    client.force_login(moderator)
    client.get(QUEUE)  # the first request fills per-process caches (content types)
    with CaptureQueriesContext(connection) as demo_queue:
        assert len(client.get(QUEUE).context["entries"]) == 7
    # Twice as many reports of each kind, at the same spots: the same queries.
    for report in CameraReport.objects.all():
        report.pk = None
        report.reference = report.reference.replace("KR-DEMO-", "KR-COPY-")
        report.follow_token = f"copy-{report.reference}"
        report.photo = ""
        report.save()
    with CaptureQueriesContext(connection) as twice:
        assert len(client.get(QUEUE).context["entries"]) == 14
    assert len(twice) == len(demo_queue)


def test_seeding_again_adds_nothing_and_decisions_stay(
    seeded, moderator, client, django_capture_on_commit_callbacks
):
    files = {report.photo.name for report in CameraReport.objects.all() if report.photo}
    again = run("seed_demo")
    assert "Demo camera reports" not in again
    assert CameraReport.objects.count() == 7
    assert {report.photo.name for report in CameraReport.objects.all() if report.photo} == files

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE}{demo(1).pk}/accept/")
        client.post(f"{QUEUE}{demo(5).pk}/merge/", {"camera": demo(1).camera_id})
        client.post(f"{QUEUE}{demo(4).pk}/gone/")
        client.post(f"{QUEUE}{demo(7).pk}/reject/", {"reason": "Kamera je skinuta."})
    decided = {r.reference: r.status for r in CameraReport.objects.exclude(status="pending")}
    assert decided == {
        "KR-DEMO-01": CameraReport.Status.ACCEPTED,
        "KR-DEMO-05": CameraReport.Status.MERGED,
        "KR-DEMO-04": CameraReport.Status.GONE,
        "KR-DEMO-07": CameraReport.Status.REJECTED,
    }
    assert demo_camera(254).status == Camera.Status.RETIRED

    assert "Demo camera reports" not in run("seed_demo")
    assert CameraReport.objects.count() == 7
    assert {r.reference: r.status for r in CameraReport.objects.exclude(status="pending")} == (
        decided
    )

    # Retention as for any report: the rejected one goes 30 days after the decision, with
    # its photo; seeding then adds it again, waiting (its camera is gone: only if it is back).
    rejected = demo(7)
    photo = rejected.photo.name
    CameraReport.objects.filter(pk=rejected.pk).update(
        reviewed_at=timezone.now() - timedelta(days=31)
    )
    with django_capture_on_commit_callbacks(execute=True):
        run("purge_report_data")
    assert not CameraReport.objects.filter(reference="KR-DEMO-07").exists()
    assert not rejected.photo.storage.exists(photo)
    assert "Demo camera reports" not in run("seed_demo")
    Camera.objects.filter(pk=demo_camera(254).pk).update(status=Camera.Status.VERIFIED)
    assert "Demo camera reports: 1" in run("seed_demo")
    assert demo(7).status == CameraReport.Status.PENDING
