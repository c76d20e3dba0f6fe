"""What the site's forms share: the honeypot against bots, and a record chosen by its id.

The honeypot: a field named and labelled to tempt a bot, which people never meet: its template
(templates/components/honeypot.html) puts it off-screen and hides it from screen readers,
and it is out of the tab order. A form sent with it filled in is answered as if it had
worked, so the bot learns nothing, and nothing is stored. allauth's sign-up form has its own,
under the same name (ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD), dressed the same way
(home/accounts/adapters.py).
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
HONEYPOT_LABEL = _("Website")
HONEYPOT_ATTRS = {"tabindex": "-1", "autocomplete": "off"}
# The largest id a row can have (64-bit). SQLite cannot even compare a larger number with a
# column (Python raises OverflowError, which no form or lookup expects): such an id is of no
# record, and is answered as one.
MAX_ID = 2**63 - 1


def honeypot_field():
    """The honeypot, for a form's `website` field."""
    return forms.CharField(
        label=HONEYPOT_LABEL, required=False, widget=forms.TextInput(attrs=HONEYPOT_ATTRS)
    )


def is_from_a_bot(data):
    """Whether a form's data (request.POST) has the honeypot filled in."""
    return bool(data.get(HONEYPOT_FIELD))


def beyond_ids(value):
    """Whether `value` (a query's or a form's text, or a number) is a whole number no id
    can be. int() refuses text of over 4,300 digits, so length decides first."""
    text = str(value).strip()
    if not text.lstrip("+-").isdigit():
        return False
    return len(text) > 20 or abs(int(text)) > MAX_ID


class BoundedModelChoiceField(forms.ModelChoiceField):
    """A record chosen by its id, where a number beyond every id is an invalid choice like
    any other unknown one, not a database error."""

    def to_python(self, value):
        if value not in self.empty_values and beyond_ids(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedModelChoiceFilter(django_filters.ModelChoiceFilter):
    """The admin listings' filter by a record (a petition, a municipality), bounded alike."""

    field_class = BoundedModelChoiceField
