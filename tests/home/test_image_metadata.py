"""Images of Wagtail's library are stored without EXIF (GPS, device), XMP, comments or text, by
whatever way they come in; what showing them needs stays (home/images.py)."""

import hashlib
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from PIL import ExifTags, Image, ImageCms, PngImagePlugin
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from home import images

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

# What a camera or phone writes into a photo, and where in the file it might survive.
MAKE, MODEL = "SpyCamMaker", "Lens 9000"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>editor-xmp-secret</rdf:RDF></x:xmpmeta>'
TRACES = [MAKE.encode(), MODEL.encode(), b"editor-xmp-secret", b"xmpmeta", b"Ana Editor"]
ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
SIZE = (64, 48)  # orientation 6: shown, and stored, as 48 by 64


@pytest.fixture
def editor(client):
    client.force_login(
        get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    )
    return client


def camera_exif(orientation=6):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = MAKE
    exif[ExifTags.Base.Model] = MODEL
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (44.0, 48.0, 45.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (20.0, 27.0, 40.0)
    return exif


def photo(image_format="JPEG"):
    """Bytes of an image with GPS, make and model (EXIF), XMP, an ICC profile and, as far as
    the format has them, a comment or text chunks; turned by its orientation tag."""
    output = io.BytesIO()
    picture = Image.new("RGB", SIZE, (200, 30, 30))
    if image_format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", "Ana Editor")
        text.add_itxt("XML:com.adobe.xmp", XMP.decode())
        picture.save(output, "PNG", exif=camera_exif(), pnginfo=text, icc_profile=ICC)
    else:
        extra = {"comment": b"Ana Editor", "quality": 95} if image_format == "JPEG" else {}
        picture.save(output, image_format, exif=camera_exif(), xmp=XMP, icc_profile=ICC, **extra)
    data = output.getvalue()
    stored = Image.open(io.BytesIO(data))
    assert stored.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test's premise: it is there
    assert stored.getexif()[ExifTags.Base.Model] == MODEL
    return data


EXTENSIONS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png")}
EXTENSIONS["WEBP"] = ("webp", "image/webp")


def upload(image_format="JPEG", data=None):
    extension, content_type = EXTENSIONS[image_format]
    return SimpleUploadedFile(
        f"IMG_0042.{extension}", photo(image_format) if data is None else data, content_type
    )


def assert_stored_without_metadata(image, image_format):
    """The stored original has no metadata, is upright, and the row describes it truly."""
    with image.file.open("rb") as file:
        stored = file.read()
    for trace in TRACES:
        assert trace not in stored
    picture = Image.open(io.BytesIO(stored))
    assert picture.format == image_format
    exif = picture.getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert ExifTags.Base.Make not in exif and ExifTags.Base.Model not in exif
    assert not {"xmp", "XML:com.adobe.xmp", "comment", "Author"} & set(picture.info)
    assert picture.info.get("icc_profile") == ICC  # colours as the editor saw them
    assert picture.size == (image.width, image.height) == (SIZE[1], SIZE[0])
    assert picture.convert("RGB").getpixel((10, 10))[0] > 150  # still the same red picture
    assert image.file_size == len(stored)
    assert image.file_hash == hashlib.sha1(stored).hexdigest()  # noqa: S324  (Wagtail's hash)


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_an_editors_upload_is_stored_without_gps_device_or_xmp(editor, image_format):
    response = editor.post("/admin/images/add/", {"title": "Kamera", "file": upload(image_format)})
    assert response.status_code == 302
    assert_stored_without_metadata(get_image_model().objects.get(), image_format)


def test_a_file_replaced_in_the_edit_form_is_stored_without_metadata(editor):
    response = editor.post("/admin/images/add/", {"title": "Kamera", "file": upload("PNG")})
    image = get_image_model().objects.get()
    response = editor.post(f"/admin/images/{image.pk}/", {"title": "Kamera", "file": upload()})
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith(".jpg")
    assert_stored_without_metadata(image, "JPEG")


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_the_multiple_upload_stores_images_without_metadata(editor, image_format):
    response = editor.post("/admin/images/multiple/add/", {"files[]": upload(image_format)})
    assert response.json()["success"] is True
    assert_stored_without_metadata(get_image_model().objects.get(), image_format)


def test_the_choosers_upload_stores_images_without_metadata(editor):
    response = editor.post(
        reverse("wagtailimages_chooser:create"),
        {"image-chooser-upload-title": "Kamera", "image-chooser-upload-file": upload()},
    )
    assert response.status_code == 200
    assert_stored_without_metadata(get_image_model().objects.get(), "JPEG")


def upload_with_details_later(editor, file, capture_on_commit_callbacks):
    """Wagtail's multiple upload of a file whose other fields are invalid (a collection that
    does not exist): it stores the file as it came, and makes the image of it once the editor
    has filled them in. Returns the name the file was first stored under, and the image."""
    root = Collection.get_first_root_node()
    root.add_child(name="Kampanje")
    response = editor.post("/admin/images/multiple/add/", {"files[]": file, "collection": "999999"})
    upload_id = response.json()["uploaded_file_id"]
    first_name = UploadedFile.objects.get(pk=upload_id).file.name
    prefix = f"uploaded-image-{upload_id}"
    with capture_on_commit_callbacks(execute=True):
        response = editor.post(
            f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/",
            {f"{prefix}-title": "Kamera", f"{prefix}-collection": root.pk},
        )
    assert response.json()["success"] is True
    return first_name, get_image_model().objects.get()


def test_an_upload_that_needs_more_details_first_is_stripped_when_it_becomes_an_image(
    editor, django_capture_on_commit_callbacks
):
    dirty_name, image = upload_with_details_later(
        editor, upload(), django_capture_on_commit_callbacks
    )
    assert_stored_without_metadata(image, "JPEG")
    assert image.file.name.startswith("original_images/")
    assert not image.file.storage.exists(dirty_name)


def test_images_saved_by_code_are_stripped_too():
    """Seeders, importers and map moderation save images without the admin's form."""
    image = get_image_model()(title="Kamera", file=ImageFile(io.BytesIO(photo()), name="x.jpg"))
    image.save()
    image.refresh_from_db()
    assert_stored_without_metadata(image, "JPEG")
    # Saving it again, or changing its title, leaves the clean file alone.
    name = image.file.name
    image.title = "Kamera 2"
    image.save()
    assert get_image_model().objects.get().file.name == name


def noisy_photo():
    """A JPEG whose scan data is most of the file: cut short, its header still reads."""
    output = io.BytesIO()
    Image.effect_noise((256, 256), 100).convert("RGB").save(output, "JPEG", exif=camera_exif())
    return output.getvalue()


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(lambda: photo()[:200], id="header"),
        pytest.param(lambda: noisy_photo()[:-3000], id="pixels"),
    ],
)
def test_a_broken_file_is_a_form_error_not_a_server_error(editor, broken):
    form = {"title": "Kamera", "file": upload(data=broken())}
    response = editor.post("/admin/images/add/", form)
    assert response.status_code == 200
    # The admin speaks the site's first language, Serbian.
    assert "ne možemo da pročitamo kao sliku" in response.text
    response = editor.post("/admin/images/multiple/add/", {"files[]": upload(data=broken())})
    assert response.json() == {
        "success": False,
        "error_message": "Ovu datoteku ne možemo da pročitamo kao sliku. "
        "Izaberite sliku u formatu JPEG, PNG, GIF ili WebP.",
    }
    assert not get_image_model().objects.exists()


