"""After a report: its reference, its follow-up page, news of a camera already on the map
(?camera=&kind=seen|gone), and what the editors' decisions show the reporter."""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import date
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from map.models import REFERENCE_ALPHABET, Camera, CameraReport
from map.photos import clean_photo

from .factories import CameraFactory, CameraReportFactory, MunicipalityFactory, phone_photo
from .test_moderation import QUEUE, decide
from .test_report import URL, post, report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

REFERENCE = re.compile(rf"^KR-[{REFERENCE_ALPHABET}]{{6}}$")


def follow_url(report, language="en"):
    with translation.override("en" if language == "en" else "sr-latn"):
        return reverse("map:report_follow", args=[report.follow_token])


# The reference and the key


def test_each_report_gets_its_own_reference_and_follow_up_key():
    reports = [CameraReportFactory() for _ in range(20)]
    assert all(REFERENCE.match(report.reference) for report in reports)
    assert len({report.reference for report in reports}) == 20
    # 16 random bytes, URL-safe: 128 bits nobody guesses.
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", report.follow_token) for report in reports)
    assert len({report.follow_token for report in reports}) == 20


def test_the_migration_gives_existing_reports_distinct_references():
    migration = __import__("map.migrations.0003_report_reference", fromlist=["fill_references"])
    reports = [CameraReportFactory() for _ in range(5)]
    before = {report.pk: (report.reference, report.follow_token) for report in reports}
    migration.fill_references(apps, None)
    after = dict(
        CameraReport.objects.values_list("pk", "reference").order_by("pk")
    )  # every row got a new one, and still none is shared
    tokens = set(CameraReport.objects.values_list("follow_token", flat=True))
    assert len(set(after.values())) == 5 and len(tokens) == 5
    assert all(REFERENCE.match(reference) for reference in after.values())
    assert all(after[pk] != before[pk][0] for pk in before)


# After sending


def test_the_reporter_lands_on_the_follow_up_page_with_the_reference(client):
    response = post(client, email="ana@example.org", email_consent="on", note="Moj komšija")
    report = CameraReport.objects.get()
    assert response.status_code == 302
    # The key is in the path of the page itself: no reference in a query string.
    assert response["Location"] == follow_url(report)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Thank you: your report is sent." in page.text
    assert f"Your report {report.reference}" in page.text
    assert "Being checked" in page.text
    # Nothing about the reporter, and not for search engines or other sites.
    assert "ana@example.org" not in page.text and "Moj komšija" not in page.text
    assert '<meta name="robots" content="noindex">' in page.text
    assert '<meta name="referrer" content="no-referrer">' in page.text
    assert "no-cache" in page["Cache-Control"]
    # The thanks is said once; the page stays, in both languages.
    again = client.get(follow_url(report))
    assert "Thank you: your report is sent." not in again.text
    assert client.get(follow_url(report, "sr")).status_code == 200


@pytest.mark.parametrize("token", ["x", "A" * 22, "../../admin", "%00", "a" * 200, "KR-4F7Q9X"])
def test_an_unknown_key_is_not_found(client, token):
    CameraReportFactory()
    assert client.get(f"/en/map/report/follow/{token}/").status_code == 404


def test_the_follow_up_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    camera = CameraFactory(municipality=MunicipalityFactory())
    report = CameraReportFactory(status=CameraReport.Status.MERGED, camera=camera)
    client.get(follow_url(report))  # warm the site's settings and menus
    with django_assert_max_num_queries(12):
        assert client.get(follow_url(report)).status_code == 200


# What the decision shows


def test_a_pending_report_is_being_checked(client):
    text = client.get(follow_url(CameraReportFactory())).text
    assert "Received" in text and "Being checked" in text and "(not yet)" in text
    assert "This page lasts as long as we keep the report." in text


