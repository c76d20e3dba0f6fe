"""The petition's page: what it asks, its count and progress, and the signing under its address.

Its routes handle the requests; what signing and confirming do is signing.py's.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import BooleanField, Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from campaigns.petitions.forms import SignatureForm
from campaigns.petitions.models import (
    CONFIRMATION_GRACE,
    RECENT_SIGNERS,
    PetitionCount,
    Signature,
    confirmation_token,
)
from campaigns.petitions.signing import confirmation_outcome, record_signature
from home.forms import is_from_a_bot
from home.models import LIVE_FIGURES, BasePage
from home.page_queries import SitePageQuerySet
from home.page_routes import LocalisedRoutablePageMixin, translated_path
from map.blocks import CameraMapStreamBlock
from map.models import Municipality

__all__ = ["PetitionPage"]


class PetitionPageQuerySet(SitePageQuerySet):
    """Petitions as the site lists them: the one ordering rule of every list of petitions (the
    campaigns page, the home page's current petition), so a closed one never ranks above an
    open one however new it is."""

    @staticmethod
    def open_q(now=None):
        """Signing is open: not closed by editors, and the deadline (if any) still ahead.
        PetitionPage.is_open() says the same of one page in hand."""
        now = now or timezone.now()
        return Q(state=PetitionPage.State.OPEN) & (Q(deadline__isnull=True) | Q(deadline__gt=now))

    def open_now(self, now=None):
        return self.filter(self.open_q(now))

    def finished(self, now=None):
        """Won and closed petitions, also those whose deadline passed while marked open."""
        return self.exclude(self.open_q(now))

    def open_first(self, now=None):
        """Open petitions first, then won and closed ones; newest first within each. (Pages
        made in code have no publishing date: last, on SQLite and PostgreSQL alike.)"""
        return self.annotate(
            signing_open=Case(
                When(self.open_q(now), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        ).order_by("-signing_open", F("first_published_at").desc(nulls_last=True), "-pk")


class PetitionPage(LocalisedRoutablePageMixin, BasePage):
    page_cache_timeout = LIVE_FIGURES  # its count of signatures

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        SUCCEEDED = "succeeded", _("Succeeded")

    demand = models.TextField(_("Demand"), help_text=_("The petition's text: what we ask for."))
    addressed_to = models.CharField(
        _("Addressed to"), max_length=200, help_text=_("Who must answer, e.g. the City Assembly.")
    )
    background = StreamField(CameraMapStreamBlock(), verbose_name=_("Background"), blank=True)
    goal = models.PositiveIntegerField(
        _("Goal"), default=1000, validators=[MinValueValidator(1)], help_text=_("Signatures.")
    )
    deadline = models.DateTimeField(
        _("Deadline"), null=True, blank=True, help_text=_("Signing closes at this time.")
    )
    state = models.CharField(_("State"), max_length=10, choices=State, default=State.OPEN)
    closed_at = models.DateTimeField(_("Closed at"), null=True, blank=True, editable=False)
    personal_data_anonymised_at = models.DateTimeField(
        _("Signers' personal data anonymised at"), null=True, blank=True, editable=False
    )
    show_recent_signers = models.BooleanField(
        _("Show recent signers"),
        default=True,
        help_text=_("The first names and municipalities of signers who agreed to be shown."),
    )
    keep_personal_data = models.BooleanField(
        _("Keep signers' personal data"),
        default=False,
        help_text=_(
            "Exempt this petition from anonymisation six months after it closes. Only when the "
            "law or the addressee requires the signers' names."
        ),
    )

    objects = PageManager.from_queryset(PetitionPageQuerySet)()

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("demand"),
        FieldPanel("addressed_to"),
        FieldPanel("background"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("goal"), FieldPanel("deadline")]),
                FieldPanel("state"),
                FieldPanel("show_recent_signers"),
                FieldPanel("keep_personal_data"),
            ],
            heading=_("Signing"),
        ),
    ]
    search_kind_words = _("petition signatures sign")
    search_fields = [
        *Page.search_fields,
        index.SearchField("demand"),
        index.SearchField("background"),
    ]

    class Meta:
        verbose_name = _("Petition")
        verbose_name_plural = _("Petitions")

    @property
    def summary(self):
        return self.demand

    def save(self, *args, **kwargs):
        if self.state == self.State.OPEN:
            self.closed_at = None
        elif self.closed_at is None:
            self.closed_at = timezone.now()
        result = super().save(*args, **kwargs)
        # Translations share the counter, so the first of them creates it.
        PetitionCount.objects.get_or_create(translation_key=self.translation_key)
        return result

    # State, taking the deadline into account.

    def ended_at(self, now=None):
        """When signing stopped, or None while it is open: a passed deadline closes it too."""
        if self.state != self.State.OPEN:
            return self.closed_at
        now = now or timezone.now()
        if self.deadline and self.deadline <= now:
            return self.deadline
        return None

    def is_open(self, now=None):
        return self.ended_at(now) is None

    @property
    def is_finished(self):
        """Nothing left to act on (the site search lists such pages after the others)."""
        return not self.is_open()

    def current_state(self, now=None):
        if self.state == self.State.OPEN and not self.is_open(now):
            return self.State.CLOSED
        return self.State(self.state)

    def accepts_confirmations(self, now=None):
        now = now or timezone.now()
        ended = self.ended_at(now)
        return ended is None or now < ended + CONFIRMATION_GRACE

    # The count.

    @classmethod
    def with_counts(cls, queryset):
        """`queryset` with each petition's count read in the same query (one subquery on the
        counters, by translation key), so a list of petitions costs the same queries however
        long it is; signature_count then reads it."""
        counted = PetitionCount.objects.filter(translation_key=OuterRef("translation_key"))
        return queryset.annotate(
            counted_signatures=Coalesce(Subquery(counted.values("count")[:1]), 0)
        )

    @cached_property
    def signature_count(self):
        annotated = self.__dict__.get("counted_signatures")
        return self.confirmed_count() if annotated is None else annotated

    @property
    def progress(self):
        """What a <progress max=goal> shows: the count, capped at the goal."""
        return max(0, min(self.signature_count, self.goal))

    @property
    def percent(self):
        return min(100, max(0, self.signature_count) * 100 // self.goal)

    @property
    def goal_reached(self):
        return self.signature_count >= self.goal

    @property
    def won(self):
        """Editors mark a petition succeeded once its demand is met: the win we celebrate."""
        return self.state == self.State.SUCCEEDED

    def confirmed_count(self):
        return (
            PetitionCount.objects.filter(translation_key=self.translation_key)
            .values_list("count", flat=True)
            .first()
            or 0
        )

    def recent_signers(self):
        """The last confirmed, valid signers who agreed to show their first name, with their
        municipality named in the reader's language. None once the signers' personal data is
        anonymised: their names are gone, and a list of places alone says nothing."""
        if self.personal_data_anonymised_at:
            return Signature.objects.none()
        return (
            Signature.objects.valid()
            .filter(petition_key=self.translation_key, show_first_name=True)
            .annotate(municipality_name=Municipality.objects.local_name_of())
            .order_by("-confirmed_at", "-pk")
            .values("first_name", "municipality_name")[:RECENT_SIGNERS]
        )

    def with_content_json(self, content):
        """The page as a revision has it, keeping when the signers' data was anonymised:
        anonymise_signatures sets that on the page, outside revisions, and publishing a
        revision drafted before must not make the page forget it."""
        page = super().with_content_json(content)
        page.personal_data_anonymised_at = self.personal_data_anonymised_at
        return page

    # Routes, in the page's language (home/page_routes.py): the page with its sign form, the
    # page after signing, the confirmation link's page; what signing and confirming do is
    # signing.py's. The sign form posts to views.sign_petition, which finds the petition by its
    # id; `count.json` has no slash at the end, which Wagtail does not route: portal/urls.py
    # sends both to views.py.

    def confirmation_url(self, signature, request=None):
        token = confirmation_token(signature)
        return self.get_full_url(request) + self.reverse_subpage("confirm", args=[token])

    def thanks_url(self, request):
        """The local address of the page after signing.

        What self.get_url(request) gives on the petition's own site, without the query that
        finds the request's site: the form that posted was served from the petition's site, and
        this is the address its visitor goes on to. The request caches the sites' root paths.
        """
        parts = self.get_url_parts(request)
        if parts is None or parts[2] is None:
            raise Http404  # outside every site: Wagtail would not serve it either
        return parts[2] + self.reverse_subpage("check_mail")

    def sign_context(self, request, form):
        """The page's context: its own view and a sign POST with errors show the same."""
        count = self.confirmed_count()
        return {
            **self.get_context(request),
            "form": form,
            "count": count,
            "progress": min(count, self.goal),
            "percent": min(100, count * 100 // self.goal),
            "state": self.current_state(),
            "recent_signers": self.recent_signers() if self.show_recent_signers else [],
        }

    @path("")
    def sign(self, request, thanks=None):
        """The petition page and the signing: a POST here or to views.sign_petition, which
        knows the `thanks` page's address already."""
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        form = None
        if request.method == "POST" and self.is_open():
            thanks = thanks or self.thanks_url(request)
            if is_from_a_bot(request.POST):
                # A bot: answer as if it worked, so it learns nothing, and store nothing.
                return redirect(thanks)
            form = SignatureForm(request.POST)
            if form.is_valid():
                record_signature(request, self, form.cleaned_data)
                return redirect(thanks)
        if form is None and self.is_open():
            form = SignatureForm()
        # views.sign_petition's petition has only what signing reads (SIGNING_FIELDS).
        petition = type(self).objects.get(pk=self.pk) if self.get_deferred_fields() else self
        return TemplateResponse(
            request, "campaigns/petition_page.html", petition.sign_context(request, form)
        )

    @translated_path("thanks/", "hvala/")
    def check_mail(self, request):
        return TemplateResponse(
            request, "campaigns/petition_check_mail.html", {"page": self, "self": self}
        )

    @translated_path("confirm/<str:token>/", "potvrda/<str:token>/")
    def confirm(self, request, token):
        """A page with a button: mail scanners follow links with GET, so only POST confirms."""
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        outcome, status = confirmation_outcome(
            self, Signature.from_token(token), confirming=request.method == "POST"
        )
        return TemplateResponse(
            request,
            "campaigns/petition_confirm.html",
            {"page": self, "self": self, "outcome": outcome},
            status=status,
        )
