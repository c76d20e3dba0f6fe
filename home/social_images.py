"""Open Graph images for pages whose editors chose none: the page's title on the site's colours.

Each image is drawn once per version of its text and kept in the default storage as
`social/<page id>-<version>.png`; the version is a hash of the title, the site's name and
DESIGN, so the address changes whenever the picture would, and can be cached for ever. Drawing
costs some 50 ms, so nothing but a known page's current versions are ever drawn: the view
answers any other address with 404, and a page keeps only its latest images: one in the
script the page is written in, one in Cyrillic for the Cyrillic readers who share it (issue 22).
"""

import hashlib
import os
import secrets
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from PIL import Image, ImageDraw, ImageFont

from home import fonts
from home.languages import CYRILLIC
from home.scripts import for_reader

WIDTH, HEIGHT = 1200, 630
# Raise to draw every image again after changing how they look.
DESIGN = "2"
VERSION_LENGTH = 16
DIRECTORY = "social"
# The site's colours (static/css/site.css): white on navy, the accent in yellow.
NAVY = (20, 33, 61)
ACCENT = (255, 197, 61)
PAPER = (255, 255, 255)
MARGIN = 80
TITLE_SIZES = (72, 60, 50)  # the largest that fits MAX_LINES
MAX_LINES = 4
NAME_SIZE = 40
FONT_FILE = fonts.BOLD


def drawn_texts(page, site_name, language_code):
    """What the page's image says to a reader of `language_code`: its title and the site's
    name, in the reader's script."""
    return tuple(
        for_reader(text, language_code) for text in (page.seo_title or page.title, site_name)
    )


def current_versions(page, site_name):
    """The page's images as they are now, by version: the texts each draws. Two at most, its
    own script's and Cyrillic (the same for a text with no Latin letters in it)."""
    return {
        version(*texts): texts
        for texts in (
            drawn_texts(page, site_name, code) for code in (page.locale.language_code, CYRILLIC)
        )
    }


def version(title, site_name):
    text = "\0".join((DESIGN, title, site_name))
    return hashlib.sha256(text.encode()).hexdigest()[:VERSION_LENGTH]


def storage_name(page_id, image_version):
    return f"{DIRECTORY}/{page_id}-{image_version}.png"


@lru_cache
def font(size):
    return ImageFont.truetype(FONT_FILE, size)


def wrap(text, face, width):
    """Lines of `text` no wider than `width`, a word longer than a line cut to fit."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if face.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while face.getlength(word) > width:
            cut = len(word) - 1
            while cut > 1 and face.getlength(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def fitted_title(text, width):
    """The largest of TITLE_SIZES whose lines fit MAX_LINES, the last line shortened if none."""
    for size in TITLE_SIZES:
        face = font(size)
        lines = wrap(text, face, width)
        if len(lines) <= MAX_LINES:
            return face, lines
    lines = lines[:MAX_LINES]
    last = lines[-1]
    while last and face.getlength(f"{last}…") > width:
        last = last[:-1].rstrip()
    lines[-1] = f"{last}…"
    return face, lines


def render(title, site_name):
    """The PNG: the title in white on navy, a yellow bar and the site's name under it."""
    image = Image.new("RGB", (WIDTH, HEIGHT), NAVY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 16), fill=ACCENT)
    width = WIDTH - 2 * MARGIN
    face, lines = fitted_title(title, width)
    line_height = round(face.size * 1.2)
    top = MARGIN + 20
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=face, fill=PAPER)
    name_face = font(NAME_SIZE)
    bar_top = HEIGHT - MARGIN - NAME_SIZE - 28
    draw.rectangle((MARGIN, bar_top, MARGIN + 96, bar_top + 8), fill=ACCENT)
    name = site_name
    draw.text((MARGIN, HEIGHT - MARGIN - NAME_SIZE), name, font=name_face, fill=ACCENT)
    buffer = BytesIO()
    # A few colours on flat ground: a palette keeps the file small with no visible loss.
    image.quantize(colors=64).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def image_bytes(page, image_version, versions):
    """The page's default image `image_version`, one of its `versions` (current_versions()),
    drawn and stored the first time it is asked for.

    The page's older images are deleted then: a changed title leaves no trail of pictures.
    Several first requests at once (crawlers of a newly shared page) may each draw it; each
    stores the same bytes under the same name (store), and none deletes a current image.
    """
    name = storage_name(page.pk, image_version)
    if default_storage.exists(name):
        try:
            with default_storage.open(name, "rb") as stored:
                return stored.read()
        except FileNotFoundError:
            pass  # deleted since: a newer title's drawing removed it; draw it again
    data = render(*versions[image_version])
    store(name, data)
    current = {storage_name(page.pk, kept).removeprefix(f"{DIRECTORY}/") for kept in versions}
    prefix = f"{page.pk}-"
    _directories, files = default_storage.listdir(DIRECTORY)
    for old in files:
        if old.startswith(prefix) and old not in current:
            default_storage.delete(f"{DIRECTORY}/{old}")
    return data


def store(name, data):
    """Keep `data` in the default storage under exactly `name`, whole, however many requests
    store it at the same moment.

    Storage.save() is not enough: when the name is taken (by a request a moment faster) its
    get_available_name() picks another one ("…_a1B2c3d.png"), a stray copy; and on disk a file
    can be read while it is still being written. So on disk each request writes a file of its
    own beside it and renames that into place: a rename is atomic, so readers find no file or
    a whole one, and a second rename only puts the same bytes there again. Object stores (the
    S3_BUCKET of several machines) put an object whole; a copy saved under another
    name is deleted at once.
    """
    if not isinstance(default_storage, FileSystemStorage):
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:
            default_storage.delete(saved)
        return
    path = Path(default_storage.path(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    # Hidden, and unlike any image's name: listdir's clean-up above never takes it for one.
    part = path.with_name(f".{path.name}.{secrets.token_hex(8)}.part")
    try:
        # "x": created new, with the permissions Django gives uploads (0o666 less the umask)
        with open(part, "xb") as file:
            file.write(data)
        mode = getattr(default_storage, "file_permissions_mode", None)
        if mode is not None:
            os.chmod(part, mode)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
