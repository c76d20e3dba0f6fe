"""The join page from the page cache (home/page_cache.py): allauth makes its sign-up form
never-cache; a visitor's empty form is one copy for everyone, and joining from it works."""

import pytest
from django.test import Client

from campaigns.models import Supporter
from home.page_cache import STATUS_HEADER
from tests.supporters.test_supporters import join_data

pytestmark = pytest.mark.django_db


def test_a_visitor_joins_from_the_kept_join_page(site, mailoutbox):
    statuses = [Client().get("/pridruzite-se/")[STATUS_HEADER] for _ in range(3)]
    assert statuses[-1] == "hit"
    page = Client(enforce_csrf_checks=True).get("/pridruzite-se/")
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert "no-store" not in page["Cache-Control"]
    response = Client(enforce_csrf_checks=True).post(
        "/pridruzite-se/", join_data(site), HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302
    assert Supporter.objects.filter(user__email="ana@example.org").exists()


def test_a_visitor_with_a_session_gets_a_private_join_page(site):
    client = Client()
    client.cookies["sessionid"] = "whatever"
    response = client.get("/pridruzite-se/")
    assert response[STATUS_HEADER] == "skip"
    assert "private" in response["Cache-Control"]
