"""Reporters' photos: checked, then re-encoded from their pixels alone before they are stored.

Phones write the place, time and device into every photo (EXIF with GPS, XMP, IPTC). Rather
than deleting known metadata blocks and hoping none is missed, the pixels are copied into a new
image, which has no metadata at all (home/images.py's `pixels_only`, shared with the image
library's own stripping), and saved as a JPEG. The ICC colour profile is dropped too: colours
may shift slightly on wide-gamut photos, which does not matter for showing a camera. HEIC
photos from iPhones are accepted (home/images.py registers pillow-heif, which comes with
Wagtail) and stored as JPEG like everything else, because browsers cannot show HEIC.

Memory follows pixels, not bytes: a 283 KB PNG of one colour can hold 89 megapixels, 360 MB
once decoded, and every copy costs as much again. So the size in the file's header is checked
before any pixel is decoded, a JPEG is decoded straight at 1/2, 1/4 or 1/8 of its size when
that still covers the stored size, and everything after decoding works on the downscaled
image. `bench/report_photo.py` measures what one photo costs (about 150 MB at most).
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, JpegImagePlugin

from home.images import READ_ERRORS, pixels_only

MAX_PHOTO_BYTES = 10 * 1024 * 1024
# The most megapixels accepted per format, so that one photo costs a worker at most about
# 150 MB (bench/report_photo.py). At the worst, per pixel: a progressive JPEG holds all its
# coefficients while decoding, 10 bytes in all; a PNG or HEIC with transparency 11.5
# (downscaling copies it once more); a WebP 21 (its decoder keeps two canvases, then a copy).
# A baseline JPEG (what phones write; iPhones' browsers send even HEIC photos as one) is
# decoded straight at 1/2, 1/4 or 1/8 of its size and costs under 120 MB at any size: only
# Pillow's own limit applies to it (twice Image.MAX_IMAGE_PIXELS, see home/apps.py).
MAX_MEGAPIXELS = {"progressive JPEG": 14, "PNG": 13, "HEIF": 13, "WEBP": 7}
# The stored photo's longest side: enough to tell a camera's make on a pole.
MAX_STORED_SIDE = 2048
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"
JPEG_QUALITY = 85


class TooManyPixels(Exception):
    def __init__(self, megapixels):
        super().__init__(megapixels)
        self.megapixels = megapixels


def clean_photo(upload):
    """Return the upload as a metadata-free JPEG with a random name, or raise ValidationError."""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("The photo is larger than 10 MB. Please choose a smaller one."), code="too_large"
        )
    try:
        with warnings.catch_warnings():
            # Pillow warns past its site-wide limit (home/apps.py) and refuses twice that in
            # open(); the limits per format below are the ones that count here.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload, formats=ACCEPTED_FORMATS) as image:
                # open() has read the header only: refuse before a single pixel is decoded.
                check_pixels(image)
                downscale(image)  # decodes everything: truncated or corrupt files fail here
                clean = pixels_only(ImageOps.exif_transpose(image))
    except Image.DecompressionBombError as error:
        raise too_many_pixels(round(2 * Image.MAX_IMAGE_PIXELS / 1_000_000)) from error
    except TooManyPixels as error:
        raise too_many_pixels(error.megapixels) from error
    except READ_ERRORS as error:
        raise ValidationError(
            _(
                "This file is not a photo we can read. "
                "Please choose a JPEG, PNG, WebP or HEIC image."
            ),
            code="not_an_image",
        ) from error
    output = io.BytesIO()
    clean.save(output, format="JPEG", quality=JPEG_QUALITY)
    # A random name: the original one may carry the reporter's name or the date and place.
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def too_many_pixels(megapixels):
    return ValidationError(
        _("This photo has more than %(megapixels)s megapixels. Please send a smaller version."),
        code="too_many_pixels",
        params={"megapixels": megapixels},
    )


def check_pixels(image):
    """Raise TooManyPixels if the opened, not yet decoded `image` is too large for its format."""
    kind = image.format
    if isinstance(image, JpegImagePlugin.JpegImageFile):  # MPO photos too
        kind = "progressive JPEG" if image.info.get("progressive") else "JPEG"
    limit = MAX_MEGAPIXELS.get(kind)
    if limit and image.width * image.height > limit * 1_000_000:
        raise TooManyPixels(limit)


def downscale(image):
    """Decode the opened `image` in place, at most MAX_STORED_SIDE pixels on its longest side."""
    scale = max(image.width / MAX_STORED_SIDE, image.height / MAX_STORED_SIDE, 1)
    # A JPEG decodes at the smallest 1/2, 1/4 or 1/8 of its size that still covers the stored
    # size. thumbnail() alone would ask for twice a square box: a 36 MP photo, decoded whole.
    image.draft(None, (int(image.width / scale), int(image.height / scale)))
    image.load()
    image.thumbnail((MAX_STORED_SIDE, MAX_STORED_SIDE))
