"""How long the export for OpenStreetMap takes for 100,000 cameras (map/osm_export.py).

    .venv/bin/python bench/osm_export.py [--cameras N] [--osm-cameras M] [--database-url URL]

On a throwaway database (the test settings; SQLite, or PostgreSQL next to --database-url's),
N (default 100,000) verified citizens' cameras under the ODbL with every tag filled in, and
M (default 10,000) cameras imported from OSM among them (some of ours fall within 15 m of
one and become proposed tag changes). Then, in this process and with the API's caches off
(every request builds the file), times `/api/osm/cameras.osm` and `/api/osm/tag-changes.json`
(median of 3), counts the queries and the bytes, and checks the file with pyosmium.

Target: a few seconds for 100,000 cameras, the same few queries at any size.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def create(cameras, osm_cameras):
    from fake_cameras import AREA

    from map.models import Camera

    rng = random.Random(20)  # noqa: S311 (repeatable test data, not secrets)

    def place():
        return {
            "latitude": rng.uniform(AREA["south"], AREA["north"]),
            "longitude": rng.uniform(AREA["west"], AREA["east"]),
        }

    rows = [
        Camera(
            **place(),
            status=Camera.Status.VERIFIED,
            source=Camera.Source.CITIZEN,
            odbl_ok=True,
            surveillance=rng.choice(["public", "outdoor", ""]),
            surveillance_zone=rng.choice(["town", "traffic", ""]),
            camera_type=rng.choice(["fixed", "dome", "panning"]),
            camera_mount=rng.choice(["wall", "pole", ""]),
            direction=rng.choice([None, rng.randrange(360)]),
            facial_recognition=rng.random() < 0.3,
            operator=rng.choice(["MUP Srbije", "Grad Beograd & <partneri>", ""]),
            manufacturer=rng.choice(["Huawei", "Dahua", ""]),
            model=rng.choice(['X "1"', "IPC-HFW", ""]),
        )
        for _ in range(cameras)
    ]
    rows += [
        Camera(
            **place(),
            status=Camera.Status.VERIFIED,
            source=Camera.Source.OSM,
            external_id=f"osm:node/{number}",
            source_tags={"man_made": "surveillance", "camera:type": "dome"},
        )
        for number in range(1, osm_cameras + 1)
    ]
    Camera.objects.bulk_create(rows, batch_size=2000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cameras", type=int, default=100_000)
    parser.add_argument("--osm-cameras", type=int, default=10_000)
    parser.add_argument("--database-url", help="PostgreSQL to create the throwaway one next to")
    args = parser.parse_args()

    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from bbox_query import django_on_a_throwaway_database

    with django_on_a_throwaway_database(args.database_url):
        import osmium
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, override_settings

        print(f"Creating {args.cameras:,} + {args.osm_cameras:,} OSM cameras ({connection.vendor})")
        call_command("migrate", verbosity=0)
        create(args.cameras, args.osm_cameras)
        from django.conf import settings

        # The API's cache off (every request builds the file); the data versions stay.
        dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        caches = {**settings.CACHES, "api": dummy}
        client = Client()
        with override_settings(CACHES=caches):
            for url in ("/api/osm/cameras.osm", "/api/osm/tag-changes.json"):
                client.get(url)  # warm the process: settings, the site
                timings = []
                for _ in range(3):
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append(time.perf_counter() - started)
                    assert response.status_code == 200
                with CaptureQueriesContext(connection) as queries:
                    client.get(url)
                print(
                    f"{url}: median {statistics.median(timings):.2f} s "
                    f"(slowest {max(timings):.2f} s), {len(response.content):,} bytes, "
                    f"{len(queries)} queries"
                )
                if url.endswith(".osm"):
                    with tempfile.NamedTemporaryFile(suffix=".osm") as file:
                        file.write(response.content)
                        file.flush()
                        nodes = sum(1 for _ in osmium.FileProcessor(file.name, osmium.osm.NODE))
                    print(f"  pyosmium read {nodes:,} new nodes")
    print("Target: a few seconds for 100,000 cameras, the same queries at any size.")


if __name__ == "__main__":
    main()
