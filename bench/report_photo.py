"""What one reported photo costs the server: time for a 12 MP photo, memory for the worst.

    .venv/bin/python bench/report_photo.py [--runs 5] [--before REV]

Makes a 4032 x 3024 JPEG like a phone's (camera noise, so it compresses like a photo, and
EXIF with a GPS position) and runs map.photos.clean_photo on it --runs times, as the report
form does: the upload's and the stored file's size and the median time per photo. Then, each
in a fresh process, how much one photo makes the process's peak memory (RSS) grow: that
photo, the 283 KB PNG of 9,450 x 9,450 pixels from the security report, and the costliest
photo each format's limit lets through (map/photos.py); the target is about 150 MB.
--before REV adds a column for map/photos.py as it was at that git revision, with Pillow's
default pixel limit (home/apps.py did not lower it then).
"""

import argparse
import io
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile  # noqa: E402
from PIL import ExifTags, Image  # noqa: E402

SIZE = (4032, 3024)
TARGET_MB = 150


def phone_jpeg():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (44.0, 48.0, 45.0)
    image = Image.merge("RGB", [Image.effect_noise(SIZE, sigma) for sigma in (40, 50, 60)])
    output = io.BytesIO()
    image.save(output, "JPEG", quality=90, exif=exif)
    return output.getvalue()


def square(megapixels):
    side = math.isqrt(int(megapixels * 1_000_000))
    return side, side


def photos(directory):
    """(label, path) of the photos whose memory is measured. Square is the costliest shape."""
    from map.photos import MAX_MEGAPIXELS

    def rgba(megapixels):
        return Image.new("RGBA", square(megapixels), (90, 110, 130, 200))

    made = [
        ("12 MP phone JPEG", "phone.jpg", None),
        (
            "9,450 x 9,450 PNG, 283 KB",
            "huge.png",
            lambda path: Image.new("RGB", (9450, 9450), (120, 130, 140)).save(path, optimize=True),
        ),
        (
            # The largest a baseline JPEG can be and still be decoded at full size.
            "16.8 MP baseline JPEG, 4:4:4",
            "baseline.jpg",
            lambda path: Image.new("RGB", (4095, 4095)).save(path, quality=95, subsampling=0),
        ),
        (
            f"{MAX_MEGAPIXELS['progressive JPEG']} MP progressive JPEG, 4:4:4",
            "progressive.jpg",
            lambda path: Image.new("RGB", square(MAX_MEGAPIXELS["progressive JPEG"])).save(
                path, quality=95, subsampling=0, progressive=True
            ),
        ),
        (
            f"{MAX_MEGAPIXELS['PNG']} MP PNG with transparency",
            "alpha.png",
            lambda path: rgba(MAX_MEGAPIXELS["PNG"]).save(path),
        ),
        (
            f"{MAX_MEGAPIXELS['HEIF']} MP HEIC with transparency",
            "alpha.heic",
            lambda path: rgba(MAX_MEGAPIXELS["HEIF"]).save(path, format="HEIF"),
        ),
        (
            f"{MAX_MEGAPIXELS['WEBP']} MP WebP with transparency",
            "alpha.webp",
            lambda path: rgba(MAX_MEGAPIXELS["WEBP"]).save(path),
        ),
    ]
    result = []
    for label, name, make in made:
        path = Path(directory) / name
        if make:
            make(path)
        else:
            path.write_bytes(phone_jpeg())
        result.append((label, path))
    return result


def measure(path, module_file=None):
    """In this fresh process: clean one photo, print the growth of peak RSS and the outcome."""
    if module_file:
        import importlib.util

        spec = importlib.util.spec_from_file_location("photos_before", module_file)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        clean_photo = module.clean_photo
        Image.MAX_IMAGE_PIXELS = 1024 * 1024 * 1024 // 4 // 3  # Pillow's default
    else:
        from map.photos import clean_photo

    def status(field):
        with open("/proc/self/status") as lines:
            return next(int(line.split()[1]) for line in lines if line.startswith(field))

    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")  # the peak starts from here
    before = status("VmRSS")
    with open(path, "rb") as file:
        try:
            clean_photo(UploadedFile(file, name=path.name, size=path.stat().st_size))
            outcome = "stored"
        except ValidationError as error:
            outcome = "refused" if error.code == "too_many_pixels" else error.code
    print(json.dumps({"mb": (status("VmHWM") - before) / 1024, "outcome": outcome}))


def measured(path, module_file=None):
    command = [sys.executable, __file__, "--measure", str(path)]
    if module_file:
        command += ["--module", str(module_file)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    figures = json.loads(result.stdout.splitlines()[-1])
    return f"{figures['mb']:6.0f} MB {figures['outcome']:<8}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", metavar="REV", help="also measure map/photos.py of REV")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--module", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        measure(arguments.measure, arguments.module)
        return

    from map.photos import clean_photo

    original = phone_jpeg()
    times = []
    for _ in range(arguments.runs):
        upload = SimpleUploadedFile("IMG_0001.jpg", original, content_type="image/jpeg")
        start = time.perf_counter()
        stored = clean_photo(upload)
        times.append(time.perf_counter() - start)
    print(f"photo: {SIZE[0]} x {SIZE[1]}, upload {len(original) / 1e6:.1f} MB")
    print(f"stored without metadata: {Image.open(stored).size}, {stored.size / 1e6:.2f} MB")
    median_ms = statistics.median(times) * 1000
    print(f"median time per photo over {arguments.runs} runs: {median_ms:.0f} ms")

    with tempfile.TemporaryDirectory() as directory:
        before_file = None
        if arguments.before:
            before_file = Path(directory) / "photos_before.py"
            before_file.write_text(
                subprocess.run(  # noqa: S603
                    ["git", "show", f"{arguments.before}:map/photos.py"],  # noqa: S607
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
        print(f"\ngrowth of a worker's peak memory per photo (target: under ~{TARGET_MB} MB)")
        header = f"{'':40} {'now':18}"
        if before_file:
            header += f" {arguments.before}"
        print(header)
        for label, path in photos(directory):
            line = f"{label:40} {measured(path)}"
            if before_file:
                line += f" {measured(path, before_file)}"
            print(line)


if __name__ == "__main__":
    main()
