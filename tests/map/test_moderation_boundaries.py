"""The moderation's rules at their edges (issue 16, the mutation run of map/moderation.py):
each number a rule rests on, just inside and just outside it, and what each decision refuses
when called without the queue's own checks in front of it (a command, the shell, a new view)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from map.geo import distance_m
from map.models import Camera, CameraReport
from map.moderation import (
    METRES_PER_DEGREE,
    AlreadyReviewed,
    accept_report,
    apply_report,
    box_around,
    in_queue,
    merge_report,
    pending_about_cameras,
    pending_neighbours,
    possible_duplicates,
    reject_cameras,
    reject_report,
    retire_if_gone,
)

from ..factories import make_user
from .factories import CameraFactory, CameraReportFactory, MunicipalityFactory
from .test_moderation import SPOT, offset

pytestmark = pytest.mark.django_db

GONE = CameraReport.Kind.GONE
# A photo of the empty spot makes an anonymous answer count (only its presence matters here).
PHOTO = "reports/empty-spot.jpg"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def due_camera():
    """A camera on the map nobody has confirmed for more than a year: it needs a re-check."""
    camera = CameraFactory(last_confirmed_at=days_ago(400))
    assert camera.needs_recheck
    return camera


def gone(camera, days_before=0, metres_north=0, reporter=None):
    """A "gone" answer about `camera` that counts: a supporter's, or else one with a photo;
    sent `days_before` today (UTC), its pin `metres_north` of the camera."""
    report = CameraReportFactory(
        camera=camera,
        kind=GONE,
        reporter=reporter,
        photo="" if reporter else PHOTO,
        **offset(metres_north=metres_north, origin=(camera.latitude, camera.longitude)),
    )
    if days_before:
        CameraReport.objects.filter(pk=report.pk).update(created_at=days_ago(days_before))
    return report


def status_of(camera):
    camera.refresh_from_db()
    return camera.status


# Retiring a camera by the answers (retire_if_gone)


def test_the_third_person_on_a_second_day_retires_the_camera_and_it_says_so():
    camera = due_camera()
    gone(camera, days_before=1)
    gone(camera)
    assert retire_if_gone(camera) is False  # two people
    assert status_of(camera) == Camera.Status.VERIFIED
    gone(camera)
    assert retire_if_gone(camera) is True
    assert status_of(camera) == Camera.Status.RETIRED
    assert camera.retired_at is not None


def test_more_people_on_more_days_retire_the_camera_too():
    camera = due_camera()
    for days_before in (3, 2, 1, 0):
        gone(camera, days_before=days_before)
    assert retire_if_gone(camera) is True
    assert status_of(camera) == Camera.Status.RETIRED


def test_three_people_on_one_day_retire_nothing():
    camera = due_camera()
    for _person in range(3):
        gone(camera)
    assert retire_if_gone(camera) is False
    assert status_of(camera) == Camera.Status.VERIFIED


def test_a_camera_confirmed_within_the_year_is_not_retired_by_answers():
    camera = CameraFactory(last_confirmed_at=days_ago(300))
    gone(camera, days_before=1)
    gone(camera)
    gone(camera)
    assert retire_if_gone(camera) is False
    assert status_of(camera) == Camera.Status.VERIFIED


def test_a_still_there_answer_stops_the_retirement():
    camera = due_camera()
    gone(camera, days_before=1)
    gone(camera)
    gone(camera)
    CameraReportFactory(camera=camera, kind=CameraReport.Kind.SEEN)
    assert retire_if_gone(camera) is False
    assert status_of(camera) == Camera.Status.VERIFIED


@pytest.mark.parametrize(("metres", "retired"), [(49.5, True), (50.5, False)])
def test_an_answer_counts_with_its_pin_within_50_m(metres, retired):
    camera = due_camera()
    answers = [
        gone(camera, days_before=1, metres_north=metres),
        gone(camera, metres_north=metres),
        gone(camera, metres_north=metres),
    ]
    for answer in answers:
        # The pins are where the test means them to be, by the distance the rule measures.
        assert abs(distance_m(answer.latitude, answer.longitude, *position(camera)) - metres) < 0.1
    assert retire_if_gone(camera) is retired


def position(camera):
    return camera.latitude, camera.longitude


def test_an_answer_pinned_far_away_hides_none_of_the_others():
    camera = due_camera()
    gone(camera, days_before=2)
    gone(camera, days_before=1)
    gone(camera, days_before=1)
    gone(camera, metres_north=500)  # the newest, read first
    assert retire_if_gone(camera) is True


def test_only_the_newest_50_answers_are_read():
    """A flood of answers costs one bounded read: the 51st newest is not looked at."""
    often = make_user("often")
    # The newest 50: one supporter 49 times today, another yesterday. Two people.
    camera = due_camera()
    for _answer in range(49):
        gone(camera, reporter=often)
    gone(camera, days_before=1, reporter=make_user("yesterday"))
    # The 51st newest, a third person: would retire the camera if it were read.
    gone(camera, days_before=2, reporter=make_user("earlier"))
    assert retire_if_gone(camera) is False
    assert status_of(camera) == Camera.Status.VERIFIED


def test_the_50th_newest_answer_is_read():
    often = make_user("often")
    camera = due_camera()
    for _answer in range(48):
        gone(camera, reporter=often)
    gone(camera, days_before=1, reporter=make_user("yesterday"))
    gone(camera, days_before=2, reporter=make_user("earlier"))  # the 50th newest
    assert retire_if_gone(camera) is True


# What the decisions refuse when called directly


def test_only_a_moved_or_changed_answer_is_applied_to_its_camera():
    editor = make_user("editor")
    camera = CameraFactory(camera_type="dome", facial_recognition=True)
    for kind in (CameraReport.Kind.SEEN, CameraReport.Kind.GONE):
        report = CameraReportFactory(
            camera=camera, kind=kind, camera_type="fixed", facial_recognition=False
        )
        with pytest.raises(ValueError, match="moved or changed"):
            apply_report(report, editor)
        report.refresh_from_db()
        assert report.status == CameraReport.Status.PENDING
    camera.refresh_from_db()
    assert (camera.camera_type, camera.facial_recognition) == ("dome", True)


@pytest.mark.parametrize(
    "status",
    [
        CameraReport.Status.ACCEPTED,
        CameraReport.Status.MERGED,
        CameraReport.Status.GONE,
        CameraReport.Status.REJECTED,
    ],
)
def test_a_decided_report_is_never_decided_again(status):
    report = CameraReportFactory(status=status)
    with pytest.raises(AlreadyReviewed):
        accept_report(report, make_user("editor"))
    assert not Camera.objects.exists()
    report.refresh_from_db()
    assert report.status == status


def test_an_applied_answer_is_in_the_cameras_history():
    editor = make_user("editor")
    camera = CameraFactory(camera_type="dome")
    report = CameraReportFactory(camera=camera, kind=CameraReport.Kind.CHANGED, camera_type="fixed")
    apply_report(report, editor)
    entry = ModelLogEntry.objects.filter(object_id=str(camera.pk), action="wagtail.edit").get()
    assert entry.user == editor


@pytest.mark.parametrize(
    "kind", [CameraReport.Kind.GONE, CameraReport.Kind.MOVED, CameraReport.Kind.CHANGED]
)
def test_a_rejected_answer_still_names_its_camera(kind):
    # The reporter's follow-up page says which camera was not confirmed.
    camera = CameraFactory()
    report = CameraReportFactory(camera=camera, kind=kind)
    reject_report(report, make_user("editor"), "Not this one.")
    report.refresh_from_db()
    assert (report.status, report.camera) == (CameraReport.Status.REJECTED, camera)


def test_rejecting_cameras_neither_verifies_nor_confirms_them():
    camera = CameraFactory(
        status=Camera.Status.REPORTED, verified_at=None, last_confirmed_at=days_ago(400)
    )
    reject_cameras([camera], make_user("editor"))
    camera.refresh_from_db()
    assert (camera.status, camera.verified_at) == (Camera.Status.REJECTED, None)
    assert camera.last_confirmed_at < days_ago(399)


def test_a_broken_boundary_leaves_an_accepted_camera_without_a_municipality():
    # Not a polygon (an editor pasted a point): the report is accepted all the same.
    MunicipalityFactory(boundary={"type": "Point", "coordinates": [20.46, 44.81]})
    camera = accept_report(CameraReportFactory(**offset()), make_user("editor"))
    assert camera.municipality is None


# The geometry the radii rest on


def test_a_degree_of_latitude_is_metres_per_degree_long():
    # To the millimetre over a degree: haversine's rounding is far smaller than that.
    assert distance_m(44.0, 20.5, 45.0, 20.5) == pytest.approx(METRES_PER_DEGREE, abs=0.001)
    assert pytest.approx(111_195.08, abs=0.01) == METRES_PER_DEGREE


# Probably the same camera: within 30 m, in any direction


@pytest.mark.parametrize("direction", ["metres_north", "metres_east"])
def test_a_camera_within_30_m_of_a_report_is_a_possible_duplicate(direction):
    report = CameraReportFactory(**offset())
    inside = CameraFactory(**offset(**{direction: 29.5}))
    CameraFactory(**offset(**{direction: -30.5}))
    [(camera, metres)] = possible_duplicates([report])[report.pk]
    assert camera == inside
    assert metres == pytest.approx(29.5, abs=0.1)


def test_the_box_read_around_a_point_holds_the_circle_and_little_more():
    """The position index reads only a box around each report (bounded work per request); it
    holds every point within the radius, and not much else."""
    latitude, longitude = SPOT
    box = box_around(latitude, longitude, 30)
    (south, north), (west, east) = box["latitude__range"], box["longitude__range"]
    for side in ((north, longitude), (south, longitude), (latitude, east), (latitude, west)):
        assert 30 < distance_m(latitude, longitude, *side) < 30.6


def test_only_the_boxes_around_the_reports_are_read():
    report = CameraReportFactory(**offset())
    with CaptureQueriesContext(connection) as queries:
        possible_duplicates([report])
        pending_neighbours([report])
    reads = [query["sql"] for query in queries if "BETWEEN" in query["sql"]]
    assert len(reads) == 2, [query["sql"] for query in queries]


def test_the_cameras_near_a_report_are_listed_nearest_first():
    report = CameraReportFactory(**offset())
    further = CameraFactory(**offset(metres_north=25))
    nearer = CameraFactory(**offset(metres_east=-10))
    nearby = possible_duplicates([report])[report.pk]
    assert [(camera, round(metres)) for camera, metres in nearby] == [(nearer, 10), (further, 25)]


@pytest.mark.parametrize("direction", ["metres_north", "metres_east"])
def test_a_pending_report_within_30_m_is_a_neighbour(direction):
    report = CameraReportFactory(**offset())
    inside = CameraReportFactory(**offset(**{direction: 29.5}))
    CameraReportFactory(**offset(**{direction: -30.5}))
    neighbours = pending_neighbours([report])[report.pk]
    assert [(other, round(metres, 1)) for other, metres in neighbours] == [(inside, 29.5)]
    assert neighbours.more == 0


def test_a_report_with_few_neighbours_has_none_more():
    report = CameraReportFactory(**offset())
    CameraReportFactory(**offset(metres_north=10))
    neighbours = pending_neighbours([report])[report.pk]
    assert len(neighbours) == 1
    assert neighbours.more == 0


def test_a_report_names_its_5_nearest_neighbours_and_counts_the_rest():
    reports = [CameraReportFactory(**offset(metres_north=metres)) for metres in range(12)]
    neighbours = pending_neighbours(reports[:1])[reports[0].pk]
    assert [other for other, _metres in neighbours] == reports[1:6]
    assert neighbours.more == 6


def test_news_of_a_camera_has_no_neighbours_and_a_new_camera_no_news(
    django_assert_num_queries,
):
    camera = CameraFactory(**offset())
    seen = CameraReportFactory(camera=camera, kind=CameraReport.Kind.SEEN, **offset())
    new = CameraReportFactory(**offset(metres_north=5))
    neighbours = pending_neighbours([seen, new])[seen.pk]
    assert (list(neighbours), neighbours.more) == ([], 0)
    assert summary(pending_about_cameras([seen, new])[new.pk]) == ([], 0, 0, 0, False)
    with django_assert_num_queries(0):  # a page of new cameras' reports asks nothing
        about = pending_about_cameras([new])
    assert summary(about[new.pk]) == ([], 0, 0, 0, False)


# News of a camera on the map, counted beside it


def news(camera, kind):
    return CameraReportFactory(camera=camera, kind=kind, **offset(origin=position(camera)))


def summary(about):
    return list(about), about.seen, about.gone, about.more, about.disagree


def test_the_others_about_a_camera_are_counted_without_the_report_itself():
    camera = CameraFactory()
    seen = news(camera, CameraReport.Kind.SEEN)
    first_gone, second_gone = news(camera, GONE), news(camera, GONE)
    about = pending_about_cameras([seen, first_gone])
    assert summary(about[seen.pk]) == ([first_gone, second_gone], 0, 2, 0, True)
    assert summary(about[first_gone.pk]) == ([seen, second_gone], 1, 1, 0, True)


@pytest.mark.parametrize("kind", [CameraReport.Kind.MOVED, CameraReport.Kind.CHANGED])
def test_a_moved_or_changed_answer_counts_as_seen(kind):
    camera = CameraFactory()
    report, other = news(camera, kind), news(camera, GONE)
    assert summary(pending_about_cameras([report])[report.pk]) == ([other], 0, 1, 0, True)


def test_a_report_with_a_large_number_is_not_its_own_other():
    # Ids beyond the few small numbers Python keeps once: compared by value, not by identity.
    camera = CameraFactory()
    report = CameraReportFactory(pk=100_000, camera=camera, kind=CameraReport.Kind.SEEN)
    other = CameraReportFactory(pk=100_001, camera=camera, kind=GONE)
    about = pending_about_cameras([report])[report.pk]
    assert summary(about) == ([other], 0, 1, 0, True)
    new = CameraReportFactory(pk=100_002, **offset())
    near = CameraReportFactory(pk=100_003, **offset(metres_north=10))
    assert [other for other, _m in pending_neighbours([new])[new.pk]] == [near]


@pytest.mark.parametrize("kind", [CameraReport.Kind.SEEN, GONE])
def test_a_lone_report_about_a_camera_has_no_others(kind):
    report = news(CameraFactory(), kind)
    assert summary(pending_about_cameras([report])[report.pk]) == ([], 0, 0, 0, False)


@pytest.mark.parametrize("kind", [CameraReport.Kind.SEEN, GONE])
def test_a_report_decided_meanwhile_counts_no_one_below_zero(kind):
    """Another editor decided the report between the queue's queries: its counts leave it out,
    and the others are never counted below zero (the queue would say "-1 reports")."""
    camera = CameraFactory()
    report = news(camera, kind)
    CameraReport.objects.filter(pk=report.pk).update(status=CameraReport.Status.REJECTED)
    assert summary(pending_about_cameras([report])[report.pk]) == ([], 0, 0, 0, False)
    other = news(camera, kind)
    about = pending_about_cameras([report])[report.pk]
    assert (list(about), about.more) == ([other], 0)
    assert min(about.seen, about.gone) == 0


def test_the_queue_places_are_counted_from_0():
    first, second, third = (CameraReportFactory(**offset(metres_north=n)) for n in range(3))
    CameraReport.objects.filter(pk=second.pk).update(status=CameraReport.Status.ACCEPTED)
    places = {pk: report.queue_position for pk, report in in_queue([first.pk, third.pk]).items()}
    assert places == {first.pk: 0, third.pk: 1}


# Confirmations


def test_a_new_confirmation_re_dates_a_verified_cameras_verification(settings):
    settings.CAMERA_VERIFICATION_THRESHOLD = 2
    camera = CameraFactory(confirmations=2, verified_at=days_ago(100))
    merge_report(CameraReportFactory(), camera, make_user("editor"))
    camera.refresh_from_db()
    assert camera.confirmations == 3
    assert camera.verified_at > days_ago(1)
