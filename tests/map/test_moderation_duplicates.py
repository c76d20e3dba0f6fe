"""The moderation queue links pending reports of the same spot: two citizens, one new camera."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from map.admin_views import REPORTS_PER_PAGE
from map.models import Camera, CameraReport

from .factories import CameraReportFactory
from .test_moderation import QUEUE, decide, offset

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_media"),
    pytest.mark.admin_language("en"),
]


def others_of(response):
    return {
        report.pk: [(other.pk, round(metres)) for other, metres in others]
        for report, _nearby, others in response.context["entries"]
    }


def test_pending_reports_near_each_other_name_each_other(editor_client):
    first = CameraReportFactory(**offset())
    second = CameraReportFactory(**offset(metres_north=12))
    apart = CameraReportFactory(**offset(metres_east=50))
    CameraReportFactory(**offset(metres_north=5), status=CameraReport.Status.REJECTED)

    response = editor_client.get(QUEUE)

    assert others_of(response) == {
        first.pk: [(second.pk, 12)],
        second.pk: [(first.pk, 12)],
        apart.pk: [],
    }
    html = response.text
    # The list is the map's alternative: each names the other, by number and reference.
    assert f'<a href="#report-{second.pk}">Report {second.pk} ({second.reference})</a>, 12 m' in (
        html
    )
    assert f'<a href="#report-{first.pk}">Report {first.pk} ({first.reference})</a>, 12 m' in html
    # The map joins the two with a line.
    data = response.context["map_data"]
    assert data["links"] == [
        [[first.latitude, first.longitude], [second.latitude, second.longitude]]
    ]
    assert {report["id"] for report in data["reports"]} == {first.pk, second.pk, apart.pk}


def test_a_report_on_another_page_of_the_queue_is_linked_there(editor_client):
    first = CameraReportFactory(**offset())
    for index in range(REPORTS_PER_PAGE - 1):
        CameraReportFactory(**offset(metres_east=100 * (index + 1)))
    last = CameraReportFactory(**offset(metres_north=-8))  # the first on page 2

    page_one = editor_client.get(QUEUE)
    assert others_of(page_one)[first.pk] == [(last.pk, 8)]
    assert f'<a href="{QUEUE}?p=2#report-{last.pk}">Report {last.pk} ({last.reference})</a>' in (
        page_one.text
    )
    assert "(page 2 of the queue)" in page_one.text
    on_map = {report["id"]: report for report in page_one.context["map_data"]["reports"]}
    assert on_map[last.pk]["onThisPage"] is False
    assert on_map[last.pk]["url"] == f"{QUEUE}?p=2#report-{last.pk}"
    assert on_map[first.pk]["onThisPage"] is True

    page_two = editor_client.get(QUEUE, {"p": 2})
    assert others_of(page_two) == {last.pk: [(first.pk, 8)]}
    assert f'href="{QUEUE}?p=1#report-{first.pk}"' in page_two.text


def queries_for_the_queue(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE)
    assert response.status_code == 200
    return len(queries)


def test_the_neighbours_cost_the_same_queries_however_many(editor_client):
    def pair(index):
        CameraReportFactory(**offset(metres_north=500 * index))
        CameraReportFactory(**offset(metres_north=500 * index + 10))

    pair(0)
    few = queries_for_the_queue(editor_client)
    for index in range(1, REPORTS_PER_PAGE):  # a full page of pairs, and more on page 2
        pair(index)
    many = queries_for_the_queue(editor_client)
    assert sum(len(others) for _r, _n, others in editor_client.get(QUEUE).context["entries"]) == (
        REPORTS_PER_PAGE
    )
    assert many == few


def test_after_accepting_one_the_other_is_offered_its_camera(editor_client):
    first = CameraReportFactory(**offset())
    second = CameraReportFactory(**offset(metres_north=12))

    decide(editor_client, first, "accept")
    camera = Camera.objects.get()

    response = editor_client.get(QUEUE)
    [(report, nearby, others)] = response.context["entries"]
    assert report == second
    assert [(near, round(metres)) for near, metres in nearby] == [(camera, 12)]
    assert others == []  # the accepted report is no longer waiting
    assert f'name="camera" value="{camera.pk}"' in response.text

    decide(editor_client, second, "merge", camera=camera.pk)
    camera.refresh_from_db()
    second.refresh_from_db()
    assert camera.confirmations == 2
    assert (second.status, second.camera) == (CameraReport.Status.MERGED, camera)
