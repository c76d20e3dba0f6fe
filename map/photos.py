"""Reporters' photos: checked, then re-encoded from their pixels alone before they are stored.

Phones write the place, time and device into every photo (EXIF with GPS, XMP, IPTC). Rather
than deleting known metadata blocks and hoping none is missed, the pixels are copied into a new
image, which has no metadata at all, and saved as a JPEG. The ICC colour profile is dropped
too: colours may shift slightly on wide-gamut photos, which does not matter for showing a
camera. HEIC photos from iPhones are accepted (pillow-heif comes with Wagtail) and stored as
JPEG like everything else, because browsers cannot show HEIC.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()

MAX_PHOTO_BYTES = 10 * 1024 * 1024
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"
JPEG_QUALITY = 85


def clean_photo(upload):
    """Return the upload as a metadata-free JPEG with a random name, or raise ValidationError."""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("The photo is larger than 10 MB. Please choose a smaller one."), code="too_large"
        )
    try:
        # Pillow only warns between its pixel limit and twice that: refuse those too, since a
        # small file that unpacks into hundreds of megapixels would exhaust the server's memory.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=ACCEPTED_FORMATS) as image:
                image.load()  # decode everything now: truncated or corrupt files fail here
                clean = pixels_only(ImageOps.exif_transpose(image))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("This image has too many pixels to process safely. Please send a smaller version."),
            code="too_many_pixels",
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
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


def pixels_only(image):
    """A new RGB image with the pixels of `image` (transparency on white) and nothing else."""
    rgba = image.convert("RGBA")
    clean = Image.new("RGB", rgba.size, "white")
    clean.paste(rgba, mask=rgba.getchannel("A"))
    return clean
