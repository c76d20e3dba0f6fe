"""The demo's join page: the home page's join button leads to it, in both languages."""

import pytest
from django.core.management import call_command

from campaigns.models import JoinPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_the_join_page_and_points_the_home_pages_at_it(client):
    call_command("seed_demo", verbosity=0)
    for language, url in (("sr-latn", "/pridruzite-se/"), ("en", "/en/join/")):
        join = JoinPage.objects.get(locale__language_code=language)
        assert join.url == url
        assert HomePage.objects.get(locale__language_code=language).join_page_id == join.pk
        assert client.get(url).status_code == 200
    call_command("seed_demo", verbosity=0)  # a second run changes nothing
    assert JoinPage.objects.count() == 2
