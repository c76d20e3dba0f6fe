"""The one way to ask for the municipalities cameras and signatures point at (issue 17)."""

import pytest
from wagtail.models import Locale

from map.figures import is_municipality
from map.models import Municipality

from .factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_canonical_municipalities_are_the_default_languages_only():
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    english = vracar.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.save()
    assert list(Municipality.objects.canonical()) == [vracar]
    assert is_municipality(vracar.pk) and not is_municipality(english.pk)
