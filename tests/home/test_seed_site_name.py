"""The demo's default site is named after the initiative, not left to show its host name."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_seed_demo_names_the_default_site():
    call_command("seed_demo", verbosity=0)

    assert Site.objects.get(is_default_site=True).site_name == "Kamere"


def test_seed_demo_names_a_default_site_that_had_no_name():
    call_command("seed_demo", verbosity=0)
    Site.objects.filter(is_default_site=True).update(site_name="")

    call_command("seed_demo", verbosity=0)

    assert Site.objects.get(is_default_site=True).site_name == "Kamere"
