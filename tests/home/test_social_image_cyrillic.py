"""A Cyrillic page shared on a social network shows its title in Cyrillic (issue 22): its
default Open Graph image is drawn from the transliterated title and site name, beside the Latin
page's, and neither deletes the other."""

import re

import pytest
from django.core.files.storage import default_storage

from home import social_images

pytestmark = pytest.mark.django_db

OG_IMAGE = re.compile(r'<meta property="og:image" content="http://testserver([^"]+)">')


def og_image(client, path):
    return OG_IMAGE.search(client.get(path).text)[1]


def stored():
    return sorted(default_storage.listdir(social_images.DIRECTORY)[1])


def test_the_cyrillic_page_shares_a_picture_of_its_title_in_cyrillic(
    client, site_tree, fresh_media
):
    latin = og_image(client, "/o-nama/")
    cyrillic = og_image(client, "/cir/o-nama/")
    assert latin != cyrillic

    response = client.get(cyrillic)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    # The picture the drawing makes of the Cyrillic words, not of the Latin ones.
    assert response.content == social_images.render("О нама", "Камере")
    assert response.content != social_images.render("O nama", "Kamere")
    # Both scripts' pictures are current: drawing one keeps the other.
    assert client.get(latin).status_code == 200
    assert client.get(cyrillic).status_code == 200
    assert stored() == sorted(path.removeprefix("/social/") for path in (latin, cyrillic))


def test_a_new_title_replaces_both_pictures(client, site_tree, fresh_media):
    about = site_tree["about"]
    old = [og_image(client, path) for path in ("/o-nama/", "/cir/o-nama/")]
    for path in old:
        assert client.get(path).status_code == 200
    about.title = "Ko smo"
    about.save_revision().publish()

    new = [og_image(client, path) for path in ("/o-nama/", "/cir/o-nama/")]

    for path in old:
        assert client.get(path).status_code == 404
    for path in new:
        assert client.get(path).status_code == 200
    assert stored() == sorted(path.removeprefix("/social/") for path in new)


def test_only_the_two_scripts_pictures_are_drawn(client, site_tree, fresh_media):
    about = site_tree["about"]
    # Its own script's and Cyrillic: no other text is drawn, in either script.
    assert len(social_images.current_versions(about, "Kamere")) == 2
    for title in ("Ko smo mi", "Ко смо ми", "О нама"):
        image_version = social_images.version(title, "Kamere")
        assert client.get(f"/social/{about.pk}-{image_version}.png").status_code == 404
    assert not default_storage.exists(social_images.DIRECTORY)
