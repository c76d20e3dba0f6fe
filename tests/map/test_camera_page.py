"""A public camera's own page: /mapa/kamere/<id>/ and /en/map/cameras/<id>/.

The small map on it is drawn by JavaScript: tests/browser/test_camera_page.py drives it.
"""

import html
import re

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from map.models import Camera, CameraPhoto, CameraReport, CameraType, MapPage, SurveillanceZone
from map.sitemaps import CameraSitemap
from map.views import MAX_PHOTOS
from tests.routes import in_english, in_serbian

from .factories import CameraFactory, MunicipalityFactory, map_pages
from .test_report import report_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """Serbian and English home and map pages, and a municipality named in both languages."""
    map_pages()
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    english = vracar.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Vracar (en)"
    english.save()
    return {"vracar": vracar}


@pytest.fixture
def camera(site):
    return CameraFactory(
        latitude=44.801234,
        longitude=20.471234,
        municipality=site["vracar"],
        address="Njegoševa 12",
        camera_type=CameraType.DOME,
        surveillance_zone=SurveillanceZone.TOWN,
        direction=90,
        on_police_list=True,
        confirmations=3,
        manufacturer="Huawei",
        model="IPC6625-Z30",
    )


def add_photos(camera, count):
    for number in range(count):
        image = wagtail_factories.ImageFactory(
            title=f"Camera {camera.pk}, photo from a citizen's report",
            file__width=900,
            file__height=600,
        )
        if number == 0:
            image.description = "Kupola kamere na stubu, iznad raskrsnice"
            image.save()
        CameraPhoto.objects.create(camera=camera, image=image)


