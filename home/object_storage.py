"""Media on an S3-compatible object store (AWS S3, Hetzner, Backblaze, Garage, Ceph, …), for
several web machines: django-storages' S3Storage, with the portal's privacy rules.

- The bucket stays private: objects are written with no ACL, so nothing in it is readable
  without a signature unless the operator publishes a prefix on purpose.
- Only Wagtail's images (`images/`, `original_images/`, home/media.py) have plain, lasting URLs:
  under MEDIA_PUBLIC_URL when a CDN or a bucket policy publishes those two prefixes, otherwise
  under MEDIA_URL, where each web process reads them from the store (home/media.py). Pages in
  the page cache link to them for an hour, which a signed URL would not outlive.
- Anything else (documents, reporters' photos) is never linked to on the store: the app reads
  it through the storage after checking who asks. If some code asks for its URL anyway, it
  gets a signed one that lasts minutes.
- Files up to MAX_IN_MEMORY are read and written in memory, never on the node's disk.
"""

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

from home.media import is_public_media

# A store that does not answer fails a request (and the health check) in seconds, instead of
# botocore's minute per attempt.
DEADLINES = Config(
    connect_timeout=3, read_timeout=10, retries={"mode": "standard", "max_attempts": 2}
)
# The largest upload the site takes (10 MB, settings.MAX_REQUEST_BODY) fits.
MAX_IN_MEMORY = 12 * 1024 * 1024


class MediaStorage(S3Storage):
    default_acl = None
    # Wagtail names renditions and uploads itself and expects a taken name to get a new one;
    # django-storages' default would write over another image's file.
    file_overwrite = False
    querystring_auth = True
    querystring_expire = 300
    max_memory_size = MAX_IN_MEMORY

    def __init__(self, **options):
        super().__init__(**options)
        self.client_config = self.client_config.merge(DEADLINES)

    def _open(self, name, mode="rb"):
        """As S3Storage's, with the store's failures as Python's own errors, so that views need
        not know the store: a name the store refuses or lacks is missing (FileNotFoundError),
        a store that does not answer is away (ConnectionError)."""
        try:
            return super()._open(name, mode)
        except ClientError as error:
            if 400 <= error.response["ResponseMetadata"]["HTTPStatusCode"] < 500:
                raise FileNotFoundError(name) from error
            raise ConnectionError(f"The object store failed: {error}") from error
        except BotoCoreError as error:
            raise ConnectionError(f"The object store does not answer: {error}") from error

    def url(self, name, parameters=None, expire=None, http_method=None):
        if is_public_media(name) and not parameters and http_method in (None, "GET"):
            base = settings.MEDIA_PUBLIC_URL or settings.MEDIA_URL
            return f"{base.rstrip('/')}/{filepath_to_uri(name.lstrip('/'))}"
        return super().url(name, parameters, expire, http_method)
