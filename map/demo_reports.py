"""DEMO camera reports, so that the demo moderator has a queue to try every decision on.

DEMO ONLY: nobody sent these. Each spot is measured from one of map/demo.py's demo cameras
(never a real camera's position), and the photos are drawings with "DEMO" on them. Together
they show each kind of decision the queue (map/moderation.py) offers:

- two reports a few metres apart of the same new camera ("Also reported": accept one, merge
  the other into it);
- a new camera elsewhere, with a photo and an address for questions (masked for the
  moderator, erased when the report is decided);
- a new report a few metres from a camera already on the map (merge into it);
- a "still there" report of a camera on the map (confirm it);
- a "gone" and a "still there" report of one camera: "The reports disagree".

Their references (KR-DEMO-01, …) hold O, 0 and 1, which real references never do
(REFERENCE_ALPHABET leaves out letters and digits that could be confused), so they can never
be a real report's, and seeding recognises its own reports by them without a new field.
A demo report is only ever added once: one an editor has decided stays as decided. Like any
report, a rejected one is deleted 30 days after the decision (purge_report_data); the next
`seed_demo` then adds it again, pending.
"""

import datetime
import io
import math
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import ExifTags, Image, ImageDraw, ImageFont

from .forms import EMAIL_CONSENT_VERSION
from .models import PUBLIC_STATUSES, Camera, CameraReport, CameraType
from .moderation import METRES_PER_DEGREE
from .photos import clean_photo

REFERENCE_PREFIX = "KR-DEMO-"
PHOTO_SIZE = (800, 600)


@dataclass(frozen=True)
class DemoReport:
    number: int
    # The demo camera (its external id) the spot is measured from; news of a camera on the
    # map (seen or gone) is about this camera.
    anchor: str
    north_m: float
    east_m: float
    hours_ago: int
    note: str
    kind: str = CameraReport.Kind.NEW
    photo: str = ""  # which drawing: "dome", "wall", "empty" (a pole whose camera is gone)
    camera_type: str = ""
    facial_recognition: bool = False
    has_sign: bool | None = None
    email: str = ""

    @property
    def reference(self):
        return f"{REFERENCE_PREFIX}{self.number:02d}"


DEMO_REPORTS = [
    # The same new camera, twice: about 8 m apart, 50 m from the nearest camera on the map.
    DemoReport(
        1,
        "demo:135",
        0,
        50,
        hours_ago=70,
        photo="dome",
        camera_type=CameraType.DOME,
        facial_recognition=True,
        has_sign=False,
        note=(
            "Kamera na stubu iznad pešačkog prelaza, okrenuta ka trgu. Prošle nedelje je nije bilo."
        ),
    ),
    DemoReport(
        5,
        "demo:135",
        5,
        56,
        hours_ago=28,
        note="Nova kamera na stubu kod semafora, preko puta pekare. Nisam stigla da je slikam.",
    ),
    # A new camera elsewhere, with a photo and an address for the editors' questions.
    DemoReport(
        2,
        "demo:351",
        -60,
        70,
        hours_ago=50,
        photo="wall",
        camera_type=CameraType.FIXED,
        has_sign=True,
        email="demo.prijava@example.org",
        note=(
            "Kamera na zidu iznad ulaza u prodavnicu, usmerena na trotoar i stanicu. Na vratima "
            "piše „Objekat je pod video nadzorom“. Mogu da pošaljem još slika ako treba."
        ),
    ),
    # Probably a camera already on the map: 6 m from one.
    DemoReport(
        6,
        "demo:143",
        5,
        3,
        hours_ago=22,
        camera_type=CameraType.DOME,
        facial_recognition=True,
        note=(
            "Kupola na visokom stubu na raskrsnici. Ne znam da li je već na mapi, tačku sam "
            "označio po sećanju."
        ),
    ),
    # News of cameras on the map: one still there; another gone, or still there (they disagree).
    DemoReport(
        3,
        "demo:163",
        0,
        0,
        hours_ago=46,
        kind=CameraReport.Kind.SEEN,
        photo="dome",
        camera_type=CameraType.DOME,
        facial_recognition=True,
        has_sign=False,
        note="I dalje je tu, slikao sam je jutros. Nigde nema table da se prostor snima.",
    ),
    DemoReport(
        4,
        "demo:254",
        0,
        0,
        hours_ago=30,
        kind=CameraReport.Kind.GONE,
        photo="empty",
        note="Na stubu je ostao samo nosač, kamere više nema. Skinuta je tokom radova na ulici.",
    ),
    DemoReport(
        7,
        "demo:254",
        0,
        0,
        hours_ago=6,
        kind=CameraReport.Kind.SEEN,
        photo="dome",
        camera_type=CameraType.DOME,
        note="Posle radova kamera je vraćena na isti stub, malo niže nego ranije.",
    ),
]


def seed_demo_reports():
    """Add the demo reports that were never added; returns a line saying how many."""
    known = set(
        CameraReport.objects.filter(
            reference__in=[demo.reference for demo in DEMO_REPORTS]
        ).values_list("reference", flat=True)
    )
    # Oldest first, as the queue lists them: their numbers then follow the queue's order.
    missing = sorted(
        (demo for demo in DEMO_REPORTS if demo.reference not in known),
        key=lambda demo: -demo.hours_ago,
    )
    if not missing:
        return []
    anchors = {
        camera.external_id: camera
        for camera in Camera.objects.filter(
            source=Camera.Source.DEMO, external_id__in={demo.anchor for demo in missing}
        )
    }
    now = timezone.now()
    added = 0
    for demo in missing:
        camera = anchors.get(demo.anchor)
        if camera is None:
            continue  # not a demo database after all: never guess another spot
        if demo.kind != CameraReport.Kind.NEW and camera.status not in PUBLIC_STATUSES:
            continue  # the form offers no news of a camera the public does not see
        report = demo_report(demo, camera)
        report.save()
        created_at = now - datetime.timedelta(hours=demo.hours_ago)
        # auto_now_add dates it now; the queue reads better with reports of a few days.
        CameraReport.objects.filter(pk=report.pk).update(
            created_at=created_at,
            email_consent_at=created_at if demo.email else None,
        )
        added += 1
    return [f"Demo camera reports: {added}"] if added else []


