"""Editorial work on explainers: the review workflow, the review report, scheduled publishing.

Everything goes through Wagtail's admin views with Django's test client, as editors use them.
"""

import csv
import io
import logging
import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from home.management.commands import run_schedule
from knowledge.models import ExplainerPage
from knowledge.workflow import REVIEWERS, TASK_NAME, WORKFLOW_NAME, ensure_review_workflow

from ..factories import make_user
from ..home.factories import HomePageFactory
from .factories import ExplainerPageFactory, KnowledgeIndexPageFactory
from .workflow import approve

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/explainers-to-review/"


def days(n):
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def index():
    Page.objects.filter(depth=2).delete()
    return KnowledgeIndexPageFactory(parent=HomePageFactory(slug="pocetna"))


@pytest.fixture
def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page, locale, **fields):
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def titles(response):
    return [page.title for page in response.context["object_list"]]


# The review workflow


def test_an_editor_submits_an_explainer_and_a_reviewer_publishes_it(client, index):
    ensure_review_workflow([index])
    editor = make_user("urednik", groups=["Editors"])
    reviewer = make_user("recenzent", groups=[REVIEWERS])

    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "explainerpage", index.pk])
    data = querydict_from_html(client.get(add_url).text, form_id="page-edit-form")
    data.update(
        nested_form_data(
            {
                "title": "Šta je biometrijski nadzor",
                "slug": "biometrijski-nadzor",
                "lead": "Nadzor koji prepoznaje ljude po telu. Zakon ga ograničava.",
                "body": streamfield([("paragraph", rich_text("<p>Lice je podatak.</p>"))]),
            }
        )
    )
    data["action-submit"] = "submit"
    assert client.post(add_url, data).status_code == 302

    explainer = ExplainerPage.objects.get(slug="biometrijski-nadzor")
    assert not explainer.live
    assert explainer.workflow_in_progress
    assert explainer.current_workflow_task.name == TASK_NAME
    assert not explainer.permissions_for_user(editor).can_publish()
    # Neither publishing over the workflow nor approving their own work puts it live.
    edit_url = reverse("wagtailadmin_pages:edit", args=[explainer.pk])
    client.post(edit_url, {**data.dict(), "action-publish": "publish"})
    approve(client, explainer)
    explainer.refresh_from_db()
    assert not explainer.live
    assert explainer.workflow_in_progress

    client.force_login(reviewer)
    assert approve(client, explainer).status_code == 302

    explainer.refresh_from_db()
    assert explainer.live
    assert explainer.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(explainer.pk)).status == (
        WorkflowState.STATUS_APPROVED
    )


def submitted_explainer(index, **fields):
    """An explainer an editor has changed and submitted to the review workflow."""
    explainer = ExplainerPageFactory(parent=index, slug="pregledano", **fields)
    explainer.title = "Pregledano objašnjenje"
    explainer.save_revision(user=make_user("urednik", groups=["Editors"]))
    explainer.get_workflow().start(explainer, explainer.get_latest_revision().user)
    return explainer


def approve_as(client, user, explainer):
    client.force_login(user)
    assert approve(client, explainer).status_code == 302
    explainer.refresh_from_db()
    return explainer


def test_approving_an_explainer_records_its_review_for_readers(client, index):
    ensure_review_workflow([index])
    explainer = submitted_explainer(index, reviewed_on=None, reviewed_by="")
    reviewer = make_user("recenzent", groups=[REVIEWERS])
    reviewer.first_name, reviewer.last_name = "Ana", "Petrović"
    reviewer.save()

    approve_as(client, reviewer, explainer)

    assert explainer.live
    assert explainer.title == "Pregledano objašnjenje"  # the approved draft went live
    assert explainer.reviewed_on == timezone.localdate()
    assert explainer.reviewed_by == "Ana Petrović"
    client.logout()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": index.get_parent()},
    )
    html = client.get(explainer.get_url()).text
    assert "Ana Petrović" in html
    assert f'datetime="{timezone.localdate():%Y-%m-%d}"' in html


