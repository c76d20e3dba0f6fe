"""Re-checks from the street (issue 20): when each camera was last confirmed, which ones need a
re-check, what anyone can answer about a camera ("still there / gone / moved / changed"), how
editors take the answers in, and retired cameras kept in the data with their dates."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from map.cameras import recheck_due_before
from map.models import Camera, CameraReport

from .conftest import make_user
from .factories import (
    CameraFactory,
    CameraReportFactory,
    MunicipalityFactory,
    map_pages,
    phone_photo,
)
from .test_moderation import (
    QUEUE,
    SPOT,
    bulk_url,
    camera_form_data,
    decide,
    offset,
    report_with_photo,
)
from .test_report import URL as REPORT_URL
from .test_report import report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

GEOJSON = "/api/cameras.geojson"
DAY = datetime.timedelta(days=1)


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def features(client, **params):
    response = client.get(GEOJSON, params)
    assert response.status_code == 200, response.content
    return {feature["id"]: feature["properties"] for feature in response.json()["features"]}


def answer(kind, camera, client=None, address="203.0.113.9", **overrides):
    """A visitor's answer about `camera` through the public form (the map's popup's link)."""
    client = client or Client()
    data = report_data(**overrides)
    return client.post(
        f"{REPORT_URL}?camera={camera.pk}&kind={kind}", data, REMOTE_ADDR=address, follow=False
    )


# Which cameras need a re-check


def test_a_camera_needs_a_re_check_a_year_after_it_was_last_confirmed(settings):
    # The promise: 12 months (CAMERA_RECHECK_AFTER's default), counted from the start of today.
    assert datetime.timedelta(days=365) == settings.CAMERA_RECHECK_AFTER
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    assert recheck_due_before() == today - datetime.timedelta(days=365)
    limit = recheck_due_before()
    due = CameraFactory(last_confirmed_at=limit - datetime.timedelta(seconds=1))
    fresh = CameraFactory(last_confirmed_at=limit)
    assert due.needs_recheck
    assert not fresh.needs_recheck
    # Retired and rejected cameras are not on the map: nobody is asked to look again.
    assert not CameraFactory(
        status=Camera.Status.RETIRED, last_confirmed_at=days_ago(900)
    ).needs_recheck
    assert not CameraFactory(
        status=Camera.Status.REJECTED, last_confirmed_at=days_ago(900)
    ).needs_recheck


def test_the_period_is_a_setting(settings):
    settings.CAMERA_RECHECK_AFTER = datetime.timedelta(days=30)
    assert CameraFactory(last_confirmed_at=days_ago(32)).needs_recheck
    assert not CameraFactory(last_confirmed_at=days_ago(29)).needs_recheck


def test_the_api_says_which_cameras_need_a_re_check_and_filters_them(client):
    due = CameraFactory(last_confirmed_at=days_ago(400))
    fresh = CameraFactory(last_confirmed_at=days_ago(10))
    reported_due = CameraFactory(status=Camera.Status.REPORTED, last_confirmed_at=days_ago(400))

    everything = features(client, status="all")
    assert everything[due.pk]["needs_recheck"] is True
    assert everything[fresh.pk]["needs_recheck"] is False
    assert everything[due.pk]["last_confirmed_at"] == due.last_confirmed_at.strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert everything[due.pk]["retired_at"] is None
    assert set(features(client, status="all", needs_recheck="true")) == {due.pk, reported_due.pk}
    assert set(features(client, needs_recheck="true")) == {due.pk}
    assert set(features(client, status="all", needs_recheck="false")) == {fresh.pk}
    error = client.get(GEOJSON, {"needs_recheck": "yes"})
    assert error.status_code == 400
    assert error.json()["parameter"] == "needs_recheck"
    # The CSV says the same.
    csv = client.get("/api/cameras.csv", {"needs_recheck": "true"}).content.decode()
    header, *rows = csv.strip().splitlines()
    assert header.endswith(",last_confirmed_at,retired_at,needs_recheck")
    assert [row.split(",")[0] for row in rows] == [str(due.pk)]
    assert rows[0].endswith(",true")


