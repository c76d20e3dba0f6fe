"""The request page: why ask, what to ask, and the letter filled in with the requester's details,
to read, to copy into their own mail, or to take as a PDF. The portal sends nothing in their
name and keeps nothing of what they typed (issue 23)."""

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
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
from campaigns.information_requests.forms import RequesterForm
from campaigns.information_requests.letters import PLACEHOLDERS, Letter, unknown_placeholders
from campaigns.information_requests.models import Authority
from home.blocks import BaseStreamBlock
from home.forms import is_from_a_bot
from home.models import BasePage
from home.page_routes import LocalisedRoutablePageMixin, translated_path
from home.ratelimit import over_rate

__all__ = ["RequestPage"]

# Longer addresses than this some mail programs cut or refuse (Outlook's 2,083 characters): the
# letter is then left out of the link, to be pasted from the page.
MAILTO_MAX_LENGTH = 2000


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
    # It names its authority: a change there makes the kept page new.
    page_cache_lists = ("campaigns.Authority",)
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

    def letter_authority(self):
        """The authority as the letter names it: in Serbian, the letter's language, whichever
        language's record the page points to."""
        serbian = Locale.get_default()
        if self.authority.locale_id == serbian.pk:
            return self.authority
        return self.authority.get_translation_or_none(serbian) or self.authority

    def letter_for(self, requester):
        return Letter.fill(
            template=self.letter,
            subject=self.letter_subject,
            authority=self.letter_authority(),
            requester=requester,
            written_on=timezone.localdate(),
            reading_language=get_language(),
        )

    def mail_address(self):
        """Where the letter goes by email: a request for one's own data to the data
        protection officer's address if there is one, else the authority's for requests."""
        authority = self.letter_authority()
        if self.law == Law.PERSONAL_DATA and authority.data_protection_email:
            return authority.data_protection_email
        return authority.request_email

    def mail_link(self, letter):
        """(A mailto: link that opens the requester's own mail program with the letter,
        whether the letter's text is in it): with its subject only when the letter is too
        long for a link, to be pasted from the page. (None, False) without an address."""
        address = self.mail_address()
        if not address:
            return None, False
        link = f"mailto:{quote(address, safe='@')}?subject={quote(letter.subject)}"
        # Line breaks in a mailto: body are CRLF (RFC 6068).
        body = quote(letter.text().replace("\n", "\r\n"))
        with_body = f"{link}&body={body}"
        if len(with_body) <= MAILTO_MAX_LENGTH:
            return with_body, True
        return link, False

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
                mail_link, mail_has_letter = self.mail_link(letter)
                return private(
                    self.render(
                        request,
                        context_overrides={
                            "form": form,
                            "letter": letter,
                            "mail_link": mail_link,
                            "mail_has_letter": mail_has_letter,
                            "mail_address": self.mail_address(),
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["answer_days"] = self.terms.answer_days
        context["extended_days"] = self.terms.extended_days
        return context


def private(response):
    """A response with someone's details in it: kept by no cache, the browser's either."""
    patch_cache_control(response, private=True, no_store=True)
    return response
