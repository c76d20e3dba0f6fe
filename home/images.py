"""Images without what cameras and phones write into them: place (GPS), time and device.

Every image of Wagtail's library is public at /media/original_images/, exactly as uploaded, and
Wagtail's renditions copy the original's EXIF too. So before an original is stored its pixels
are copied into a new image that carries only what showing them needs (the ICC colour profile,
transparency, resolution, an animation's timing), turned upright first as its EXIF orientation
says, and saved again in its own format: EXIF (GPS, make, model, times), XMP, IPTC, comments
and PNG text go with the old file. A JPEG is saved with its own quantisation tables, so it
keeps its quality; a lossless WebP stays lossless.

Three ways in, one function (`strip_metadata`): editors' uploads (the image form, also the
chooser's and the multiple upload's: `ImageForm`, WAGTAILIMAGES_IMAGE_FORM_BASE), any other
code that saves an image (`strip_before_saving`, a pre_save signal), and the images stored
before this existed (`manage.py strip_image_metadata`). Reporters' photos (map/photos.py) are
cleaned more thoroughly still, as smaller JPEGs from their pixels alone, with `pixels_only`.
"""

import io
import logging
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageSequence, JpegImagePlugin, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()  # iPhones' HEIC; pillow-heif comes with Wagtail

logger = logging.getLogger(__name__)

# What Pillow raises for a truncated, corrupt or unknown file.
READ_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)
# All an image keeps of what its file said: how to show its pixels, nothing else.
KEPT_INFO = ("icc_profile", "transparency", "background", "dpi", "duration", "loop")
# Pillow's format: the format written back (a multi-picture JPEG keeps its first picture).
SAVED_FORMAT = {
    "JPEG": "JPEG",
    "MPO": "JPEG",
    "PNG": "PNG",
    "GIF": "GIF",
    "WEBP": "WEBP",
    "AVIF": "AVIF",
    "HEIF": "HEIF",
}
# The extension of a stored original, by the format it is saved in.
EXTENSION = {
    "JPEG": "jpg",
    "PNG": "png",
    "GIF": "gif",
    "WEBP": "webp",
    "AVIF": "avif",
    "HEIF": "heic",
}
# An animation's frames at most: each is decoded whole and kept until the animation is saved
# again, and a 10 MB GIF can hold 400,000 frames of one pixel, which the pixel limit lets by.
MAX_FRAMES = 1000
# The longest a frame is kept showing: what a GIF frame can say (16 bits of hundredths of a
# second); more would not fit in a GIF, and no animation needs it.
MAX_FRAME_MS = 65535 * 10
# Lossy WebP, AVIF and HEIF: their encoders' settings cannot be read back from a file.
QUALITY = 90
# JPEG segments that only say how to show the pixels: JFIF (APP0), ICC (APP2), Adobe (APP14).
HARMLESS_JPEG_SEGMENTS = ("APP0", "APP2", "APP14")
# How to turn an image upright for each value of its EXIF orientation tag (1: it is). Pillow
# reads the tag from XMP when the EXIF has none.
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# What Pillow reads from other formats that only says how the pixels are stored or shown.
HARMLESS_INFO = {
    *KEPT_INFO,
    *("aspect", "bbox", "blend", "chromaticity", "default_image", "disposal", "gamma"),
    *("interlace", "progression", "progressive", "srgb", "timestamp", "version"),
}


def not_an_image():
    return ValidationError(
        _("This file is not an image we can read. Please choose a JPEG, PNG, GIF or WebP image."),
        code="not_an_image",
    )


def strip_metadata(file):
    """The image in `file` without its metadata, in its own format, under a random name.

    The name is random because a phone's or a messenger's ("PXL_20241203_184512345.jpg",
    "signal-2024-…") says whose device took it and when; the image's title keeps what the
    editor typed. The result is an UploadedFile marked `metadata_stripped`, for
    strip_before_saving to leave alone. Raises ValidationError for anything that is not an
    image of an accepted format, that has more than MAX_FRAMES frames or more pixels (all
    frames together) than WAGTAILIMAGES_MAX_IMAGE_PIXELS, or that cannot be saved again.
    """
    file.seek(0)
    head = file.read(64 * 1024)
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns past its limit (home/apps.py); the limit below is the one that counts.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                saved_format = SAVED_FORMAT.get(image.format)
                if saved_format is None:
                    raise not_an_image()
                # Before any pixel is decoded: decoding is what costs memory. Counting frames
                # reads their headers only (GIF), or the count the file declares (PNG, WebP).
                frames = getattr(image, "n_frames", 1)
                if frames > MAX_FRAMES:
                    raise too_many_frames()
                if image.width * image.height * frames > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                    raise too_many_pixels()
                options = save_options(image, saved_format, head)
                # Read once, for every frame: after the first, a frame may not carry it.
                turn = UPRIGHT.get(image.getexif().get(ExifTags.Base.Orientation))
                if frames > 1 and saved_format != "JPEG":
                    clean = [
                        without_metadata(frame, turn) for frame in ImageSequence.Iterator(image)
                    ]
                    options.update(
                        save_all=True,
                        append_images=clean[1:],
                        duration=[frame_duration(frame) for frame in clean],
                    )
                else:
                    clean = [without_metadata(image, turn)]
    except Image.DecompressionBombError as error:
        raise too_many_pixels() from error
    except READ_ERRORS as error:
        raise not_an_image() from error
    output = io.BytesIO()
    try:
        clean[0].save(output, saved_format, **options)
    except Exception as error:
        # Whatever the encoder makes of the pixels read, it is about this file: Pillow's GIF
        # writer, for one, merges identical frames and overflows on their delays together.
        logger.warning("An image could not be saved again: %r", error)
        raise cannot_save() from error
    stripped = SimpleUploadedFile(
        f"{uuid.uuid4().hex}.{EXTENSION[saved_format]}",
        output.getvalue(),
        content_type=Image.MIME.get(saved_format, "application/octet-stream"),
    )
    stripped.metadata_stripped = True
    return stripped


