"""The review workflow's steps as people take them in the admin (knowledge/workflow.py)."""

from django.urls import reverse


def approve(client, page):
    """The client's user approves the page's current task, as its "Approve" button does."""
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url)
