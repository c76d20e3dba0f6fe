"""Factories for the camera map's models."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from map.models import Camera, CameraReport, Municipality


class MunicipalityFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Opština {n}")
    slug = factory.Sequence(lambda n: f"opstina-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Municipality


class CameraFactory(DjangoModelFactory):
    """A verified facial-recognition camera somewhere in central Belgrade."""

    latitude = factory.Faker("pyfloat", min_value=44.78, max_value=44.84)
    longitude = factory.Faker("pyfloat", min_value=20.40, max_value=20.50)
    status = Camera.Status.VERIFIED
    facial_recognition = True
    camera_type = "dome"
    confirmations = 2

    class Meta:
        model = Camera


class CameraReportFactory(DjangoModelFactory):
    latitude = factory.Faker("pyfloat", min_value=44.78, max_value=44.84)
    longitude = factory.Faker("pyfloat", min_value=20.40, max_value=20.50)
    facial_recognition = True

    class Meta:
        model = CameraReport
