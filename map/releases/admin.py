"""Releases in Wagtail's admin: the list, the "Publish a release" form, and the dashboard's
reminder when the scheduler has proposed one (map/releases/publishing.py)."""

from django import forms
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .models import NOTE_MAX_LENGTH, RELEASE_FILES, Release, ReleaseProposal
from .publishing import PUBLISH_PERMISSION, changed_since, publish_release_task

VIEW_PERMISSION = "map.view_release"
# The admin's list; the public page and releases.json have them all.
LISTED = 24


def can_publish(user):
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def can_see(user):
    return user.is_active and (user.has_perm(VIEW_PERMISSION) or can_publish(user))


class PublishForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What readers should know of this release, in a sentence or two."),
    )
    note_en = forms.CharField(
        label=_("Note in English"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Left empty, English readers see the note above."),
    )


class ReleasesView(WagtailAdminTemplateMixin, FormView):
    template_name = "map/admin/releases.html"
    page_title = _("Releases")
    header_icon = "download"
    form_class = PublishForm

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        releases = list(Release.objects.only("number", "published_at", "counts")[:LISTED])
        latest = releases[0] if releases else None
        return {
            **context,
            "releases": releases,
            "latest": latest,
            "changed": changed_since(latest),
            "may_publish": can_publish(self.request.user),
            "first_file": RELEASE_FILES[0],
        }

    def post(self, request, *args, **kwargs):
        if not can_publish(request.user):
            return redirect("map-releases:index")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        publish_release_task.enqueue(
            form.cleaned_data["note"], form.cleaned_data["note_en"], self.request.user.pk
        )
        messages.success(
            self.request,
            _(
                "The release is being built from the cameras as they are now. It appears in "
                "this list when it is ready, in a minute or two for a large map, unless "
                "nothing has changed since the latest release."
            ),
        )
        return redirect("map-releases:index")


class ReleasesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see(request.user)


class ReleasesViewSet(ViewSet):
    name = "map-releases"
    icon = "download"
    menu_label = _("Releases")

    @cached_property
    def menu_item_class(self):
        return ReleasesMenuItem

    def get_urlpatterns(self):
        return [path("", user_passes_test(can_see)(ReleasesView.as_view()), name="index")]


class ReleaseProposalPanel(Component):
    """On the dashboard of those who may publish: the scheduler's proposal, until a release
    is published after it."""

    name = "release_proposal"
    template_name = "map/admin/release_proposal_panel.html"
    order = 60

    def __init__(self, proposal, changed):
        self.proposal = proposal
        self.changed = changed

    def get_context_data(self, parent_context):
        return {
            "proposal": self.proposal,
            "changed": self.changed,
            "url": reverse("map-releases:index"),
        }


def proposal_panel():
    """The dashboard's panel, or None when no proposal waits."""
    proposal = ReleaseProposal.objects.first()
    latest = Release.objects.only("published_at").first()
    if proposal is None or (latest is not None and latest.published_at >= proposal.proposed_at):
        return None
    return ReleaseProposalPanel(proposal, changed_since(latest))
