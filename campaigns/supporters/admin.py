"""Supporters in Wagtail's admin: a listing filtered by how people want to help and where they
live, a CSV of those who agreed to be contacted (permission `campaigns.export_supporter`), and
a dashboard panel with the week's new supporters.

Like signatures, supporters are read, never written, by staff: the details are the person's
own, changed and deleted by them under "My activity". Who they are is shown only with
`campaigns.view_supporter` (the "Personal data" group); the export needs it too, and every
listing, search, opened record and export is written to the audit log.
"""

from datetime import timedelta

import django_filters
from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.widgets import Button

from campaigns.people_admin import (
    RECORDS_EXPORTED_ACTION,
    PeopleExportView,
    PeopleIndexView,
    ReadOnlyViewSet,
    may_export,
)
from campaigns.supporters.models import Supporter, WayToHelp
from home.forms import BoundedModelChoiceFilter
from home.record_access import log_records_seen
from map.models import Municipality

NEW_SUPPORTERS_DAYS = 7


def ways_display(supporter):
    return ", ".join(str(way.label) for way in supporter.ways())


class SupporterFilterSet(WagtailFilterSet):
    way = django_filters.ChoiceFilter(
        label=_("Way to help"),
        choices=WayToHelp.choices,
        empty_label=_("All"),
        # One row per supporter and way: the join cannot repeat a supporter.
        field_name="helps__way",
    )
    municipality = BoundedModelChoiceFilter(
        label=_("Municipality"), queryset=Municipality.objects.canonical().order_by("name")
    )
    newsletter = django_filters.BooleanFilter(label=_("Agreed to be contacted"))

    class Meta:
        model = Supporter
        fields = []


class SupporterIndexView(PeopleIndexView):
    """One query for the page of rows and one for their ways, however many there are."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("user", "municipality")
            .prefetch_related("helps")
        )

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if may_export(self):
            buttons.append(
                Button(
                    _("Export those who agreed to be contacted (CSV)"),
                    url=reverse("supporters:export"),
                    icon_name="download",
                    priority=10,
                )
            )
        return buttons


class SupporterExportView(PeopleExportView):
    """Supporters who asked for news (newsletter) with a verified address, nobody else, as CSV."""

    model = Supporter
    list_export = ["first_name", "user.email", "municipality.name", "ways", "created_at"]
    export_headings = {
        "first_name": _("First name"),
        "user.email": _("Email"),
        "municipality.name": _("Municipality"),
        "ways": _("Ways to help"),
        "created_at": _("Joined at"),
    }

    def get(self, request):
        # Only an address its owner has confirmed: an unverified one may be anyone's, typed in
        # by someone else, and the account is deleted if it stays unverified.
        verified = EmailAddress.objects.filter(
            user=OuterRef("user"), email__iexact=OuterRef("user__email"), verified=True
        )
        supporters = (
            Supporter.objects.filter(Exists(verified), newsletter=True)
            .select_related("user", "municipality")
            .prefetch_related("helps")
            .order_by("created_at", "pk")
        )
        log_records_seen(
            request.user,
            RECORDS_EXPORTED_ACTION,
            model=Supporter,
            view=request.path,
            ids=[],
            identities=True,
            count=supporters.count(),
            filters={"newsletter": True, "verified": True},
        )
        # Named now, in the editor's language: the rows are written after the view returns.
        self.way_labels = {way: str(way.label) for way in WayToHelp}
        filename = f"supporters-{timezone.localdate():%Y-%m-%d}.csv"
        # Chunks, so that prefetching stays a query per chunk, not per row.
        return self.csv_response(supporters.iterator(chunk_size=2000), filename)

    def to_row_dict(self, supporter):
        row = super().to_row_dict(supporter)
        row["ways"] = ", ".join(self.way_labels[way] for way in row["ways"])
        return row


class SupporterViewSet(ReadOnlyViewSet):
    model = Supporter
    name = "supporters"
    icon = "group"
    menu_label = _("Supporters")
    index_view_class = SupporterIndexView
    filterset_class = SupporterFilterSet
    search_fields = ["first_name", "user__email"]
    ordering = "-created_at"
    list_display = [
        "first_name",
        Column("email", label=_("Email"), accessor="user.email"),
        "municipality",
        Column("ways", label=_("Ways to help"), accessor=ways_display),
        BooleanColumn("newsletter", label=_("News")),
        DateColumn("created_at", label=_("Joined at"), sort_key="created_at"),
    ]
    email_accessor = "user.email"
    name_fields = ("first_name",)
    masked_list_display = list_display[2:]
    inspect_view_fields = [
        "first_name",
        "municipality",
        "newsletter",
        "created_at",
        "consent_version",
        "consented_at",
        "consent_text",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("export/", SupporterExportView.as_view(), name="export"),
        ]


class NewSupportersPanel(Component):
    """On the admin's dashboard: how many joined in the last seven days."""

    name = "new_supporters"
    template_name = "campaigns/admin/new_supporters_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        since = timezone.now() - timedelta(days=NEW_SUPPORTERS_DAYS)
        context["count"] = Supporter.objects.filter(created_at__gte=since).count()
        return context


@hooks.register("construct_homepage_panels")
def add_new_supporters_panel(request, panels):
    if any(request.user.has_perm(f"campaigns.{action}_supporter") for action in ("view", "change")):
        panels.append(NewSupportersPanel())