def test_an_accepted_report_leads_to_its_camera(client, editor_client):
    report = CameraReportFactory()
    decide(editor_client, report, "accept")
    report.refresh_from_db()
    text = client.get(follow_url(report)).text
    # One report: on the map as reported, verified once a second one confirms it.
    assert "On the map, waiting for a second report" in text
    assert f'href="{reverse("map:camera_page", args=[report.camera_id])}"' in text

    Camera.objects.filter(pk=report.camera_id).update(status=Camera.Status.VERIFIED)
    text = client.get(follow_url(report)).text
    assert "On the map</span>" in " ".join(text.split()).replace(" </span>", "</span>")


def test_a_merged_report_counts_as_a_confirmation(client, editor_client):
    camera = CameraFactory()
    report = CameraReportFactory()
    decide(editor_client, report, "merge", camera=camera.pk)
    text = client.get(follow_url(CameraReport.objects.get(pk=report.pk))).text
    assert "Merged with a camera already on the map" in text
    assert f'href="{reverse("map:camera_page", args=[camera.pk])}"' in text


def test_a_rejected_report_gives_the_editors_reason_and_its_deletion_date(client, editor_client):
    report = CameraReportFactory()
    response = decide(editor_client, report, "reject", reason="  Na fotografiji je lampa.  ")
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.reason == "Na fotografiji je lampa."
    text = client.get(follow_url(report)).text
    assert "Not added to the map" in text
    assert "The editors' reason: Na fotografiji je lampa." in text
    deleted_on = timezone.localtime(report.reviewed_at + timedelta(days=30))
    with translation.override("en"):
        when = date(deleted_on, "DATE_FORMAT")
    assert f'<strong>Deleted on: <time datetime="{deleted_on:%Y-%m-%d}">{when}</time>' in text


def test_a_rejection_without_a_reason_says_so(client, editor_client):
    report = CameraReportFactory()
    decide(editor_client, report, "reject")
    text = client.get(follow_url(CameraReport.objects.get(pk=report.pk))).text
    assert "The editors gave no reason." in text


def test_a_too_long_reason_rejects_nothing(editor_client):
    report = CameraReportFactory()
    decide(editor_client, report, "reject", reason="x" * 501)
    report.refresh_from_db()
    assert report.status == CameraReport.Status.PENDING


def test_a_camera_no_longer_public_has_no_link(client):
    camera = CameraFactory(status=Camera.Status.RETIRED)
    report = CameraReportFactory(status=CameraReport.Status.ACCEPTED, camera=camera)
    text = client.get(follow_url(report)).text
    assert "The camera is no longer on the public map." in text
    assert reverse("map:camera_page", args=[camera.pk]) not in text


# My activity


def test_a_logged_in_reporter_finds_the_follow_up_page_in_my_activity(client):
    user = get_user_model().objects.create_user("ana", "ana@example.org", "x")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    client.force_login(user)
    post(client)
    report = CameraReport.objects.get()
    text = client.get(reverse("supporter_activity")).text
    follow = reverse("map:report_follow", args=[report.follow_token])
    assert f'{follow}">{report.reference}</a>' in text


# News of a camera already on the map


def test_seen_shows_the_camera_and_presets_its_position(client):
    municipality = MunicipalityFactory(name="Vračar")
    camera = CameraFactory(
        latitude=44.80123, longitude=20.47654, municipality=municipality, camera_type="fixed"
    )
    response = client.get(URL, {"camera": camera.pk, "kind": "seen"})
    assert response.status_code == 200
    text = response.text
    assert "Confirm a camera you saw" in text
    assert "Vračar" in text
    assert f'href="{reverse("map:camera_page", args=[camera.pk])}"' in text
    form = response.context["form"]
    assert form["latitude"].value() == 44.80123
    # What it is, the reporter says (tests/map/test_report_news_not_preset.py).
    assert not form["camera_type"].value()


