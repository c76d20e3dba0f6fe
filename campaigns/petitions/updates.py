"""Petition updates: news that editors mail to the signers who asked for it, and the one-click
unsubscribe (RFC 8058) that every such mail carries, being list mail.

An editor writes an update in the admin and sends it after a confirmation page. Sending marks
it sent with the same UPDATE that checks it was not, so a double click, or two editors at once,
send it once. The mails go through the task queue: one task goes through the recipients in
batches and queues a job for each, so neither many signers nor a slow mail server hold up the
editor's request. A job holds only the update's and the signature's ids, never an address or a
text: the task table keeps finished jobs for a while, and it must not keep who was mailed what.
The mail is built when its job runs, so a signer unsubscribed or anonymised by then gets none.
Each signer gets it in their language where the petition has a live translation in it (the
greeting, the links and the footer; the editor's text is as written, transliterated for a
signer who signed in Cyrillic).
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_tasks import task
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton

from campaigns.list_mail import list_headers, one_click_unsubscribe
from campaigns.petitions.models import (
    UNSUBSCRIBE_SALT,
    PetitionUpdate,
    Signature,
    public_id_from_token,
)
from campaigns.petitions.pages import PetitionPage
from campaigns.tasks import send_mail
from home.languages import content_language
from home.models import OrganisationSettings

# Recipients are read this many at a time, so that memory stays flat however many there are.
RECIPIENTS_PER_BATCH = 500


# Sending


def send_update(update, user):
    """Mark the update sent and queue its mails once that commits; False if it was sent
    already."""
    with transaction.atomic():
        claimed = PetitionUpdate.objects.filter(pk=update.pk, sent_at__isnull=True).update(
            sent_at=timezone.now(),
            sent_by=user,
            recipients=update.recipient_signatures().count(),
        )
        if claimed:
            transaction.on_commit(lambda: mail_update.enqueue(update.pk))
    return bool(claimed)


def unsubscribe_url(root_url, signature):
    """The signature's unsubscribe address, in the active language."""
    return root_url + reverse("unsubscribe", args=[signature.unsubscribe_token()])


@task()
def mail_update(update_id):
    """Queue a job per recipient, a batch of them at a time, each with ids alone."""
    update = PetitionUpdate.objects.get(pk=update_id)
    queued = 0
    last_pk = 0
    recipients = update.recipient_signatures().order_by("pk").values_list("pk", flat=True)
    while batch := list(recipients.filter(pk__gt=last_pk)[:RECIPIENTS_PER_BATCH]):
        for signature_id in batch:
            send_update_mail.enqueue(update_id, signature_id)
        queued += len(batch)
        last_pk = batch[-1]
    # What was queued, which may be fewer than counted at sending if some unsubscribed since.
    PetitionUpdate.objects.filter(pk=update_id).update(recipients=queued)


@task()
def send_update_mail(update_id, signature_id):
    """Build and send the update's mail to one signer, if they still want it. Its parameters'
    names are erasure's (campaigns/supporters/erasure.py ID_PARAMETERS): it finds the
    jobs about a person by them."""
    update = PetitionUpdate.objects.select_related("petition").filter(pk=update_id).first()
    # Still a recipient now: not unsubscribed, anonymised, invalidated or deleted meanwhile
    # (nor the petition, and its updates with it).
    signature = update and update.recipient_signatures().filter(pk=signature_id).first()
    if signature is None:
        return
    petition = update.petition
    page = (
        PetitionPage.objects.live()
        .filter(
            translation_key=petition.translation_key,
            # A Cyrillic signer reads the Latin page (home/scripts.py).
            locale__language_code=content_language(signature.language),
        )
        .first()
        or petition
    )
    site = petition.get_site()
    with translation.override(signature.language):
        link = unsubscribe_url(site.root_url, signature)
        body = render_to_string(
            "campaigns/mail/petition_update.txt",
            {
                "update": update,
                "signature": signature,
                "petition": page,
                "petition_url": page.get_full_url(),
                "unsubscribe_url": link,
                "organisation": OrganisationSettings.for_site(site).name,
            },
        )
    send_mail.call(
        update.subject,
        body,
        signature.email,
        headers=list_headers(link),
        language=signature.language,
    )


# Unsubscribing


