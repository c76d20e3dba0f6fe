"""The public form for registering for an event."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaigns.events.models import Registration
from campaigns.fields import EmailAddressField, NameField
from home.forms import honeypot_field

# Change the version whenever the consent wording below changes: each registration records
# which wording its author agreed to.
REGISTRATION_CONSENT_VERSION = "2025-1"
REGISTRATION_CONSENT_TEXT = _(
    "I agree that Kamere may keep my name and email address to manage my place at this event "
    "and to write to me about it. They are deleted after the event."
)


class RegistrationForm(forms.Form):
    # The signers' rules: no spreadsheet formula, no web address, at most 100 characters.
    name = NameField(
        label=_("Your name"),
        required_message=_("Enter your name."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = EmailAddressField(help_text=_("We send the link that confirms your registration here."))
    consent = forms.BooleanField(
        label=REGISTRATION_CONSENT_TEXT,
        error_messages={"required": _("Tick this box to register: we need it to keep your place.")},
    )
    website = honeypot_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Enter your name."))
        return name

    def register(self, event):
        return Registration.register(
            event,
            name=self.cleaned_data["name"],
            email=self.cleaned_data["email"],
            language=get_language(),
            consent_text=REGISTRATION_CONSENT_TEXT,
            consent_version=REGISTRATION_CONSENT_VERSION,
        )
