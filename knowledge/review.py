"""Approving an explainer in its review workflow records the review for readers.

Wagtail calls `publish_approved` (settings.WAGTAIL_FINISH_WORKFLOW_ACTION) when the last task
of a workflow is approved, instead of its own publish_workflow_state. Wagtail imports it while
its own models load, so this module imports no models: it knows an explainer by its label.
"""

from django.utils import timezone

EXPLAINER = "knowledge.ExplainerPage"


def reviewer_name(user):
    """The name readers see for a reviewer: the one they gave in their account, if any.

    Never the username or address: those identify an account, and no reader needs them.
    """
    return user.get_full_name().strip()[:120] if user is not None else ""


def publish_approved(workflow_state, user=None):
    """Publish what the workflow approved; an explainer first records who approved it, when.

    The review date and reviewer go into a new revision, so History shows them as a change.
    """
    revision = workflow_state.content_object.get_latest_revision()
    page = revision.as_object()
    if page._meta.label == EXPLAINER:
        page.reviewed_on = timezone.localdate()
        # Blank when they gave no name: the earlier reviewer did not read this version.
        page.reviewed_by = reviewer_name(user)
        revision = page.save_revision(user=user, clean=False, log_action=True)
    revision.publish(user=user)
