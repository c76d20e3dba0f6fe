"""The moderation queue in Wagtail's admin: citizens' reports waiting for an editor.

Every pending report is shown with its photo, its details and the cameras within 30 m that it
may duplicate, as a list and on a map. Editors accept it as a new camera, merge it into an
existing one (a confirmation), or reject it. Only users who may change reports and add and
change cameras see the queue. A reporter's follow-up address and account are shown in full
only to those with `map.view_camerareport` (the "Personal data" group); the others see the
address masked, and each page of the queue that holds a contact is written to the audit log.
"""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from home.forms import BoundedModelChoiceField
from home.record_access import log_records_seen, mask_email

from .models import Camera, CameraReport
from .moderation import (
    APPLICABLE,
    DUPLICATE_RADIUS_M,
    AlreadyReviewed,
    NotOnTheMap,
    accept_report,
    apply_report,
    mark_camera_gone,
    merge_report,
    pending_about_cameras,
    pending_neighbours,
    possible_duplicates,
    reject_cameras,
    reject_report,
    verify_cameras,
)

MODERATOR_PERMISSIONS = ("map.change_camerareport", "map.add_camera", "map.change_camera")
# Who reported and their address for questions, in full.
CONTACTS_PERMISSION = "map.view_camerareport"
CONTACTS_SEEN_ACTION = "map.report.contacts"
REPORTS_PER_PAGE = 20


def can_moderate(user):
    return user.is_active and user.has_perms(MODERATOR_PERMISSIONS)


def pending_reports():
    return CameraReport.objects.filter(status=CameraReport.Status.PENDING)


class ModerationQueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "map/admin/moderation_queue.html"
    page_title = _("Reports to review")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = (
            pending_reports()
            .select_related("reporter", "camera__municipality")
            .order_by("created_at", "pk")
        )
        page_obj = Paginator(reports, REPORTS_PER_PAGE).get_page(self.request.GET.get("p"))
        duplicates = possible_duplicates(page_obj.object_list)
        # Two citizens who report the same new camera: each report names the other.
        neighbours = pending_neighbours(page_obj.object_list)
        for others in neighbours.values():
            for other, _metres in others:
                self.place_in_queue(other, page_obj.number)
        # News of a camera on the map is listed with the other news of that camera.
        about_cameras = pending_about_cameras(page_obj.object_list)
        for report in page_obj.object_list:
            report.about_camera = about_cameras[report.pk]
            for other in report.about_camera:
                self.place_in_queue(other, page_obj.number)
        entries = [(report, duplicates[report.pk], neighbours[report.pk]) for report in page_obj]
        shows_contacts = self.request.user.has_perm(CONTACTS_PERMISSION)
        shown = [report for report, _nearby, _others in entries]
        with_contact = [report.pk for report in shown if report.email or report.reporter_id]
        for report in shown:
            # What the template shows those who may not see the address.
            report.masked_email = mask_email(report.email)
        if with_contact:
            log_records_seen(
                self.request.user,
                CONTACTS_SEEN_ACTION,
                model=CameraReport,
                view=self.request.path,
                ids=with_contact,
                identities=shows_contacts,
                page=page_obj.number,
            )
        map_data = self.map_data(entries)
        context.update(
            page_obj=page_obj,
            entries=entries,
            shows_contacts=shows_contacts,
            radius=DUPLICATE_RADIUS_M,
            map_data=map_data,
            reports_elsewhere=any(not report["onThisPage"] for report in map_data["reports"]),
        )
        return context

    @staticmethod
    def place_in_queue(report, current_page):
        """Where `report` is in the queue: `queue_url`, an anchor on this page or a link to its
        own page, whose number is `queue_page` (None for this page)."""
        page = report.queue_position // REPORTS_PER_PAGE + 1
        anchor = f"#report-{report.pk}"
        if page == current_page:
            report.queue_page, report.queue_url = None, anchor
        else:
            index = reverse("camera-reports:index")
            report.queue_page = page
            report.queue_url = f"{index}?{urlencode({'p': page})}{anchor}"

    def map_data(self, entries):
        """The reports on this page, the pending reports and the cameras near them, for the
        queue's map, with a line joining each pair of reports that may be the same camera."""
        cameras = {
            camera.pk: camera for _report, nearby, _others in entries for camera, _m in nearby
        }
        reports = {report.pk: report for report, _nearby, _others in entries}
        for report in reports.values():
            report.queue_url = f"#report-{report.pk}"
        elsewhere = {
            other.pk: other
            for _report, _nearby, others in entries
            for other, _m in others
            if other.pk not in reports
        }
        positions = {
            report.pk: [report.latitude, report.longitude]
            for report in [*reports.values(), *elsewhere.values()]
        }
        pairs = {
            tuple(sorted((report.pk, other.pk)))
            for report, _nearby, others in entries
            for other, _m in others
        }
        return {
            "tileUrl": settings.MAP_TILE_URL,
            "tileAttribution": settings.MAP_TILE_ATTRIBUTION,
            "radius": DUPLICATE_RADIUS_M,
            "reports": [
                {
                    "id": report.pk,
                    "lat": report.latitude,
                    "lon": report.longitude,
                    "label": str(_("Report %(number)s") % {"number": report.pk}),
                    "url": report.queue_url,
                    "onThisPage": report.pk in reports,
                }
                for report in [*reports.values(), *elsewhere.values()]
            ],
            "links": [[positions[one], positions[two]] for one, two in sorted(pairs)],
            "cameras": [
                {
                    "lat": camera.latitude,
                    "lon": camera.longitude,
                    "label": str(camera),
                    "url": reverse("wagtailsnippets_map_camera:edit", args=[camera.pk]),
                }
                for camera in cameras.values()
            ],
        }


