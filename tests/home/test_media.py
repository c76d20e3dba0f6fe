"""Uploaded files: /media/ serves Wagtail's images only; documents go through Wagtail's view."""

import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

CONTENT = b"%PDF-1.4 minutes of the members' meeting"


@pytest.fixture
def members_only():
    """A collection that only logged-in people may see."""
    collection = Collection.get_first_root_node().add_child(name="Members")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def document(collection=None, name="minutes.pdf"):
    fields = {"collection": collection} if collection else {}
    return get_document_model().objects.create(
        title="Minutes", file=ContentFile(CONTENT, name=name), **fields
    )


def body(response):
    return b"".join(response.streaming_content)


def test_a_members_only_document_is_served_to_members_only(client, members_only):
    doc = document(members_only)
    assert doc.file.name == "documents/minutes.pdf"  # the name anyone could guess
    assert doc.url == f"/documents/{doc.pk}/minutes.pdf"

    refused = client.get(doc.url)
    assert refused.status_code == 302
    assert refused["Location"].startswith("/accounts/login/")
    # The bypass the issue found: the same file straight from /media/.
    assert client.get("/media/documents/minutes.pdf").status_code == 404

    client.force_login(get_user_model().objects.create_user("member", password="x"))
    served = client.get(doc.url)
    assert served.status_code == 200
    assert body(served) == CONTENT
    assert client.get("/media/documents/minutes.pdf").status_code == 404


def test_public_documents_go_through_wagtails_view_too(client):
    doc = document()
    assert doc.url == f"/documents/{doc.pk}/minutes.pdf"
    assert body(client.get(doc.url)) == CONTENT
    assert client.get("/media/documents/minutes.pdf").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../documents/minutes.pdf",
        "/media/original_images/../../media/documents/minutes.pdf",
        "/media//documents/minutes.pdf",
        "/media/documents/",
        "/media/images",
        "/media/uploaded_images/minutes.pdf",
    ],
)
def test_no_path_leads_out_of_the_public_folders(client, path):
    document()
    assert client.get(path).status_code == 404


def test_wagtails_images_are_public(client):
    output = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "red").save(output, "PNG")
    image = get_image_model().objects.create(
        title="Red", file=ImageFile(io.BytesIO(output.getvalue()), name="red.png")
    )
    rendition = image.get_rendition("max-20x20")
    assert image.file.name.startswith("original_images/")
    assert rendition.file.name.startswith("images/")
    for url in [image.file.url, rendition.url]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_editors_images_have_a_pixel_limit_that_pillow_enforces_everywhere(client):
    """A rendition decodes the whole original: 18 MP keeps one under ~150 MB.

    Willow decodes an upload before Wagtail counts its pixels: Pillow's limit, at twice
    Wagtail's, is what refuses a larger one first.
    """
    assert PillowImage.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 18_000_000
    client.force_login(
        get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    )
    output = io.BytesIO()
    PillowImage.new("RGB", (4300, 4300), "red").save(output, "PNG")  # 18.5 MP
    upload = SimpleUploadedFile("poster.png", output.getvalue(), "image/png")
    response = client.post("/admin/images/multiple/add/", {"files[]": upload})
    assert response.json()["success"] is False
    assert "Maximum pixels 18000000" in response.json()["error_message"]
    assert not get_image_model().objects.exists()
