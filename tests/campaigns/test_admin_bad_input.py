"""The staff's listings, forms and exports of people's records answer bad input as input: an id
beyond every id (SQLite cannot even compare one) is no record, `?export=` of a listing is the
listing, and the totals page offers only its own file."""

import pytest

from tests import factories

from .test_petitions import petition_tree  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

# Beyond a 64-bit id on either side, and far beyond (int() refuses over 4,300 digits).
HUGE_IDS = [str(2**63), str(-(2**63) - 1), "9" * 30, "9" * 5000]


@pytest.fixture
def admin(client, settings):
    # The second factor is tested in tests/accounts/; here it is in the way.
    settings.STAFF_REQUIRE_MFA = False
    user = factories.make_user("admin", language="en")
    user.is_superuser = True
    user.save()
    client.force_login(user)
    return client


@pytest.mark.parametrize("huge", HUGE_IDS)
def test_an_id_beyond_every_id_is_no_record(admin, petition_tree, huge):  # noqa: F811
    petition = petition_tree["petition"].pk
    for address in [
        f"/admin/signatures/?petition={huge}",
        f"/admin/signatures/results/?petition={huge}",
        f"/admin/signatures/?municipality={huge}",
        f"/admin/signatures/review/?petition={huge}",
        f"/admin/signatures/totals/?petition={huge}",
        f"/admin/signatures/totals/?petition={huge}&format=csv",
        f"/admin/signatures/invalidate/?preview=1&petition={huge}&domain=example.org",
        f"/admin/registrations/?event={huge}",
        f"/admin/supporters/?municipality={huge}",
        f"/admin/camera-reports/?municipality={huge}",
    ]:
        response = admin.get(address)
        assert response.status_code == 200, address
        assert response["Content-Type"].startswith("text/html"), address
    posted = admin.post("/admin/signatures/invalidate/", {"petition": huge, "domain": "x.org"})
    assert posted.status_code == 200
    assert "Choose a petition from the list." in posted.text
    if huge.isdigit() and len(huge) < 100:
        assert admin.get(f"/admin/signatures/export/{huge}/").status_code == 404
    assert admin.get(f"/admin/signatures/export/{petition}/").status_code == 200


@pytest.mark.parametrize("listing", ["signatures", "registrations", "supporters"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_listing_asked_for_wagtails_export_is_the_listing(admin, petition_tree, listing, kind):  # noqa: F811
    """A file of people is the export views' (their permission, their audit entry), not a
    side door through the listing's `?export=`."""
    response = admin.get(f"/admin/{listing}/", {"export": kind})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "export=" not in response.text


def test_the_totals_page_offers_only_its_own_file(admin, petition_tree):  # noqa: F811
    petition = petition_tree["petition"].pk
    page = admin.get("/admin/signatures/totals/", {"petition": petition}).text
    assert "export=xlsx" not in page and "export=csv" not in page
    assert f"?petition={petition}&amp;format=csv" in page