def test_an_animated_gif_keeps_its_frames_and_timing():
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "green", "blue")]
    output = io.BytesIO()
    frames[0].save(
        output,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[70, 80, 90],
        loop=0,
        comment=b"Ana Editor",
    )
    assert Image.open(output).n_frames == 3
    image = get_image_model()(title="GIF", file=ContentFile(output.getvalue(), name="a.gif"))
    image.save()
    with image.file.open("rb") as file:
        stored = file.read()
    assert b"Ana Editor" not in stored
    picture = Image.open(io.BytesIO(stored))
    assert picture.n_frames == 3 and picture.info["loop"] == 0
    durations = []
    for index in range(3):
        picture.seek(index)
        durations.append(picture.info["duration"])
    assert durations == [70, 80, 90]


def test_the_command_strips_images_stored_before_and_their_renditions(
    django_capture_on_commit_callbacks,
):
    Image_ = get_image_model()
    name = default_storage.save("original_images/old.jpg", ContentFile(photo()))
    # No signal: as saved before the stripping existed.
    Image_.objects.bulk_create([Image_(title="Kamera", file=name, width=64, height=48)])
    image = Image_.objects.get()
    rendition = image.get_rendition("width-20")
    with rendition.file.open("rb") as file:
        assert MAKE.encode() in file.read()  # Wagtail's renditions keep the EXIF too
    dirty_name = image.file.name

    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("strip_image_metadata", stdout=output)
    assert "1 image(s) stripped" in output.getvalue()
    image = Image_.objects.get()
    assert image.file.name != dirty_name and not image.file.storage.exists(dirty_name)
    assert_stored_without_metadata(image, "JPEG")
    assert not image.renditions.exists()
    with image.get_rendition("width-20").file.open("rb") as file:
        assert MAKE.encode() not in file.read()

    output = io.StringIO()
    call_command("strip_image_metadata", stdout=output)
    assert output.getvalue() == ""  # nothing left to do
    assert Image_.objects.get().file.name == image.file.name


def gif_of_identical_frames(frames=3, delay=60000):
    """A GIF of one pixel, its `frames` identical, each shown `delay` hundredths of a second,
    built by hand as an upload could be: Pillow's writer would not make it."""
    screen = b"GIF89a" + b"\x01\x00\x01\x00" + b"\x80\x00\x00" + b"\x00\x00\x00\xff\xff\xff"
    loop = b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    control = b"!\xf9\x04\x00" + delay.to_bytes(2, "little") + b"\x00\x00"
    descriptor = b",\x00\x00\x00\x00\x01\x00\x01\x00\x00"
    return screen + loop + (control + descriptor + b"\x02\x02\x44\x01\x00") * frames + b";"


