"""What the site's public forms share: the honeypot against bots.

A field named and labelled to tempt a bot, which people never meet: its template
(templates/components/honeypot.html) puts it off-screen and hides it from screen readers,
and it is out of the tab order. A form sent with it filled in is answered as if it had
worked, so the bot learns nothing, and nothing is stored. allauth's sign-up form has its own,
under the same name (ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD), dressed the same way
(home/accounts/adapters.py).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
HONEYPOT_LABEL = _("Website")
HONEYPOT_ATTRS = {"tabindex": "-1", "autocomplete": "off"}


def honeypot_field():
    """The honeypot, for a form's `website` field."""
    return forms.CharField(
        label=HONEYPOT_LABEL, required=False, widget=forms.TextInput(attrs=HONEYPOT_ATTRS)
    )


def is_from_a_bot(data):
    """Whether a form's data (request.POST) has the honeypot filled in."""
    return bool(data.get(HONEYPOT_FIELD))