def test_a_cached_answer_follows_the_day_not_only_the_data(client, settings):
    camera = CameraFactory(last_confirmed_at=days_ago(200))
    assert features(client)[camera.pk]["needs_recheck"] is False
    # Nothing in the data changes; the period does, as the days pass.
    settings.CAMERA_RECHECK_AFTER = datetime.timedelta(days=100)
    assert features(client)[camera.pk]["needs_recheck"] is True


def test_the_map_page_lists_the_cameras_that_need_a_re_check_per_municipality(client):
    map_pages()
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    CameraFactory.create_batch(2, municipality=zemun, last_confirmed_at=days_ago(400))
    CameraFactory(municipality=zemun, last_confirmed_at=days_ago(5))
    text = client.get("/en/map/").text
    assert "On our map, needing a re-check" in text
    link = re.search(
        r'<a href="\?(status=verified&amp;municipality=zemun&amp;needs_recheck=true)">2</a>', text
    )
    assert link
    # The link's list: the two cameras, in the table without JavaScript, on the map with it.
    listed = client.get("/en/map/?status=verified&needs_recheck=true&municipality=zemun").text
    assert re.search(r"<th scope=\"row\">Zemun</th>\s*<td>2</td>", listed)
    assert 'name="needs_recheck" value="true"' in listed
    assert "Needs a re-check (dashed ring)" in text


# What anyone can answer about a camera


def test_a_cameras_page_offers_the_four_answers_and_says_when_it_was_last_seen(client):
    map_pages()
    camera = CameraFactory(last_confirmed_at=days_ago(400))
    text = client.get(f"/en/map/cameras/{camera.pk}/").text
    for kind, label in [
        ("seen", "I saw it too"),
        ("gone", "It&#x27;s gone"),
        ("moved", "It has moved"),
        ("changed", "Something has changed"),
    ]:
        assert f"?camera={camera.pk}&amp;kind={kind}" in text, kind
        assert label in text
    assert "Last confirmed" in text
    assert "Needs a re-check." in text
    fresh = CameraFactory(last_confirmed_at=days_ago(3))
    assert "Needs a re-check." not in client.get(f"/en/map/cameras/{fresh.pk}/").text


def test_a_moved_answer_needs_the_new_place(client):
    camera = CameraFactory(latitude=SPOT[0], longitude=SPOT[1])
    page = client.get(f"{REPORT_URL}?camera={camera.pk}&kind=moved").text
    assert "Report a camera that has moved" in page
    assert 'name="camera_type"' not in page  # only the place, a photo and a note
    same_place = {"latitude": str(SPOT[0]), "longitude": str(SPOT[1])}
    response = answer("moved", camera, **same_place)
    assert response.status_code == 200
    assert "Put the pin where the camera is now" in response.text
    assert not CameraReport.objects.exists()
    # 4 m is still the same place; 6 m is another.
    near = offset(metres_east=4)
    assert (
        answer(
            "moved", camera, latitude=str(near["latitude"]), longitude=str(near["longitude"])
        ).status_code
        == 200
    )
    moved = offset(metres_east=6)
    response = answer(
        "moved", camera, latitude=str(moved["latitude"]), longitude=str(moved["longitude"])
    )
    assert response.status_code == 302
    report = CameraReport.objects.get()
    assert (report.kind, report.camera, report.camera_type) == ("moved", camera, "")


def test_a_changed_answer_says_what_changed(client):
    camera = CameraFactory(camera_type="dome", facial_recognition=True)
    page = client.get(f"{REPORT_URL}?camera={camera.pk}&kind=changed").text
    assert "Report a change to a camera" in page
    # It starts from the camera's values, for the reporter to correct.
    assert re.search(r'<input type="radio" name="camera_type" value="dome"[^>]* checked', page)
    response = answer("changed", camera, note="")
    assert response.status_code == 200
    assert "Say what has changed about the camera." in response.text
    assert (
        answer("changed", camera, camera_type="fixed", note="A new box camera").status_code == 302
    )
    report = CameraReport.objects.get()
    assert (report.kind, report.camera_type) == ("changed", "fixed")


def test_an_unknown_answer_is_news_that_the_camera_is_still_there(client):
    camera = CameraFactory()
    assert (
        "Confirm a camera you saw" in client.get(f"{REPORT_URL}?camera={camera.pk}&kind=burnt").text
    )


# Editors take the answers in