def test_a_seen_report_is_stored_with_its_camera_and_confirms_it(client, editor_client):
    camera = CameraFactory(confirmations=1, status=Camera.Status.REPORTED)
    data = report_data(latitude=str(camera.latitude), longitude=str(camera.longitude))
    # A confirmation needs its evidence: one person must not verify their own report by
    # saying "I saw it too" with nothing to show.
    response = client.post(f"{URL}?camera={camera.pk}&kind=seen", data)
    assert response.status_code == 200
    assert response.context["form"].errors["photo"] == [
        "Add a photo of the camera: a confirmation counts only with one."
    ]
    assert not CameraReport.objects.exists()
    data["photo"] = SimpleUploadedFile("seen.jpg", phone_photo(), content_type="image/jpeg")
    response = client.post(f"{URL}?camera={camera.pk}&kind=seen", data)
    assert response.status_code == 302
    report = CameraReport.objects.get()
    assert (report.kind, report.camera) == (CameraReport.Kind.SEEN, camera)

    queue = editor_client.get(QUEUE).text
    assert f"Potvrdite kameru {camera.pk} (još jedna potvrda)" in queue
    assert "Prihvatite kao novu kameru" not in queue
    decide(editor_client, report, "merge", camera=camera.pk)
    camera.refresh_from_db()
    assert camera.confirmations == 2
    assert camera.status == Camera.Status.VERIFIED
    text = client.get(follow_url(report)).text
    assert "Confirmed: your report counts" in text


def test_gone_asks_only_for_a_photo_and_a_note(client):
    camera = CameraFactory(surveillance_type="ALPR", camera_type="")
    response = client.get(URL, {"camera": camera.pk, "kind": "gone"})
    assert "Report a camera that is gone" in response.text
    assert 'name="surveillance_type"' not in response.text
    assert 'name="has_sign"' not in response.text
    # The advice is for a photo of the empty spot, not of a camera that isn't there.
    assert "A photo of the spot where the camera was" in response.text
    assert "Photograph the spot where it was" in response.text
    assert "Photograph the camera" not in response.text and "Take one now" not in response.text
    assert "When you saw that it was gone" in response.text
    # Neither the type nor a photo is needed: the camera's own details are kept.
    response = client.post(
        f"{URL}?camera={camera.pk}&kind=gone",
        {"latitude": str(camera.latitude), "longitude": str(camera.longitude), "note": "Skinuta"},
    )
    assert response.status_code == 302
    report = CameraReport.objects.get()
    assert (report.kind, report.camera_id) == (CameraReport.Kind.GONE, camera.pk)
    # Nothing asked, nothing stored: the camera's details stay on the camera.
    assert (report.surveillance_type, report.camera_type) == ("", "")
    camera.refresh_from_db()
    assert camera.surveillance_type == "ALPR"
    assert not report.photo


def test_an_editor_marks_a_gone_camera_removed(
    client, editor_client, django_capture_on_commit_callbacks
):
    camera = CameraFactory()
    photo = clean_photo(SimpleUploadedFile("p.jpg", phone_photo()))
    report = CameraReportFactory(kind=CameraReport.Kind.GONE, camera=camera, photo=photo)
    storage, name = report.photo.storage, report.photo.name

    assert f"Označite kameru {camera.pk} kao uklonjenu" in editor_client.get(QUEUE).text
    with django_capture_on_commit_callbacks(execute=True):
        decide(editor_client, report, "gone")
    camera.refresh_from_db()
    report.refresh_from_db()
    assert camera.status == Camera.Status.RETIRED
    assert report.status == CameraReport.Status.GONE
    assert report.camera == camera
    # The photo of where the camera was is nobody's business once the decision is taken.
    assert not report.photo
    assert not storage.exists(name)
    assert not camera.photos.exists()
    assert "The camera is marked as gone" in client.get(follow_url(report)).text


def test_only_a_gone_report_can_mark_a_camera_gone(editor_client):
    camera = CameraFactory()
    report = CameraReportFactory(kind=CameraReport.Kind.SEEN, camera=camera)
    decide(editor_client, report, "gone")
    camera.refresh_from_db()
    report.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED
    assert report.status == CameraReport.Status.PENDING


