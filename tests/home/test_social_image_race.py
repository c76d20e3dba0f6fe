"""Two first requests for a page's default Open Graph image at once (home/social_images.py):
two crawlers fetching a newly shared page. The storage must end with the one image, whole."""

import threading
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.db import connections
from django.test import Client
from PIL import Image
from wagtail.models import Site

from home import social_images
from home.models import OrganisationSettings

from .factories import StandardPageFactory, site_home

ROUNDS = 5
CLIENTS = 8


@pytest.fixture
def pages(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    home = site_home()
    site = Site.objects.get(is_default_site=True)
    OrganisationSettings.objects.update_or_create(site=site, defaults={"name": "Kamere"})
    return [
        StandardPageFactory(parent=home, title=f"Stranica broj {number}", slug=f"s{number}")
        for number in range(ROUNDS)
    ]


def fetch_at_once(url, clients=2):
    responses = [None] * clients

    def fetch(number):
        try:
            responses[number] = Client().get(url)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=fetch, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return responses


def stored_files():
    return sorted(default_storage.listdir(social_images.DIRECTORY)[1])


@pytest.mark.parametrize(
    "storage",
    [
        "django.core.files.storage.FileSystemStorage",
        # No local path, as an object store (MEDIA_STORAGE_BACKEND on several machines).
        "django.core.files.storage.InMemoryStorage",
    ],
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_first_requests_leave_exactly_one_whole_image(
    pages, settings, storage, monkeypatch
):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": storage}}
    # Made now, not by the first thread to ask: an InMemoryStorage made twice is two stores.
    assert not default_storage.exists(social_images.DIRECTORY)
    # Both requests have drawn the image before either stores it: the moment of the race.
    both_drawn = threading.Barrier(CLIENTS, timeout=20)
    render = social_images.render

    def render_then_wait(*args):
        data = render(*args)
        both_drawn.wait()
        return data

    monkeypatch.setattr(social_images, "render", render_then_wait)

    for page in pages:  # the race is a matter of timing: several pages, several chances
        name = social_images.storage_name(
            page.pk, social_images.version(page.title, "Kamere")
        ).removeprefix("social/")
        first, *others = fetch_at_once(f"/social/{name}", CLIENTS)
        assert [response.status_code for response in (first, *others)] == [200] * CLIENTS
        assert all(response.content == first.content for response in others)
        image = Image.open(BytesIO(first.content))
        assert (image.format, image.size) == ("PNG", (1200, 630))
        image.verify()
        assert [file for file in stored_files() if file.startswith(f"{page.pk}-")] == [name]
        with default_storage.open(f"social/{name}", "rb") as file:
            assert file.read() == first.content

    # Nothing else is left: no second copy under another name, no part file.
    assert stored_files() == sorted(
        social_images.storage_name(
            page.pk, social_images.version(page.title, "Kamere")
        ).removeprefix("social/")
        for page in pages
    )