def test_an_editor_moves_a_camera_to_where_a_reporter_saw_it(editor_client):
    vracar = MunicipalityFactory(slug="vracar")
    camera = CameraFactory(municipality=vracar, last_confirmed_at=days_ago(400), **offset())
    there = offset(metres_north=40)
    report = CameraReportFactory(camera=camera, kind="moved", camera_type="", **there)
    queue = editor_client.get(QUEUE).text
    # The admin speaks the editor's language: Serbian here.
    assert "Ova kamera sa mape je premeštena:" in queue
    assert "40 m od mesta gde je na mapi" in queue
    assert f"Premestite kameru {camera.pk} ovde" in queue
    assert f"{QUEUE}{report.pk}/merge/" not in queue  # moving is no confirmation

    assert decide(editor_client, report, "apply").status_code == 302
    camera.refresh_from_db()
    report.refresh_from_db()
    assert (camera.latitude, camera.longitude) == (there["latitude"], there["longitude"])
    assert camera.last_confirmed_at == report.created_at
    assert camera.confirmations == 2  # unchanged
    assert report.status == CameraReport.Status.MERGED
    assert not camera.needs_recheck


def test_an_editor_applies_a_change(editor_client):
    camera = CameraFactory(camera_type="dome", facial_recognition=True)
    report = CameraReportFactory(
        camera=camera, kind="changed", camera_type="fixed", facial_recognition=False
    )
    assert decide(editor_client, report, "merge", camera=camera.pk).status_code == 302
    report.refresh_from_db()
    assert report.status == CameraReport.Status.PENDING  # not merged: applied or rejected
    decide(editor_client, report, "apply")
    camera.refresh_from_db()
    assert (camera.camera_type, camera.facial_recognition) == ("fixed", False)


def test_applying_a_report_of_a_new_camera_changes_nothing(editor_client):
    report = CameraReportFactory(kind="new")
    decide(editor_client, report, "apply")
    report.refresh_from_db()
    assert report.status == CameraReport.Status.PENDING


def test_a_confirmation_dates_the_camera_last_confirmed(editor_client):
    camera = CameraFactory(last_confirmed_at=days_ago(400))
    report = report_with_photo(camera=camera, kind="seen", **offset())
    decide(editor_client, report, "merge", camera=camera.pk)
    camera.refresh_from_db()
    report.refresh_from_db()
    assert camera.last_confirmed_at == report.created_at
    # An older report merged later does not set the date back.
    old = report_with_photo(camera=camera, kind="seen")
    CameraReport.objects.filter(pk=old.pk).update(created_at=days_ago(500))
    decide(editor_client, old, "merge", camera=camera.pk)
    camera.refresh_from_db()
    assert camera.last_confirmed_at == report.created_at


def test_a_seen_answer_merged_into_another_camera_names_that_camera(editor_client):
    # The reporter chose the wrong camera on the map; the editor merges it into the right one,
    # and the reporter's follow-up page leads there.
    named, right = CameraFactory(), CameraFactory(confirmations=1)
    report = report_with_photo(camera=named, kind="seen")
    assert decide(editor_client, report, "merge", camera=right.pk).status_code == 302
    report.refresh_from_db()
    right.refresh_from_db()
    assert (report.status, report.camera) == (CameraReport.Status.MERGED, right)
    assert right.confirmations == 2


def test_an_accepted_camera_was_last_confirmed_when_it_was_reported(editor_client):
    report = report_with_photo(kind="new", **offset())
    CameraReport.objects.filter(pk=report.pk).update(created_at=days_ago(20))
    decide(editor_client, report, "accept")
    camera = Camera.objects.get()
    assert camera.last_confirmed_at == CameraReport.objects.get().created_at


def test_an_editor_who_verifies_cameras_confirms_them_now(editor_client):
    camera = CameraFactory(status=Camera.Status.REPORTED, last_confirmed_at=days_ago(400))
    before = timezone.now()
    assert editor_client.post(bulk_url("verify", [camera])).status_code == 302
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED
    assert camera.last_confirmed_at >= before


# Retiring


