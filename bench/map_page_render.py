"""The map page's uncached render time and queries at 1,000 and 100,000 cameras, side by side.

    .venv/bin/python bench/map_page_render.py [--before REV] [--runs 15] [--database-url URL]

Issue 18's "cheap misses": the render behind a page cache miss must not grow with the cameras.
Builds a throwaway site (the test settings, a temporary SQLite database or, with
`--database-url`, a PostgreSQL one next to that server's; the demo pages of `seed_demo` without
its cameras, then bench/fake_cameras.py's), and renders /mapa/ in this process with Django's
test client, without the page cache's middleware (a miss every time), at 1,000 cameras and
again once there are 100,000. Two cases: the fixed cost of a cold camera data version (the
first render after any change to the cameras, which reads the map's figures, municipalities
and bounds again; map/figure_cache.py) and the steady case (every later render: the figures
from the shared cache). Prints the median and slowest of `--runs` renders and the queries of
one.

`--before REV` runs the same measurement on that git revision's code (`git archive` into a
temporary directory, the same virtualenv), side by side: before map/figure_cache.py, the
figures were counted over every camera on every render.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1_000, 100_000)
PATH = "/mapa/"


def measure(root, runs, database_url):
    """In a child process, with `root`'s code: {size: {case: [median, slowest, queries]}}."""
    sys.path[:0] = [str(root), str(root / "bench")]
    os.chdir(root)
    from bbox_query import django_on_a_throwaway_database

    results = {}
    with django_on_a_throwaway_database(database_url):
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, override_settings
        from fake_cameras import create_cameras

        from map.models import Camera
        from map.signals import bump_camera_data_version

        call_command("migrate", verbosity=0)
        call_command("seed_demo", verbosity=0)
        Camera.objects.filter(external_id__startswith="demo:").delete()
        statuses = {"verified": 70, "reported": 20, "rejected": 5, "retired": 5}
        # A miss every time: no page cache in front of the render (none before issue 18).
        middleware = [name for name in settings.MIDDLEWARE if "page_cache" not in name]
        client = Client()
        made = 0
        with override_settings(MIDDLEWARE=middleware):
            for size in SIZES:
                create_cameras(size - made, statuses, seed=size)
                made = size
                if connection.vendor == "postgresql":
                    # Vacuumed now, so that autovacuum does not start on the new rows in the
                    # middle of the timed renders.
                    with connection.cursor() as cursor:
                        cursor.execute("VACUUM ANALYZE map_camera")
                bump_camera_data_version()  # bulk_create sends no signals
                for _ in range(3):  # warm the process: templates, site root paths, settings
                    assert client.get(PATH).status_code == 200
                results[size] = {}
                for case in ("cold", "steady"):
                    timings = []
                    for _ in range(runs):
                        if case == "cold":
                            bump_camera_data_version()
                        started = time.perf_counter()
                        response = client.get(PATH)
                        timings.append((time.perf_counter() - started) * 1000)
                        assert response.status_code == 200
                    if case == "cold":
                        bump_camera_data_version()
                    with CaptureQueriesContext(connection) as queries:
                        client.get(PATH)
                    results[size][case] = [
                        statistics.median(timings),
                        max(timings),
                        len(queries),
                    ]
    print(json.dumps(results))


def run_child(root, args):
    command = [sys.executable, __file__, "--child", str(root), "--runs", str(args.runs)]
    if args.database_url:
        command += ["--database-url", args.database_url]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        sys.exit(f"The measurement in {root} failed:\n{done.stderr[-3000:]}")
    return {int(size): cases for size, cases in json.loads(done.stdout.splitlines()[-1]).items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", metavar="REV", help="also measure REV's code")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database-url", help="PostgreSQL to create the throwaway one next to")
    parser.add_argument("--child", metavar="ROOT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        measure(Path(args.child), args.runs, args.database_url)
        return

    rows = []
    print(f"Rendering {PATH} {args.runs} times per case, at {SIZES[0]:,} and {SIZES[1]:,} cameras")
    now = run_child(ROOT, args)
    rows.append(("now, cold version (first render after a change)", now, "cold"))
    rows.append(("now, steady (figures from the cache)", now, "steady"))
    if args.before:
        with tempfile.TemporaryDirectory(prefix="kamere-before-") as directory:
            archive = subprocess.run(  # noqa: S603
                ["git", "archive", args.before],  # noqa: S607
                cwd=ROOT,
                capture_output=True,
                check=True,
            )
            subprocess.run(  # noqa: S603
                ["tar", "-x", "-C", directory],  # noqa: S607
                input=archive.stdout,
                check=True,
            )
            before = run_child(Path(directory), args)
        rows.append((f"before ({args.before}), cold version", before, "cold"))
        rows.append((f"before ({args.before}), steady", before, "steady"))

    header = "".join(f"{f'{size:,} cameras':>28}" for size in SIZES)
    print(f"{'median / slowest ms, queries':<52}{header}")
    for label, results, case in rows:
        cells = "".join(
            f"{'{:.1f} / {:.1f} ms, {}'.format(*results[size][case]):>28}" for size in SIZES
        )
        print(f"{label:<52}{cells}")
    steady = now[SIZES[1]]["steady"][0] / now[SIZES[0]]["steady"][0]
    print(f"Steady render at {SIZES[1]:,} cameras: {steady:.2f}x the one at {SIZES[0]:,}")
    print("Target: the steady render's time does not grow with the cameras; at most 12 queries")


if __name__ == "__main__":
    main()
