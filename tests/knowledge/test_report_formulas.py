"""Wagtail's CSV exports opened in a spreadsheet: the explainers-to-review report and the
site history (whose names include camera addresses, which reporters and OSM give) keep text
that starts a formula as text (home/spreadsheets.py `make_wagtail_exports_safe`)."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from wagtail.log_actions import log

from tests.map.factories import CameraFactory

from ..factories import make_user
from .factories import ExplainerPageFactory
from .test_editorial import REPORT, days, index  # noqa: F401  (a fixture)

# pytest fixtures are named as arguments, which ruff reads as redefinitions of the import.
# ruff: noqa: F811

pytestmark = pytest.mark.django_db


def read_csv(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_review_report_keeps_formulas_as_text(client, index):
    ExplainerPageFactory(parent=index, title="  =1+1", reviewed_by="@SUM(1)", review_due=days(-3))
    client.force_login(make_user("urednik", groups=["Editors"]))

    rows = read_csv(client.get(REPORT, {"export": "csv"}))

    assert rows[1][0] == "'  =1+1" and rows[1][3] == "'@SUM(1)"
    # A date is no text to escape.
    assert rows[1][4] == str(days(-3))


def test_the_site_history_keeps_a_camera_address_as_text(client, settings):
    settings.STAFF_REQUIRE_MFA = False
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    log(instance=CameraFactory(address="\r=1+1"), action="wagtail.create", user=admin)
    client.force_login(admin)

    rows = read_csv(client.get("/admin/reports/site-history/", {"export": "csv"}))

    assert [row[1] for row in rows[1:] if "=1+1" in row[1]] == ["'\r=1+1"]
