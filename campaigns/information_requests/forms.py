"""What a requester fills in on a request page (what the law asks a request to say of them),
and on a tracked request's page (its dates and outcome)."""

import re
import unicodedata
from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.fields import EmailAddressField, NameField
from campaigns.information_requests.deadlines import Law
from campaigns.information_requests.models import InformationRequest
from home.forms import honeypot_field
from map.photos import clean_photo

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


# Change the version whenever the wording below changes: each tracked request records which
# wording its author agreed to.
TRACKING_CONSENT_VERSION = "2026-1"
TRACKING_CONSENT_TEXT = _(
    "I agree that Kamere may keep my email address, the authority and the dates of this "
    "request to remind me of its term. They are deleted a year after the term ends, or "
    "earlier when I delete them."
)
# How far back a request may have reached its authority: the complaint's terms are long over
# before this.
OLDEST_REQUEST = timedelta(days=2 * 365)
# A request about to be sent: it may reach the authority in a few days.
LATEST_RECEIPT = timedelta(days=14)


# How people here write a day, besides the ISO form a browser's date picker sends.
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y.", "%d.%m.%Y", "%d. %m. %Y."]


class DatePicker(forms.DateInput):
    """<input type=date>, whose value must be an ISO day: a day typed another way (a browser
    without the picker) is shown in ISO, and what is no day at all is shown empty, with the
    field's message, rather than as a value the input cannot hold."""

    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            for date_format in DATE_FORMATS:
                try:
                    return datetime.strptime(value.strip(), date_format).date().isoformat()
                except ValueError:
                    continue
            return None
        return super().format_value(value)


class DateField(forms.DateField):
    """A day, picked in the browser's calendar (ISO, as <input type=date> sends it) or typed
    as people write it here (7.12.2026.)."""

    def __init__(self, *, label, help_text="", required=True):
        super().__init__(
            label=label,
            help_text=help_text,
            required=required,
            input_formats=DATE_FORMATS,
            widget=DatePicker(),
            error_messages={
                "required": _("Enter the date."),
                "invalid": _("Enter a date like 7.12.2026."),
            },
        )


def urgent_field():
    return forms.BooleanField(
        label=_(
            "It is about a threat to someone's life, health or freedom, or to the "
            "environment: the answer is due within 48 hours"
        ),
        required=False,
    )


def without_urgency(form, law):
    """Only a request for information has a 48 hours' term."""
    if law != Law.INFORMATION:
        del form.fields["urgent"]


def received_date_field():
    return DateField(
        label=_("The day the authority received it"),
        help_text=_(
            "By email or at the reception: the day you send it. By registered post: the date "
            "on the return receipt; until it comes back, the day after you post it."
        ),
    )


def clean_received_on(received_on):
    today = timezone.localdate()
    if received_on > today + LATEST_RECEIPT:
        raise ValidationError(
            _("Enter a day at most %(days)s days from today.") % {"days": LATEST_RECEIPT.days}
        )
    if received_on < today - OLDEST_REQUEST:
        raise ValidationError(_("Enter a day within the last two years."))
    return received_on


class TrackingForm(forms.Form):
    """Keep track of the letter just made: where to remind, and when it reached them."""

    email = EmailAddressField(help_text=_("We send the request's page and the reminders here."))
    received_on = received_date_field()
    urgent = urgent_field()
    consent = forms.BooleanField(
        label=TRACKING_CONSENT_TEXT,
        error_messages={"required": _("Tick this box: we need it to remind you.")},
    )
    website = honeypot_field()

    def __init__(self, *args, law=Law.INFORMATION, **kwargs):
        # Under the letter, beside the requester's form: ids of its own.
        kwargs.setdefault("auto_id", "track-%s")
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        without_urgency(self, law)

    def clean_received_on(self):
        return clean_received_on(self.cleaned_data["received_on"])


