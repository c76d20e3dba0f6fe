"""Media on an S3-compatible object store (home/object_storage.py), as several web machines
share them: report photos, Wagtail's images and documents, with each one's privacy intact."""

import re
import secrets
import time
import urllib.error
import urllib.request

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from map.models import Camera, CameraReport
from portal.settings.base import object_storage
from tests.home.test_media import CONTENT, body, document
from tests.map.factories import MunicipalityFactory, phone_photo
from tests.map.test_report import report_data
from tests.production import production_env
from tests.test_deploy import free_port, run_manage

from .conftest import KEYS, REGION, Bucket

pytestmark = pytest.mark.django_db

QUEUE = "/admin/camera-reports/"


def status_without_signature(url):
    """What anyone on the internet gets for `url`, asking with no credentials."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (a test's own server)
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def nothing_on_disk(settings):
    media_root = settings.MEDIA_ROOT
    return not media_root.exists() or not any(media_root.rglob("*"))


def test_a_report_photo_is_stored_in_the_bucket_and_seen_by_moderators_only(
    client, editor, bucket, settings
):
    photo = SimpleUploadedFile("spotted.jpg", phone_photo(), content_type="image/jpeg")
    response = client.post("/en/map/report/", {**report_data(), "photo": photo})
    assert response.status_code == 302, response.content[:500]
    report = CameraReport.objects.get()
    assert report.photo.name in bucket.names()
    assert nothing_on_disk(settings)

    # The store refuses it to anyone without a signature; /media/ does not serve it either.
    assert status_without_signature(bucket.address(report.photo.name)) == 403
    assert client.get(f"/media/{report.photo.name}").status_code == 404
    # If code asks for its URL, the store's answer is a signature that lasts minutes.
    assert "X-Amz-Expires=300" in report.photo.url

    photo_url = f"{QUEUE}{report.pk}/photo/"
    assert client.get(photo_url)["Location"].startswith("/admin/login/")
    client.force_login(editor)
    served = client.get(photo_url)
    assert served.status_code == 200
    assert body(served) == bucket.read(report.photo.name)


def test_an_accepted_photo_is_served_from_the_bucket_to_everyone(
    client, editor_client, bucket, settings, django_capture_on_commit_callbacks
):
    MunicipalityFactory()
    photo = SimpleUploadedFile("spotted.jpg", phone_photo(), content_type="image/jpeg")
    client.post("/en/map/report/", {**report_data(), "photo": photo})
    report = CameraReport.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        decision = editor_client.post(f"{QUEUE}{report.pk}/accept/", {"next": QUEUE})
    assert decision.status_code == 302
    camera = Camera.objects.get()
    image = camera.photos.get().image
    # The report's own copy is gone; the image library's is in the bucket.
    assert report.photo.name not in bucket.names()
    assert image.file.name in bucket.names()

    page = client.get(f"/en/map/cameras/{camera.pk}/")
    assert page.status_code == 200
    sources = re.findall(r'src="(/media/images/[^"]+)"', page.content.decode())
    assert sources, "the camera page shows its photo"
    for source in sources:
        rendition = client.get(source)
        assert rendition.status_code == 200
        assert rendition["Content-Type"] == "image/jpeg"
        assert rendition.content[:3] == b"\xff\xd8\xff"  # a JPEG
        assert "public" in rendition["Cache-Control"]
    assert nothing_on_disk(settings)


def test_images_have_lasting_public_addresses_under_media_public_url(bucket, settings):
    name = default_storage.save("images/a photo.jpg", SimpleUploadedFile("x.jpg", b"jpeg"))
    assert default_storage.url(name) == "/media/images/a%20photo.jpg"

    settings.MEDIA_PUBLIC_URL = "https://media.example.org/kamere/"
    assert default_storage.url(name) == "https://media.example.org/kamere/images/a%20photo.jpg"
    # Only the public folders: a name that climbs out of them is signed like the rest.
    assert "X-Amz-Signature" in default_storage.url("images/../documents/x.pdf")


def test_media_outside_the_public_folders_is_not_served(client, bucket):
    default_storage.save("documents/minutes.pdf", SimpleUploadedFile("m.pdf", CONTENT))
    default_storage.save("camera-reports/p.jpg", SimpleUploadedFile("p.jpg", b"jpeg"))
    for path in (
        "documents/minutes.pdf",
        "camera-reports/p.jpg",
        "images/../documents/minutes.pdf",
        "images/%2e%2e/documents/minutes.pdf",
        # The store's storage reads a backslash as a slash, after the folder check.
        "images/..%5Cdocuments%5Cminutes.pdf",
        "original_images/..%5Ccamera-reports%5Cp.jpg",
        "images%5C..%5Cdocuments%5Cminutes.pdf",
        "images/not-there.jpg",
        "images/",
    ):
        assert client.get(f"/media/{path}").status_code == 404, path


def test_a_private_document_stays_private_on_the_store(client, bucket, members_only):
    doc = document(members_only)
    assert doc.file.name in bucket.names()
    assert status_without_signature(bucket.address(doc.file.name)) == 403
    assert client.get(f"/media/{doc.file.name}").status_code == 404

    refused = client.get(doc.url)
    assert refused.status_code == 302
    assert refused["Location"].startswith("/accounts/login/")

    client.force_login(get_user_model().objects.create_user("member", password="x"))
    served = client.get(doc.url)
    assert served.status_code == 200
    assert body(served) == CONTENT


def away(bucket):
    """The settings' storage for `bucket` on a store that does not answer."""
    return object_storage(
        bucket.name,
        endpoint_url=f"http://127.0.0.1:{free_port()}",
        region="eu-central-1",
        access_key="x",
        secret_key="y",
        addressing_style="path",
    )


