"""With STAFF_REQUIRE_MFA off (the development settings), a staff member without a second factor
reads private pages like anyone logged in: the setting turns the whole rule off
(home/accounts/staff_mfa.py; the mutation run, `make mutation`, found it unpinned)."""

import pytest
from wagtail.models import PageViewRestriction

from ..home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_without_the_setting_staff_read_private_pages_without_a_second_factor(
    client, home, editor, settings
):
    settings.STAFF_REQUIRE_MFA = False
    private = StandardPageFactory(parent=home, title="Tajna", slug="tajna")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    client.force_login(editor)

    response = client.get("/tajna/")

    assert response.status_code == 200
    assert "Tajna" in response.text
