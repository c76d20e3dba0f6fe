"""Erasure requests in the admin: staff erase a person's data by address, with a preview.

For someone who asks by mail (with or without an account) to have their data erased
(ZZPL article 30). Only people with the permission "Can delete supporter"
(`campaigns.delete_supporter`, offered in Settings → Groups) may: it deletes accounts and
anonymises signatures. Whoever handles the request first makes sure that it comes from the
address's owner, for example by answering it at that address.

The address travels in POST bodies only, never in a URL (which browsers, proxies and logs
keep). The audit log entry says who erased how much, and when, never whose data: the log must
not keep what was erased. It belongs to supporter 0, as home/record_access.py's listings do:
the person has no row left to point at.
"""

from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter, log

from campaigns.supporters.erasure import for_address
from campaigns.supporters.models import Supporter

ERASE_PERMISSION = "campaigns.delete_supporter"
ERASE_ACTION = "campaigns.person.erase"
# What the preview and the log entry count, in the order shown, with their labels.
COUNTED = (
    ("accounts", _("Accounts (with their supporter record, addresses and second factors)")),
    ("signatures", _("Signatures (confirmed ones are anonymised and stay in the count)")),
    ("registrations", _("Event registrations (places are given to the waiting list)")),
    ("reports", _("Camera reports (their contact address is removed)")),
    ("information_requests", _("Tracked requests to authorities")),
    ("jobs", _("Queued or finished mail jobs")),
    ("sessions", _("Sessions")),
    ("log_entries", _("Audit log entries (their names and details are removed)")),
)


def can_erase(user):
    return user.has_perm(ERASE_PERMISSION)


class ErasureForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_(
            "The address of the person who asked. Its other forms (capitals, a +tag, dots in "
            "a Gmail address) are found too."
        ),
        error_messages={
            "required": _("Enter the address of the person who asked for erasure."),
            "invalid": _("Enter an email address such as ana@example.org."),
        },
    )


@method_decorator(never_cache, name="dispatch")
class ErasureView(WagtailAdminTemplateMixin, FormView):
    """Enter the address, see what would be erased, confirm. Both steps are POSTs."""

    form_class = ErasureForm
    template_name = "campaigns/admin/erase_person.html"
    page_title = _("Erase a person's data")
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        if not can_erase(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        person = for_address(form.cleaned_data["email"])
        if "confirm" not in self.request.POST or person.staff:
            context = {"form": form, "preview": self.rows(person.preview()), "person": person}
            return self.render_to_response(self.get_context_data(**context))
        with transaction.atomic():
            counts = person.erase()
            # Supporter 0: no row, as the person has none left; the counts only, no address.
            log(
                Supporter(pk=0),
                ERASE_ACTION,
                user=self.request.user,
                title=str(_("Erasure request")),
                data={name: counts[name] for name, _label in COUNTED},
            )
        messages.success(self.request, _("The person's data is erased."))
        return redirect(reverse("erase_person"))

    def rows(self, counts):
        return [(label, counts[name]) for name, label in COUNTED]


# What the site history's line says; the entry's data has all of COUNTED.
COUNTED_IN_MESSAGE = ("accounts", "signatures", "registrations", "reports")


class ErasureFormatter(LogFormatter):
    label = _("Erase a person's data")

    def format_message(self, log_entry):
        data = log_entry.data
        return _(
            "A person's data erased (accounts: %(accounts)d, signatures: %(signatures)d, "
            "registrations: %(registrations)d, camera reports: %(reports)d)"
        ) % {name: int(data.get(name, 0)) for name in COUNTED_IN_MESSAGE}


class ErasureMenuItem(MenuItem):
    def is_shown(self, request):
        return can_erase(request.user)


def erasure_urls():
    return [path("erase-person/", ErasureView.as_view(), name="erase_person")]


def erasure_menu_item():
    return ErasureMenuItem(_("Erasure requests"), reverse("erase_person"), icon_name="bin")


def erasure_permission():
    # The supporters' listing offers no deleting, so its permission is offered here: in the
    # group editor it reads "Supporter: delete".
    return Permission.objects.filter(
        content_type__app_label="campaigns", codename="delete_supporter"
    )
