"""The editors' side of campaigns in Wagtail's admin.

Nobody edits or adds a signer, registrant or supporter here: a signature is a person's own
statement. Who they are (names, addresses; search by them) is shown only to those with the
model's `view_*` permission: the "Personal data" group (campaigns/migrations/0008). Staff who
work with the records without it (`change_*`: Wagtail's Editors, who take spam out of the
count and follow events) see them with the address masked and no name, and totals and counts.
Exporting as CSV needs `export_*` on top of `view_*`. Every listing, search, opened record and
export is written to the audit log (home/record_access.py); invalidations too, to the
petition's history.
"""

import csv

from django import forms
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import DomainNameValidator
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header, urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.defaults import permission_denied
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import BaseColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateTimeInput, Button
from wagtail.coreutils import multigetattr
from wagtail.log_actions import LogFormatter, log

from home.languages import default_language
from home.record_access import log_records_seen, mask_email
from home.serbian import collation_key
from home.spreadsheets import formula_safe
from map.models import Municipality

from .admin_filters import petitions
from .emails import normalise_email
from .models import PetitionPage, Signature, invalidate_signatures

INVALIDATE_ACTION = "campaigns.signatures.invalidate"
EXPORT_ACTION = "campaigns.signatures.export"
# Staff looking at people's records: the audit log's actions (home/record_access.py).
RECORDS_LISTED_ACTION = "campaigns.records.list"
RECORDS_SEARCHED_ACTION = "campaigns.records.search"
RECORD_OPENED_ACTION = "campaigns.records.open"
RECORDS_EXPORTED_ACTION = "campaigns.records.export"
# Rows per chunk of the streamed export: few writes to the client, little memory.
EXPORT_ROWS_PER_CHUNK = 500


# Listings


