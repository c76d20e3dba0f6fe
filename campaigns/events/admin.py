"""Event registrations in Wagtail's admin: the listing and its filters, read only."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import DateColumn

from campaigns.events.models import Registration
from campaigns.events.pages import EventPage
from campaigns.people_admin import PeopleIndexView, ReadOnlyViewSet
from home.forms import BoundedModelChoiceFilter
from home.languages import default_language


def default_language_events(request=None):
    # Registrations belong to the event's page in the default language (registration_event()).
    return EventPage.objects.filter(locale__language_code=default_language()).order_by(
        "-start", "pk"
    )


class RegistrationFilterSet(WagtailFilterSet):
    event = BoundedModelChoiceFilter(label=_("Event"), queryset=default_language_events)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Registration.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Registration
        fields = []


class RegistrationIndexView(PeopleIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")


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
