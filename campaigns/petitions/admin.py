"""Signatures in Wagtail's admin: the listing and its filters, bulk invalidation, the
export and the totals per municipality. What staff may see of the signers is
campaigns/people_admin.py's rule."""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import DomainNameValidator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import AdminDateTimeInput, Button
from wagtail.log_actions import LogFormatter, log

from campaigns.emails import normalise_email
from campaigns.people_admin import (
    CsvExportMixin,
    PeopleExportView,
    PeopleIndexView,
    may_export,
)
from campaigns.petitions.models import Signature, invalidate_signatures
from campaigns.petitions.pages import PetitionPage
from home.forms import MAX_ID, BoundedModelChoiceField, BoundedModelChoiceFilter
from home.languages import default_language
from home.serbian import collation_key
from map.models import Municipality

INVALIDATE_ACTION = "campaigns.signatures.invalidate"
EXPORT_ACTION = "campaigns.signatures.export"


def petitions(request=None):
    """Each petition once: its page in the default language, or its only page when it was
    written in another language. Signatures of all translations share the petition's key."""
    in_default_language = Q(locale__language_code=default_language())
    translated = PetitionPage.objects.filter(in_default_language).values("translation_key")
    return PetitionPage.objects.filter(
        in_default_language | ~Q(translation_key__in=translated)
    ).order_by("title", "pk")