def test_a_reviewer_without_a_name_dates_the_review_and_credits_nobody_else(client, index):
    ensure_review_workflow([index])
    explainer = submitted_explainer(index, reviewed_on=days(-400), reviewed_by="Pravni tim")

    approve_as(client, make_user("recenzent", groups=[REVIEWERS]), explainer)

    assert explainer.reviewed_on == timezone.localdate()
    # Not the username, and not the earlier reviewer, who did not read this version.
    assert explainer.reviewed_by == ""


def test_setting_up_the_workflow_twice_changes_nothing_the_second_time(index, english):
    index_en = translate(index, english, title="Knowledge", slug="knowledge")

    first = ensure_review_workflow([index, index_en])
    again = ensure_review_workflow([index, index_en])

    assert first
    assert again == []
    reviewers = Group.objects.get(name=REVIEWERS)
    assert set(reviewers.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "choose_image",
        "choose_document",
    }
    for page in (index, index_en):
        granted = GroupPagePermission.objects.filter(group=reviewers, page=page)
        assert set(granted.values_list("permission__codename", flat=True)) == {
            "add_page",
            "change_page",
            "publish_page",
        }
        assert WorkflowPage.objects.get(page=page).workflow.name == WORKFLOW_NAME
    task = GroupApprovalTask.objects.get(name=TASK_NAME)
    assert set(task.groups.values_list("name", flat=True)) == {REVIEWERS, "Moderators"}
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert [wt.task.specific for wt in workflow.workflow_tasks.all()] == [task]


def test_the_workflow_leaves_a_workflow_an_administrator_chose(index):
    chosen = Workflow.objects.create(name="Pravni tim")
    WorkflowPage.objects.create(page=index, workflow=chosen)

    ensure_review_workflow([index])

    assert WorkflowPage.objects.get(page=index).workflow == chosen


# The report


@pytest.fixture
def explainers(index, english):
    """Overdue, due since yesterday, due today (not yet overdue: due once the date has passed),
    current and undated explainers; the overdue one also in English."""
    overdue = ExplainerPageFactory(
        parent=index,
        title="Zastarelo",
        reviewed_on=days(-400),
        reviewed_by="Pravni tim",
        review_due=days(-30),
    )
    overdue_en = translate(overdue, english, title="Out of date", slug="out-of-date")
    return {
        "overdue": overdue,
        "overdue_en": overdue_en,
        "yesterday": ExplainerPageFactory(parent=index, title="Juče", review_due=days(-1)),
        "today": ExplainerPageFactory(parent=index, title="Danas", review_due=days(0)),
        "current": ExplainerPageFactory(parent=index, title="Aktuelno", review_due=days(30)),
        "undated": ExplainerPageFactory(parent=index, title="Bez datuma", review_due=None),
    }


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("urednik", groups=["Editors"]))
    return client


def test_the_report_lists_explainers_due_in_every_language_most_overdue_first(
    editor_client, explainers
):
    response = editor_client.get(REPORT)

    assert response.status_code == 200
    assert sorted(titles(response)[:2]) == ["Out of date", "Zastarelo"]
    assert titles(response)[2:] == ["Juče"]
    text = response.text
    assert "Pravni tim" in text
    assert reverse("wagtailadmin_pages:edit", args=[explainers["overdue_en"].pk]) in text


def test_the_report_sorts_by_due_date_either_way(editor_client, explainers):
    response = editor_client.get(REPORT, {"ordering": "-review_due"})
    assert titles(response)[0] == "Juče"


def test_the_report_lists_explainers_without_a_review_date_on_request(editor_client, explainers):
    assert titles(editor_client.get(REPORT, {"review": "undated"})) == ["Bez datuma"]


def test_the_report_filters_by_language(editor_client, explainers):
    assert titles(editor_client.get(REPORT, {"locale": "en"})) == ["Out of date"]


def test_the_report_downloads_as_csv_and_xlsx(editor_client, explainers):
    response = editor_client.get(REPORT, {"export": "csv"})

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1 + 3  # headings, then the two overdue and the one due since yesterday
    overdue = next(row for row in rows if row[0] == "Zastarelo")
    assert overdue[2:5] == [str(days(-400)), "Pravni tim", str(days(-30))]
    assert not any(row[0] in ("Aktuelno", "Danas") for row in rows)

    xlsx = editor_client.get(REPORT, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].endswith("spreadsheetml.sheet")


