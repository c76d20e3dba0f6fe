"""The signatures' CSV and the totals per municipality opened in a spreadsheet: a name or a
municipality is text, never a formula, even behind whitespace; counts stay numbers."""

import pytest

from tests.map.factories import MunicipalityFactory

from .test_admin import (  # noqa: F401  (fixtures)
    EDITOR_PERMISSIONS,
    TOTALS,
    export_url,
    make_user,
    no_second_factor,
    read_csv,
    signed,
)
from .test_petitions import petition_tree  # noqa: F401  (the fixture)

# ruff: noqa: F811

pytestmark = pytest.mark.django_db

NAMES = ["  =1+1", "\t=1+1", "\r=1+1", "@SUM(1)", ' =HYPERLINK("https://evil.example/")']


def test_the_signatures_export_keeps_formulas_as_text(client, petition_tree):
    petition, vracar = petition_tree["petition"], petition_tree["vracar"]
    for name in NAMES:
        signed(petition, vracar, first_name=name, last_name="Petrović")
    client.force_login(make_user("exporter", *EDITOR_PERMISSIONS, "export_signature"))

    rows = read_csv(client.get(export_url(petition)))

    assert [row[:2] for row in rows[1:]] == [[f"'{name}", "Petrović"] for name in NAMES]


def test_the_totals_keep_names_as_text_and_counts_as_numbers(client, petition_tree):
    petition = petition_tree["petition"]
    formula = MunicipalityFactory(name=" =1+1", slug="formula")
    for _ in range(2):
        signed(petition, formula)
    client.force_login(make_user("editor", *EDITOR_PERMISSIONS))

    rows = read_csv(client.get(TOTALS, {"petition": petition.pk, "format": "csv"}))

    # The municipality has no English name: both columns fall back to the Serbian one.
    assert rows[1][0] == "' =1+1" and rows[1][-1] == "2"
