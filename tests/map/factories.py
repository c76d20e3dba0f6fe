"""Factories for the camera map's models."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from map.models import Camera, CameraReport, MapPage, Municipality

from ..home.factories import site_home
from ..home.test_pages import translate


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


class MapPageFactory(wagtail_factories.PageFactory):
    """The camera map page; give it a `parent` home page."""

    title = "Mapa kamera"
    slug = "mapa"
    intro = "Kamere koje su građani prijavili."

    class Meta:
        model = MapPage


class CameraReportFactory(DjangoModelFactory):
    latitude = factory.Faker("pyfloat", min_value=44.78, max_value=44.84)
    longitude = factory.Faker("pyfloat", min_value=20.40, max_value=20.50)
    facial_recognition = True

    class Meta:
        model = CameraReport


def serbian_map_page():
    """A Serbian home, the default site's root in place of any other, with a map page (at
    /mapa/). Returns the home and the map page."""
    home = site_home()
    return home, MapPageFactory(parent=home)


def map_pages():
    """serbian_map_page(), both pages translated into English (the map at /en/map/). Returns
    the Serbian home, the English one and the map page."""
    home, map_page = serbian_map_page()
    english_home = translate(home, "en", title="Home")
    translate(map_page, "en", title="Camera map", slug="map")
    return home, english_home, map_page


# Where the test photos claim to have been taken: what a reporter's phone would give away.
PHONE_GPS = {"latitude": (44.0, 48.0, 45.0), "longitude": (20.0, 27.0, 40.0)}


def phone_photo(size=(64, 48), orientation=6, image_format="JPEG"):
    """Bytes of a photo as a phone writes it: EXIF with GPS position, device, rotation, XMP."""
    from io import BytesIO

    from PIL import ExifTags, Image

    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.DateTime] = "2025:03:14 09:26:53"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = PHONE_GPS["latitude"]
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = PHONE_GPS["longitude"]
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>photographer-xmp</rdf:RDF></x:xmpmeta>'
    output = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(output, image_format, exif=exif, xmp=xmp)
    return output.getvalue()
