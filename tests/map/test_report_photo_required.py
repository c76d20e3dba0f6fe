"""A confirmation ("I saw it too") needs a photo: the reader learns it before sending, on the
camera's page and on the form, not only from the error after it. "It's gone" stays optional."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from .factories import CameraFactory
from .test_report import URL

pytestmark = pytest.mark.django_db


def photo_input(text):
    return re.search(r'<input type="file" name="photo"[^>]*>', text)[0]


def test_the_camera_page_says_a_confirmation_needs_a_photo(client):
    camera = CameraFactory()
    with translation.override("en"):
        url = reverse("map:camera_page", args=[camera.pk])
    text = client.get(url).text
    help_line = re.search(r'<p id="camera-actions-photo"[^>]*>(.*?)</p>', text, re.S)
    assert "needs a photo of the camera" in help_line[1]
    # Read out with the button itself, so a screen reader hears it before following it.
    assert re.search(r'<a [^>]*kind=seen"[^>]*aria-describedby="camera-actions-photo"', text)


def test_the_form_for_seen_asks_for_the_photo_before_sending(client):
    camera = CameraFactory()
    text = client.get(URL, {"camera": camera.pk, "kind": "seen"}).text
    assert "A confirmation needs a photo of the camera." in text
    assert "Photo (required for a confirmation)" in text
    assert "A confirmation counts only with a photo of the camera." in text
    assert " required " in photo_input(text)


def test_the_form_for_seen_says_it_in_serbian_too(client):
    camera = CameraFactory()
    with translation.override("sr-latn"):
        url = reverse("map:report")
    response = client.get(url, {"camera": camera.pk, "kind": "seen"})
    assert response.status_code == 200
    assert " required " in photo_input(response.text)


@pytest.mark.parametrize("query", [{"kind": "gone"}, {}])
def test_gone_and_a_new_report_keep_the_photo_optional(client, query):
    if query:
        query["camera"] = CameraFactory().pk
    text = client.get(URL, query).text
    assert "Photo (optional)" in text
    assert "A confirmation needs a photo" not in text
    assert "required" not in photo_input(text)
