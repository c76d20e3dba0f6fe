"""Requests per second of a release's file against a static file of the same bytes.

    .venv/bin/python bench/release_files.py [--cameras 10000] [--seconds 10] [--threads 16]
        [--rounds 5] [--client auto|wrk|python] [--database-url URL]

A throwaway site as bench/api_throughput.py builds it (production settings, the Procfile's
gunicorn, a database and media of its own) with N verified cameras and one release of them.
It fetches /api/releases/1/cameras.geojson, writes the same bytes as a static file that
whitenoise serves, and loads the two addresses taking turns from keep-alive connections to
127.0.0.1 (wrk if installed). Uncompressed, so that both send the same bytes.

A release's file is read from the media storage by the app after one query for its row
(map/releases/views.py); whitenoise answers from a list it made at start. Target: at least
half the static file's requests per second, as for the live API.
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import http_load
from api_throughput import against_static_twin, free_port, site_environment
from bbox_query import throwaway_database

ROOT = Path(__file__).resolve().parent.parent
RELEASE_PATH = "/api/releases/1/cameras.geojson"
STATIC_NAME = "bench/release-cameras.geojson"
TARGET_RATIO = 0.5


def seed(cameras):
    """Runs in the site's environment: the cameras, and release 1 of them."""
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import django

    django.setup()
    from django.conf import settings
    from fake_cameras import create_cameras

    from home.site_address import sync_default_site
    from map.releases.publishing import publish_release

    create_cameras(cameras, {"verified": 1})
    sync_default_site(settings.SITE_URL)
    publish_release(note="Bench")


def prepare_site(env, cameras):
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput", "--verbosity", "0"],
        ["createcachetable"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [sys.executable, __file__, "--seed-only", "--cameras", str(cameras)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cameras", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="per address")
    parser.add_argument("--threads", type=int, default=16, help="keep-alive connections")
    parser.add_argument("--rounds", type=int, default=5, help="turns each address takes")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--database-url", help="PostgreSQL to create the throwaway one next to")
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only:
        seed(args.cameras)
        return
    client = http_load.client_name(args.client)

    with (
        tempfile.TemporaryDirectory(prefix="kamere-bench-") as directory,
        throwaway_database(args.database_url) as database_url,
    ):
        directory = Path(directory)
        port = free_port()
        env = site_environment(directory, port, database_url)
        print(f"Preparing a site with {args.cameras:,} cameras and a release in {directory} ...")
        prepare_site(env, args.cameras)

        body, loads = against_static_twin(env, directory, port, RELEASE_PATH, STATIC_NAME, args)
        release, static = loads[RELEASE_PATH].rate, loads[f"/static/{STATIC_NAME}"].rate

    ratio = release / static
    print(f"Body: {len(body):,} bytes ({args.cameras:,} cameras)")
    print(
        f"Load: {client}, {args.threads} connections, {args.seconds:g} s per address "
        f"in {args.rounds} turns, 127.0.0.1 only"
    )
    print(f"Static file (whitenoise):  {static:8.1f} requests/s")
    print(
        f"{RELEASE_PATH}: {release:8.1f} requests/s "
        f"(p50 {loads[RELEASE_PATH].p50_ms:.1f} ms, p95 {loads[RELEASE_PATH].p95_ms:.1f} ms)"
    )
    print(f"Ratio release file / static: {ratio:.2f} (target >= {TARGET_RATIO})")
    sys.exit(0 if ratio >= TARGET_RATIO else 1)


if __name__ == "__main__":
    main()
