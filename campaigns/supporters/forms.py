"""Forms of supporters: joining (allauth's sign-up with the profile), editing, deleting."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaigns.fields import MunicipalityField, NameField
from campaigns.supporters.models import Supporter, WayToHelp
from home.accounts.adapters import SignupForm

# Change the version whenever the wording changes: each supporter records the one they agreed to.
SUPPORTER_CONSENT_VERSION = "2026-1"
SUPPORTER_CONSENT_TEXT = _(
    "I agree that Kamere keeps my email address, first name, municipality and the ways I want "
    "to help, to count me as a supporter and to ask me to help in the ways I chose. I can see, "
    "download and delete them at any time under “My activity”."
)


class SupporterFields(forms.Form):
    """What a supporter tells us about themselves, when joining and when editing."""

    first_name = NameField(
        label=_("First name"),
        required_message=_("Enter your first name."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    municipality = MunicipalityField(
        help_text=_("Where you live: we invite you to what happens near you.")
    )
    ways = forms.MultipleChoiceField(
        label=_("How would you like to help?"),
        choices=WayToHelp.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose any that fit, or none for now."),
        error_messages={"invalid_choice": _("Choose ways to help from the list.")},
    )
    newsletter = forms.BooleanField(
        label=_("Send me news about the campaign against mass surveillance (optional)"),
        required=False,
    )
    recheck_mail = forms.BooleanField(
        label=_(
            "Once a month, mail me the cameras in my municipality that need a re-check (optional)"
        ),
        help_text=_("For those who map cameras: you can stop it from any of these mails."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("recheck_mail") and WayToHelp.CAMERAS not in cleaned_data.get(
            "ways", []
        ):
            self.add_error(
                "recheck_mail",
                _("This list is for those who map cameras: choose “Mapping cameras” above too."),
            )
        return cleaned_data

    def clean_first_name(self):
        return " ".join(self.cleaned_data["first_name"].split())

    def save_supporter(self, supporter):
        supporter.first_name = self.cleaned_data["first_name"]
        supporter.municipality_id = self.cleaned_data["municipality"]
        # The edit form has no newsletter field: it has its own button.
        if "newsletter" in self.fields:
            supporter.newsletter = self.cleaned_data["newsletter"]
        supporter.recheck_mail = self.cleaned_data["recheck_mail"]
        # The monthly mail speaks the language they last told us their details in.
        supporter.language = get_language()
        supporter.save()
        supporter.set_ways(self.cleaned_data["ways"])
        return supporter


class JoinForm(SupporterFields, SignupForm):
    """allauth's sign-up (verification mail, enumeration prevention, honeypot, rate limits)
    with the supporter's answers; the supporter is created with the user, in one transaction."""

    consent = forms.BooleanField(
        label=SUPPORTER_CONSENT_TEXT,
        error_messages={
            "required": _("Tick this box to join: we cannot keep your data without it.")
        },
    )
    field_order = [
        "email",
        "password1",
        "password2",
        "first_name",
        "municipality",
        "ways",
        "recheck_mail",
        "newsletter",
        "consent",
    ]

    def try_save(self, request):
        # The user, its address and the supporter all, or none of them.
        with transaction.atomic():
            return super().try_save(request)

    def signup(self, request, user):
        """Called by allauth once the user is saved."""
        supporter = Supporter(user=user)
        supporter.record_consent(SUPPORTER_CONSENT_TEXT, SUPPORTER_CONSENT_VERSION, timezone.now())
        self.save_supporter(supporter)


class SupporterForm(SupporterFields):
    """Editing one's details. The newsletter has its own one-click button."""

    def __init__(self, *args, supporter, **kwargs):
        initial = {
            "first_name": supporter.first_name,
            "municipality": supporter.municipality_id,
            "ways": supporter.ways(),
            "recheck_mail": supporter.recheck_mail,
        }
        super().__init__(*args, initial=initial, **kwargs)
        del self.fields["newsletter"]
        self.supporter = supporter

    def save(self):
        with transaction.atomic():
            return self.save_supporter(self.supporter)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to delete your account.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password. Enter the password you log in with."),
                code="wrong_password",
            )
        return password


class ConfirmWithPasswordForm(forms.Form):
    """The account's password, asked where an address is confirmed in a browser that did not
    sign up (campaigns.supporters.views.ConfirmEmailView)."""

    password = forms.CharField(
        label=_("The password of this account"),
        strip=False,
        # Bounded hashing work per request (a longer value is a field error).
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter the password you chose when you opened the account.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