def gif_upload(data, name="animacija.gif"):
    return SimpleUploadedFile(name, data, "image/gif")


def assert_refused_in_both_forms(editor, data, error):
    """The add form and the multiple upload answer with `error` (a ValidationError) as the
    file's error, in the admin's language (Serbian, the site's first)."""
    with translation.override("sr-latn"):
        message = error.messages[0]
    response = editor.post("/admin/images/add/", {"title": "GIF", "file": gif_upload(data)})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [message]
    response = editor.post("/admin/images/multiple/add/", {"files[]": gif_upload(data)})
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": message}
    assert not get_image_model().objects.exists()


def test_a_gif_whose_frames_pillow_cannot_save_again_is_a_form_error_not_a_server_error(editor):
    """Pillow's GIF writer merges identical frames, adding up their delays: three of 600 s
    overflow the 16 bits a GIF delay has (108 bytes that were a 500 before)."""
    data = gif_of_identical_frames()
    assert len(data) == 108
    assert_refused_in_both_forms(editor, data, images.cannot_save())


def test_a_frame_longer_than_a_gif_can_show_is_cut_to_what_it_can():
    """Frames that differ are not merged: each keeps its delay, at most a GIF's 655.35 s."""
    frames = [Image.new("RGB", (4, 4), colour) for colour in ("red", "blue")]
    output = io.BytesIO()
    frames[0].save(output, "GIF", save_all=True, append_images=frames[1:], duration=[655350, 70])
    image = get_image_model()(title="GIF", file=ContentFile(output.getvalue(), name="a.gif"))
    image.save()
    with image.file.open("rb") as file:
        picture = Image.open(io.BytesIO(file.read()))
        durations = []
        for index in range(picture.n_frames):
            picture.seek(index)
            durations.append(picture.info["duration"])
    assert durations == [655350, 70]


def test_an_animation_of_too_many_frames_is_refused_before_they_are_decoded(editor):
    """A 10 MB GIF can hold 400,000 frames of one pixel: few pixels, but a worker's memory in
    frames. More than home.images.MAX_FRAMES (1,000) are refused."""
    data = gif_of_identical_frames(frames=1001, delay=5)
    assert_refused_in_both_forms(editor, data, images.too_many_frames())
    response = editor.post(
        "/admin/images/add/",
        {"title": "GIF", "file": gif_upload(gif_of_identical_frames(frames=1000, delay=5))},
    )
    assert response.status_code == 302


# A phone's name for a photo: the maker's prefix, the day and the time to the millisecond.
PHONE_NAME = "PXL_20241203_184512345.jpg"


def assert_random_name(image, extension=".jpg"):
    # The whole name is 32 random hex digits: looking for pieces of the phone's name ("2024")
    # in it failed once in a few thousand runs, when the random digits happened to spell them.
    stored = image.file.name
    assert re.fullmatch(r"original_images/[0-9a-f]{32}" + re.escape(extension), stored), stored


def phone_upload():
    return SimpleUploadedFile(PHONE_NAME, photo(), "image/jpeg")


def test_the_add_form_stores_the_original_under_a_random_name_and_keeps_the_title(editor):
    response = editor.post("/admin/images/add/", {"title": PHONE_NAME, "file": phone_upload()})
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert_random_name(image)
    assert image.title == PHONE_NAME  # what the editor typed, theirs to change


def test_the_multiple_upload_stores_the_original_under_a_random_name(editor):
    response = editor.post("/admin/images/multiple/add/", {"files[]": phone_upload()})
    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    assert_random_name(image)
    assert image.title == PHONE_NAME  # Wagtail's title from the file's name, as it came


def test_a_multiple_upload_that_needs_more_details_first_gets_a_random_name_too(
    editor, django_capture_on_commit_callbacks
):
    _first_name, image = upload_with_details_later(
        editor, phone_upload(), django_capture_on_commit_callbacks
    )
    assert_random_name(image)


def test_a_file_replaced_in_the_edit_form_gets_a_random_name(editor):
    editor.post("/admin/images/add/", {"title": "Kamera", "file": upload("PNG")})
    image = get_image_model().objects.get()
    first_name = image.file.name
    response = editor.post(
        f"/admin/images/{image.pk}/", {"title": "Kamera", "file": phone_upload()}
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name != first_name
    assert_random_name(image)
    assert image.title == "Kamera"


def test_images_saved_by_code_get_a_random_name():
    image = get_image_model()(title="Kamera", file=ImageFile(io.BytesIO(photo()), name=PHONE_NAME))
    image.save()
    image.refresh_from_db()
    assert_random_name(image)
    assert image.title == "Kamera"
