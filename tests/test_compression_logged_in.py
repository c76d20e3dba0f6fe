"""No compression for a logged-in reader (portal/middleware.py CompressTextMiddleware): their
pages carry secrets (their address, a second factor's secret, signers in the admin) beside
words the address brings back, what BREACH reads through the compressed sizes. Visitors'
pages stay compressed."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from portal.middleware import CompressTextMiddleware

BODY = ("Vaša adresa: supporter@example.org. " * 100).encode()


def encoding(user):
    request = RequestFactory().get("/pretraga/?q=supporter", HTTP_ACCEPT_ENCODING="gzip")
    request.user = user
    response = CompressTextMiddleware(lambda request: HttpResponse(BODY))(request)
    return response.get("Content-Encoding")


def test_a_visitors_page_is_compressed():
    assert encoding(AnonymousUser()) == "gzip"


@pytest.mark.django_db
def test_a_logged_in_readers_page_is_not():
    user = get_user_model().objects.create_user("podrzavalac", "supporter@example.org", "x")
    assert encoding(user) is None


@pytest.mark.django_db
def test_a_logged_in_editors_admin_page_is_not(client, settings):
    settings.STAFF_REQUIRE_MFA = False
    editor = get_user_model().objects.create_superuser("urednik", "u@example.org", "x")
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Encoding" not in response
