"""What one reported photo costs the server: cleaning a 12-megapixel phone photo.

    .venv/bin/python bench/report_photo.py [--runs 5]

Makes a 4032 x 3024 JPEG like a phone's (camera noise, so it compresses like a photo, and
EXIF with a GPS position), then runs map.photos.clean_photo on it --runs times, as the report
form does. Prints the upload's and the stored file's size, the median time per photo, and
the process's peak memory: the figures behind the rate limit (10 reports an hour per client)
and the number of web threads a small server can give to reports at once.
"""

import argparse
import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import ExifTags, Image  # noqa: E402

from map.photos import clean_photo  # noqa: E402

SIZE = (4032, 3024)


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    original = phone_jpeg()
    times = []
    for _ in range(runs):
        upload = SimpleUploadedFile("IMG_0001.jpg", original, content_type="image/jpeg")
        start = time.perf_counter()
        stored = clean_photo(upload)
        times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"photo: {SIZE[0]} x {SIZE[1]}, upload {len(original) / 1e6:.1f} MB")
    print(f"stored without metadata: {stored.size / 1e6:.1f} MB")
    print(f"median time per photo over {runs} runs: {statistics.median(times) * 1000:.0f} ms")
    print(f"peak memory of this process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
