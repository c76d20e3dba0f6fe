"""Form fields the petitions', events' and supporters' forms share: a person's name,
municipality and email address, with the same rules wherever people give them."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from home.spreadsheets import starts_a_formula
from map.figure_cache import cached_municipalities
from map.figures import is_municipality

# A name that contains an address (or starts a spreadsheet formula: home/spreadsheets.py).
URL_PATTERN = re.compile(r"(https?:|www\.|://|\w\.(com|org|net|rs|info|io)\b)", re.IGNORECASE)


def validate_name(value):
    if starts_a_formula(value):
        raise forms.ValidationError(_("A name cannot start with =, +, - or @."), code="formula")
    if URL_PATTERN.search(value):
        raise forms.ValidationError(_("A name cannot contain a web address."), code="url")


def municipality_choices():
    # From the shared cache (map/figure_cache.py): a select reads its choices twice per render.
    return [("", _("Choose…"))] + [(row.pk, row.local_name) for row in cached_municipalities()]


class MunicipalityField(forms.TypedChoiceField):
    """Where someone lives: one of the default language's municipalities (translations only
    rename them), named in the reader's language and in reading order, as on the map. Cleans
    to the municipality's id."""

    def __init__(self, *, help_text):
        super().__init__(
            label=_("Municipality"),
            # A callable: the names are read when the form is shown, not on every valid POST.
            choices=municipality_choices,
            coerce=int,
            empty_value=None,
            help_text=help_text,
            error_messages={
                "required": _("Choose your municipality."),
                "invalid_choice": _("Choose a municipality from the list."),
            },
        )

    def valid_value(self, value):
        # By its id alone, without reading the names. Ids are 64-bit: a longer string is no id
        # (and int() refuses strings of over 4,300 digits).
        return (
            value.isascii() and value.isdigit() and len(value) <= 18 and is_municipality(int(value))
        )


class NameField(forms.CharField):
    def __init__(self, *, label, required_message, **kwargs):
        super().__init__(
            label=label,
            max_length=100,
            validators=[validate_name],
            error_messages={
                "required": required_message,
                "max_length": _("Shorten the name to 100 characters or fewer."),
            },
            **kwargs,
        )


class EmailAddressField(forms.EmailField):
    """Where we write to someone about what they did here (a confirmation link)."""

    def __init__(self, *, help_text, required_message=None, required=True):
        super().__init__(
            label=_("Email"),
            help_text=help_text,
            required=required,
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            error_messages={
                "required": required_message or _("Enter your email address."),
                "invalid": _("Enter an email address like name@example.org."),
            },
        )
