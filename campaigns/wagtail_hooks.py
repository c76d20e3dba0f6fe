from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from home.record_access import (
    RecordOpenedFormatter,
    RecordsExportedFormatter,
    RecordsListedFormatter,
    RecordsSearchedFormatter,
)

from .admin_filters import RegistrationFilterSet, SignatureFilterSet
from .admin_views import (
    EXPORT_ACTION,
    INVALIDATE_ACTION,
    RECORD_OPENED_ACTION,
    RECORDS_EXPORTED_ACTION,
    RECORDS_LISTED_ACTION,
    RECORDS_SEARCHED_ACTION,
    ExportFormatter,
    ExportView,
    InvalidateFormatter,
    InvalidateView,
    ReadOnlyViewSet,
    RegistrationIndexView,
    SignatureIndexView,
    TotalsView,
)
from .erasure_admin import (
    ERASE_ACTION,
    ErasureFormatter,
    erasure_menu_item,
    erasure_permission,
    erasure_urls,
)
from .models import Registration, Signature
from .signature_review import SignatureReviewView
from .supporter_admin import SupporterViewSet
from .updates import petition_update_viewset


class SignatureViewSet(ReadOnlyViewSet):
    model = Signature
    name = "signatures"
    icon = "doc-full-inverse"
    menu_label = _("Signatures")
    index_view_class = SignatureIndexView
    filterset_class = SignatureFilterSet
    search_fields = ["first_name", "last_name", "email"]
    ordering = "-created_at"
    list_display = [
        "__str__",
        "municipality",
        "petition",
        DateColumn("created_at", label=_("Signed at"), sort_key="created_at"),
        BooleanColumn("confirmed_at", label=_("Confirmed"), sort_key="confirmed_at"),
        BooleanColumn("over_client_rate", label=_("Over the rate limit")),
        BooleanColumn("invalidated_at", label=_("Invalidated"), sort_key="invalidated_at"),
    ]
    # For those without view_signature: the masked address first, then these.
    name_fields = ("first_name", "last_name")
    masked_list_display = list_display[1:]
    inspect_view_fields = [
        "first_name",
        "last_name",
        "email",
        "municipality",
        "petition",
        "language",
        "created_at",
        "confirmed_at",
        "over_client_rate",
        "invalidated_at",
        "newsletter",
        "show_first_name",
        "consent_version",
        "consented_at",
        "consent_text",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("invalidate/", InvalidateView.as_view(), name="invalidate"),
            path("review/", SignatureReviewView.as_view(), name="review"),
            path("totals/", TotalsView.as_view(), name="totals"),
            path("export/<int:pk>/", ExportView.as_view(), name="export"),
        ]


class RegistrationViewSet(ReadOnlyViewSet):
    model = Registration
    name = "registrations"
    icon = "date"
    menu_label = _("Event registrations")
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email"]
    ordering = "-created_at"
    list_display = [
        "name",
        "event",
        "status",
        DateColumn("created_at", label=_("Registered at"), sort_key="created_at"),
    ]
    name_fields = ("name",)
    masked_list_display = list_display[1:]
    inspect_view_fields = [
        "name",
        "email",
        "event",
        "status",
        "language",
        "created_at",
        "cancelled_at",
        "reminded_at",
        "consent_version",
        "consented_at",
        "consent_text",
    ]


class CampaignsViewSetGroup(ViewSetGroup):
    # Other campaign viewsets join the menu by being added to this list.
    items = [
        SignatureViewSet(),
        RegistrationViewSet(),
        petition_update_viewset,
        SupporterViewSet(),
    ]
    menu_icon = "mail"
    menu_label = _("Campaigns")
    menu_name = "campaigns"


@hooks.register("register_admin_viewset")
def register_campaigns_viewsets():
    return CampaignsViewSetGroup()


@hooks.register("register_log_actions")
def register_signature_log_actions(actions):
    actions.register_action(INVALIDATE_ACTION)(InvalidateFormatter)
    actions.register_action(EXPORT_ACTION)(ExportFormatter)
    actions.register_action(RECORDS_LISTED_ACTION)(RecordsListedFormatter)
    actions.register_action(RECORDS_SEARCHED_ACTION)(RecordsSearchedFormatter)
    actions.register_action(RECORD_OPENED_ACTION)(RecordOpenedFormatter)
    actions.register_action(RECORDS_EXPORTED_ACTION)(RecordsExportedFormatter)


# Erasure requests (campaigns/erasure_admin.py): under Settings, for those allowed to erase.
hooks.register("register_admin_urls", erasure_urls)
hooks.register("register_settings_menu_item", erasure_menu_item)
hooks.register("register_permissions", erasure_permission)


@hooks.register("register_log_actions")
def register_erasure_log_action(actions):
    actions.register_action(ERASE_ACTION)(ErasureFormatter)
