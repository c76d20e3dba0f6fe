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
import datetime
from functools import reduce
from operator import or_

from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.defaults import permission_denied
from django.views.generic import View
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import BaseColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import multigetattr

from home.record_access import log_records_seen, mask_email

# Staff looking at people's records: the audit log's actions (home/record_access.py).
RECORDS_LISTED_ACTION = "campaigns.records.list"
RECORDS_SEARCHED_ACTION = "campaigns.records.search"
RECORD_OPENED_ACTION = "campaigns.records.open"
RECORDS_EXPORTED_ACTION = "campaigns.records.export"


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

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Not Wagtail's export of the listing (`?export=csv`): a file of people is the export
        # views', which check `export` and write the audit log's entry for it.
        self.is_export = False

    def search_queryset(self, queryset):
        """Every word of the search in one of the search fields, so that "Ana Petrović" finds
        Ana Petrović though her names are two fields (Wagtail looks for the whole search in one)."""
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            queryset = queryset.filter(
                reduce(or_, (Q(**{f"{field}__icontains": word}) for field in self.search_fields))
            )
        return queryset

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


# Export


def local_time(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


class CsvExportMixin(SpreadsheetExportMixin):
    """A CSV file through Wagtail's export, as its reports write theirs: columns by
    `list_export`, headings by `export_headings`, every cell through `preprocess_field_value`,
    which makes it safe in a spreadsheet (home/spreadsheets.py).

    What people's records need on top: headings in the editor's language though the rows are
    written after the view returns, the byte order mark Excel needs to read č, ć, đ, š and ž,
    rows streamed `rows_per_chunk` at a time (100,000 signatures never sit in memory together,
    and the client gets few writes), and a file name in any script.
    """

    rows_per_chunk = 500
    # Our views offer their own links to the file: not Wagtail's XLSX and CSV buttons.
    show_export_buttons = False
    # Dates and times as the admin shows them, in the site's time zone.
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            **SpreadsheetExportMixin.custom_value_preprocess[datetime.datetime],
            SpreadsheetExportMixin.FORMAT_CSV: local_time,
        },
    }

    def csv_response(self, rows, filename):
        """rows: model instances or dicts, read by `list_export`."""
        headings = {field: self.get_heading(rows, field) for field in self.list_export}
        response = StreamingHttpResponse(
            self.csv_chunks(rows, headings), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response

    def csv_chunks(self, rows, headings):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield "\ufeff".encode() + writer.writerow(headings)  # Echo writes UTF-8 bytes
        chunk = []
        for row in rows:
            chunk.append(self.write_csv_row(writer, self.to_row_dict(row)))
            if len(chunk) == self.rows_per_chunk:
                yield b"".join(chunk)
                chunk = []
        if chunk:
            yield b"".join(chunk)


def may_export(view):
    """A CSV of people is seeing who they are: `export` counts only with `view`."""
    return view.user_has_permission("view") and view.user_has_permission("export")


@method_decorator(never_cache, name="dispatch")
class PeopleExportView(CsvExportMixin, PermissionCheckedMixin, View):
    """A CSV of people's records, for those who may export them (may_export)."""

    def dispatch(self, request, *args, **kwargs):
        # A plain 403 rather than Wagtail's redirect to the dashboard: whatever fetches the
        # file (a bookmark, a script) must not take the dashboard's page for the CSV.
        if not may_export(self):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)