def gone_with_photo(camera, address, metres_east=0):
    """An anonymous visitor's "gone" answer with a photo of the empty spot, its pin
    `metres_east` of the camera."""
    spot = offset(metres_east=metres_east, origin=(camera.latitude, camera.longitude))
    photo = SimpleUploadedFile("spot.jpg", phone_photo(), content_type="image/jpeg")
    return answer(
        "gone",
        camera,
        address=address,
        latitude=str(spot["latitude"]),
        longitude=str(spot["longitude"]),
        photo=photo,
    )


def at(camera):
    """The form's position fields on the camera itself."""
    return {"latitude": str(camera.latitude), "longitude": str(camera.longitude)}


def on_an_earlier_day(reports):
    CameraReport.objects.filter(pk__in=[report.pk for report in reports]).update(
        created_at=timezone.now() - 2 * DAY
    )


def test_gone_answers_retire_a_camera_nobody_confirmed_for_a_year(client, settings):
    assert settings.CAMERA_RETIRE_AFTER_GONE == 3  # the promise
    camera = CameraFactory(last_confirmed_at=days_ago(400))
    for number in range(2):
        assert gone_with_photo(camera, f"203.0.113.{number}").status_code == 302
    on_an_earlier_day(CameraReport.objects.all())
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED
    assert gone_with_photo(camera, "203.0.113.3", metres_east=45).status_code == 302
    camera.refresh_from_db()
    assert camera.status == Camera.Status.RETIRED
    assert camera.retired_at >= timezone.now() - DAY
    entry = ModelLogEntry.objects.filter(action="map.camera.retire").get()
    assert entry.user is None  # nobody: the answers
    # The answers wait for an editor, who sees the camera retired beside them.
    assert set(CameraReport.objects.values_list("status", flat=True)) == {"pending"}
    # Off the default map, in the data with its dates, and on its own page.
    assert camera.pk not in features(client, status="all")
    retired = features(client, status="retired")[camera.pk]
    assert retired["status"] == "retired"
    assert retired["retired_at"] is not None
    assert retired["needs_recheck"] is False
    assert client.get(f"/api/cameras/{camera.pk}.geojson").status_code == 200


def test_an_editor_confirms_or_undoes_a_retirement_by_the_answers(editor_client):
    camera = CameraFactory(status=Camera.Status.RETIRED, retired_at=days_ago(1))
    report = CameraReportFactory(camera=camera, kind="gone")
    queue = editor_client.get(QUEUE).text
    assert "uklonili ovu kameru sa mape. Potvrdite to dugmetom" in queue
    assert decide(editor_client, report, "gone").status_code == 302
    report.refresh_from_db()
    camera.refresh_from_db()
    assert report.status == CameraReport.Status.GONE
    assert camera.status == Camera.Status.RETIRED
    # Put back on the map by its form: confirmed now, so one more answer retires nothing.
    edit = f"/admin/snippets/map/camera/edit/{camera.pk}/"
    assert editor_client.post(edit, camera_form_data(camera, status="reported")).status_code == 302
    camera.refresh_from_db()
    assert camera.retired_at is None
    assert camera.last_confirmed_at >= timezone.now() - DAY
    assert not camera.needs_recheck


def test_a_camera_confirmed_within_the_year_is_only_retired_by_an_editor(client):
    camera = CameraFactory(last_confirmed_at=days_ago(300))
    for number in range(3):
        gone_with_photo(camera, f"203.0.113.{number}")
    on_an_earlier_day(CameraReport.objects.all()[:1])
    for number in range(3, 6):
        gone_with_photo(camera, f"203.0.113.{number}")
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED


def test_answers_that_cost_nothing_do_not_count(client):
    camera = CameraFactory(last_confirmed_at=days_ago(400))
    # Anonymous and without a photo: free to send, from anywhere.
    for number in range(4):
        answer("gone", camera, address=f"203.0.113.{number}", **at(camera))
    on_an_earlier_day(CameraReport.objects.all()[:2])
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED
    # With photos, on two days, but pinned 60 m away: not at the camera.
    for number in range(4, 7):
        gone_with_photo(camera, f"203.0.113.{number}", metres_east=60)
    on_an_earlier_day(CameraReport.objects.exclude(photo="")[:1])
    gone_with_photo(camera, "203.0.113.8", metres_east=60)
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED


