"""Reports about a camera already on the map ("still there", "gone") are listed with that
camera, not as "probably the same new camera", and the queue says when they disagree."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from map.admin_views import REPORTS_PER_PAGE
from map.models import CameraReport
from map.moderation import MAX_NEIGHBOURS

from .factories import CameraFactory, CameraReportFactory
from .test_moderation import QUEUE, offset

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_media"),
    pytest.mark.admin_language("en"),
]

SAME_NEW_CAMERA = "Probably the same camera: accept one of them as a new camera"
DISAGREE = "The reports disagree"


def news(camera, kind, metres_north=0):
    return CameraReportFactory(
        kind=kind, camera=camera, **offset(metres_north=metres_north, origin=position(camera))
    )


def position(camera):
    return (camera.latitude, camera.longitude)


def section_of(html, report):
    start = html.index(f'id="report-{report.pk}"')
    end = html.find('<section class="moderation-report"', start)
    return html[start : end if end != -1 else len(html)]


def entries_of(response):
    return {report.pk: (report, others) for report, _n, others in response.context["entries"]}


def test_still_there_and_gone_are_listed_with_their_camera_and_disagree(editor_client):
    camera = CameraFactory(**offset())
    seen = news(camera, CameraReport.Kind.SEEN, metres_north=3)
    gone = news(camera, CameraReport.Kind.GONE, metres_north=5)
    new = CameraReportFactory(**offset(metres_north=8))  # a citizen who did not find it on the map

    response = editor_client.get(QUEUE)
    html = response.text
    entries = entries_of(response)

    # No "same new camera" pairing for news of a camera on the map, nor with it.
    assert [list(entries[pk][1]) for pk in (seen.pk, gone.pk, new.pk)] == [[], [], []]
    assert SAME_NEW_CAMERA not in html
    assert response.context["map_data"]["links"] == []

    about_seen = section_of(html, seen)
    assert f"Other reports about camera {camera.pk}, waiting for review" in about_seen
    assert "1 report says it is gone." in about_seen
    assert f'<a href="#report-{gone.pk}">Report {gone.pk} ({gone.reference})</a>: gone' in (
        about_seen
    )
    assert DISAGREE in about_seen

    about_gone = section_of(html, gone)
    assert "1 report says it is still there." in about_gone
    assert f'<a href="#report-{seen.pk}">Report {seen.pk} ({seen.reference})</a>: still there' in (
        about_gone
    )
    assert DISAGREE in about_gone

    # The new report is not about camera N: it only lists it among the cameras nearby.
    about_new = section_of(html, new)
    assert "Other reports about camera" not in about_new
    assert DISAGREE not in about_new
    assert f'name="camera" value="{camera.pk}"' in about_new


def test_the_others_are_counted_by_what_they_say(editor_client):
    camera = CameraFactory(**offset())
    first = news(camera, CameraReport.Kind.SEEN)
    news(camera, CameraReport.Kind.GONE)
    news(camera, CameraReport.Kind.GONE)
    news(camera, CameraReport.Kind.SEEN, metres_north=400)  # far from it, still about it
    CameraReportFactory(
        kind=CameraReport.Kind.GONE, camera=camera, status=CameraReport.Status.REJECTED
    )

    about = section_of(editor_client.get(QUEUE).text, first)
    assert "1 report says it is still there, 2 reports say it is gone." in about
    assert about.count("Report ") >= 3


def test_reports_that_agree_are_not_said_to_disagree(editor_client):
    camera = CameraFactory(**offset())
    other_camera = CameraFactory(**offset(metres_north=10))
    first = news(camera, CameraReport.Kind.GONE)
    news(camera, CameraReport.Kind.GONE)
    # Another camera's news, however near, is not this camera's.
    news(other_camera, CameraReport.Kind.SEEN)

    html = editor_client.get(QUEUE).text
    about = section_of(html, first)
    assert "1 report says it is gone." in about
    assert "still there" not in about.split("Cameras within")[0].split("Other reports")[1]
    assert DISAGREE not in html


def test_a_lone_report_about_a_camera_lists_no_others(editor_client):
    camera = CameraFactory(**offset())
    report = news(camera, CameraReport.Kind.SEEN)
    about = section_of(editor_client.get(QUEUE).text, report)
    assert "Other reports about camera" not in about
    assert DISAGREE not in about
    # One button confirms the camera; its row among the cameras nearby offers no second one.
    assert about.count(f'name="camera" value="{camera.pk}"') == 1
    assert "The camera this report is about" in about


def test_news_of_one_camera_on_another_page_is_linked_there(editor_client):
    camera = CameraFactory(**offset())
    first = news(camera, CameraReport.Kind.SEEN)
    for index in range(REPORTS_PER_PAGE - 1):
        CameraReportFactory(**offset(metres_east=100 * (index + 1)))
    last = news(camera, CameraReport.Kind.GONE)  # the first on page 2

    about = section_of(editor_client.get(QUEUE).text, first)
    assert f'<a href="{QUEUE}?p=2#report-{last.pk}">Report {last.pk}' in about
    assert "(page 2 of the queue)" in about
    assert DISAGREE in about


def queue_queries_and_bytes(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE)
    assert response.status_code == 200
    return len(queries), len(response.content)


def test_many_reports_about_one_camera_keep_the_page_and_its_queries_bounded(editor_client):
    camera = CameraFactory(**offset())
    kinds = [CameraReport.Kind.SEEN, CameraReport.Kind.GONE]
    for index in range(30):
        news(camera, kinds[index % 2])
    few_queries, few_bytes = queue_queries_and_bytes(editor_client)
    for index in range(120):
        news(camera, kinds[index % 2])
    many_queries, many_bytes = queue_queries_and_bytes(editor_client)

    assert many_queries == few_queries
    assert many_bytes < few_bytes * 1.2
    response = editor_client.get(QUEUE)
    for report, _nearby, _others in response.context["entries"]:
        about = report.about_camera
        assert len(about) == MAX_NEIGHBOURS
        assert report.pk not in [other.pk for other in about]
        assert about.seen + about.gone == 149
        assert about.more == 149 - MAX_NEIGHBOURS
        assert about.disagree
    assert f"and {149 - MAX_NEIGHBOURS} more reports about this camera" in response.text


def test_news_of_many_cameras_costs_the_same_queries_as_of_one(editor_client):
    def camera_with_news(index):
        camera = CameraFactory(**offset(metres_north=500 * index))
        news(camera, CameraReport.Kind.SEEN)
        news(camera, CameraReport.Kind.GONE)

    camera_with_news(0)
    few, _ = queue_queries_and_bytes(editor_client)
    for index in range(1, REPORTS_PER_PAGE):
        camera_with_news(index)
    many, _ = queue_queries_and_bytes(editor_client)
    assert many == few
