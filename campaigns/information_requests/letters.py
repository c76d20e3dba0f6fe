"""The letter a citizen sends an authority: the request page's text with the requester's
details, shown on the page, given as a PDF and as text for their own mail program.

Editors write the letter's body with a few placeholders in braces ({name}, {authority}…);
nothing else in it is read, so an editor's text can never run as code (a Django template
could). The letter is in Serbian whatever the reader's language (the authority's), in
Cyrillic for a Cyrillic reader: Serbian's official script, which an authority must accept.
"""

import re
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from urllib.parse import quote

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from fpdf import FPDF

from home import fonts
from home.languages import CYRILLIC, default_language
from home.scripts import for_reader

# What an editor may write in braces, and what stands there.
PLACEHOLDERS = {
    "name": gettext_lazy("the requester's name"),
    "address": gettext_lazy("the requester's address"),
    "email": gettext_lazy("the requester's email address"),
    "date": gettext_lazy("the letter's date"),
    "authority": gettext_lazy("the authority's name"),
}
PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")
# Longer addresses than this some mail programs cut or refuse (Outlook's 2,083 characters): the
# letter is then left out of the link, to be pasted from the page.
MAILTO_MAX_LENGTH = 2000


def unknown_placeholders(template):
    """The names in braces in `template` that are no placeholder, in their order."""
    return [name for name in PLACEHOLDER.findall(template) if name not in PLACEHOLDERS]


def letter_language(reading_language):
    """The language the letter is written in: Serbian, in the reader's script."""
    return CYRILLIC if reading_language == CYRILLIC else default_language()


@dataclass(frozen=True)
class Letter:
    name: str
    address: str
    email: str
    authority_name: str
    authority_address: str
    subject: str
    body: str
    written_on: date
    language: str

    @classmethod
    def fill(cls, *, template, subject, authority, requester, written_on, reading_language):
        """The letter of `requester` ({"name", "address", "email"}) to `authority`, from the
        page's `template` and `subject`, in the script of `reading_language`."""
        with translation.override(letter_language(reading_language)):
            values = {
                **requester,
                "date": formats.date_format(written_on, "DATE_FORMAT"),
                "authority": authority.name,
            }
            body = PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), template)
        return cls.written(
            subject=subject,
            body=body,
            authority=authority,
            requester=requester,
            written_on=written_on,
            reading_language=reading_language,
        )

    @classmethod
    def written(cls, *, subject, body, authority, requester, written_on, reading_language):
        """The letter of `requester` to `authority` with `body` as it stands."""
        language = letter_language(reading_language)
        fields = {
            "name": requester["name"],
            "address": requester["address"],
            "email": requester.get("email", ""),
            "authority_name": authority.name,
            "authority_address": authority.address,
            "subject": subject,
            "body": body,
        }
        return cls(
            # A Cyrillic reader's letter in Cyrillic all through, what they typed too (the
            # page shows it so): one script in a letter to an authority. Someone's name and
            # address: kept in no cache of the transliteration.
            **{key: for_reader(value, language, keep=False) for key, value in fields.items()},
            written_on=written_on,
            language=language,
        )

    @property
    def date_line(self):
        with translation.override(self.language):
            return _("Date: %(date)s") % {
                "date": formats.date_format(self.written_on, "DATE_FORMAT")
            }

    @property
    def subject_line(self):
        with translation.override(self.language):
            return _("Subject: %(subject)s") % {"subject": self.subject}

    def sender_lines(self):
        return [self.name, *self.address.splitlines(), *([self.email] if self.email else [])]

    def recipient_lines(self):
        return [self.authority_name, *self.authority_address.splitlines()]

    def text(self):
        """The whole letter as plain text: to copy, or for a mail program (mail_text)."""
        blocks = [
            "\n".join(self.sender_lines()),
            "\n".join(self.recipient_lines()),
            self.date_line,
            self.subject_line,
            self.body.strip(),
            self.name,
        ]
        return "\n\n".join(blocks) + "\n"

    def pdf(self):
        """The letter as an A4 PDF, to print, sign and send."""
        document = FPDF(format="A4", unit="mm")
        document.set_margins(25, 20, 25)
        document.set_auto_page_break(auto=True, margin=20)
        document.add_font("DejaVu", "", fonts.REGULAR)
        document.add_font("DejaVu", "B", fonts.BOLD)
        # fpdf2 would write the page count over any "{nb}" in the text.
        document.str_alias_nb_pages = None
        document.set_title(self.subject)
        document.set_lang("sr-Cyrl" if self.language == CYRILLIC else "sr-Latn")
        # No producer's or creation date's metadata beyond what a reader needs.
        document.set_creator("")
        document.set_producer("")
        document.add_page()
        width = document.epw

        def lines(rows, style="", gap=6):
            document.set_font("DejaVu", style, 11)
            for row in rows:
                document.multi_cell(width, 5.5, row, new_x="LMARGIN", new_y="NEXT")
            document.ln(gap)

        lines(self.sender_lines())
        lines(self.recipient_lines(), style="B")
        lines([self.date_line])
        lines([self.subject_line], style="B")
        for paragraph in re.split(r"\n\s*\n", self.body.strip()):
            lines([paragraph], gap=3)
        document.ln(10)
        lines([self.name, "_" * 30])
        buffer = BytesIO()
        document.output(buffer)
        return buffer.getvalue()


def mail_link(address, letter):
    """(A mailto: link that opens the writer's own mail program with `letter` to `address`,
    whether the letter's text is in it): with its subject only when the letter is too long
    for a link, to be pasted from the page. (None, False) without an address."""
    if not address:
        return None, False
    link = f"mailto:{quote(address, safe='@')}?subject={quote(letter.subject)}"
    # Line breaks in a mailto: body are CRLF (RFC 6068).
    body = quote(letter.text().replace("\n", "\r\n"))
    with_body = f"{link}&body={body}"
    if len(with_body) <= MAILTO_MAX_LENGTH:
        return with_body, True
    return link, False
