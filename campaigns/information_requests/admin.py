"""The authorities in the admin (Snippets → Authorities), where editors keep them, and the
register's entries (Campaigns → Register of requests), which moderators publish."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.information_requests.models import Authority
from campaigns.information_requests.register import ANSWER_EXTENSIONS, RegisterEntry

DECIDE_PERMISSION = "campaigns.change_registerentry"


class AuthorityViewSet(SnippetViewSet):
    model = Authority
    icon = "site"
    menu_label = _("Authorities")
    list_display = ["name", "request_email", "hears_complaints"]
    search_fields = ["name"]
    search_backend_name = None


class AnswerUploadPanel(Panel):
    """A link to the answer as its author uploaded it, for the moderator to read before
    publishing a version without the personal data in it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/answer_upload_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            entry = self.instance
            context["upload_url"] = (
                reverse("register_entries:answer", args=[entry.pk])
                if entry.pk and entry.answer_upload
                else None
            )
            return context


class RegisterEntryEditView(EditView):
    def save_instance(self):
        before = RegisterEntry.objects.filter(pk=self.object.pk).values_list("status", flat=True)
        was_submitted = before.first() == RegisterEntry.Status.SUBMITTED
        entry = super().save_instance()
        if was_submitted and entry.status != RegisterEntry.Status.SUBMITTED:
            entry.decided(self.request.user)
        return entry


@require_GET
@cache_control(private=True, no_store=True)
def answer_upload(request, pk):
    """The answer as uploaded: for moderators only, read through the storage (/media/ does
    not serve the folder), as a download of the type its extension says (the form named it
    by what it found), under a policy that runs nothing if a browser shows it anyway."""
    if not request.user.has_perm(DECIDE_PERMISSION):
        raise PermissionDenied
    entry = get_object_or_404(RegisterEntry, pk=pk)
    if not entry.answer_upload:
        raise Http404
    extension = entry.answer_upload.name.rsplit(".", 1)[-1]
    content_type = ANSWER_EXTENSIONS.get(extension)
    if content_type is None:
        raise Http404
    response = FileResponse(
        entry.answer_upload.open("rb"),
        as_attachment=True,
        filename=f"odgovor-{entry.pk}.{extension}",
        content_type=content_type,
    )
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class RegisterEntryCreateView(CreateView):
    """Entries come from requests' authors, never from the admin."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class RegisterEntryIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("authority")


class RegisterEntryViewSet(ModelViewSet):
    model = RegisterEntry
    name = "register_entries"
    icon = "list-ul"
    menu_label = _("Register of requests")
    add_view_class = RegisterEntryCreateView
    edit_view_class = RegisterEntryEditView
    index_view_class = RegisterEntryIndexView
    list_display = [
        "title",
        "authority",
        "status",
        DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
    ]
    list_filter = ["status", "law"]
    ordering = ["status", "-submitted_at"]
    # A published name is found by it when its owner writes to have it taken off.
    search_fields = ["title", "subject", "requester_name"]
    search_backend_name = None
    panels = [
        MultiFieldPanel(
            [
                FieldPanel(name, read_only=True)
                for name in (
                    "authority",
                    "law",
                    "title",
                    "subject",
                    "received_on",
                    "answer_due_on",
                    "answered_on",
                    "outcome",
                    "complained_on",
                )
            ],
            heading=_("The request, as its author wrote it down"),
        ),
        AnswerUploadPanel(heading=_("The answer as uploaded")),
        FieldPanel("answer_document"),
        FieldPanel("requester_name"),
        FieldPanel("status"),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/answer/", answer_upload, name="answer"),
        ]
