"""The moderation queue on a moderator's phone: the map's legend and the reports of one spot."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from map.moderation import METRES_PER_DEGREE
from tests.browser.axe import axe_violations
from tests.map.factories import CameraFactory, CameraReportFactory

from .test_report import new_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SPOT = (44.8125, 20.4612)


@pytest.fixture
def queue(live_server, settings, tmp_path, browser):
    settings.MEDIA_ROOT = tmp_path
    first = CameraReportFactory(latitude=SPOT[0], longitude=SPOT[1])
    second = CameraReportFactory(latitude=SPOT[0] + 12 / METRES_PER_DEGREE, longitude=SPOT[1])
    CameraFactory(latitude=SPOT[0] + 300 / METRES_PER_DEGREE, longitude=SPOT[1])
    CameraReportFactory(latitude=SPOT[0] + 310 / METRES_PER_DEGREE, longitude=SPOT[1])
    user = get_user_model().objects.create_superuser("mod", "mod@example.org", "tajna-lozinka")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    page = new_page(browser)  # 390 x 844
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill("tajna-lozinka")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(live_server.url + "/admin/camera-reports/")
    page.locator("#moderation-map .leaflet-interactive").first.wait_for()
    return page, first, second


def test_each_key_of_the_legend_stays_with_its_label_on_a_phone(queue):
    page, _first, _second = queue
    items = page.locator(".moderation-map__item")
    legend = page.locator(".moderation-map__legend").bounding_box()
    assert items.count() == 4  # report, camera, same-camera line, the circle's radius
    for index in range(items.count()):
        item = items.nth(index)
        box = item.bounding_box()
        assert box["x"] + box["width"] <= legend["x"] + legend["width"] + 0.5
        key = item.locator(".moderation-map__key")
        if key.count():
            # The key starts its item's line, beside the first line of its label.
            key_box = key.bounding_box()
            assert key_box["x"] == pytest.approx(box["x"], abs=0.5)
            assert box["y"] <= key_box["y"] and key_box["y"] + key_box["height"] <= box["y"] + 30


def test_reports_of_one_spot_name_each_other_and_are_joined_on_the_map(queue):
    page, first, second = queue
    # The dashed line between the two reports 12 m apart.
    assert page.locator("#moderation-map path[stroke-dasharray]").count() == 1
    section = page.locator(f"#report-{first.pk}")
    link = section.get_by_role("link", name=f"Report {second.pk} ({second.reference})")
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(f"**#report-{second.pk}")
    expect(page.locator(f"#report-{second.pk}-title")).to_be_in_viewport()
    # Our parts of the queue (Wagtail's own are Wagtail's): no axe violations.
    include = [".moderation-map__legend", ".moderation-report__others"]
    assert axe_violations(page, include=include) == []
