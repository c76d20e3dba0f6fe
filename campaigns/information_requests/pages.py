"""The request page: why ask, what to ask, and the letter filled in with the requester's details,
to read, to copy into their own mail, or to take as a PDF. The portal sends nothing in their
name and keeps nothing of what they typed (issue 23)."""

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaigns.information_requests.deadlines import TERMS, Law
from campaigns.information_requests.forms import (
    TRACKING_CONSENT_TEXT,
    TRACKING_CONSENT_VERSION,
    RequesterForm,
    TrackingForm,
)
from campaigns.information_requests.letters import (
    PLACEHOLDERS,
    Letter,
    mail_link,
    unknown_placeholders,
)
from campaigns.information_requests.models import Authority, InformationRequest
from campaigns.information_requests.register import RegisterEntry
from home.blocks import BaseStreamBlock
from home.forms import is_from_a_bot
from home.kept import kept
from home.models import BasePage, IntroPage, paginate
from home.page_cache import model_version
from home.page_routes import LocalisedRoutablePageMixin, translated_path
from home.ratelimit import over_rate

__all__ = ["RegisterPage", "RequestPage"]

# The pages after "keep track of it": its form again, with what is wrong; the mail is on its way.
TRACK = "campaigns/request_track.html"
CHECK_MAIL = "campaigns/request_check_mail.html"


