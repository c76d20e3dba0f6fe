"""A spot with many pending reports (a busy corner, or a flood) keeps the queue's page small:
each report names its few nearest neighbours and counts the rest."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from map.moderation import MAX_NEIGHBOURS

from .factories import CameraReportFactory
from .test_moderation import QUEUE, offset

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_media"),
    pytest.mark.admin_language("en"),
]


def flood(count):
    """`count` pending reports within a few metres of one spot, the first the oldest."""
    return [CameraReportFactory(**offset(metres_north=index % 7)) for index in range(count)]


def test_each_report_names_its_nearest_few_and_counts_the_others(editor_client):
    reports = flood(MAX_NEIGHBOURS + 4)

    response = editor_client.get(QUEUE)

    for report, _nearby, others in response.context["entries"]:
        assert len(others) == MAX_NEIGHBOURS
        assert others.more == len(reports) - 1 - MAX_NEIGHBOURS
        assert report.pk not in [other.pk for other, _metres in others]
        distances = [metres for _other, metres in others]
        assert distances == sorted(distances)
    assert "and 3 more reports nearby" in response.text
    # The map joins only the pairs the lists name.
    assert len(response.context["map_data"]["links"]) <= len(reports) * MAX_NEIGHBOURS


def test_queries_and_page_size_do_not_grow_with_the_reports_of_one_spot(editor_client):
    def measure():
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(QUEUE)
        assert response.status_code == 200
        return len(queries), len(response.content)

    flood(30)
    few_queries, few_bytes = measure()
    flood(120)
    many_queries, many_bytes = measure()

    assert many_queries == few_queries
    # The page's 20 reports name at most MAX_NEIGHBOURS each, however many the spot holds.
    assert many_bytes < few_bytes * 1.2
