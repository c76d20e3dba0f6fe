"""The public form for signing a petition."""

import json

from django import forms
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaigns.fields import EmailAddressField, MunicipalityField, NameField
from campaigns.petitions import proof_of_work
from campaigns.petitions.proof_of_work import Outcome
from home.forms import honeypot_field

# Change the version whenever the consent wording below changes: each signature records which
# wording its signer agreed to.
SIGNATURE_CONSENT_VERSION = "2026-1"
SIGNATURE_CONSENT_TEXT = _(
    "I agree that Kamere keeps my name, email address and municipality to count my signature "
    "and hand the petition to its addressee. Six months after the petition closes they are "
    "anonymised; I can ask for them to be deleted sooner."
)


class ProofOfWorkWidget(forms.Widget):
    """The ALTCHA widget (static/vendor/altcha/): it fetches a challenge, solves it once the
    visitor starts filling in the form, and puts the solution in a hidden input of this
    field's name. Its texts come from our catalogues, for static/js/proof-of-work.js."""

    def render(self, name, value, attrs=None, renderer=None):
        # Markup of its own: the form renderer reads no project templates. `auto="onfocus"`
        # starts the work when the visitor enters the form, so it is done when they sign.
        strings = {
            "label": _("Check that I am a person"),
            "loading": _("Loading…"),
            "verifying": _("Checking… (your browser does a short calculation)"),
            "verified": _("Checked: you can sign"),
            "verificationRequired": _("Wait for the check that you are a person."),
            "waitAlert": _("Checking… please wait."),
            "error": _("The check failed. Try again."),
            "expired": _("The check expired. Tick the box again."),
            "reload": _("Try again"),
            "verify": _("Check"),
        }
        # No logo, no link to altcha.org, and none of the widget's own signals about how the
        # visitor moves: the proof of work is all we ask of a browser.
        configuration = {"hideLogo": True, "hideFooter": True, "humanInteractionSignature": False}
        return format_html(
            '<altcha-widget name="{}" challenge="{}" auto="onfocus" language="{}" '
            'configuration="{}" data-worker="{}" data-strings="{}"></altcha-widget>',
            name,
            reverse("petition_challenge"),
            get_language(),
            json.dumps(configuration),
            static("vendor/altcha/pbkdf2.js"),
            json.dumps({key: str(text) for key, text in strings.items()}),
        )


class ProofOfWorkField(forms.CharField):
    """A solved challenge of proof_of_work.py, checked for its signature, solution and
    expiry; None when none was sent. The form requires it and takes it (once only) in its
    clean(), when everything else is valid."""

    widget = ProofOfWorkWidget
    default_error_messages = {
        "required": _(
            "Wait until the check that you are a person is done (it needs JavaScript), then "
            "sign again."
        ),
        Outcome.INVALID: _("The check that you are a person failed. Let it run again, then sign."),
        Outcome.EXPIRED: _("The check that you are a person expired. Let it run again, then sign."),
        Outcome.USED: _(
            "This check that you are a person was already used. Let it run again, then sign."
        ),
    }

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Check that you are a person"),
            help_text=_(
                "Your browser does a short calculation, which makes sending many signatures at "
                "once costly. Nothing about you is sent anywhere else."
            ),
            # Missing is only an error once the rest is right (SignatureForm.clean): a form
            # sent before the widget was done gets its other mistakes listed, and by the time
            # they are corrected the widget is done.
            required=False,
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        outcome, parameters = proof_of_work.check(value)
        if outcome != Outcome.VERIFIED:
            raise forms.ValidationError(self.error_messages[outcome], code=outcome)
        return parameters


class SignatureForm(forms.Form):
    first_name = NameField(
        label=_("First name"),
        required_message=_("Enter your first name."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = NameField(
        label=_("Last name"),
        required_message=_("Enter your last name."),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = EmailAddressField(
        help_text=_("We send you a link to confirm your signature. We never publish it."),
        required_message=_("Enter your email address: we send the confirmation link to it."),
    )
    municipality = MunicipalityField(
        help_text=_("Where you live. Per-municipality totals show where support comes from.")
    )
    consent = forms.BooleanField(
        label=SIGNATURE_CONSENT_TEXT,
        error_messages={"required": _("Tick this box to sign: we cannot count you without it.")},
    )
    newsletter = forms.BooleanField(
        label=_("Send me news about the campaign against mass surveillance (optional)"),
        required=False,
    )
    show_first_name = forms.BooleanField(
        label=_("Show my first name and municipality among the recent signers (optional)"),
        required=False,
    )
    website = honeypot_field()
    altcha = ProofOfWorkField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def clean_first_name(self):
        return " ".join(self.cleaned_data["first_name"].split())

    def clean_last_name(self):
        return " ".join(self.cleaned_data["last_name"].split())

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        messages = self.fields["altcha"].error_messages
        if data["altcha"] is None:
            self.add_error("altcha", forms.ValidationError(messages["required"], code="required"))
        # Spent only when the signature will be stored: a form with mistakes costs no write.
        elif not proof_of_work.spend(data["altcha"]):
            self.add_error(
                "altcha", forms.ValidationError(messages[Outcome.USED], code=Outcome.USED)
            )
        return data
