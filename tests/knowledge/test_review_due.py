"""When an explainer is due for review: once its "Review again by" date has passed ("after this
date", as the field's help says), the same day for readers (the notice on the page), for
editors (the "Explainers to review" report) and on the admin dashboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from knowledge.models import overdue_review_dates

from ..factories import make_user
from .test_editorial import REPORT, dashboard_panel, titles

pytestmark = pytest.mark.django_db

NOTICE = "Ovo objašnjenje čeka proveru"


@pytest.fixture
def editor(client):
    client.force_login(make_user("urednik", groups=["Editors"]))
    return client


def set_review_due(page, days_from_today):
    page.review_due = timezone.localdate() + timedelta(days=days_from_today)
    page.save_revision().publish()


@pytest.mark.parametrize(
    ("days_from_today", "due"),
    [(-1, True), (0, False), (1, False)],
    ids=["yesterday", "today", "tomorrow"],
)
def test_the_page_the_report_and_the_dashboard_agree_when_a_review_is_due(
    client, editor, knowledge_tree, days_from_today, due
):
    page = knowledge_tree["explainer"]
    set_review_due(page, days_from_today)

    response = client.get(page.url)
    assert response.status_code == 200
    assert (NOTICE in response.text) == due

    report = editor.get(REPORT)
    assert report.status_code == 200
    assert (page.title in titles(report)) == due
    panel = dashboard_panel(editor)
    assert (panel is not None) == due
    if due:
        assert "1" in panel.get_text().split()


def test_an_explainer_without_a_review_date_is_never_due(client, knowledge_tree):
    page = knowledge_tree["explainer"]
    page.review_due = None
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    assert NOTICE not in response.text


def test_the_rule_overdue_from_the_day_after_the_date():
    today = timezone.localdate()
    first, last = overdue_review_dates(today)
    assert last == today - timedelta(days=1)
    assert first <= today - timedelta(days=3650)
