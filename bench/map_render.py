"""Time from navigation to the cameras drawn on the map page, in headless Chromium.

    .venv/bin/python bench/map_render.py [--cameras 10000] [--runs 5] [--before REV]

Builds a throwaway site with bench/api_throughput.py's code (production settings, gunicorn
from the Procfile, a temporary SQLite database with `--cameras` verified cameras, static files
collected) and adds the demo pages of `seed_demo`, without its demo cameras. Headless system
Chromium then opens the map page `--runs` times, each time in a new browser context (empty
browser cache), on a 1280 x 800 window, with tile requests answered by a blank tile (this
machine has no internet; the map does not wait for tiles anyway).

The map's script (static/map/camera-map.js) sets the performance mark "cameras-drawn" once
Leaflet has painted the cameras; its time since the start of the navigation is the figure.
The first visit meets a server just started: gunicorn's workers have not answered yet and the
API's response is not cached. It is shown, then every worker answers the map page and the API
a few times, as on a running site, before the `--runs` visits that count. Prints each visit
with when the map asked for the cameras and when they arrived, and exits 1 if any counted
visit took longer than the issue's 2 s.

`--before REV` also times the map page with that revision's static/map/camera-map.js (served
in place of today's, on the same site), side by side: for example the map before cameras were
drawn in groups (`--before b4a9900`). The figures of a run are in the README ("Benchmarks").
"""

import argparse
import base64
import gzip
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Python puts this script's directory, bench/, first on the path.
from api_throughput import (
    API_PATH,
    ROOT,
    free_port,
    prepare_site,
    site_environment,
    wait_for,
    web_command,
)
from lighthouse import CHROME_FLAGS, CHROME_PATH

MAP_PATH = "/en/map/"
TARGET_SECONDS = 2.0
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def add_pages():
    """Runs in the site's environment: the demo site's pages, without its demo cameras."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from map.models import Camera

    call_command("seed_demo", verbosity=0)
    Camera.objects.filter(external_id__startswith="demo:").delete()


def visit(browser, url, cameras, script=None):
    """One visit in a fresh context: milliseconds from navigation to the request for the
    cameras, to the end of the API's response, and to the cameras drawn. `script`: another
    camera-map.js to serve in place of the site's."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    if script is not None:
        page.route(
            "**/static/map/camera-map*.js",
            lambda route: route.fulfill(status=200, body=script, content_type="text/javascript"),
        )
    page.route(
        "https://*/**",  # only the tile server is elsewhere
        lambda route: route.fulfill(status=200, body=BLANK_TILE, content_type="image/png"),
    )
    page.goto(url)
    page.wait_for_selector(f'html[data-cameras-drawn="{cameras}"]', timeout=60_000)
    times = page.evaluate(
        """() => {
            const api = performance.getEntriesByType("resource")
                .find((entry) => entry.name.includes("/api/cameras.geojson"));
            const drawn = performance.getEntriesByName("cameras-drawn")[0];
            return [api.startTime, api.responseEnd, drawn.startTime];
        }"""
    )
    context.close()
    return times


def building_the_geojson(port, server, runs=5):
    """Milliseconds to build the whole GeoJSON (a box around the world: a filtered request,
    which the API never caches), and its size plain and gzipped."""
    path = f"{API_PATH}?bbox=-180,-90,180,90"
    wait_for(port, path, server)  # the worker's first request
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        body = wait_for(port, path, server)
        times.append((time.perf_counter() - started) * 1000)
    return times, (len(body), len(gzip.compress(body)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cameras", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", metavar="REV", help="also time REV's camera-map.js")
    parser.add_argument("--pages-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pages_only:
        add_pages()
        return

    from playwright.sync_api import sync_playwright

    before = None
    if args.before:
        before = subprocess.run(  # noqa: S603
            ["git", "show", f"{args.before}:static/map/camera-map.js"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout

    with tempfile.TemporaryDirectory(prefix="kamere-bench-") as directory:
        directory = Path(directory)
        port = free_port()
        env = site_environment(directory, port)
        print(f"Preparing a site with {args.cameras:,} verified cameras in {directory} ...")
        prepare_site(env, args.cameras)  # the cameras, all verified
        subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--pages-only"], cwd=ROOT, env=env, check=True
        )

        env["GUNICORN_CMD_ARGS"] = f"--bind 127.0.0.1:{port}"
        log = (directory / "gunicorn.log").open("w")
        server = subprocess.Popen(  # noqa: S603 (the Procfile's own command)
            shlex.split(web_command()), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_for(port, "/robots.txt", server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROME_PATH, args=CHROME_FLAGS)
                url = f"http://127.0.0.1:{port}{MAP_PATH}"
                build_times, sizes = building_the_geojson(port, server)
                first = visit(browser, url, args.cameras)
                # Enough requests for every worker thread (gunicorn.conf.py: at most 4 x 2).
                for _ in range(16):
                    wait_for(port, MAP_PATH, server)
                    wait_for(port, API_PATH, server)
                visits = [visit(browser, url, args.cameras) for _ in range(args.runs)]
                if before is not None:
                    visits_before = [
                        visit(browser, url, args.cameras, before) for _ in range(args.runs)
                    ]
                browser.close()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
            log.close()

    print(
        f"The GeoJSON of {args.cameras:,} cameras: {sizes[0]:,} bytes, {sizes[1]:,} gzipped; "
        f"built (not cached) in {statistics.median(build_times):.0f} ms (median of "
        f"{len(build_times)}; slowest {max(build_times):.0f} ms)"
    )
    print(f"Map page {MAP_PATH} with {args.cameras:,} cameras, headless Chromium, 1280 x 800:")
    print("  visit              cameras asked for  API response in  cameras drawn")
    print("                     (milliseconds since the start of the navigation)")
    rows = [("server just started", first)]
    rows += [(f"{number} (counts)", times) for number, times in enumerate(visits, start=1)]
    for name, (asked, answered, drawn) in rows:
        print(f"  {name:<19}  {asked:17.0f}  {answered:15.0f}  {drawn:13.0f}")
    drawn_times = [drawn for _asked, _answered, drawn in visits]
    print(f"Median: {statistics.median(drawn_times):.0f} ms; slowest: {max(drawn_times):.0f} ms")
    if before is not None:
        print(f"Before ({args.before}'s camera-map.js), the same visits:")
        for number, (asked, answered, drawn) in enumerate(visits_before, start=1):
            print(f"  {f'{number} (before)':<19}  {asked:17.0f}  {answered:15.0f}  {drawn:13.0f}")
        times = [drawn for _asked, _answered, drawn in visits_before]
        print(f"Median: {statistics.median(times):.0f} ms; slowest: {max(times):.0f} ms")
    print(f"Target: every visit within {TARGET_SECONDS * 1000:.0f} ms of navigation")
    sys.exit(0 if max(drawn_times) <= TARGET_SECONDS * 1000 else 1)


if __name__ == "__main__":
    main()