def page_text(response):
    """The page's visible text, with tags and whitespace runs taken out."""
    main = re.search(r"<main.*?</main>", response.text, re.S).group(0)
    main = re.sub(r"<script.*?</script>", " ", main, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_page_says_where_and_what_the_camera_is(client, camera):
    response = client.get(in_serbian("map:camera_page", camera.pk))
    assert response.status_code == 200
    text = page_text(response)
    assert "<title>Njegoševa 12 | Kamere</title>" in response.text
    assert "<h1>Njegoševa 12</h1>" in response.text
    assert 'href="/mapa/?municipality=vracar">Vračar</a>' in response.text
    assert "44.801234, 20.471234" in text
    # The municipality leads to the map filtered to it; the map link centres on the camera.
    assert 'href="/mapa/#map=18/44.80123/20.47123"' in response.text
    assert f'href="/api/cameras/{camera.pk}.geojson"' in response.text
    # The actions lead to the report form, which knows the camera and what is said of it.
    assert f'href="{in_serbian("map:report")}?camera={camera.pk}&amp;kind=seen"' in response.text
    assert f'href="{in_serbian("map:report")}?camera={camera.pk}&amp;kind=gone"' in response.text
    # Breadcrumbs: the home page, the map page, the camera.
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', response.text, re.S).group(0)
    assert re.findall(r'href="([^"]+)"', crumbs) == [
        "/",
        "/mapa/",
        in_serbian("map:camera_page", camera.pk),
    ]
    assert "Huawei" in text and "IPC6625-Z30" in text


def test_english_page_speaks_english(client, camera):
    response = client.get(f"/en/map/cameras/{camera.pk}/")
    assert response.status_code == 200
    text = page_text(response)
    assert "Dome camera · city video surveillance · capable of facial recognition" in text
    assert "on the police list" in text
    assert 'href="/en/map/?municipality=vracar">Vracar (en)</a>' in response.text
    assert "3 independent confirmations" in text
    assert "90° from north" in text
    assert f'href="/en/map/report/?camera={camera.pk}&amp;kind=seen"' in response.text
    assert '<html lang="en"' in response.text


def test_meta_tags_name_the_page_in_both_languages(client, camera):
    add_photos(camera, 1)
    response = client.get(f"/en/map/cameras/{camera.pk}/", HTTP_HOST="localhost:8123")
    head = response.text.split("</head>")[0]
    url = f"http://localhost:8123/en/map/cameras/{camera.pk}/"
    assert f'<link rel="canonical" href="{url}">' in head
    assert f'<meta property="og:url" content="{url}">' in head
    assert '<meta property="og:title" content="Njegoševa 12">' in head
    serbian = f"http://localhost:8123{in_serbian('map:camera_page', camera.pk)}"
    assert f'hreflang="sr-Latn" href="{serbian}"' in head
    assert f'hreflang="en" href="{url}"' in head
    assert re.search(r'<meta property="og:image" content="http://localhost:8123/media/', head)
    assert 'name="robots"' not in head


def test_only_public_cameras_have_a_page(client, site):
    # Retired cameras keep theirs (tests/map/test_recheck.py); rejected ones never had one.
    hidden = CameraFactory(status=Camera.Status.REJECTED)
    assert client.get(in_serbian("map:camera_page", hidden.pk)).status_code == 404
    for path in (
        in_serbian("map:camera_page", 0),
        "/en/map/cameras/99999999999999999999999999/",
    ):
        assert client.get(path).status_code == 404
    reported = CameraFactory(status=Camera.Status.REPORTED, municipality=site["vracar"])
    response = client.get(in_serbian("map:camera_page", reported.pk))
    assert response.status_code == 200
    # The map's default shows verified cameras only: the links ask for reported ones too.
    assert 'href="/mapa/?status=all&amp;municipality=vracar"' in response.text
    assert "Prijavljena, još nije proverena" in page_text(response)


def test_page_names_no_reporter_or_editor(client, camera):
    person = get_user_model().objects.create_user(
        username="prijavilac", email="prijavilac@example.org", first_name="Petra", last_name="Ilić"
    )
    CameraReport.objects.create(
        latitude=camera.latitude,
        longitude=camera.longitude,
        camera=camera,
        reporter=person,
        reviewed_by=person,
        email="pratilac@example.org",
        note="Video sam je juče, sa ćerkom.",
        status=CameraReport.Status.MERGED,
    )
    for path in (in_serbian("map:camera_page", camera.pk), f"/en/map/cameras/{camera.pk}/"):
        page = client.get(path).text
        for personal in ("prijavilac", "example.org", "Petra", "Ilić", "ćerkom"):
            assert personal not in page


def test_place_name_falls_back_to_tags_municipality_then_position(site):
    camera = CameraFactory.build(
        address="", municipality=None, latitude=44.8, longitude=20.45, source_tags={}
    )
    with translation.override("en"):
        assert camera.place_name == "Camera at 44.80000, 20.45000"
        camera.source_tags = {"addr:street": "Bulevar kralja Aleksandra", "addr:housenumber": "73"}
        assert camera.place_name == "Bulevar kralja Aleksandra 73"
        camera.source_tags = {"addr:full": "Trg republike 5, Beograd", "addr:street": "Trg"}
        assert camera.place_name == "Trg republike 5, Beograd"
        camera.source_tags = {"addr:street": ["not", "text"]}  # odd data is no address
        assert camera.place_name == "Camera at 44.80000, 20.45000"
        camera.municipality = site["vracar"]
        camera.save()
        assert camera.place_name == "Camera in the municipality of Vracar (en)"
    with translation.override("sr-latn"):
        camera = Camera.objects.get(pk=camera.pk)
        assert camera.place_name.endswith("Vračar")


def test_description_says_what_the_camera_is(site):
    camera = CameraFactory.build(
        camera_type=CameraType.FIXED,
        surveillance_zone="",
        surveillance="public",
        facial_recognition=False,
        on_police_list=False,
    )
    with translation.override("en"):
        assert camera.description == "Fixed camera · watches a public space"
        camera.surveillance_type = "ALPR"
        camera.surveillance_zone = SurveillanceZone.TRAFFIC
        camera.on_police_list = True
        assert camera.description == ("Licence plate reader · watches traffic · on the police list")


def test_osm_cameras_credit_openstreetmap(client, site):
    camera = CameraFactory(source=Camera.Source.OSM, external_id="osm:node/4242", address="")
    camera.source_tags = {"addr:street": "Knez Mihailova"}
    camera.save()
    response = client.get(f"/en/map/cameras/{camera.pk}/")
    assert "<h1>Knez Mihailova</h1>" in response.text
    assert 'href="https://www.openstreetmap.org/node/4242"' in response.text
    assert 'href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a>' in (
        response.text
    )


def test_demo_cameras_say_so_and_are_not_indexed(client, site):
    camera = CameraFactory(source=Camera.Source.DEMO)
    response = client.get(f"/en/map/cameras/{camera.pk}/")
    assert '<meta name="robots" content="noindex">' in response.text
    assert "It is not a real camera." in page_text(response)


def test_photos_are_responsive_with_alt_text(client, camera):
    add_photos(camera, 2)
    response = client.get(in_serbian("map:camera_page", camera.pk))
    photos = re.search(r'<ul class="camera-page__photos">.*?</ul>', response.text, re.S).group(0)
    images = re.findall(r"<img [^>]*>", photos)
    assert len(images) == 2
    assert all("srcset=" in image and 'loading="lazy"' in image for image in images)
    # The editor's description, else a plain one: never the image's title.
    assert 'alt="Kupola kamere na stubu, iznad raskrsnice"' in images[0]
    assert 'alt="Fotografija 2 kamere"' in images[1] or 'alt="Photo 2 of the camera"' in images[1]
    assert "citizen" not in response.text


def test_queries_do_not_grow_with_photos(uncached, client, site):
    def count(camera):
        client.get(in_serbian("map:camera_page", camera.pk))  # makes the renditions, once
        with CaptureQueriesContext(connection) as queries:
            response = client.get(in_serbian("map:camera_page", camera.pk))
        assert response.status_code == 200
        return len(queries)

    one, five = CameraFactory(municipality=site["vracar"]), CameraFactory()
    add_photos(one, 1)
    add_photos(five, 5)
    assert count(five) == count(one)


def test_anonymous_pages_may_be_cached_and_signed_in_ones_not(client, camera):
    response = client.get(in_serbian("map:camera_page", camera.pk))
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert response["Vary"] == "Accept-Encoding"
    assert not response.cookies
    user = get_user_model().objects.create_user(username="u", email="u@example.org")
    client.force_login(user)
    response = client.get(in_serbian("map:camera_page", camera.pk))
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_page_showing_a_visitors_message_is_not_cached_publicly(client, camera):
    # An anonymous reporter's "thank you" travels in the messages cookie, with no session.
    client.post("/en/map/report/", report_data())
    assert "messages" in client.cookies
    response = client.get(f"/en/map/cameras/{camera.pk}/")
    assert "Thank you: your report is sent." in response.content.decode()
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_only_reading_methods(client, camera):
    assert client.post(in_serbian("map:camera_page", camera.pk)).status_code == 405
    assert client.head(in_serbian("map:camera_page", camera.pk)).status_code == 200


def test_page_is_valid_html(client, camera, nu_checker):
    add_photos(camera, 2)
    demo = CameraFactory(source=Camera.Source.DEMO, status=Camera.Status.REPORTED, address="")
    pages = {}
    for path in [
        in_serbian("map:camera_page", camera.pk),
        f"/en/map/cameras/{camera.pk}/",
        in_serbian("map:camera_page", demo.pk),
    ]:
        response = client.get(path)
        assert response.status_code == 200
        pages[path] = response.content
    nu_checker(pages)


def test_sitemap_lists_verified_real_cameras_in_pages(client, site, monkeypatch):
    monkeypatch.setattr(CameraSitemap, "limit", 2)
    listed = CameraFactory.create_batch(3)
    CameraFactory(status=Camera.Status.REPORTED)
    CameraFactory(source=Camera.Source.DEMO)
    CameraFactory(status=Camera.Status.RETIRED)
    assert "Sitemap: http://testserver/sitemap-cameras.xml" in client.get("/robots.txt").text

    index = client.get("/sitemap-cameras.xml", HTTP_HOST="localhost:8123")
    assert index.status_code == 200
    sitemaps = re.findall(r"<loc>([^<]+)</loc>", index.text)
    assert sitemaps == [
        "http://localhost:8123/sitemap-cameras-sr-latn.xml",
        "http://localhost:8123/sitemap-cameras-sr-latn.xml?p=2",
        "http://localhost:8123/sitemap-cameras-sr-cyrl.xml",
        "http://localhost:8123/sitemap-cameras-sr-cyrl.xml?p=2",
        "http://localhost:8123/sitemap-cameras-en.xml",
        "http://localhost:8123/sitemap-cameras-en.xml?p=2",
    ]
    addresses = []
    for sitemap in sitemaps:
        response = client.get(
            sitemap.removeprefix("http://localhost:8123"), HTTP_HOST="localhost:8123"
        )
        assert response.status_code == 200
        addresses += re.findall(r"<loc>([^<]+)</loc>", response.text)
    assert addresses == [
        *(f"http://localhost:8123{in_serbian('map:camera_page', camera.pk)}" for camera in listed),
        *(f"http://localhost:8123/cir/mapa/kamere/{camera.pk}/" for camera in listed),
        *(f"http://localhost:8123/en/map/cameras/{camera.pk}/" for camera in listed),
    ]
    for wrong in ("?p=3", "?p=0", "?p=x", "?p=99999999999999999999999"):
        assert client.get(f"/sitemap-cameras-en.xml{wrong}").status_code == 404
    assert client.get("/sitemap-cameras-de.xml").status_code == 404


def test_sitemap_pages_cost_the_same_queries_however_many_cameras(client, site):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap-cameras-en.xml").status_code == 200
        return len(queries)

    CameraFactory()
    one = count()
    CameraFactory.create_batch(20)
    assert count() == one


def test_page_works_without_a_map_page(client, camera):
    MapPage.objects.filter(locale__language_code="en").delete()
    response = client.get(f"/en/map/cameras/{camera.pk}/")
    assert response.status_code == 200
    assert "/en/map/?" not in response.text and "/en/map/#" not in response.text
    # The municipality is still named, without a link.
    assert "<dd>Vracar (en)</dd>" in response.text


def test_at_most_a_few_photos_are_shown(client, camera):
    add_photos(camera, MAX_PHOTOS + 1)
    response = client.get(in_serbian("map:camera_page", camera.pk))
    photos = re.search(r'<ul class="camera-page__photos">.*?</ul>', response.text, re.S).group(0)
    assert photos.count("<img ") == MAX_PHOTOS


def test_its_height_when_known(client, camera):
    assert "Visina" not in page_text(client.get(in_serbian("map:camera_page", camera.pk)))
    Camera.objects.filter(pk=camera.pk).update(height=4.5)
    text = page_text(client.get(in_english("map:camera_page", camera.pk)))
    assert "Height 4.5 m" in text
