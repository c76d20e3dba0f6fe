"""How long publishing a release takes: 100,000 cameras, then the next release with its diff
after 5,000 of them changed (map/releases/).

    .venv/bin/python bench/release_publish.py [--cameras N] [--changed M] [--database-url URL]

On a throwaway database (the test settings; SQLite, or PostgreSQL next to --database-url's)
and media directory: N cameras (default 100,000; verified, reported, rejected and retired,
as bench/fake_cameras.py makes them). Times, in this process:

- the baseline: building the live API's whole-set answer for the same cameras (the features
  and their GeoJSON, as /api/cameras.geojson?status=all does on a cache miss);
- release 1: the snapshot, its six files (gzipped copies too), written to the storage;
- M changes (default 5,000): a fifth each moved, retired, given other fields, added and
  deleted; then release 2 with its diff against release 1, which it reads back.

Target (issue 20): release 2, diff included, in under 60 s for 100,000 cameras.
"""

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 60


def timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def change(count):
    """`count` changes, a fifth of each kind, to the cameras on record."""
    from django.utils import timezone
    from fake_cameras import create_cameras

    from map.models import RECORDED_STATUSES, Camera

    rng = random.Random(5)  # noqa: S311 (repeatable test data, not secrets)
    ids = list(Camera.objects.filter(status__in=RECORDED_STATUSES).values_list("id", flat=True))
    chosen = rng.sample(ids, count - count // 5)
    share = count // 5
    moved, retired, changed, deleted = (
        chosen[:share],
        chosen[share : 2 * share],
        chosen[2 * share : 3 * share],
        chosen[3 * share : 4 * share],
    )
    for pk in moved:
        # 10 to 60 m north: each camera its own update, as editors would move them.
        Camera.objects.filter(pk=pk).update(latitude=Camera.objects.get(pk=pk).latitude + 0.0003)
    Camera.objects.filter(pk__in=retired).update(
        status=Camera.Status.RETIRED, retired_at=timezone.now()
    )
    Camera.objects.filter(pk__in=changed, status=Camera.Status.REPORTED).update(
        status=Camera.Status.VERIFIED
    )
    Camera.objects.filter(pk__in=changed).update(camera_type="dome", facial_recognition=True)
    Camera.objects.filter(pk__in=deleted).delete()
    create_cameras(share, {"verified": 1}, seed=9)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cameras", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=5_000)
    parser.add_argument("--database-url", help="PostgreSQL to create the throwaway one next to")
    args = parser.parse_args()

    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from bbox_query import django_on_a_throwaway_database

    with (
        django_on_a_throwaway_database(args.database_url),
        tempfile.TemporaryDirectory(prefix="kamere-release-") as media,
    ):
        import orjson
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import override_settings
        from fake_cameras import create_cameras

        from map.camera_data import camera_features
        from map.models import RECORDED_STATUSES, Camera
        from map.releases.publishing import publish_release

        print(f"Creating {args.cameras:,} cameras in a throwaway {connection.vendor} database")
        call_command("migrate", verbosity=0)
        create_cameras(args.cameras, {"verified": 70, "reported": 15, "rejected": 5, "retired": 10})
        with override_settings(MEDIA_ROOT=media):
            cameras = Camera.objects.filter(status__in=RECORDED_STATUSES).order_by("id")
            _collection, baseline = timed(
                lambda: orjson.dumps(camera_features("http://127.0.0.1", cameras))
            )
            first, first_seconds = timed(publish_release)
            _none, change_seconds = timed(lambda: change(args.changed))
            second, second_seconds = timed(publish_release)

    size = sum(described["bytes"] for described in second.files.values())
    print(f"Baseline, the live API's GeoJSON of the same cameras: {baseline:6.2f} s")
    print(f"Release 1: {first.counts['cameras']:,} cameras, six files: {first_seconds:6.2f} s")
    print(f"({args.changed:,} changes made in {change_seconds:.1f} s)")
    counts = ", ".join(
        f"{second.counts[kind]:,} {kind}" for kind in ("added", "retired", "removed", "moved")
    )
    print(
        f"Release 2 with its diff ({counts}, {second.counts['changed']:,} changed): "
        f"{second_seconds:6.2f} s, {size / 1e6:.1f} MB of files"
    )
    print(f"Target: release 2 under {TARGET_SECONDS} s.")
    sys.exit(0 if second_seconds < TARGET_SECONDS else 1)


if __name__ == "__main__":
    main()
