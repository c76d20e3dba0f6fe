"""/media/ on local disk: the uploaded files anyone may see, and nothing else.

Wagtail's images, originals and renditions, have no privacy settings: they are public. The
rest of MEDIA_ROOT is not served here:

- documents/: only through Wagtail's view (/documents/<id>/<name>, WAGTAILDOCS_SERVE_METHOD),
  which checks the privacy of the document's collection; here a guessable name would do.
- camera-reports/: reporters' photos before moderation, for moderators only
  (map/admin_views.py); once accepted, a copy joins the image library.
- uploaded_images/ and anything else Wagtail or a later app writes: private by default.

A web server or object store that serves media instead must publish the same folders only.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PUBLIC_MEDIA_FOLDERS = {"images", "original_images"}


def public_media(request, path):
    # As serve() reads it: "images/../documents/x.pdf" is documents/x.pdf.
    path = posixpath.normpath(path).lstrip("/")
    folder, _slash, name = path.partition("/")
    if folder not in PUBLIC_MEDIA_FOLDERS or not name:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