def show_or_unsubscribe(request, token):
    public_id = public_id_from_token(token, UNSUBSCRIBE_SALT)
    if public_id is None:
        raise Http404
    signature = Signature.objects.filter(public_id=public_id).select_related("petition").first()
    if request.method == "POST":
        if signature is not None:
            Signature.objects.filter(pk=signature.pk).update(newsletter=False)
        subscribed = False
    else:
        # A deleted or anonymised signature gets no mail either: say so, and change nothing.
        subscribed = signature is not None and signature.newsletter
    return TemplateResponse(
        request,
        "campaigns/unsubscribe.html",
        {
            "petition": signature.petition.localized if signature is not None else None,
            "subscribed": subscribed,
        },
    )


# `unsubscribe/<token>/`: GET shows a button, which unsubscribes with POST.
unsubscribe = one_click_unsubscribe(show_or_unsubscribe)


# The admin


class SentUpdatesStayMixin:
    """A sent update is the record of what people were told: it no longer changes."""

    inspect_url_name = None

    def get(self, request, *args, **kwargs):
        return self.refuse_if_sent() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refuse_if_sent() or super().post(request, *args, **kwargs)

    def refuse_if_sent(self):
        update = self.get_object()
        if update.sent_at is None:
            return None
        messages.warning(self.request, _("This update has been sent: it can no longer change."))
        return redirect(self.inspect_url_name, update.pk)


class UpdateEditView(SentUpdatesStayMixin, generic.EditView):
    send_url_name = None

    @cached_property
    def header_buttons(self):
        send_url = reverse(self.send_url_name, args=[self.object.pk])
        return [*super().header_buttons, HeaderButton(_("Send"), url=send_url, icon_name="mail")]


class UpdateDeleteView(SentUpdatesStayMixin, generic.DeleteView):
    pass


class UpdateIndexView(generic.IndexView):
    send_url_name = None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("petition")

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if instance.sent_at is None and self.user_has_permission("change"):
            url = reverse(self.send_url_name, args=[instance.pk])
            buttons.insert(0, ListingButton(_("Send"), url=url, icon_name="mail"))
        return buttons


class SendUpdateView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A confirmation page that says who will get the update; its button sends, with POST."""

    model = PetitionUpdate
    permission_required = "change"
    template_name = "campaigns/admin/updates/send.html"
    page_title = _("Send update")
    header_icon = "mail"
    index_url_name = None
    inspect_url_name = None

    def get_base_object_queryset(self):
        return PetitionUpdate.objects.select_related("petition", "sent_by")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(PetitionUpdate._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            update=self.object,
            recipients=self.object.recipient_signatures().count(),
            inspect_url=reverse(self.inspect_url_name, args=[self.object.pk]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if send_update(self.object, request.user):
            messages.success(request, _("The update is on its way to its recipients."))
        else:
            messages.warning(request, _("This update had already been sent: it went out once."))
        return redirect(self.inspect_url_name, self.object.pk)


class PetitionUpdateViewSet(ModelViewSet):
    model = PetitionUpdate
    icon = "mail"
    menu_label = _("Petition updates")
    panels = [FieldPanel("petition"), FieldPanel("subject"), FieldPanel("body")]
    list_display = [
        "subject",
        "petition",
        DateColumn("created_at", label=_("written at")),
        DateColumn("sent_at", label=_("sent at")),
        Column("recipients", label=_("recipients")),
    ]
    inspect_view_enabled = True
    inspect_view_fields = [
        "petition",
        "subject",
        "body",
        "created_at",
        "sent_at",
        "sent_by",
        "recipients",
    ]
    copy_view_enabled = False
    index_view_class = UpdateIndexView
    edit_view_class = UpdateEditView
    delete_view_class = UpdateDeleteView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(send_url_name=self.get_url_name("send"), **kwargs)

    @property
    def send_view(self):
        return self.construct_view(SendUpdateView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("send/<int:pk>/", self.send_view, name="send")]


# campaigns/wagtail_hooks.py puts it in the admin's Campaigns menu.
petition_update_viewset = PetitionUpdateViewSet("petition-updates")

# portal/urls.py includes these in its i18n_patterns: the unsubscribe page has each language's
# address, /unsubscribe/<token>/ and /en/unsubscribe/<token>/.
urlpatterns = [path("<str:token>/", unsubscribe, name="unsubscribe")]