def test_a_gone_report_is_never_merged_as_a_confirmation(editor_client):
    camera = CameraFactory(confirmations=1)
    report = CameraReportFactory(kind=CameraReport.Kind.GONE, camera=camera)
    assert f'action="{QUEUE}{report.pk}/merge/"' not in editor_client.get(QUEUE).text
    decide(editor_client, report, "merge", camera=camera.pk)
    camera.refresh_from_db()
    report.refresh_from_db()
    assert camera.confirmations == 1
    assert report.status == CameraReport.Status.PENDING


def test_a_camera_editors_took_off_the_map_is_not_marked_gone(editor_client):
    camera = CameraFactory(status=Camera.Status.REJECTED)
    report = CameraReportFactory(kind=CameraReport.Kind.GONE, camera=camera)
    decide(editor_client, report, "gone")
    camera.refresh_from_db()
    report.refresh_from_db()
    assert camera.status == Camera.Status.REJECTED
    assert report.status == CameraReport.Status.PENDING


def test_a_rejected_seen_report_still_names_its_camera(client, editor_client):
    camera = CameraFactory()
    report = CameraReportFactory(kind=CameraReport.Kind.SEEN, camera=camera)
    decide(editor_client, report, "reject", reason="Kamera je na drugoj strani ulice.")
    report.refresh_from_db()
    assert report.camera == camera
    text = client.get(follow_url(report)).text
    assert "Not confirmed" in text


@pytest.mark.parametrize(
    "query",
    [
        {"camera": "abc", "kind": "seen"},
        {"camera": "0", "kind": "gone"},
        {"camera": "-1", "kind": "seen"},
        {"camera": "9" * 30, "kind": "seen"},
        {"camera": "١٢", "kind": "seen"},  # Arabic-Indic digits: isdigit(), but not ours
        {"camera": "", "kind": "gone"},
        {"kind": "gone"},
        {"camera": ["1", "2"], "kind": "seen"},
    ],
)
def test_a_wrong_camera_gives_the_plain_form(client, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert response.context["kind"] == CameraReport.Kind.NEW
    assert "Report a camera" in response.text


@pytest.mark.parametrize("status", [Camera.Status.REJECTED, Camera.Status.RETIRED])
def test_a_camera_the_public_does_not_see_gives_the_plain_form(client, status):
    camera = CameraFactory(status=status, address="Tajna ulica 1")
    response = client.get(URL, {"camera": camera.pk, "kind": "seen"})
    assert response.context["kind"] == CameraReport.Kind.NEW
    assert "Tajna ulica" not in response.text
    # Posted with it anyway: a plain new report, not tied to the hidden camera.
    client.post(f"{URL}?camera={camera.pk}&kind=seen", report_data())
    report = CameraReport.objects.get()
    assert (report.kind, report.camera) == (CameraReport.Kind.NEW, None)


# The photo's own location


def test_the_form_offers_the_photos_location_from_a_vendored_script(client):
    text = client.get(URL).text
    assert 'id="report-photo-location"' in text
    assert 'data-script="/static/vendor/exifr/lite.umd.js"' in text
    assert 'data-photo-input="id_photo"' in text
    # Loaded only when a photo is chosen: not a <script> of the page.
    assert '<script src="/static/vendor/exifr' not in text


# Whatever a link carries


QUERY_TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30),
    st.sampled_from(["", "\x00", "0", "-1", "9" * 5000, "1e3", " 1", "seen", "gone"]),
)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(camera=QUERY_TEXT, kind=QUERY_TEXT, token=QUERY_TEXT)
def test_no_camera_link_or_follow_up_address_gives_a_server_error(client, camera, kind, token):
    # 400: home/bad_requests.py refuses a NUL anywhere in the address.
    response = client.get(URL, {"camera": camera, "kind": kind})
    assert response.status_code in (200, 400)
    response = client.get("/en/map/report/follow/" + quote(token, safe="") + "/")
    assert response.status_code in (404, 400)