def test_answers_on_a_single_day_do_not_retire(client):
    camera = CameraFactory(last_confirmed_at=days_ago(400))
    for number in range(5):
        gone_with_photo(camera, f"203.0.113.{number}")
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED


def test_someone_saying_it_is_still_there_stops_the_retirement(client):
    camera = CameraFactory(last_confirmed_at=days_ago(400))
    CameraReportFactory(camera=camera, kind="moved")
    for number in range(2):
        gone_with_photo(camera, f"203.0.113.{number}")
    on_an_earlier_day(CameraReport.objects.filter(kind="gone"))
    gone_with_photo(camera, "203.0.113.9")
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED  # the editors decide


def test_one_supporter_saying_it_thrice_counts_once(client):
    camera = CameraFactory(last_confirmed_at=days_ago(400))
    supporter = make_user("gone@example.org")
    client.force_login(supporter)
    for _number in range(3):
        assert answer("gone", camera, client=client, **at(camera)).status_code == 302
    on_an_earlier_day(CameraReport.objects.all()[:1])
    answer("gone", camera, client=client, **at(camera))
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED
    # Two more supporters, without photos: signed in, each counts once.
    for email in ("b@example.org", "c@example.org"):
        other = Client()
        other.force_login(make_user(email))
        answer("gone", camera, client=other, **at(camera))
    camera.refresh_from_db()
    assert camera.status == Camera.Status.RETIRED


def test_answers_from_before_the_last_confirmation_do_not_count(client):
    camera = CameraFactory(last_confirmed_at=days_ago(400))
    old = [gone_with_photo(camera, f"203.0.113.{n}") for n in range(2)]
    assert all(response.status_code == 302 for response in old)
    CameraReport.objects.update(created_at=days_ago(500))
    gone_with_photo(camera, "203.0.113.7")
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED


def test_a_retired_camera_takes_no_confirmation_and_verifying_clears_its_date(editor_client):
    camera = CameraFactory(status=Camera.Status.RETIRED, retired_at=days_ago(2))
    report = report_with_photo(camera=camera, kind="seen")
    decide(editor_client, report, "merge", camera=camera.pk)
    report.refresh_from_db()
    assert report.status == CameraReport.Status.PENDING
    assert editor_client.post(bulk_url("verify", [camera])).status_code == 302
    camera.refresh_from_db()
    assert (camera.status, camera.retired_at) == (Camera.Status.VERIFIED, None)


def test_a_retired_cameras_page_says_so_and_asks_nothing(client):
    map_pages()
    camera = CameraFactory(status=Camera.Status.RETIRED, retired_at=days_ago(2))
    response = client.get(f"/en/map/cameras/{camera.pk}/")
    assert response.status_code == 200
    assert "No longer there." in response.text
    assert "kind=seen" not in response.text
    assert "status=retired" in response.text  # "see it on the map" shows retired cameras
    # Nobody can answer about it either: the form treats it as a new camera.
    form = client.get(f"{REPORT_URL}?camera={camera.pk}&kind=gone").text
    assert "Report a camera that is gone" not in form


def test_the_retired_date_follows_the_status_an_editor_sets(editor_client):
    camera = CameraFactory(
        status=Camera.Status.RETIRED, retired_at=days_ago(2), last_confirmed_at=days_ago(400)
    )
    edit = f"/admin/snippets/map/camera/edit/{camera.pk}/"
    response = editor_client.post(edit, camera_form_data(camera, status="verified"))
    assert response.status_code == 302
    camera.refresh_from_db()
    assert camera.retired_at is None  # back on the map: not retired
    assert camera.last_confirmed_at >= timezone.now() - DAY  # and confirmed by the editor
    fresh = CameraFactory()
    edit = f"/admin/snippets/map/camera/edit/{fresh.pk}/"
    assert editor_client.post(edit, camera_form_data(fresh, status="retired")).status_code == 302
    fresh.refresh_from_db()
    assert fresh.retired_at >= timezone.now() - DAY  # retired now


# Nothing sent twice


def test_a_report_sent_again_with_its_key_is_stored_once(client):
    key = "0123456789abcdef0123456789abcdef"
    first = client.post(REPORT_URL, report_data(client_key=key), REMOTE_ADDR="203.0.113.5")
    assert first.status_code == 302
    again = client.post(REPORT_URL, report_data(client_key=key), REMOTE_ADDR="203.0.113.5")
    assert again.status_code == 302
    assert again["Location"] == first["Location"]
    assert CameraReport.objects.count() == 1
    assert CameraReport.objects.get().client_key == key


