"""The admin's signatures: the listing (admin.py) with the review (review.py), bulk invalidation,
the export and the totals per municipality as its sub-pages."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, DateColumn

from campaigns.people_admin import ReadOnlyViewSet
from campaigns.petitions.admin import (
    ExportView,
    InvalidateView,
    SignatureFilterSet,
    SignatureIndexView,
    TotalsView,
)
from campaigns.petitions.models import Signature
from campaigns.petitions.review import SignatureReviewView


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
