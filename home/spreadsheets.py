"""Cells of the CSV files the site writes, safe to open in a spreadsheet (CSV injection).

A spreadsheet runs a cell that starts with = + - or @ as a formula (=HYPERLINK(...) sends
the sheet's data away, a DDE formula starts a program), and Excel and LibreOffice still do
when spaces, tabs or line breaks come first (" =1+1", "\\t=1+1"). Camera addresses (OSM's
addr:* tags, reporters' words), people's names and page titles come from others, so every
CSV writer of the site (map/api.py, campaigns/petitions/admin.py, campaigns/supporters/admin.py,
and Wagtail's own reports through `make_wagtail_exports_safe`) passes its cells through
`formula_safe`. OWASP's guidance: an apostrophe before such a cell, which spreadsheets read as
"this is text" and do not show (https://owasp.org/www-community/attacks/CSV_Injection).

defusedcsv (PyPI) does the same for the first character only, which " =1+1" gets past.
"""

import functools

FORMULA_START = ("=", "+", "-", "@")
# A cell starting with these is escaped whatever follows (OWASP's list).
CONTROL_START = ("\t", "\r")


def starts_a_formula(text):
    """Whether a spreadsheet would read `text` (a str) as a formula."""
    return text.startswith(CONTROL_START) or text.lstrip().startswith(FORMULA_START)


def formula_safe(value):
    """The cell's value, with an apostrophe before text a spreadsheet would run as a formula.

    Only text: a number (a negative longitude, a count) stays a number, which the CSV writes
    as it is and a spreadsheet reads as a number."""
    if isinstance(value, str) and starts_a_formula(value):
        return f"'{value}"
    return value


def make_wagtail_exports_safe():
    """Pass every cell of Wagtail's CSV exports (its reports, such as the site history whose
    labels include camera addresses, the redirects, and our reports built on them) through
    `formula_safe`.

    Wagtail leaves escaping to the program that opens the file (its security policy), and
    every one of its exports writes its cells through SpreadsheetExportMixin's
    `preprocess_field_value`; its XLSX files already store such cells as text."""
    # Imported here: wagtail.admin's views read models, which is only possible once apps are
    # ready (home/apps.py calls this from ready()).
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "formula_safe", False):
        return

    @functools.wraps(preprocess)
    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return formula_safe(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.formula_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