class RequestPage(LocalisedRoutablePageMixin, BasePage):
    """A request to an authority that citizens make in their own name: for information of
    public importance, or for their own personal data."""

    law = models.CharField(_("Law"), max_length=20, choices=Law.choices, default=Law.INFORMATION)
    authority = models.ForeignKey(
        Authority,
        verbose_name=_("Authority"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Who the request goes to (Snippets → Authorities)."),
    )
    explanation = StreamField(
        BaseStreamBlock(), verbose_name=_("Why ask"), blank=True, use_json_field=True
    )
    letter_subject = models.CharField(
        _("Letter's subject"),
        max_length=200,
        help_text=_("For example: Request for access to information of public importance."),
    )
    letter = models.TextField(
        _("Letter"),
        max_length=5000,
        help_text=format_lazy(
            _(
                "The request's text, in Serbian (the authority's language), whatever the page's "
                "language; the requester's name, address and the date go above it by themselves. "
                "In braces you may use: {placeholders}."
            ),
            placeholders=", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
        ),
    )

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    # It names its authority and the register's figures for it: a change in either makes
    # the kept page new.
    page_cache_lists = ("campaigns.Authority", "campaigns.RegisterEntry", "campaigns.RegisterPage")
    # The letter goes to a Serbian authority whatever the page's language.
    override_translatable_fields = [
        SynchronizedField("letter_subject"),
        SynchronizedField("letter"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("law"), FieldPanel("authority")], heading=_("Request")),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [FieldPanel("letter_subject"), FieldPanel("letter")], heading=_("The letter")
        ),
    ]
    search_kind_words = _("request information authority")
    search_fields = [*Page.search_fields, index.SearchField("explanation")]

    class Meta:
        verbose_name = _("Request to an authority")
        verbose_name_plural = _("Requests to authorities")

    def clean(self):
        super().clean()
        unknown = unknown_placeholders(self.letter or "")
        if unknown:
            raise ValidationError(
                {
                    "letter": _("Unknown placeholders: %(names)s. Use only: %(known)s.")
                    % {
                        "names": ", ".join(f"{{{name}}}" for name in unknown),
                        "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
                    }
                }
            )

    @property
    def terms(self):
        return TERMS[Law(self.law)]

    @cached_property
    def letter_authority(self):
        """The authority as the letter names it: in Serbian, the letter's language, whichever
        language's record the page points to. Cached: a letter's POST asks for it three times
        (the letter, the mail address, the link)."""
        serbian = Locale.get_default()
        if self.authority.locale_id == serbian.pk:
            return self.authority
        return self.authority.get_translation_or_none(serbian) or self.authority

    def letter_for(self, requester):
        return Letter.fill(
            template=self.letter,
            subject=self.letter_subject,
            authority=self.letter_authority,
            requester=requester,
            written_on=timezone.localdate(),
            reading_language=get_language(),
        )

    def mail_address(self):
        """Where the letter goes by email: a request for one's own data to the data
        protection officer's address if there is one, else the authority's for requests."""
        authority = self.letter_authority
        if self.law == Law.PERSONAL_DATA and authority.data_protection_email:
            return authority.data_protection_email
        return authority.request_email

    def requester_form(self, request):
        """The form as sent, or None (with the reason's response) when it may not be read."""
        refused = over_rate(request, "request-letter", "REQUEST_LETTER_RATE_LIMIT")
        if refused:
            return None, refused
        return RequesterForm(request.POST), None

    @path("")
    def request_page(self, request):
        if request.method == "POST":
            form, refused = self.requester_form(request)
            if refused:
                return refused
            # A bot's request is shown the empty form again, and nothing is made.
            if not is_from_a_bot(request.POST) and form.is_valid():
                letter = self.letter_for(form.requester())
                link, mail_has_letter = mail_link(self.mail_address(), letter)
                return private(
                    self.render(
                        request,
                        context_overrides={
                            "form": form,
                            "letter": letter,
                            "mail_link": link,
                            "mail_has_letter": mail_has_letter,
                            "mail_address": self.mail_address(),
                            "tracking_form": TrackingForm(
                                law=self.law,
                                initial={
                                    "email": form.cleaned_data["email"],
                                    "received_on": timezone.localdate(),
                                },
                            ),
                        },
                    )
                )
            if is_from_a_bot(request.POST):
                form = RequesterForm()
            return private(self.render(request, context_overrides={"form": form}))
        return self.render(request, context_overrides={"form": RequesterForm()})

    # A page's sub-route ends in a slash (Wagtail routes path components): the file is named by
    # its Content-Disposition.
    @translated_path("letter/", "pismo/")
    def letter_pdf(self, request):
        if request.method == "GET":
            return redirect(self.url)
        if request.method != "POST":
            return HttpResponseNotAllowed(["GET", "POST"])
        form, refused = self.requester_form(request)
        if refused:
            return refused
        if is_from_a_bot(request.POST) or not form.is_valid():
            # Only the page's own form sends here: show it, with what is wrong.
            return private(self.render(request, context_overrides={"form": form}))
        response = HttpResponse(
            self.letter_for(form.requester()).pdf(), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.pdf"'
        return private(response)

    @translated_path("track/", "pracenje/")
    def track(self, request):
        """Keep track of the letter just made: mail its author the request's own page."""
        if request.method == "GET":
            return redirect(self.url)
        if request.method != "POST":
            return HttpResponseNotAllowed(["GET", "POST"])
        refused = over_rate(request, "request-tracking", "REQUEST_TRACKING_RATE_LIMIT")
        if refused:
            return refused
        form = TrackingForm(request.POST, law=self.law)
        if is_from_a_bot(request.POST):
            # Answered as if it worked, so that a bot learns nothing; nothing is stored.
            return private(self.render(request, template=CHECK_MAIL, context_overrides={}))
        if not form.is_valid():
            return private(
                self.render(request, template=TRACK, context_overrides={"tracking_form": form})
            )
        email = form.cleaned_data["email"]
        # A logged-in author's own verified address needs no confirming by mail.
        confirmed = request.user.is_authenticated and (
            EmailAddress.objects.filter(
                user=request.user, verified=True, email__iexact=email
            ).exists()
        )
        tracked = InformationRequest.start(
            page=self,
            authority=self.letter_authority,
            email=email,
            received_on=form.cleaned_data["received_on"],
            urgent=form.cleaned_data.get("urgent", False),
            language=get_language(),
            consent_text=TRACKING_CONSENT_TEXT,
            consent_version=TRACKING_CONSENT_VERSION,
            confirmed=confirmed,
        )
        if confirmed:
            return redirect("request_tracking", token=tracked.token)
        return private(self.render(request, template=CHECK_MAIL, context_overrides={}))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["answer_days"] = self.terms.answer_days
        context["extended_days"] = self.terms.extended_days
        context["register_summary"] = self.register_summary()
        return context

    def register_summary(self):
        """{"url", "figures"} of the register's page for this page's authority, or None where
        there is no register or nothing in it about the authority. Kept while no entry,
        register page or authority changes, for the day ("late" moves with it)."""

        def summary():
            register = RegisterPage.objects.live().public().filter(locale_id=self.locale_id)
            register = register.first()
            key = self.authority.translation_key
            figures = register and RegisterEntry.figures([self.authority]).get(key)
            if not figures or register.url is None:
                return None
            address = register.reverse_subpage("authority", args=[self.authority.pk])
            return {"url": register.url + address, "figures": figures}

        key = f"campaigns:register:{self.pk}:{get_language()}:{timezone.localdate()}"
        versions = [model_version(model) for model in (RegisterEntry, RegisterPage, Authority)]
        return kept(key, versions, summary)


def private(response):
    """A response with someone's details in it: kept by no cache, the browser's either."""
    patch_cache_control(response, private=True, no_store=True)
    return response


# Entries of one authority on a page of the register.
ENTRIES_PER_PAGE = 50


class RegisterPage(LocalisedRoutablePageMixin, IntroPage):
    """The public register: what the authorities answered to requests their authors chose to
    publish, counted per authority (register.py), each authority's entries under its own
    address with the answers to read."""

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    page_cache_lists = ("campaigns.Authority", "campaigns.RegisterEntry")
    search_kind_words = _("register requests answers authorities")

    class Meta:
        verbose_name = _("Register of requests")
        verbose_name_plural = _("Registers of requests")

    def authorities(self):
        """The authorities in the page's language (or the default language's, where they
        have no translation) with their figures, the most asked first."""
        figures = RegisterEntry.figures()
        default = Locale.get_default()
        records = Authority.objects.filter(
            translation_key__in=figures, locale_id__in={self.locale_id, default.pk}
        )
        shown = {}
        for authority in records:
            if authority.locale_id == self.locale_id or authority.translation_key not in shown:
                shown[authority.translation_key] = authority
        rows = [(authority, figures[key]) for key, authority in shown.items()]
        return sorted(rows, key=lambda row: (-row[1]["requests"], row[0].name))

    @path("")
    def register(self, request):
        return self.render(request, context_overrides={"authorities": self.authorities()})

    @translated_path("authority/<int:pk>/", "organ/<int:pk>/")
    def authority(self, request, pk):
        authority = Authority.objects.filter(pk=pk).first()
        if authority is None:
            raise Http404
        entries = (
            RegisterEntry.published()
            .filter(authority__translation_key=authority.translation_key)
            .select_related("answer_document")
            .order_by("-received_on", "-pk")
        )
        listing, query_string = paginate(request, entries, ENTRIES_PER_PAGE)
        figures = RegisterEntry.figures([authority]).get(authority.translation_key)
        return self.render(
            request,
            template="campaigns/register_authority.html",
            context_overrides={
                "authority": authority,
                "figures": figures,
                "entries": listing,
                "query_string": query_string,
            },
        )
