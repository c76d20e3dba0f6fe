"""The moderators' review of a petition's signatures: where a bulk attack shows.

A confirmed signature counts whatever the per-client figures say (people share addresses), so
moderators look for abuse here: a petition's signatures grouped by the client's daily pseudonym
(Signature.client_key), by the domain of their addresses and by the hour they came in, biggest
first, with how many of each group are confirmed, unconfirmed and invalidated and how many came
over the per-client rate. From a group, the bulk invalidation of campaigns/petitions/admin.py
(preview first, then the petition's history) takes it out of the count.

No address is shown: domains, pseudonyms, counts and times only. Each kind of group is one
aggregate query, however many signatures there are; a page shows CLUSTERS_PER_PAGE groups.
"""

from datetime import timedelta

from django import forms
from django.db.models import Count, F, IntegerField, Max, Min, Q, Value
from django.db.models.functions import StrIndex, Substr, TruncHour
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from campaigns.petitions.admin import PetitionField, UnderSignaturesMixin
from campaigns.petitions.models import Signature

CLUSTERS_PER_PAGE = 20
# Pages beyond this are refused: by then the groups hold a signature or two each.
MAX_PAGE = 500
# The date and time the bulk invalidation's fields read (AdminDateTimeInput).
FIELD_TIME_FORMAT = "%Y-%m-%d %H:%M"


def figures():
    """What each group counts: its signatures in each state, and those over the rate."""
    return {
        "signatures": Count("pk"),
        "confirmed": Count("pk", filter=Q(confirmed_at__isnull=False, invalidated_at__isnull=True)),
        "unconfirmed": Count(
            "pk", filter=Q(confirmed_at__isnull=True, invalidated_at__isnull=True)
        ),
        "invalidated": Count("pk", filter=Q(invalidated_at__isnull=False)),
        "over_rate": Count("pk", filter=Q(over_client_rate=True)),
        "first": Min("created_at"),
        "last": Max("created_at"),
    }


def email_domain():
    """The part of the normalised address after its @ (a normalised address has one)."""
    return Substr(
        "email_normalised",
        StrIndex("email_normalised", Value("@")) + Value(1, output_field=IntegerField()),
    )


class ReviewForm(forms.Form):
    petition = PetitionField()


class Clusters:
    """One kind of group of a petition's signatures, a page of them, biggest first."""

    def __init__(self, kind, title, rows, page, has_next):
        self.kind, self.title, self.rows = kind, title, rows
        self.page, self.has_next = page, has_next


class SignatureReviewView(
    UnderSignaturesMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    model = Signature
    permission_required = "change"
    template_name = "campaigns/admin/signature_review.html"
    page_title = _("Review signatures")
    header_icon = "search"

    @cached_property
    def form(self):
        return ReviewForm(self.request.GET if "petition" in self.request.GET else None)

    def page_number(self, kind):
        value = self.request.GET.get(f"{kind}_page", "1")
        if not (value.isascii() and value.isdigit() and len(value) <= 4):
            return 1
        return min(max(int(value), 1), MAX_PAGE)

    def clusters(self, signatures, kind, title, group_by):
        page = self.page_number(kind)
        start = (page - 1) * CLUSTERS_PER_PAGE
        rows = list(
            signatures.values(group=F(group_by))
            .annotate(**figures())
            .order_by("-signatures", "group")[start : start + CLUSTERS_PER_PAGE + 1]
        )
        has_next = len(rows) > CLUSTERS_PER_PAGE
        rows = rows[:CLUSTERS_PER_PAGE]
        return Clusters(kind, title, rows, page, has_next)

    def invalidate_url(self, petition, **criteria):
        query = urlencode({"petition": petition.pk, **criteria, "preview": "1"})
        return f"{reverse('signatures:invalidate')}?{query}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        if not self.form.is_valid():
            return context
        petition = self.form.cleaned_data["petition"]
        signatures = Signature.objects.filter(petition_key=petition.translation_key)
        by_client = self.clusters(
            signatures.exclude(client_key=""), "client", _("By client (one day)"), "client_key"
        )
        by_domain = self.clusters(
            signatures.filter(email_normalised__isnull=False).annotate(domain=email_domain()),
            "domain",
            _("By email domain"),
            "domain",
        )
        by_hour = self.clusters(
            signatures.annotate(hour=TruncHour("created_at")), "hour", _("By hour"), "hour"
        )
        for row in by_client.rows:
            row["invalidate_url"] = self.invalidate_url(petition, client_key=row["group"])
        for row in by_domain.rows:
            row["invalidate_url"] = self.invalidate_url(petition, domain=row["group"])
        for row in by_hour.rows:
            start = timezone.localtime(row["group"])
            row["invalidate_url"] = self.invalidate_url(
                petition,
                signed_from=start.strftime(FIELD_TIME_FORMAT),
                signed_before=(start + timedelta(hours=1)).strftime(FIELD_TIME_FORMAT),
            )
        pages = {kind: self.page_number(kind) for kind in ("client", "domain", "hour")}
        for clusters in (by_client, by_domain, by_hour):
            base = {"petition": petition.pk, **{f"{k}_page": v for k, v in pages.items()}}
            clusters.previous_url = "?" + urlencode(
                {**base, f"{clusters.kind}_page": clusters.page - 1}
            )
            clusters.next_url = "?" + urlencode(
                {**base, f"{clusters.kind}_page": clusters.page + 1}
            )
        context.update(
            petition=petition,
            totals=signatures.aggregate(**figures()),
            cluster_kinds=[by_client, by_domain, by_hour],
        )
        return context
