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

import mimetypes
import posixpath

from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.views.static import serve

PUBLIC_MEDIA_FOLDERS = {"images", "original_images"}
# Renditions and originals keep their names while their image exists (a new file gets a new
# name), so readers and caches in front may keep them a day.
PUBLIC_MEDIA_MAX_AGE = 24 * 60 * 60


def public_media_path(path):
    """`path` as a storage name if it lies in a public folder, else None."""
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
        # An object store: read through the storage, as every node can. Its _open asks the
        # store first, so a missing name is a 404, not an empty file.
        try:
            stored = default_storage.open(path, "rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        content_type, _encoding = mimetypes.guess_type(path)
        response = FileResponse(stored, content_type=content_type or "application/octet-stream")
    patch_cache_control(response, public=True, max_age=PUBLIC_MEDIA_MAX_AGE)
    return response