def demo_report(demo, camera):
    """The unsaved report, with what the report form would store for it (map/forms.py)."""
    latitude = camera.latitude + demo.north_m / METRES_PER_DEGREE
    longitude = camera.longitude + demo.east_m / (
        METRES_PER_DEGREE * math.cos(math.radians(camera.latitude))
    )
    report = CameraReport(
        reference=demo.reference,
        kind=demo.kind,
        latitude=round(latitude, 6),
        longitude=round(longitude, 6),
        camera_type=demo.camera_type,
        facial_recognition=demo.facial_recognition,
        has_sign=demo.has_sign,
        note=demo.note,
        email=demo.email,
        email_consent_version=EMAIL_CONSENT_VERSION if demo.email else "",
    )
    if demo.kind != CameraReport.Kind.NEW:
        report.camera = camera
    if demo.kind == CameraReport.Kind.GONE:
        report.surveillance_type = ""  # a "gone" report is asked none of these
    if demo.photo:
        # As an upload: re-encoded without metadata, with a random name (map/photos.py).
        # Each pole a little elsewhere in its picture, so that no two photos look the same.
        photo = demo_photo(demo.photo, demo.reference, dx=demo.number * 47 % 160 - 40)
        upload = ContentFile(photo, name="demo.jpg")
        report.photo = clean_photo(upload)
    return report


# A grey day over the street; the pole, the bracket and the camera's housing.
SKY_TOP, SKY_LOW = (118, 160, 206), (205, 222, 238)
PAVEMENT, KERB = (150, 150, 146), (120, 120, 116)
POLE, HOUSING, GLASS, GLINT = (96, 102, 112), (226, 229, 234), (44, 48, 58), (140, 160, 190)
WALL, DOOR, SIGN = (214, 196, 168), (86, 64, 48), (250, 250, 245)
INK, PAPER = (30, 33, 40), (255, 255, 255)


def demo_photo(subject, caption, dx=0):
    """A JPEG drawing (800 x 600) as a phone would send it, with made-up EXIF for the
    cleaning to remove: a camera on a pole ("dome") or over a door ("wall"), or a pole whose
    camera is gone ("empty"), `dx` pixels right of the middle. No people, and "DEMO" written
    across it."""
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(SKY_TOP, SKY_LOW, strict=True)),
        )
    draw.rectangle([0, 470, width, height], fill=PAVEMENT)
    draw.rectangle([0, 466, width, 474], fill=KERB)
    if subject == "wall":
        draw_wall_camera(draw)
    else:
        draw_pole(draw, with_camera=subject == "dome", dx=dx)
    big = ImageFont.load_default(size=96)
    small = ImageFont.load_default(size=26)
    draw.text((36, 24), "DEMO", font=big, fill=PAPER, stroke_width=4, stroke_fill=INK)
    draw.text(
        (36, 548),
        f"{caption} · nije prava fotografija",
        font=small,
        fill=PAPER,
        stroke_width=2,
        stroke_fill=INK,
    )
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Demo"
    exif[ExifTags.Base.Software] = "map/demo_reports.py"
    exif[ExifTags.Base.DateTime] = "2026:11:30 09:15:00"
    output = io.BytesIO()
    image.save(output, "JPEG", quality=85, exif=exif)
    return output.getvalue()


def draw_pole(draw, with_camera, dx=0):
    """The pole, `dx` pixels right of the middle, with its camera or only what held it."""

    def box(*xy):
        return [value + dx if index % 2 == 0 else value for index, value in enumerate(xy)]

    draw.rectangle(box(372, 110, 392, 470), fill=POLE)
    draw.rectangle(box(360, 462, 404, 474), fill=POLE)
    draw.rectangle(box(392, 128, 520, 140), fill=POLE)  # the arm
    draw.rectangle(box(500, 140, 540, 156), fill=POLE)  # the bracket
    if not with_camera:
        # What is left: the bracket's plate, its bolts and a cut cable.
        draw.rectangle(box(492, 156, 548, 166), fill=POLE)
        for x in (502, 538):
            draw.ellipse(box(x - 4, 157, x + 4, 165), fill=GLASS)
        draw.line(box(520, 166, 524, 196, 516, 214), fill=INK, width=3)
        return
    draw.rectangle(box(478, 156, 562, 178), fill=HOUSING, outline=POLE, width=2)
    draw.chord(box(484, 140, 556, 222), 0, 180, fill=GLASS)  # the dome
    draw.ellipse(box(510, 186, 526, 202), fill=GLINT)  # the lens behind it


def draw_wall_camera(draw):
    draw.rectangle([300, 60, 800, 470], fill=WALL)
    draw.rectangle([450, 250, 580, 470], fill=DOOR)
    draw.rectangle([470, 282, 560, 322], fill=SIGN)
    draw.rectangle([500, 170, 512, 210], fill=POLE)  # the bracket on the wall
    draw.polygon([(470, 150), (560, 140), (566, 176), (474, 184)], fill=HOUSING, outline=POLE)
    draw.ellipse([448, 156, 474, 182], fill=GLASS)  # the lens, towards the pavement
