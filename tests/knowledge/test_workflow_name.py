"""The demo's review workflow is named in Serbian; a site that has one keeps it (issue 15).

A workflow's name is content: Wagtail's buttons say "Pošaljite u tok „<name>“". New sites get a
Serbian one; `ensure_review_workflow` finds an existing workflow by its task, so a site seeded
when it was "Explainer review" keeps that workflow, name and all, and gets no second one.
"""

import pytest
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from knowledge.workflow import TASK_NAME, ensure_review_workflow

from .factories import KnowledgeIndexPageFactory

pytestmark = pytest.mark.django_db


def test_a_new_site_gets_a_serbian_workflow_name():
    index = KnowledgeIndexPageFactory()

    ensure_review_workflow([index])

    workflow = WorkflowPage.objects.get(page=index).workflow
    assert workflow.name == "Recenzija objašnjenja"
    assert [step.task.name for step in WorkflowTask.objects.filter(workflow=workflow)] == [
        TASK_NAME
    ]


def test_a_site_seeded_before_keeps_its_workflow_and_its_name():
    index = KnowledgeIndexPageFactory()
    task = GroupApprovalTask.objects.create(name=TASK_NAME)
    old = Workflow.objects.create(name="Explainer review")
    WorkflowTask.objects.create(workflow=old, task=task, sort_order=0)

    ensure_review_workflow([index])
    ensure_review_workflow([index])  # and again, as every `seed_demo` does

    assert not Workflow.objects.filter(name="Recenzija objašnjenja").exists()
    assert Workflow.objects.filter(workflow_tasks__task=task).get() == old
    assert WorkflowPage.objects.get(page=index).workflow == old