def loggable(value):
    """A filter's chosen value as the audit log keeps it: a record by its number."""
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, slice):  # a date range
        return [loggable(value.start), loggable(value.stop)]
    if isinstance(value, (list, tuple)):
        return [loggable(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return None if value is None else str(value)


class PeopleRecordsMixin:
    """Whether the user sees who the people are (the model's `view` permission), and the masked
    address of a record for those who do not."""

    # Set by ReadOnlyViewSet from the viewset's attributes.
    email_accessor = "email"
    name_fields = ()

    @cached_property
    def shows_identities(self):
        return self.user_has_permission("view")

    def masked_email(self, instance):
        return mask_email(multigetattr(instance, self.email_accessor))


class PeopleIndexView(PeopleRecordsMixin, IndexView):
    """A listing of people's records: in full with `view`, else the address masked, no name and
    no search. Each request (page, filter, search) is written to the audit log."""

    masked_list_display = ()

    @cached_property
    def is_searchable(self):
        # Search by name or address is finding a person: only for those who may see them.
        return self.shows_identities and super().is_searchable

    @cached_property
    def columns(self):
        if self.shows_identities:
            return self.identity_columns()
        title = TitleColumn(
            "masked_email",
            label=_("Email (masked)"),
            accessor=self.masked_email,
            get_url=self.get_inspect_url,
        )
        others = [
            column if isinstance(column, BaseColumn) else self._get_custom_column(column)
            for column in self.masked_list_display
        ]
        return [title, *others]

    def identity_columns(self):
        return super().columns

    def get_list_buttons(self, instance):
        # Wagtail names the row's menu after str(instance), the person's name; the masked
        # title links to the record instead.
        return super().get_list_buttons(instance) if self.shows_identities else []

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        filters = {}
        if self.filters and self.filters.is_valid():
            filters = {
                name: loggable(self.filters.form.cleaned_data.get(name))
                for name in self.filters.form.changed_data
            }
        log_records_seen(
            request.user,
            RECORDS_SEARCHED_ACTION if self.is_searching else RECORDS_LISTED_ACTION,
            model=self.model,
            view=request.path,
            ids=[record.pk for record in response.context_data["object_list"]],
            identities=self.shows_identities,
            filters=filters,
            search=self.search_query,
            ordering=self.ordering or "",
            page=request.GET.get(self.page_kwarg, "1")[:10],
        )
        return response


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

    def search_queryset(self, queryset):
        """Every word of the search in the first name, the last name or the email, so that
        "Ana Petrović" finds Ana Petrović."""
        for word in self.search_query.split():
            queryset = queryset.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
        return queryset

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


class ReadOnlyInspectView(PeopleRecordsMixin, InspectView):
    """A record's fields, with yes, no and nothing in words rather than Python's; without
    `view`, no name and the address masked. Each opening is written to the audit log."""

    def get_fields(self):
        fields = super().get_fields()
        if self.shows_identities:
            return fields
        return [name for name in fields if name not in self.name_fields]

    def get_page_subtitle(self):
        # The default is str(record): the person's name.
        if self.shows_identities:
            return super().get_page_subtitle()
        return self.masked_email(self.object) or f"#{self.object.pk}"

    def get_field_display_value(self, field_name, field):
        if field_name == self.email_accessor and not self.shows_identities:
            return self.masked_email(self.object) or "—"
        value = super().get_field_display_value(field_name, field)
        if value is None:
            return "—"
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return value

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log_records_seen(
            request.user,
            RECORD_OPENED_ACTION,
            model=self.model,
            view=request.path,
            ids=[self.object.pk],
            identities=self.shows_identities,
            record=self.object,
        )
        return response


class NoEditURLFinder(ModelAdminURLFinder):
    def construct_edit_url(self, instance):
        return None


class ReadOnlyViewSet(ModelViewSet):
    """A listing and a read-only page per row: people's own records are not for editors to
    write, add, copy or delete (deleting a counted signature would break the count).

    `name_fields` are left out and the address (`email_accessor`) is masked for those without
    the `view` permission, whose listing has the address's column and `masked_list_display`.
    """

    index_view_class = PeopleIndexView
    inspect_view_enabled = True
    inspect_view_class = ReadOnlyInspectView
    copy_view_enabled = False
    # Thousands of rows written by the public: keeping their references would slow signing
    # and fill the reference index for nothing.
    add_to_reference_index = False
    search_backend_name = None
    list_per_page = 50
    email_accessor = "email"
    name_fields = ()
    masked_list_display = ()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            email_accessor=self.email_accessor,
            name_fields=self.name_fields,
            masked_list_display=self.masked_list_display,
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            email_accessor=self.email_accessor, name_fields=self.name_fields, **kwargs
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    @property
    def url_finder_class(self):
        # No edit view to link to from the site history's entries of these records.
        return NoEditURLFinder

    def get_permissions_to_register(self):
        # Adding and deleting are not offered, so their permissions are not either.
        unused = [get_permission_codename(action, self.model_opts) for action in ("add", "delete")]
        return super().get_permissions_to_register().exclude(codename__in=unused)


class RegistrationIndexView(PeopleIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")


# Bulk invalidation


class InvalidateForm(forms.Form):
    petition = forms.ModelChoiceField(
        label=_("Petition"),
        queryset=petitions(),
        error_messages={
            "required": _("Choose the petition whose signatures to invalidate."),
            "invalid_choice": _("Choose a petition from the list."),
        },
    )
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
    # Set by the review's links (campaigns/signature_review.py): a cluster of one client.
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


def spreadsheet_safe(value):
    """The cell, with an apostrophe before text a spreadsheet would run as a formula. The sign
    form refuses such names, but rows stored before that rule or written by other means
    must not slip through; numbers stay numbers."""
    return "" if value is None else formula_safe(value)


def local_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


class _Line:
    """A file for csv.writer that hands each written line back instead of keeping it."""

    def write(self, line):
        return line


def csv_chunks(header, rows):
    """A CSV file in pieces: UTF-8 with a byte order mark, which Excel needs to read č, ć, đ,
    š and ž, every cell made safe, EXPORT_ROWS_PER_CHUNK rows a piece."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(header)
    chunk = []
    for row in rows:
        chunk.append(writer.writerow([spreadsheet_safe(cell) for cell in row]))
        if len(chunk) == EXPORT_ROWS_PER_CHUNK:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def csv_response(chunks, filename):
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def exported_signatures(petition):
    """The confirmed, valid signatures of a petition (all its translations) that still carry
    personal data, oldest confirmation first."""
    return (
        Signature.objects.valid()
        .filter(petition_key=petition.translation_key, email_normalised__isnull=False)
        .order_by("confirmed_at", "pk")
    )


def may_export(view):
    """A CSV of people is seeing who they are: `export` counts only with `view`."""
    return view.user_has_permission("view") and view.user_has_permission("export")


@method_decorator(never_cache, name="dispatch")
class ExportView(PermissionCheckedMixin, View):
    """The signers of one petition as CSV, streamed from the database a few rows at a time,
    so that 100,000 signatures never sit in memory together."""

    model = Signature

    def dispatch(self, request, *args, **kwargs):
        # A plain 403 rather than Wagtail's redirect to the dashboard: whatever fetches the
        # file (a bookmark, a script) must not take the dashboard's page for the CSV.
        if not may_export(self):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        petition = get_object_or_404(PetitionPage, pk=pk)
        signatures = exported_signatures(petition)
        log(petition, EXPORT_ACTION, user=request.user, data={"signatures": signatures.count()})
        # Translated now: the rows are written after the view returns.
        header = [
            str(label)
            for label in (
                _("First name"),
                _("Last name"),
                _("Email"),
                _("Municipality"),
                _("Signed at"),
                _("Confirmed at"),
                _("Consent version"),
            )
        ]
        rows = (
            (first, last, email, municipality, local_time(signed), local_time(confirmed), version)
            for first, last, email, municipality, signed, confirmed, version in (
                signatures.values_list(
                    "first_name",
                    "last_name",
                    "email",
                    "municipality__name",
                    "created_at",
                    "confirmed_at",
                    "consent_version",
                ).iterator(chunk_size=2000)
            )
        )
        filename = f"{petition.slug}-{timezone.localdate():%Y-%m-%d}.csv"
        return csv_response(csv_chunks(header, rows), filename)


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
    return [(code, name) for code, name in settings.LANGUAGES if code != default]


def municipality_totals(petition):
    """Confirmed, valid signatures per municipality, named in every language, most first.

    Counts rows, which anonymisation keeps with their municipality and confirmation, so the
    totals stay the same after the names and addresses are gone. One query.
    """
    names = {
        f"name_{code.replace('-', '_')}": Subquery(
            Municipality.objects.filter(
                translation_key=OuterRef("municipality__translation_key"),
                locale__language_code=code,
            ).values("name")[:1]
        )
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
    petition = forms.ModelChoiceField(
        label=_("Petition"),
        queryset=petitions(),
        error_messages={
            "required": _("Choose a petition."),
            "invalid_choice": _("Choose a petition from the list."),
        },
    )


class TotalsView(
    UnderSignaturesMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
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
            header = [
                *(_("Municipality (%(language)s)") % {"language": name} for name in self.languages),
                str(_("Signatures")),
            ]
            rows = ([*row["names"], row["signatures"]] for row in municipality_totals(petition))
            filename = f"{petition.slug}-municipalities-{timezone.localdate():%Y-%m-%d}.csv"
            return csv_response(csv_chunks(header, rows), filename)
        return super().get(request, *args, **kwargs)

    @cached_property
    def languages(self):
        default = dict(settings.LANGUAGES)[default_language()]
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
