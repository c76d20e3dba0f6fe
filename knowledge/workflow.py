"""The moderation workflow for explainers: an editor writes, a reviewer approves and publishes.

Explainers give legal advice, so none goes live on its writer's word alone. Wagtail's default
"Editors" group may add and change pages but not publish them; they submit an explainer for
moderation, and a member of "Reviewers" (or Wagtail's "Moderators") approves it, which
publishes it, or asks for changes. The demo content sets this up; `ensure_review_workflow` can
run any number of times and only adds what is missing.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

REVIEWERS = "Reviewers"
TASK_NAME = "Legal and editorial review"
# Workflow names are content, shown in the admin's buttons ("Pošaljite na …"): Serbian, the
# site's first language. Only a new workflow gets it; an existing one keeps its name.
WORKFLOW_NAME = "Recenzija objašnjenja"

# Into the admin, and the image and document choosers, as Wagtail's default Editors have them.
REVIEWER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


@transaction.atomic
def ensure_review_workflow(index_pages):
    """Reviewers, their task and the workflow, assigned to the given knowledge index pages.

    Returns one line per thing created or changed, for the command that called it to print.
    """
    done = []
    reviewers, created = Group.objects.get_or_create(name=REVIEWERS)
    if created:
        done.append(f"Created the group “{REVIEWERS}”.")
    for app_label, codename in REVIEWER_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        if not reviewers.permissions.filter(pk=permission.pk).exists():
            reviewers.permissions.add(permission)
            done.append(f"Gave “{REVIEWERS}” the permission {app_label}.{codename}.")
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=REVIEWER_PAGE_PERMISSIONS
    )
    for page in index_pages:
        for permission in page_permissions:
            _grant, created = GroupPagePermission.objects.get_or_create(
                group=reviewers, page=page, permission=permission
            )
            if created:
                done.append(f"Gave “{REVIEWERS}” {permission.codename} on “{page.title}”.")

    task, created = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    if created:
        done.append(f"Created the task “{TASK_NAME}”.")
    approvers = Group.objects.filter(name__in=[REVIEWERS, "Moderators"])
    for group in approvers.exclude(pk__in=task.groups.values("pk")):
        task.groups.add(group)
        done.append(f"“{group.name}” may approve in “{TASK_NAME}”.")

    # Found by its task, not its name: an administrator may rename it, and sites seeded before
    # it had a Serbian name keep theirs ("Explainer review").
    workflow = Workflow.objects.filter(workflow_tasks__task=task).order_by("pk").first()
    created = workflow is None
    if created:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        done.append(f"Created the workflow “{WORKFLOW_NAME}”.")
    # Through WorkflowTask's own manager: the workflow's is a cluster's, saved with the workflow.
    steps = WorkflowTask.objects.filter(workflow=workflow)
    if not steps.filter(task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=steps.count())
        done.append(f"Added “{TASK_NAME}” to “{workflow.name}”.")
    for page in index_pages:
        # A workflow an administrator has since chosen for the page stays.
        _assignment, created = WorkflowPage.objects.get_or_create(
            page=page, defaults={"workflow": workflow}
        )
        if created:
            done.append(f"Explainers under “{page.title}” now go through “{workflow.name}”.")
    return done
