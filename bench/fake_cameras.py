"""Random cameras over Belgrade for the API benchmarks (bench/api_throughput.py, bbox_query.py).

Not demo data: these only fill a throwaway database. Call `create_cameras()` after
django.setup(), with the database migrated.
"""

import datetime
import random

# Where the cameras are scattered: the built-up city, about 28 by 22 km.
AREA = {"south": 44.70, "north": 44.90, "west": 20.25, "east": 20.60}
MUNICIPALITIES = 17
# About this share of cameras have a street address (as imported OpenStreetMap data or an
# editor's), from this many streets: the others are named after the nearest street.
WITH_ADDRESS = 0.3
STREETS = 400


def create_cameras(count, statuses, seed=1):
    """`count` cameras with `statuses` ({status: weight}), in 17 made-up municipalities."""
    from django.utils import timezone
    from wagtail.models import Locale

    from map.models import Camera, CameraType, Municipality

    rng = random.Random(seed)  # noqa: S311 (repeatable test data, not secrets)
    locale = Locale.get_default()
    municipalities = [
        Municipality.objects.get_or_create(
            slug=f"bench-{number}", locale=locale, defaults={"name": f"Bench {number}"}
        )[0]
        for number in range(MUNICIPALITIES)
    ]
    now = timezone.now()
    chosen = rng.choices(list(statuses), weights=list(statuses.values()), k=count)
    cameras = []
    for status in chosen:
        reported = now - datetime.timedelta(days=rng.uniform(0, 1500))
        cameras.append(
            Camera(
                latitude=rng.uniform(AREA["south"], AREA["north"]),
                longitude=rng.uniform(AREA["west"], AREA["east"]),
                municipality=rng.choice(municipalities),
                status=status,
                camera_type=rng.choice(CameraType.values),
                facial_recognition=rng.random() < 0.6,
                direction=rng.choice([None, rng.randrange(360)]),
                on_police_list=rng.random() < 0.4,
                source=rng.choice(Camera.Source.values),
                first_reported_at=reported,
                verified_at=reported if status == Camera.Status.VERIFIED else None,
            )
        )
    # Their own generator, so that the cameras are where they were before they had addresses.
    streets = random.Random(seed + 1)  # noqa: S311 (repeatable test data, not secrets)
    for camera in cameras:
        if streets.random() < WITH_ADDRESS:
            camera.address = f"Ulica {streets.randrange(STREETS)} {streets.randrange(1, 120)}"
    Camera.objects.bulk_create(cameras, batch_size=2000)
