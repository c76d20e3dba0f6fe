"""Finishing a translation without the right to publish: save it as a draft, or submit it.

wagtail-localize's translation editor keeps the translated strings apart from the page and
offers one way to put them on it, "Publish", to those who may publish: an Editor could
translate but never finish. These two actions, posted to the page's edit view from the
editor's template (templates/wagtail_localize/admin/edit_translation.html), put the strings
on a new draft revision and, for "submit", start the page's workflow as Wagtail's own editor
does, so a translated explainer is approved by a Reviewer like its original.

"Sync translated pages" offers "Publish immediately", which publishes the translations with
any new strings still in the source language, whoever asks: `ReviewedUpdateTranslationsView`
offers it only to those who may publish every translated page; others sync, then finish each
translation here.

The draft is built in memory and saved only as a revision (wagtail-localize's
`save_target(publish=False)` would write it onto the page's row, which is what a live page
shows): the live translation stays as it is until the draft is approved.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

SAVE_DRAFT = "kamere-save-translation-draft"
SUBMIT = "kamere-submit-translation"
ACTIONS = (SAVE_DRAFT, SUBMIT)


def synced_translation(page):
    """The wagtail-localize translation whose editor edits the page, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def review_state(page, user):
    """What the editor's template offers: the workflow to submit to, if it may be submitted."""
    workflow_state = page.current_workflow_state
    workflow = page.get_workflow()
    in_review = workflow_state is not None and (
        workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    )
    return {
        "workflow": workflow,
        "in_review": in_review,
        "can_submit": workflow is not None and not in_review,
        "needs_changes": workflow_state is not None
        and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES,
    }


def save_draft(translation, user):
    """A new revision of the target page with the translated strings (the source's where a
    string is not translated yet), its slug made valid. The page's row is not changed."""
    page = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    page.slug = find_available_slug(
        page.get_parent(), slugify(page.slug) or page.slug, ignore_page_id=page.pk
    )
    return page.save_revision(user=user, log_action=True)


def translation_draft_action(request, page):
    """Wagtail's `before_edit_page` hook, ahead of wagtail-localize's: handles the two
    actions on a translated page; anything else goes on to the translation editor."""
    if request.method != "POST" or request.POST.get("action") not in ACTIONS:
        return None
    translation = synced_translation(page)
    if translation is None:
        return None
    # The edit view has checked that the user may edit the page.
    page = page.specific
    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        messages.error(request, _("The page is locked: it cannot be changed now."))
        return redirect(request.get_full_path())
    state = review_state(page, request.user)
    submitting = request.POST["action"] == SUBMIT
    if submitting and not state["can_submit"]:
        messages.error(request, _("This translation is already waiting for review."))
        return redirect(request.get_full_path())
    try:
        with transaction.atomic():
            save_draft(translation, request.user)
            if submitting:
                page.refresh_from_db()
                if state["needs_changes"]:
                    page.current_workflow_state.resume(request.user)
                else:
                    state["workflow"].start(page, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be saved: %(errors)s")
            % {"errors": " ".join(error.messages)},
        )
        return redirect(request.get_full_path())
    if submitting:
        messages.success(
            request,
            _("The translation is saved and submitted to “%(workflow)s”.")
            % {"workflow": state["workflow"].name},
        )
    else:
        messages.success(request, _("The translation is saved as a draft."))
    return redirect(request.get_full_path())


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" is refused to
    those who may not publish every translated page (an Editor): they sync, then submit."""

    publish_refused = gettext_lazy(
        "You may not publish these translations. Sync them, then open each one, translate "
        "the new strings and submit it for review."
    )

    def may_publish(self):
        translations = self.object.translations.filter(enabled=True).select_related("target_locale")
        return all(
            target.permissions_for_user(self.request.user).can_publish()
            for target in (t.get_target_instance() for t in translations)
            if isinstance(target, Page)
        )

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            # A disabled field takes its initial value (off), whatever is posted.
            form.fields["publish_translations"].disabled = True
            form.fields["publish_translations"].help_text = self.publish_refused
        return form


def may_publish_aliases(user, aliases):
    return all(alias.permissions_for_user(user).can_publish() for alias in aliases)


class ReviewedSubmitPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", which does not offer a language whose page is
    an alias to those who may not publish it: an alias is live, and translating it writes the
    new strings onto the live page, unreviewed. The same for the aliases of a subtree."""

    alias_refused = gettext_lazy(
        "Some of these pages are live copies of the original, and only someone who may publish "
        "them may translate them. Ask a reviewer."
    )

    def get_form(self):
        form = super().get_form()
        aliases = self.object.get_translations().filter(alias_of__isnull=False)
        refused = [
            alias.locale_id
            for alias in aliases
            if not may_publish_aliases(self.request.user, [alias])
        ]
        if refused:
            locales = form.fields["locales"]
            locales.queryset = locales.queryset.exclude(id__in=refused)
        return form

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid() and form.cleaned_data["include_subtree"]:
            aliases = Page.objects.filter(
                alias_of__in=self.object.get_descendants(),
                locale__in=form.cleaned_data["locales"],
            )
            if not may_publish_aliases(request.user, aliases):
                messages.error(request, self.alias_refused)
                return redirect(request.get_full_path())
        return super().post(request, **kwargs)


def reviewed_convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias", which makes the translation a live copy of the
    original at once: publishing, so only for those who may publish it, and never while the
    page is locked or in review (wagtail-localize checks only that they may edit it)."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    lock = page.get_lock()
    if (
        not page.permissions_for_user(request.user).can_publish()
        or (lock is not None and lock.for_user(request.user))
        or page.workflow_in_progress
    ):
        raise PermissionDenied
    return convert_to_alias(request, page_id)
