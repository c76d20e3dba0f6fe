"""What a requester fills in on a request page: what the law asks a request to say of them."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from campaigns.fields import EmailAddressField, NameField
from home.forms import honeypot_field

MAX_ADDRESS_LINES = 5
# Control, private-use, unassigned and surrogate characters: nothing a letter can print.
UNPRINTABLE = {"Cc", "Co", "Cn", "Cs"}


def printable(value):
    """`value` if a letter can print every character of it (spaces and line breaks aside)."""
    if any(
        unicodedata.category(character) in UNPRINTABLE and not character.isspace()
        for character in value
    ):
        raise ValidationError(
            _("Remove the characters that cannot be printed: type it again, or paste it as text."),
            code="unprintable",
        )
    return value


class RequesterForm(forms.Form):
    """Nothing of it is stored: it fills the letter shown and the PDF, then is gone."""

    name = NameField(
        label=_("Your first name and surname"),
        required_message=_("Enter your first name and surname: the law asks a request for them."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    address = forms.CharField(
        label=_("Your postal address"),
        max_length=300,
        help_text=_("Street and number, postcode and place: the authority sends its answer here."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        error_messages={
            "required": _("Enter your postal address: the law asks a request for it."),
            "max_length": _("Shorten the address to 300 characters or fewer."),
        },
    )
    email = EmailAddressField(
        help_text=_("If you want the answer by email too. Leave it empty otherwise."),
        required=False,
    )
    website = honeypot_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def clean_name(self):
        name = " ".join(printable(self.cleaned_data["name"]).split())
        if not name:
            raise ValidationError(
                _("Enter your first name and surname: the law asks a request for them.")
            )
        return name

    def clean_address(self):
        address = self.cleaned_data["address"].replace("\r\n", "\n")
        lines = [" ".join(line.split()) for line in printable(address).splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise ValidationError(_("Enter your postal address: the law asks a request for it."))
        if len(lines) > MAX_ADDRESS_LINES:
            raise ValidationError(
                _("Write the address in %(count)s lines or fewer.") % {"count": MAX_ADDRESS_LINES}
            )
        return "\n".join(lines)

    def requester(self):
        return {key: self.cleaned_data[key] for key in ("name", "address", "email")}
