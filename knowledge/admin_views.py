"""“Explainers to review”: a report in Wagtail's admin, and its count on the dashboard.

Laws and systems change, so every explainer carries the date by which it must be checked
again. The report lists those whose date has passed (`overdue_review_dates`, the rule the
public page's notice follows too), in every language, most overdue first, and on request those
that have no such date at all. It shows what the user may edit, and downloads as CSV or XLSX
like Wagtail's own reports.
"""

import django_filters
from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, TitleColumn
from wagtail.admin.views.reports import PageReportView
from wagtail.permissions import page_permission_policy

from .models import ExplainerPage, overdue_review_dates

DUE = "due"
UNDATED = "undated"


def can_see_report(user):
    return page_permission_policy.user_has_permission(user, "change")


def editable_explainers(user):
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return ExplainerPage.objects.filter(pk__in=editable.values("pk"))


def explainers_due(user):
    return editable_explainers(user).filter(review_due__range=overdue_review_dates())


class ExplainersToReviewFilterSet(WagtailFilterSet):
    review = django_filters.ChoiceFilter(
        label=_("Review"),
        choices=[(DUE, _("Review date passed")), (UNDATED, _("No review date"))],
        empty_label=None,
        initial=DUE,
        widget=forms.RadioSelect,
        method="filter_review",
    )

    class Meta:
        model = ExplainerPage
        fields = ["review"]

    def __init__(self, data=None, *args, **kwargs):
        # Unfiltered, the report shows what is due: that is what it is for.
        if data is not None and not data.get("review"):
            data = data.copy()
            data["review"] = DUE
        super().__init__(data, *args, **kwargs)

    def filter_review(self, queryset, name, value):
        if value == UNDATED:
            return queryset.filter(review_due__isnull=True)
        return queryset.filter(review_due__range=overdue_review_dates())


class ExplainersToReviewView(PageReportView):
    model = ExplainerPage
    permission_policy = page_permission_policy
    permission_required = "change"
    page_title = _("Explainers to review")
    header_icon = "calendar-check"
    results_template_name = "knowledge/admin/explainers_to_review_results.html"
    index_url_name = "knowledge_explainers_to_review"
    index_results_url_name = "knowledge_explainers_to_review_results"
    filterset_class = ExplainersToReviewFilterSet
    default_ordering = "review_due"
    columns = [
        TitleColumn(
            "title", label=_("Title"), url_name="wagtailadmin_pages:edit", sort_key="title"
        ),
        LocaleColumn(label=_("Language")),
        Column("reviewed_on", label=_("Reviewed on"), sort_key="reviewed_on"),
        Column("reviewed_by", label=_("Reviewed by")),
        Column("review_due", label=_("Review again by"), sort_key="review_due"),
        DateColumn("last_published_at", label=_("Last published"), sort_key="last_published_at"),
    ]
    list_export = [
        "title",
        "locale",
        "reviewed_on",
        "reviewed_by",
        "review_due",
        "last_published_at",
    ]
    export_headings = {
        "title": _("Title"),
        "locale": _("Language"),
        "reviewed_on": _("Reviewed on"),
        "reviewed_by": _("Reviewed by"),
        "review_due": _("Review again by"),
        "last_published_at": _("Last published"),
    }

    def get_filename(self):
        return f"explainers-to-review-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        return editable_explainers(self.request.user).select_related("locale")

    def order_queryset(self, queryset):
        # Equal dates (or none) keep a stable order across pages.
        return queryset.order_by(self.ordering, "title", "pk")


class ExplainersToReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


class ExplainersDuePanel(Component):
    """On the dashboard, when any are due: how many explainers to review, with the report."""

    name = "explainers_due_for_review"
    template_name = "knowledge/admin/explainers_due_panel.html"
    order = 60

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "report_url": reverse("knowledge_explainers_to_review")}