def test_the_report_needs_a_fixed_number_of_queries(editor_client, index):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert editor_client.get(REPORT).status_code == 200
        return len(context)

    ExplainerPageFactory.create_batch(2, parent=index, review_due=days(-1))
    queries()  # the first request fills per-process caches (the locales' names)
    few = queries()
    ExplainerPageFactory.create_batch(6, parent=index, review_due=days(-1))
    assert queries() == few


def test_the_report_is_refused_without_admin_access(client, explainers):
    client.force_login(make_user("citalac"))
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_report_is_refused_to_users_who_edit_no_pages(client, explainers):
    visitor = make_user("posetilac")
    visitor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(visitor)

    response = client.get(REPORT)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert "explainers-to-review" not in client.get("/admin/").text  # no menu item, no panel


def dashboard_panel(client):
    soup = BeautifulSoup(client.get("/admin/").text, "html.parser")
    return soup.find(id="explainers-due-for-review-section")


def test_the_dashboard_counts_explainers_due_for_review(editor_client, explainers):
    panel = dashboard_panel(editor_client)

    assert panel is not None
    assert "3" in panel.get_text().split()
    assert panel.find("a", href=REPORT)


def test_the_dashboard_says_nothing_when_no_explainer_is_due(editor_client, index):
    ExplainerPageFactory(parent=index, review_due=days(1))
    assert dashboard_panel(editor_client) is None
    assert REPORT in editor_client.get("/admin/").text  # the report stays in the menu


# Scheduled publishing

SOON = timedelta(seconds=1)


def scheduled_explainer(index, go_live_in):
    """An explainer an editor has published to go live `go_live_in` from now."""
    explainer = ExplainerPageFactory(parent=index)
    explainer.unpublish()  # the factory's pages are live
    explainer.go_live_at = timezone.now() + go_live_in
    explainer.save_revision().publish()
    explainer.refresh_from_db()
    assert not explainer.live
    return explainer


def test_the_schedule_publishes_explainers_whose_time_has_come(index):
    due = scheduled_explainer(index, SOON)
    later = scheduled_explainer(index, timedelta(days=1))
    time.sleep(SOON.total_seconds())

    call_command("run_schedule", "--once")

    due.refresh_from_db()
    later.refresh_from_db()
    assert due.live
    assert not later.live


def test_a_failing_job_does_not_stop_the_others(index, monkeypatch, caplog):
    due = scheduled_explainer(index, SOON)
    time.sleep(SOON.total_seconds())
    monkeypatch.setattr(
        run_schedule,
        "JOBS",
        [("no_such_command", timedelta(minutes=1)), *run_schedule.JOBS],
    )

    with caplog.at_level(logging.INFO), pytest.raises(CommandError, match="no_such_command"):
        call_command("run_schedule", "--once")

    due.refresh_from_db()
    assert due.live
    failure = next(r for r in caplog.records if r.getMessage().startswith("no_such_command"))
    assert failure.levelno == logging.ERROR
    assert failure.exc_info
    assert any(r.getMessage().startswith("purge_report_data done") for r in caplog.records)


class FakeClock:
    """Time for the scheduler that passes only when it sleeps, until `stop_after` seconds."""

    def __init__(self, command, stop_after):
        self.command = command
        self.stop_after = stop_after
        self.now = 0.0

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds
        if self.now >= self.stop_after:
            self.command.stopping = True


# Transactional: the clock closes old connections between jobs, as it does in production.
# The rollback restores the database as it was, content types included, for the tests after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_clock_runs_each_job_at_its_interval(caplog):
    command = run_schedule.Command()
    fake = FakeClock(command, stop_after=2 * 60 * 60)
    command.clock, command.sleep = fake.clock, fake.sleep

    with caplog.at_level(logging.INFO):
        command.run_forever(run_schedule.JOBS)

    runs = [r.getMessage().split()[0] for r in caplog.records if " done in " in r.getMessage()]
    assert runs.count("publish_scheduled") == 120  # every minute of the two hours
    assert runs.count("purge_report_data") == 2  # at the start and after an hour
