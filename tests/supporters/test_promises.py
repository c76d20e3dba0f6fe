"""What the privacy policy promises about accounts and sessions, as literal figures: an account
whose address was never verified goes after 7 days, a session lasts two weeks at most."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from tests.accounts.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("days", "kept"), [(6, True), (8, False)])
def test_an_account_never_verified_is_deleted_after_seven_days(days, kept):
    account = make_user("neprovereni@example.org", verified=False)
    get_user_model().objects.filter(pk=account.pk).update(
        date_joined=timezone.now() - timedelta(days=days)
    )
    call_command("purge_unverified_accounts", stdout=StringIO())
    assert get_user_model().objects.filter(pk=account.pk).exists() == kept


def test_a_verified_account_is_kept_however_old():
    account = make_user("provereni@example.org")
    get_user_model().objects.filter(pk=account.pk).update(
        date_joined=timezone.now() - timedelta(days=3650)
    )
    call_command("purge_unverified_accounts", stdout=StringIO())
    assert get_user_model().objects.filter(pk=account.pk).exists()


def test_a_session_lasts_two_weeks_at_most(client, settings):
    assert settings.SESSION_COOKIE_AGE == 14 * 24 * 3600
    client.force_login(make_user("ana@example.org"))
    expires = client.session.get_expiry_date()
    assert timezone.now() + timedelta(days=13, hours=23) < expires
    assert expires <= timezone.now() + timedelta(days=14)
