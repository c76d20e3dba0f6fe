"""Filters of the admin's signature and registration listings."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from home.languages import default_language
from map.models import Municipality

from .models import EventPage, PetitionPage, Registration, Signature


def petitions(request=None):
    """Each petition once: its page in the default language, or its only page when it was
    written in another language. Signatures of all translations share the petition's key."""
    in_default_language = Q(locale__language_code=default_language())
    translated = PetitionPage.objects.filter(in_default_language).values("translation_key")
    return PetitionPage.objects.filter(
        in_default_language | ~Q(translation_key__in=translated)
    ).order_by("title", "pk")


def default_language_events(request=None):
    # Registrations belong to the event's page in the default language (registration_event()).
    return EventPage.objects.filter(locale__language_code=default_language()).order_by(
        "-start", "pk"
    )


class SignatureState(django_filters.ChoiceFilter):
    """Where a signature stands. Invalidated ones are only in "invalidated", whatever else
    they are; a signature can be both unconfirmed and over the rate limit."""

    STATES = {
        "unconfirmed": Q(confirmed_at__isnull=True, invalidated_at__isnull=True),
        "confirmed": Q(confirmed_at__isnull=False, invalidated_at__isnull=True),
        "invalidated": Q(invalidated_at__isnull=False),
        "over_limit": Q(over_client_rate=True, invalidated_at__isnull=True),
    }

    def __init__(self, **kwargs):
        choices = [
            ("unconfirmed", _("Unconfirmed")),
            ("confirmed", _("Confirmed and counted")),
            ("invalidated", _("Invalidated")),
            ("over_limit", _("Over the rate limit")),
        ]
        super().__init__(choices=choices, empty_label=_("All"), widget=forms.RadioSelect, **kwargs)

    def filter(self, qs, value):
        return qs.filter(self.STATES[value]) if value in self.STATES else qs


class SignatureFilterSet(WagtailFilterSet):
    petition = django_filters.ModelChoiceFilter(
        label=_("Petition"), queryset=petitions, method="filter_petition"
    )
    state = SignatureState(label=_("State"))
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"), queryset=Municipality.objects.canonical().order_by("name")
    )
    signed_at = django_filters.DateFromToRangeFilter(
        field_name="created_at", label=_("Signed at"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Signature
        fields = []

    def filter_petition(self, queryset, name, petition):
        return queryset.filter(petition_key=petition.translation_key)


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Event"), queryset=default_language_events)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Registration.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Registration
        fields = []
