"""The supporters' CSV opened in a spreadsheet: a name that starts a formula behind whitespace
is text too."""

import csv
import io

import pytest

from tests.map.factories import MunicipalityFactory

from .conftest import make_supporter
from .test_admin import EXPORT, no_second_factor, staff_client  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


def test_the_supporters_export_keeps_formulas_as_text(client, site):
    place = MunicipalityFactory(name="\t=1+1", slug="tab")
    supporter = make_supporter("ana@example.org", site["vracar"], newsletter=True, ways=["cameras"])
    supporter.first_name = "  =1+1"
    supporter.municipality = place
    supporter.save()
    staff_client(client, "view_supporter", "export_supporter")

    body = b"".join(client.get(EXPORT).streaming_content).decode("utf-8-sig")

    assert list(csv.reader(io.StringIO(body)))[1][:3] == [
        "'  =1+1",
        "ana@example.org",
        "'\t=1+1",
    ]
