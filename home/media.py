"""/media/: the uploaded files anyone may see, and nothing else, from whichever storage holds them.

Wagtail's images, originals and renditions, have no privacy settings: they are public. The
rest of the media is not served here:

- documents/: only through Wagtail's view (/documents/<id>/<name>, WAGTAILDOCS_SERVE_METHOD),
  which checks the privacy of the document's collection; here a guessable name would do.
- camera-reports/: reporters' photos before moderation, for moderators only
  (map/admin_views.py); once accepted, a copy joins the image library.
- uploaded_images/ and anything else Wagtail or a later app writes: private by default.

A web server, CDN or bucket policy that serves media instead must publish the same folders only.
"""

import logging
import mimetypes
import posixpath

from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.static import serve

logger = logging.getLogger(__name__)

PUBLIC_MEDIA_FOLDERS = {"images", "original_images"}
# Renditions and originals keep their names while their image exists (a new file gets a new
# name), so readers and caches in front may keep them a day.
PUBLIC_MEDIA_MAX_AGE = 24 * 60 * 60


def public_media_path(path):
    """`path` as a storage name if it lies in a public folder, else None."""
    # An object store's storage reads a backslash as a slash (django-storages' clean_name),
    # after this check: "images/..\\documents\\x.pdf" would be documents/x.pdf there.
    if "\\" in path or "\x00" in path:
        return None
    # As a file system reads it: "images/../documents/x.pdf" is documents/x.pdf.
    path = posixpath.normpath(path).lstrip("/")
    folder, _slash, name = path.partition("/")
    if folder not in PUBLIC_MEDIA_FOLDERS or not name or name in (".", ".."):
        return None
    return path


def is_public_media(name):
    return public_media_path(name) == posixpath.normpath(name).lstrip("/")


def public_media(request, path):
    path = public_media_path(path)
    if path is None:
        raise Http404
    if isinstance(default_storage, FileSystemStorage):
        response = serve(request, path, document_root=default_storage.location)
    else:
        # An object store: read through the storage, as every node can; whole, so that a
        # store that fails midway is a 503, not a cut-off image (images are 10 MB at most).
        try:
            with default_storage.open(path, "rb") as stored:
                content = stored.read()
        except FileNotFoundError as missing:
            raise Http404 from missing
        except ConnectionError:
            logger.exception("Media %s: the object store failed.", path)
            return HttpResponse(status=503, headers={"Retry-After": "30"})
        content_type, _encoding = mimetypes.guess_type(path)
        response = HttpResponse(content, content_type=content_type or "application/octet-stream")
    patch_cache_control(response, public=True, max_age=PUBLIC_MEDIA_MAX_AGE)
    return response
