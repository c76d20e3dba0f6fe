"""A wrong second factor after a right password is logged with the client's daily pseudonym, the
same one the failed logins of that client carry, so an attack on one account can be followed
without its address (home/accounts/staff_mfa.py; the mutation run, `make mutation`, found the
pseudonym unpinned)."""

import logging
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from .conftest import log_in

pytestmark = pytest.mark.django_db

MFA_AUTHENTICATE = "/accounts/2fa/authenticate/"
ADDRESS = "203.0.113.78"


def test_a_wrong_second_factor_is_logged_with_the_clients_pseudonym(client, home, editor, caplog):
    TOTP.activate(editor, generate_totp_secret())
    with caplog.at_level(logging.WARNING):
        log_in(client, "niko@example.org", password="pogresna-lozinka", REMOTE_ADDR=ADDRESS)
        log_in(client, editor.email, REMOTE_ADDR=ADDRESS)
        client.post(MFA_AUTHENTICATE, {"code": "000000"}, REMOTE_ADDR=ADDRESS)

    messages = " ".join(record.getMessage() for record in caplog.records)
    failed_login = re.search(r"Failed login \(client ([0-9a-f]{12})\b", messages)
    assert failed_login
    pseudonym = failed_login.group(1)
    assert f"Wrong second factor for user {editor.pk} (client {pseudonym})." in messages
    assert ADDRESS not in messages