def frame_duration(frame):
    """How long a frame shows, in ms, at most what a GIF frame can say."""
    return min(frame.info.get("duration", 100), MAX_FRAME_MS)


def too_many_frames():
    return ValidationError(
        _("This animation has more than %(frames)s frames. Please upload a shorter one."),
        code="too_many_frames",
        params={"frames": MAX_FRAMES},
    )


def cannot_save():
    return ValidationError(
        _(
            "This image could not be saved without its metadata. Please save it again in an "
            "image editor and upload that copy."
        ),
        code="cannot_save",
    )


def too_many_pixels():
    return ValidationError(
        _("This image has more than %(megapixels)s megapixels. Please upload a smaller version."),
        code="too_many_pixels",
        params={"megapixels": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000},
    )


def without_metadata(image, turn):
    """A new image with the pixels of `image` (a frame), turned upright by `turn` (an UPRIGHT
    value or None), and with KEPT_INFO alone. Not ImageOps.exif_transpose, which reads each
    frame's own EXIF: frames after an animation's first may have none."""
    upright = image.transpose(turn) if turn is not None else image.copy()
    upright.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    return upright


def save_options(image, saved_format, head):
    """How to save `image` again as `saved_format` without losing more than needed."""
    options = {}
    if icc_profile := image.info.get("icc_profile"):
        options["icc_profile"] = icc_profile
    if saved_format == "JPEG":
        # The tables it was saved with: its own quality, not a larger file nor a coarser one.
        if quantization := getattr(image, "quantization", None):
            options["qtables"] = quantization
        if (sampling := JpegImagePlugin.get_sampling(image)) != -1:
            options["subsampling"] = sampling
        options["progressive"] = bool(image.info.get("progressive"))
    elif saved_format == "WEBP" and is_lossless_webp(head):
        options["lossless"] = True
    elif saved_format in ("WEBP", "AVIF", "HEIF"):
        options["quality"] = QUALITY
    if saved_format == "GIF":
        # Each frame is whole (Pillow draws them so): clear before the next, or they pile up.
        options["disposal"] = 2
    if "loop" in image.info:
        options["loop"] = image.info["loop"]
    return options


def is_lossless_webp(head):
    """Whether the WebP whose first bytes are `head` is lossless (a VP8L picture, no VP8)."""
    lossless, lossy = head.find(b"VP8L"), head.find(b"VP8 ")
    return lossless != -1 and (lossy == -1 or lossless < lossy)


def has_metadata(file):
    """Whether the image in `file` carries anything strip_metadata would drop (for the
    images stored before it existed: those without need not be saved again)."""
    file.seek(0)
    try:
        with Image.open(file) as image:
            if image.format in ("JPEG", "MPO"):
                # Every segment it has, not only those Pillow reads.
                return any(
                    marker not in HARMLESS_JPEG_SEGMENTS for marker, _data in image.applist
                ) or bool(image.info.get("comment"))
            return bool(set(image.info) - HARMLESS_INFO or image.getexif())
    except READ_ERRORS:
        return False  # not ours to judge: Wagtail shows such an image as broken
    finally:
        file.seek(0)


def pixels_only(image):
    """A new RGB image with the pixels of `image` (transparency on white) and nothing else."""
    rgba = image.convert("RGBA")
    clean = Image.new("RGB", rgba.size, "white")
    clean.paste(rgba, mask=rgba.getchannel("A"))
    return clean


def replace_file(image, stripped):
    """Give the Wagtail `image` the `stripped` file, with its size, hash, width and height."""
    image.file = stripped  # Django's ImageField sets width and height from it
    image._set_image_file_metadata()  # Wagtail's: file_size and file_hash


def strip_before_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save of Wagtail's Image: no original is stored with its metadata, whatever saves it
    (the image form has stripped it already; a seeder, importer or map moderation have not)."""
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    field_file = instance.file
    if not field_file:
        return
    if not field_file._committed:  # a file given to the image, stored when the row is saved
        if getattr(field_file.file, "metadata_stripped", False):
            return
        replace_file(instance, strip_metadata(field_file.file))
        return
    # A file already stored under this name: Wagtail's multiple upload stores an upload that
    # needs more details first, and gives it to the image it becomes only then.
    if not instance._state.adding and (
        sender.objects.filter(pk=instance.pk, file=field_file.name).exists()
    ):
        return  # the row's own file, which was stripped when it was stored
    stored_name, storage = field_file.name, field_file.storage
    with field_file.open("rb"):
        stripped = strip_metadata(field_file)
    replace_file(instance, stripped)
    # Once the row names the stripped copy: a rollback leaves the row with the old one.
    transaction.on_commit(lambda: storage.delete(stored_name))