class PetitionField(BoundedModelChoiceField):
    """A petition, each once (petitions()), for the staff's forms over signatures."""

    def __init__(self, required_message=None, **kwargs):
        super().__init__(
            label=_("Petition"),
            queryset=petitions(),
            error_messages={
                "required": required_message or _("Choose a petition."),
                "invalid_choice": _("Choose a petition from the list."),
            },
            **kwargs,
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
    petition = BoundedModelChoiceFilter(
        label=_("Petition"), queryset=petitions, method="filter_petition"
    )
    state = SignatureState(label=_("State"))
    municipality = BoundedModelChoiceFilter(
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


class SignatureIndexView(PeopleIndexView):
    """Who signed: one query for the page of rows however many there are."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("petition", "municipality")

    def identity_columns(self):
        name, *others = super().identity_columns()
        name.label = _("Name")
        name.sort_key = "last_name"
        # Anonymisation blanks the names; say so rather than show an empty link.
        name.empty_value_display = _("(anonymised)")
        return [name, *others]

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Invalidate in bulk"),
                    url=reverse("signatures:invalidate"),
                    icon_name="warning",
                    priority=10,
                )
            )
            buttons.append(
                Button(
                    _("Review signatures"),
                    url=reverse("signatures:review"),
                    icon_name="search",
                    priority=15,
                )
            )
        buttons.append(
            Button(
                _("Totals per municipality"),
                url=reverse("signatures:totals"),
                icon_name="table",
                priority=20,
            )
        )
        return buttons


# Bulk invalidation


class InvalidateForm(forms.Form):
    petition = PetitionField(_("Choose the petition whose signatures to invalidate."))
    domain = forms.CharField(
        label=_("Email domain"),
        required=False,
        max_length=253,
        help_text=_(
            "The part of the address after @, such as spam.example. Its subdomains match too "
            "(mail.spam.example), other domains that merely end the same do not "
            "(notspam.example)."
        ),
    )
    # Set by the review's links (review.py): a cluster of one client.
    client_key = forms.RegexField(
        label=_("Client key"),
        required=False,
        regex=r"^[0-9a-f]{16}$",
        help_text=_("The pseudonym of one client on one day, as the review shows it."),
        error_messages={"invalid": _("Enter a client key as the review shows it: 16 characters.")},
    )
    signed_from = forms.DateTimeField(
        label=_("Signed from"),
        required=False,
        widget=AdminDateTimeInput,
        error_messages={"invalid": _("Enter a date and time like 2026-03-01 14:30.")},
    )
    signed_before = forms.DateTimeField(
        label=_("Signed before"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=_("Signatures made at this time or later are left as they are."),
        error_messages={"invalid": _("Enter a date and time like 2026-03-01 14:30.")},
    )

    def clean_domain(self):
        domain = self.cleaned_data["domain"].strip().removeprefix("@")
        if not domain:
            return ""
        try:
            DomainNameValidator()(domain)
        except ValidationError:
            raise ValidationError(
                _("Enter a domain such as spam.example: the part of an address after @."),
                code="invalid",
            ) from None
        # As the stored addresses were normalised: lower case, googlemail.com is gmail.com.
        return normalise_email(f"x@{domain}").partition("@")[2]

    def clean(self):
        data = super().clean()
        start, end = data.get("signed_from"), data.get("signed_before")
        if start and end and end <= start:
            self.add_error("signed_before", _("The end of the time range must be after its start."))
        criteria = ("domain", "client_key", "signed_from", "signed_before")
        chosen = any(data.get(name) for name in criteria)
        if not chosen and not any(self.has_error(name) for name in criteria):
            self.add_error("domain", _("Give an email domain, a time range, or both."))
        return data

    def matching(self):
        """The petition's signatures that match and are not invalidated yet."""
        data = self.cleaned_data
        signatures = Signature.objects.filter(
            petition_key=data["petition"].translation_key, invalidated_at__isnull=True
        )
        if domain := data["domain"]:
            signatures = signatures.filter(
                Q(email_normalised__endswith=f"@{domain}")
                | Q(email_normalised__endswith=f".{domain}")
            )
        if data["client_key"]:
            signatures = signatures.filter(client_key=data["client_key"])
        if data["signed_from"]:
            signatures = signatures.filter(created_at__gte=data["signed_from"])
        if data["signed_before"]:
            signatures = signatures.filter(created_at__lt=data["signed_before"])
        return signatures

    def criteria(self):
        """What was chosen, for the petition's history, which is kept for good: whether a
        client's pseudonym was chosen, not the pseudonym, which signatures keep for 30 days
        only (and which may stand for a rally's Wi-Fi, that is, for real people)."""
        data = self.cleaned_data
        return {
            "domain": data["domain"],
            "client_key": bool(data["client_key"]),
            "signed_from": data["signed_from"] and data["signed_from"].isoformat(),
            "signed_before": data["signed_before"] and data["signed_before"].isoformat(),
        }


class UnderSignaturesMixin:
    """Breadcrumbs of a page reached from the signatures listing."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("signatures:index"),
                "label": capfirst(Signature._meta.verbose_name_plural),
            },
            {"url": "", "label": self.page_title},
        ]


class InvalidateView(
    UnderSignaturesMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView
):
    """Choose the signatures, see how many match, then invalidate them with a POST.

    The preview is a GET (nothing changes); the confirmation posts the same choice again and
    invalidates what matches at that moment, which the message then reports.
    """

    model = Signature
    permission_required = "change"
    form_class = InvalidateForm
    template_name = "campaigns/admin/invalidate.html"
    page_title = _("Invalidate signatures")
    header_icon = "warning"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "GET" and "preview" in self.request.GET:
            kwargs["data"] = self.request.GET
        else:
            kwargs["initial"] = {"petition": self.request.GET.get("petition")}
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        context = {"form": form}
        if form.is_bound and form.is_valid():
            context["preview"] = form.matching().aggregate(
                signatures=Count("pk"),
                counted=Count("pk", filter=Q(confirmed_at__isnull=False)),
            )
        return self.render_to_response(self.get_context_data(**context))

    def form_valid(self, form):
        petition = form.cleaned_data["petition"]
        invalidated = invalidate_signatures(form.matching())
        log(
            petition,
            INVALIDATE_ACTION,
            user=self.request.user,
            data={"invalidated": invalidated, **form.criteria()},
        )
        messages.success(
            self.request,
            ngettext(
                "%(count)d signature of “%(petition)s” invalidated.",
                "%(count)d signatures of “%(petition)s” invalidated.",
                invalidated,
            )
            % {"count": invalidated, "petition": petition.title},
        )
        listing = reverse("signatures:index")
        return redirect(f"{listing}?{urlencode({'petition': petition.pk, 'state': 'invalidated'})}")


class InvalidateFormatter(LogFormatter):
    label = _("Invalidate signatures")

    def format_message(self, log_entry):
        count = log_entry.data.get("invalidated", 0)
        return ngettext(
            "%(count)d signature invalidated", "%(count)d signatures invalidated", count
        ) % {"count": count}


# Export


def exported_signatures(petition):
    """The confirmed, valid signatures of a petition (all its translations) that still carry
    personal data, oldest confirmation first."""
    return (
        Signature.objects.valid()
        .filter(petition_key=petition.translation_key, email_normalised__isnull=False)
        .order_by("confirmed_at", "pk")
    )


class ExportView(PeopleExportView):
    """The signers of one petition as CSV, streamed from the database a few rows at a time."""

    model = Signature
    list_export = [
        "first_name",
        "last_name",
        "email",
        "municipality__name",
        "created_at",
        "confirmed_at",
        "consent_version",
    ]
    export_headings = {
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "email": _("Email"),
        "municipality__name": _("Municipality"),
        "created_at": _("Signed at"),
        "confirmed_at": _("Confirmed at"),
        "consent_version": _("Consent version"),
    }

    def get(self, request, pk):
        if pk > MAX_ID:
            raise Http404
        petition = get_object_or_404(PetitionPage, pk=pk)
        signatures = exported_signatures(petition)
        log(petition, EXPORT_ACTION, user=request.user, data={"signatures": signatures.count()})
        filename = f"{petition.slug}-{timezone.localdate():%Y-%m-%d}.csv"
        return self.csv_response(signatures.values(*self.list_export).iterator(2000), filename)


class ExportFormatter(LogFormatter):
    label = _("Export signatures")

    def format_message(self, log_entry):
        count = log_entry.data.get("signatures", 0)
        return ngettext(
            "%(count)d signature exported as CSV", "%(count)d signatures exported as CSV", count
        ) % {"count": count}


# Totals per municipality


def other_languages():
    default = default_language()
    return [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES if code != default]


def municipality_totals(petition):
    """Confirmed, valid signatures per municipality, named in every language, most first.

    Counts rows, which anonymisation keeps with their municipality and confirmation, so the
    totals stay the same after the names and addresses are gone. One query.
    """
    names = {
        f"name_{code.replace('-', '_')}": Municipality.objects.name_of(language=code)
        for code, _name in other_languages()
    }
    rows = (
        Signature.objects.valid()
        .filter(petition_key=petition.translation_key)
        .values("municipality_id", "municipality__name")
        .annotate(signatures=Count("pk"), **names)
        .order_by()
    )
    return sorted(
        (
            {
                "names": [row["municipality__name"]]
                + [row[name] or row["municipality__name"] for name in names],
                "signatures": row["signatures"],
            }
            for row in rows
        ),
        key=lambda row: (-row["signatures"], collation_key(row["names"][0], default_language())),
    )


class TotalsForm(forms.Form):
    petition = PetitionField()


class TotalsView(
    UnderSignaturesMixin,
    CsvExportMixin,
    PermissionCheckedMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """A petition's confirmed, valid signatures per municipality, in a table or as CSV."""

    model = Signature
    any_permission_required = ["view", "change", "export"]
    template_name = "campaigns/admin/totals.html"
    page_title = _("Signatures per municipality")
    header_icon = "table"

    @cached_property
    def form(self):
        return TotalsForm(self.request.GET if "petition" in self.request.GET else None)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv" and self.form.is_valid():
            petition = self.form.cleaned_data["petition"]
            rows = (
                {
                    **{str(i): name for i, name in enumerate(row["names"])},
                    "signatures": row["signatures"],
                }
                for row in municipality_totals(petition)
            )
            filename = f"{petition.slug}-municipalities-{timezone.localdate():%Y-%m-%d}.csv"
            return self.csv_response(rows, filename)
        return super().get(request, *args, **kwargs)

    @property
    def list_export(self):
        # A column of names per language (0, 1, …: municipality_totals' order), then the count.
        return [*(str(index) for index in range(len(self.languages))), "signatures"]

    @property
    def export_headings(self):
        names = {
            str(index): _("Municipality (%(language)s)") % {"language": name}
            for index, name in enumerate(self.languages)
        }
        return {**names, "signatures": _("Signatures")}

    @cached_property
    def languages(self):
        default = dict(settings.WAGTAIL_CONTENT_LANGUAGES)[default_language()]
        return [default, *(name for _code, name in other_languages())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        if self.form.is_valid():
            petition = self.form.cleaned_data["petition"]
            rows = municipality_totals(petition)
            query = urlencode({"petition": petition.pk})
            context.update(
                petition=petition,
                rows=rows,
                total=sum(row["signatures"] for row in rows),
                languages=self.languages,
                csv_url=f"{reverse('signatures:totals')}?{query}&format=csv",
                invalidate_url=f"{reverse('signatures:invalidate')}?{query}",
                can_invalidate=self.user_has_permission("change"),
                export_url=reverse("signatures:export", args=[petition.pk]),
                can_export=may_export(self),
            )
        return context
