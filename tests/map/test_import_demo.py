"""The map's demo data (map/demo.py), as `manage.py seed_demo` loads it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from wagtail.models import Locale

from map.demo import (
    BOX,
    DEMO_STREETS,
    MUNICIPALITIES,
    demo_boundaries,
    demo_cameras,
    seed_demo_map,
)
from map.geo import municipality_areas, municipality_for
from map.models import Camera, Municipality, Release

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def seeded(english):
    return seed_demo_map(english)


def serbian_municipalities():
    return Municipality.objects.filter(locale=Locale.get_default())


def test_belgrades_17_municipalities_in_both_languages(seeded, english):
    assert seeded == [
        "Demo municipalities: 17",
        "English translations of municipalities: 17",
        "Demo cameras: 776, in two demo releases",
        "Demo camera reports: 7",
    ]
    names = set(serbian_municipalities().values_list("name", flat=True))
    assert len(names) == 17
    assert {"Novi Beograd", "Savski Venac", "Voždovac", "Čukarica", "Surčin"} <= names
    assert "vozdovac" in set(serbian_municipalities().values_list("slug", flat=True))
    novi_beograd = serbian_municipalities().get(slug="novi-beograd")
    assert novi_beograd.get_translation(english).name == "New Belgrade"
    assert serbian_municipalities().get(slug="stari-grad").get_translation(english).name == (
        "Stari Grad"
    )
    assert novi_beograd.police_list_count == 55
    assert novi_beograd.police_list_date is not None


def test_demo_cameras_are_marked_as_demo_data(seeded):
    assert Camera.objects.count() == 776
    assert set(Camera.objects.values_list("source", flat=True)) == {Camera.Source.DEMO}
    assert set(Camera.objects.values_list("external_id", flat=True)) == {
        f"demo:{number}" for number in range(1, 777)
    }
    verified = Camera.objects.filter(status=Camera.Status.VERIFIED)
    assert verified.count() == 700
    assert Camera.objects.filter(status=Camera.Status.REPORTED).count() == 76
    assert verified.filter(on_police_list=True).count() == pytest.approx(0.4 * 700, abs=5)
    assert not Camera.objects.filter(status=Camera.Status.REPORTED, on_police_list=True).exists()
    facial_recognition_domes = verified.filter(facial_recognition=True, camera_type="dome")
    assert facial_recognition_domes.count() > 0.6 * 700
    assert not verified.filter(verified_at__isnull=True).exists()


def test_the_numbers_tell_the_initiatives_story(seeded):
    municipalities = serbian_municipalities().annotate(
        verified=Count("cameras", filter=Q(cameras__status=Camera.Status.VERIFIED)),
        listed=Count("cameras", filter=Q(cameras__on_police_list=True)),
    )
    for municipality in municipalities:
        ratio = municipality.verified / municipality.police_list_count
        # The citizens' map shows twice the police list here, and less elsewhere.
        if municipality.slug in {"novi-beograd", "zvezdara", "stari-grad"}:
            assert 1.9 < ratio < 2.3, municipality.slug
        else:
            assert 1.0 < ratio < 1.6, municipality.slug
        # No more cameras marked as on the police list than the list has.
        assert municipality.listed <= municipality.police_list_count


def test_every_camera_lies_in_its_municipalitys_boundary(seeded):
    areas = municipality_areas(serbian_municipalities())
    for camera in Camera.objects.select_related("municipality"):
        assert municipality_for(camera.latitude, camera.longitude, areas) == camera.municipality


def test_demo_boundaries_cover_the_box_without_overlapping():
    areas = municipality_areas(
        Municipality(slug=slug, boundary=boundary) for slug, boundary in demo_boundaries().items()
    )
    for demo in MUNICIPALITIES:
        assert municipality_for(demo.latitude, demo.longitude, areas).slug == demo.slug
    steps = 40
    for row in range(steps):
        for column in range(steps):
            latitude = BOX["south"] + (row + 0.5) * (BOX["north"] - BOX["south"]) / steps
            longitude = BOX["west"] + (column + 0.5) * (BOX["east"] - BOX["west"]) / steps
            inside = [area for area in areas if area.contains(latitude, longitude)]
            assert len(inside) == 1, (latitude, longitude)


def test_demo_data_is_the_same_every_time():
    first = [(c.external_id, c.latitude, c.longitude, c.camera_type) for c in demo_cameras({})]
    second = [(c.external_id, c.latitude, c.longitude, c.camera_type) for c in demo_cameras({})]
    assert first == second


def test_a_second_run_changes_nothing_and_keeps_editors_changes(seeded, english):
    zemun = serbian_municipalities().get(slug="zemun")
    zemun.police_list_count = 99
    zemun.save()
    Camera.objects.filter(external_id="demo:1").update(status=Camera.Status.REJECTED)
    before = list(Camera.objects.order_by("id").values_list("id", "status", "updated_at"))

    assert seed_demo_map(english) == []

    assert list(Camera.objects.order_by("id").values_list("id", "status", "updated_at")) == before
    assert serbian_municipalities().get(slug="zemun").police_list_count == 99
    assert Municipality.objects.count() == 34


def test_seed_demo_loads_the_map_once():
    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert "Demo cameras: 776, in two demo releases" in output.getvalue()
    assert Municipality.objects.filter(locale__language_code="en").count() == 17

    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert "nothing changed" in output.getvalue()
    assert Camera.objects.count() == 776


def test_demo_cameras_in_the_centre_have_street_addresses_like_real_data(seeded):
    cameras = Camera.objects.filter(source=Camera.Source.DEMO)
    central = cameras.filter(municipality__slug__in=DEMO_STREETS)
    with_address = cameras.exclude(address="")
    assert not with_address.exclude(municipality__slug__in=DEMO_STREETS).exists()
    # About half of those municipalities' cameras, the rest named after their municipality.
    assert 0.3 < with_address.count() / central.count() < 0.7
    assert cameras.filter(address__startswith="Knez Mihailova ").exists()


def test_the_demo_has_two_releases_the_second_adding_twelve_cameras(seeded):
    first, second = Release.objects.order_by("number")
    assert (first.counts["cameras"], first.counts["added"]) == (764, 764)
    assert (second.counts["cameras"], second.counts["added"]) == (776, 12)
    assert second.note_en == "A demo release: twelve more generated cameras."