def test_a_malformed_key_is_no_key(client):
    for key in ["", "not-hex", "ABCDEF0123456789ABCDEF0123456789", "0" * 33, "0" * 31 + "\n"]:
        response = client.post(
            REPORT_URL,
            report_data(client_key=key),
            REMOTE_ADDR="203.0.113.6",
        )
        assert response.status_code == 302, key
    assert list(CameraReport.objects.values_list("client_key", flat=True)) == [None] * 5


def test_a_photo_of_a_report_already_sent_is_not_kept_twice(client, settings):
    key = "fedcba9876543210fedcba9876543210"
    for _attempt in range(2):
        photo = SimpleUploadedFile("p.jpg", phone_photo(), content_type="image/jpeg")
        client.post(
            REPORT_URL, {**report_data(client_key=key), "photo": photo}, REMOTE_ADDR="203.0.113.7"
        )
    assert CameraReport.objects.count() == 1
    stored = [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    assert len(stored) == 1


# From an attack on the first version (each failed then)


def test_the_table_link_keeps_the_other_filters(client):
    map_pages()
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    CameraFactory(municipality=zemun, last_confirmed_at=days_ago(400), facial_recognition=True)
    CameraFactory(municipality=zemun, last_confirmed_at=days_ago(400), facial_recognition=False)
    text = client.get("/en/map/?facial_recognition=true").text
    link = re.search(r'<a href="\?([^"]*needs_recheck=true[^"]*)">(\d+)</a>', text)
    assert link.group(2) == "1"
    assert "facial_recognition=true" in link.group(1)


def test_retired_cameras_are_not_compared_with_the_police_list(client):
    map_pages()
    zemun = MunicipalityFactory(name="Zemun", slug="zemun", police_list_count=10)
    CameraFactory.create_batch(3, municipality=zemun, status=Camera.Status.RETIRED)
    text = client.get("/en/map/?status=retired").text
    assert "Retired cameras" in text
    assert "On the police list (total)" not in text
    assert re.search(r"<th scope=\"row\">Zemun</th>\s*<td>3</td>", text)


def test_an_answer_cached_by_date_is_renewed_the_next_day(client):
    CameraFactory()
    response = client.get(GEOJSON)
    modified = response["Last-Modified"]
    midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    assert (
        datetime.datetime.strptime(modified, "%a, %d %b %Y %H:%M:%S GMT").replace(
            tzinfo=datetime.UTC
        )
        >= midnight
    )
    yesterday = (midnight - datetime.timedelta(seconds=1)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert client.get(GEOJSON, headers={"if-modified-since": yesterday}).status_code == 200


def test_needs_recheck_false_also_lists_retired_cameras_when_asked(client):
    retired = CameraFactory(status=Camera.Status.RETIRED, last_confirmed_at=days_ago(900))
    assert set(features(client, status="retired", needs_recheck="false")) == {retired.pk}


def test_the_queue_counts_moved_and_changed_answers_beside_the_camera(editor_client):
    camera = CameraFactory()
    CameraReportFactory.create_batch(2, camera=camera, kind="gone")
    CameraReportFactory(camera=camera, kind="moved")
    text = editor_client.get(QUEUE).text
    # Each gone answer names the other gone one and the moved one: they disagree.
    assert text.count("premeštena") >= 2


def test_only_a_report_of_a_camera_becomes_a_new_camera(editor_client):
    camera = CameraFactory()
    for kind in ("moved", "changed", "gone"):
        report = CameraReportFactory(camera=camera, kind=kind)
        decide(editor_client, report, "accept")
        report.refresh_from_db()
        assert report.status == CameraReport.Status.PENDING, kind
    assert Camera.objects.count() == 1


def test_a_camera_moved_far_loses_its_old_street_address(editor_client):
    camera = CameraFactory(address="Knez Mihailova 5", **offset())
    report = CameraReportFactory(camera=camera, kind="moved", **offset(metres_north=800))
    decide(editor_client, report, "apply")
    camera.refresh_from_db()
    assert camera.address == ""