class ProgressForm(forms.Form):
    """What has happened to a tracked request since: its dates and the answer."""

    received_on = received_date_field()
    urgent = urgent_field()
    extended = forms.BooleanField(
        label=_("The authority told me in time that it needs longer"),
        required=False,
    )
    answered_on = DateField(
        label=_("The day the answer came"),
        help_text=_("Leave it empty while no answer has come."),
        required=False,
    )
    outcome = forms.ChoiceField(
        label=_("What the answer says"),
        choices=[("", _("No answer yet")), *InformationRequest.Outcome.choices],
        required=False,
    )
    complained_on = DateField(
        label=_("The day you sent the complaint to the Commissioner"),
        help_text=_("If you have complained."),
        required=False,
    )

    def __init__(self, *args, law=Law.INFORMATION, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        without_urgency(self, law)

    def clean_received_on(self):
        return clean_received_on(self.cleaned_data["received_on"])

    def clean(self):
        cleaned = super().clean()
        received_on, answered_on = cleaned.get("received_on"), cleaned.get("answered_on")
        outcome = cleaned.get("outcome")
        if answered_on and not outcome:
            self.add_error("outcome", _("Choose what the answer says."))
        if outcome and not answered_on and "answered_on" not in self.errors:
            self.add_error("answered_on", _("Enter the day the answer came."))
        if answered_on and answered_on > timezone.localdate():
            self.add_error("answered_on", _("The answer cannot have come after today."))
        if answered_on and received_on and answered_on < received_on:
            self.add_error(
                "answered_on", _("The answer cannot have come before the request reached them.")
            )
        complained_on = cleaned.get("complained_on")
        if complained_on and complained_on > timezone.localdate():
            self.add_error("complained_on", _("Enter a day no later than today."))
        elif complained_on and received_on and complained_on <= received_on:
            self.add_error(
                "complained_on", _("A complaint comes after the request reached the authority.")
            )
        return cleaned


class ComplaintForm(RequesterForm):
    """The complaint's author, as the request's (nothing of it is stored), and, for a refusal,
    its number and why they think it wrong."""

    decision = forms.CharField(
        label=_("The refusal's number (optional)"),
        help_text=_("As the decision gives it, for example 07-00-123/2026."),
        required=False,
        max_length=60,
        error_messages={"max_length": _("Shorten it to 60 characters or fewer.")},
    )
    reasons = forms.CharField(
        label=_("Why the refusal is wrong, in your words (optional)"),
        help_text=_(
            "For example: the information is about public money or public spaces; the "
            "authority gave no reason, or a reason the law does not allow. In Serbian."
        ),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Shorten it to 3000 characters or fewer.")},
    )

    def __init__(self, *args, refusal=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not refusal:
            del self.fields["decision"]
            del self.fields["reasons"]

    def clean_decision(self):
        return " ".join(printable(self.cleaned_data["decision"]).split())

    def clean_reasons(self):
        return printable(self.cleaned_data["reasons"]).replace("\r\n", "\n").strip()

    def complainant(self):
        return {
            **self.requester(),
            "decision": self.cleaned_data.get("decision", ""),
            "reasons": self.cleaned_data.get("reasons", ""),
        }


PUBLISH_CONSENT_VERSION = "2026-1"
PUBLISH_CONSENT_TEXT = _(
    "I agree that Kamere publishes this request in its register: the authority, the subject, "
    "the dates and what came of it, and the answer once a moderator has taken the personal "
    "data out of it. I can take it off the register here while this page exists."
)
# A PDF says what it is in its first bytes.
PDF_SIGNATURE = b"%PDF-"
# What a PDF needs to run anything in a moderator's reader: scripts, actions on opening or on
# a link, launching a program, files within it. Read in the file's bytes: a name inside a
# compressed object stream escapes this, so the admin serves the file as an attachment under
# a sandboxing policy as well (admin.py).
ACTIVE_PDF = re.compile(rb"/(JavaScript|JS|OpenAction|AA|Launch|EmbeddedFile|RichMedia|XFA)\b")


class PublishForm(forms.Form):
    """Offer a tracked request to the public register (register.py)."""

    answer = forms.FileField(
        label=_("The answer (optional)"),
        help_text=_(
            "A PDF, or a photo of each page (JPEG, PNG, WebP or HEIC), 10 MB at most. Only "
            "our moderators see it as you send it; they black out names, addresses and "
            "signatures before anything is published."
        ),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,application/pdf,image/jpeg,image/png,image/webp,image/heic"}
        ),
        error_messages={
            "invalid": _("The file could not be uploaded. Please try again."),
            "empty": _("The file is empty. Please choose another."),
        },
    )
    show_name = forms.BooleanField(label=_("Show my name with it"), required=False)
    name = NameField(
        label=_("Your name, as it should be shown"),
        required_message=_("Enter the name to show, or untick the box above."),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    consent = forms.BooleanField(
        label=PUBLISH_CONSENT_TEXT,
        error_messages={"required": _("Tick this box: we publish nothing without it.")},
    )

    def __init__(self, *args, personal_data=False, **kwargs):
        # On the page with the complaint's form, which asks a name too: ids of its own.
        kwargs.setdefault("auto_id", "publish-%s")
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        if personal_data:
            # A request for one's own data says whose data it is: never with a name.
            del self.fields["show_name"]
            del self.fields["name"]

    def clean_answer(self):
        upload = self.cleaned_data["answer"]
        if not upload:
            return None
        if upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise ValidationError(_("The file is larger than 10 MB. Please choose a smaller one."))
        head = upload.read(len(PDF_SIGNATURE))
        upload.seek(0)
        if head == PDF_SIGNATURE:
            content = upload.read()
            upload.seek(0)
            if ACTIVE_PDF.search(content):
                raise ValidationError(
                    _(
                        "This PDF holds scripts, actions or embedded files. Print it to a new "
                        "PDF, or send photos of its pages."
                    )
                )
            # Named by what it is, whatever the name it came with (register.py keeps only
            # the extension, of those it knows).
            upload.name = "answer.pdf"
            return upload
        # A photo: without its metadata (where and when, the phone), as a camera report's.
        return clean_photo(upload)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("show_name") and not cleaned.get("name") and "name" not in self.errors:
            self.add_error("name", _("Enter the name to show, or untick the box above."))
        return cleaned

    def shown_name(self):
        return self.cleaned_data["name"] if self.cleaned_data.get("show_name") else ""
