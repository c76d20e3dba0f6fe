"""An S3-compatible server of the tests' own, and the media on it as production has them with
S3_BUCKET (portal/settings/base.py object_storage)."""

import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer

from portal.settings.base import object_storage
from tests.home.test_media import members_only  # noqa: F401 (a fixture of these tests too)
from tests.map.conftest import editor, editor_client  # noqa: F401 (fixtures of these tests too)
from tests.test_deploy import free_port

REGION = "eu-central-1"
# moto takes any keys; it refuses unsigned reads of private objects as S3 does.
KEYS = {"aws_access_key_id": "kamere-test", "aws_secret_access_key": "kamere-test-secret"}


@pytest.fixture(scope="session")
def s3_server():
    """The address of moto's S3 server, over HTTP on a free port, for the session (each
    pytest-xdist worker has one)."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


class Bucket:
    def __init__(self, endpoint, name):
        self.endpoint, self.name = endpoint, name
        self.client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **KEYS)

    def create(self):
        self.client.create_bucket(
            Bucket=self.name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )

    def names(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return {entry["Key"] for entry in listing.get("Contents", [])}

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def address(self, key):
        """The object's plain address on the store, with no signature."""
        return f"{self.endpoint}/{self.name}/{key}"


@pytest.fixture
def bucket(s3_server, settings, tmp_path):
    """An empty bucket of this test's own, holding the site's media; MEDIA_ROOT is an empty
    directory, so that a test can tell that nothing landed on the node's disk."""
    media_bucket = Bucket(s3_server, f"kamere-{uuid.uuid4().hex[:16]}")
    media_bucket.create()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_storage(
            media_bucket.name,
            endpoint_url=s3_server,
            region=REGION,
            access_key=KEYS["aws_access_key_id"],
            secret_key=KEYS["aws_secret_access_key"],
            addressing_style="path",
        ),
    }
    return media_bucket