class MergeForm(forms.Form):
    camera = BoundedModelChoiceField(
        queryset=Camera.objects.all(),
        error_messages={
            "required": _("Give the number of the camera to merge the report into."),
            "invalid_choice": _("There is no camera with that number."),
        },
    )


class RejectForm(forms.Form):
    # Shown to the reporter on their follow-up page, so it is short and says no names.
    reason = forms.CharField(max_length=500, required=False, strip=True)


@require_POST
def decide(request, pk, decision):
    """Accept, merge, confirm, mark gone or reject one report, then go back to where the
    editor was."""
    report = get_object_or_404(CameraReport, pk=pk)
    back = get_valid_next_url_from_request(request) or reverse("camera-reports:index")
    try:
        if decision == "accept":
            if report.kind not in (CameraReport.Kind.NEW, CameraReport.Kind.SEEN):
                # It describes no new camera: one is gone, has moved or has changed.
                messages.error(request, _("Only a report of a camera can become a new camera."))
                return redirect(back)
            camera = accept_report(report, request.user)
            message = _("Report %(number)s is now camera %(camera)s.")
        elif decision == "merge":
            if report.kind == CameraReport.Kind.GONE:
                # Merging counts a confirmation: the opposite of what the reporter says.
                messages.error(
                    request,
                    _(
                        "A report that a camera is gone is not merged: mark the camera gone "
                        "or reject the report."
                    ),
                )
                return redirect(back)
            if report.kind in APPLICABLE:
                # A confirmation counts only with a photo, which these need not have.
                messages.error(
                    request,
                    _(
                        "A report that a camera has moved or changed is not merged: apply it "
                        "to the camera or reject it."
                    ),
                )
                return redirect(back)
            form = MergeForm(request.POST)
            if not form.is_valid():
                messages.error(request, form.errors["camera"][0])
                return redirect(back)
            camera = merge_report(report, form.cleaned_data["camera"], request.user)
            message = _("Report %(number)s is merged into camera %(camera)s.")
        elif decision == "apply":
            if report.camera_id is None or report.kind not in APPLICABLE:
                messages.error(
                    request, _("This report does not say that a camera has moved or changed.")
                )
                return redirect(back)
            camera = apply_report(report, request.user)
            message = _("Report %(number)s is applied to camera %(camera)s.")
        elif decision == "gone":
            if report.camera_id is None or report.kind != CameraReport.Kind.GONE:
                messages.error(request, _("This report is not about a camera that is gone."))
                return redirect(back)
            camera = mark_camera_gone(report, request.user)
            message = _("Report %(number)s: camera %(camera)s is marked as gone.")
        else:
            form = RejectForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Give a reason of at most 500 characters."))
                return redirect(back)
            reject_report(report, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Report %(number)s is rejected.") % {"number": pk})
            return redirect(back)
    except AlreadyReviewed:
        messages.warning(request, _("Another editor has already reviewed this report."))
        return redirect(back)
    except NotOnTheMap:
        messages.error(
            request, _("The camera is not on the public map: reject the report instead.")
        )
        return redirect(back)
    edit_url = reverse("wagtailsnippets_map_camera:edit", args=[camera.pk])
    messages.success(
        request,
        message % {"number": pk, "camera": camera.pk},
        buttons=[messages.button(edit_url, _("Edit the camera"))],
    )
    return redirect(back)


@require_GET
@cache_control(private=True, max_age=3600)
def report_photo(request, pk):
    """A report's photo, for moderators only: /media/ does not serve reporters' photos.

    Read through the storage, so the file needs no public URL on an object store either.
    """
    report = get_object_or_404(CameraReport, pk=pk)
    if not report.photo:
        raise Http404
    return FileResponse(report.photo.open("rb"), content_type="image/jpeg")


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


class ModerationViewSet(ViewSet):
    name = "camera-reports"
    icon = "warning"
    menu_label = _("Reports to review")

    @cached_property
    def menu_item_class(self):
        return ModeratorMenuItem

    def get_urlpatterns(self):
        moderators_only = user_passes_test(can_moderate)
        decide_view = moderators_only(decide)
        return [
            path("", moderators_only(ModerationQueueView.as_view()), name="index"),
            path("<int:pk>/accept/", decide_view, {"decision": "accept"}, name="accept"),
            path("<int:pk>/merge/", decide_view, {"decision": "merge"}, name="merge"),
            path("<int:pk>/reject/", decide_view, {"decision": "reject"}, name="reject"),
            path("<int:pk>/gone/", decide_view, {"decision": "gone"}, name="gone"),
            path("<int:pk>/apply/", decide_view, {"decision": "apply"}, name="apply"),
            path("<int:pk>/photo/", moderators_only(report_photo), name="photo"),
        ]


class PendingReportsPanel(Component):
    """On the admin's dashboard: how many reports wait, with a link to the queue."""

    name = "pending_camera_reports"
    template_name = "map/admin/pending_reports_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["count"] = pending_reports().count()
        return context


class CameraStatusBulkAction(SnippetBulkAction):
    """Verify or reject the cameras ticked in the admin's camera list, all at once."""

    template_name = "map/admin/confirm_bulk_status.html"
    models = [Camera]

    def check_perm(self, camera):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", camera
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}


class VerifyCamerasBulkAction(CameraStatusBulkAction):
    display_name = _("Verify")
    action_type = "verify"
    aria_label = _("Verify the selected cameras")
    question = _("Verify these cameras? Each is marked verified as of now.")
    button_label = _("Yes, verify")

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return verify_cameras(objects, kwargs["self"].request.user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d camera verified.", "%(count)d cameras verified.", num_parent_objects
        ) % {"count": num_parent_objects}


class RejectCamerasBulkAction(CameraStatusBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected cameras")
    question = _("Reject these cameras? They disappear from the public map.")
    button_label = _("Yes, reject")
    classes = {"serious"}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return reject_cameras(objects, kwargs["self"].request.user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d camera rejected.", "%(count)d cameras rejected.", num_parent_objects
        ) % {"count": num_parent_objects}