def test_an_image_is_a_503_while_the_store_is_away(client, bucket, settings):
    default_storage.save("images/kept.jpg", SimpleUploadedFile("k.jpg", b"jpeg"))
    assert client.get("/media/images/kept.jpg").status_code == 200

    settings.STORAGES = {**settings.STORAGES, "default": away(bucket)}
    response = client.get("/media/images/kept.jpg")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_the_health_check_asks_the_store(client, bucket, settings):
    assert client.get("/health/").json()["checks"]["storage"] == "ok"

    # A store that does not answer: the check says so within seconds, as a 503.
    settings.STORAGES = {**settings.STORAGES, "default": away(bucket)}
    started = time.monotonic()
    response = client.get("/health/")
    assert time.monotonic() - started < 15
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "failing"


def test_production_keeps_media_in_the_bucket_its_environment_names(bucket, tmp_path):
    env = production_env(
        tmp_path,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        S3_BUCKET=bucket.name,
        S3_ENDPOINT_URL=bucket.endpoint,
        S3_REGION=REGION,
        S3_ACCESS_KEY_ID=KEYS["aws_access_key_id"],
        S3_SECRET_ACCESS_KEY=KEYS["aws_secret_access_key"],
        S3_ADDRESSING_STYLE="path",
    )
    saving = (
        "from django.core.files.storage import default_storage as storage;"
        "from django.core.files.base import ContentFile;"
        "storage.save('images/from-production.txt', ContentFile(b'hi'))"
    )
    run_manage(env, "shell", "--no-imports", "-c", saving)
    assert bucket.read("images/from-production.txt") == b"hi"
    assert not (tmp_path / "media").exists()


def test_backups_of_the_database_and_the_stored_media_go_to_their_own_bucket(
    bucket, s3_server, tmp_path
):
    backups = Bucket(s3_server, f"{bucket.name}-backups")
    backups.create()
    env = production_env(
        tmp_path,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        S3_BUCKET=bucket.name,
        BACKUP_S3_BUCKET=backups.name,
        S3_ENDPOINT_URL=bucket.endpoint,
        S3_REGION=REGION,
        S3_ACCESS_KEY_ID=KEYS["aws_access_key_id"],
        S3_SECRET_ACCESS_KEY=KEYS["aws_secret_access_key"],
        S3_ADDRESSING_STYLE="path",
    )
    run_manage(env, "migrate", "--noinput", "--verbosity", "0")
    bucket.client.put_object(Bucket=bucket.name, Key="images/kept.jpg", Body=b"jpeg bytes")

    run_manage(env, "backup")
    made = backups.names()
    assert any(name.endswith(".sqlite3.gz") for name in made), made
    assert any(name.endswith(".tar.gz") for name in made), made

    bucket.client.delete_object(Bucket=bucket.name, Key="images/kept.jpg")
    run_manage(env, "mediarestore", "--noinput", "--uncompress")
    assert bucket.read("images/kept.jpg") == b"jpeg bytes"
    assert not (tmp_path / "media").exists()
