"""How long the map page's "Streets by coverage" layer takes to fetch and draw a city's streets,
in headless Chromium, beside the map without it.

    .venv/bin/python bench/street_layer.py [--grid 158] [--cameras 2000] [--runs 5]

Builds a throwaway site as bench/map_render.py does (production settings, gunicorn from the
Procfile, a temporary SQLite database, static files collected, `seed_demo`'s pages without
its demo cameras or streets), then bench/street_coverage.py's grid of streets (G x G
junctions 80 m apart; G=158: 49,612 segments over 12.6 km) with `--cameras` verified cameras
over it, and computes the coverage.

Each visit opens the map page in a new browser context (empty browser cache), 1280 x 800,
zoomed out so that the whole grid is in view (every segment drawn), tiles answered by a
blank tile. The baseline is the map as every visitor gets it: navigation to the cameras drawn
(the "cameras-drawn" mark of static/map/camera-map.js). Then the layer is switched on, and
the figure is the time from the switch's change to the streets painted (the "streets-drawn"
mark), with when the API's answer arrived. The first visit meets the API's answer not yet
built; it is shown, then `--runs` visits that count, as on a running site where the answer
is kept until the data changes. Exits 1 if a counted visit's layer took more than 2 s.
"""

import argparse
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
from api_throughput import ROOT, free_port, prepare_site, site_environment, wait_for, web_command
from lighthouse import CHROME_FLAGS, CHROME_PATH
from map_render import BLANK_TILE, MAP_PATH

STREETS_PATH = "/api/streets.geojson"
TARGET_SECONDS = 2.0
# The grid's middle (bench/street_coverage.py starts it at 20.40, 44.76), at a zoom that
# shows all of it on a 1280 x 800 window.
VIEW = "#map=12/44.817/20.48"


def seed_streets(grid, cameras):
    """Runs in the site's environment: the grid and its cameras, and their coverage."""
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import django

    django.setup()
    from street_coverage import create

    from map.models import StreetSegment
    from map.streets.coverage import compute_coverage

    StreetSegment.objects.all().delete()  # the demo's, if it has any
    create(grid, cameras)
    compute_coverage()


def visit(browser, url, cameras):
    """One visit in a fresh context: milliseconds from navigation to the cameras drawn, then
    from switching the layer on to the API's answer and to the streets drawn, and how many."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.route(
        "https://*/**",  # only the tile server is elsewhere
        lambda route: route.fulfill(status=200, body=BLANK_TILE, content_type="image/png"),
    )
    page.goto(url)
    page.wait_for_selector(f'html[data-cameras-drawn="{cameras}"]', timeout=60_000)
    page.locator(".coverage-layer__toggle").click()
    page.evaluate(
        """() => document.querySelector('[data-coverage-show]').addEventListener(
            'change', () => performance.mark('streets-asked'), {once: true})"""
    )
    page.locator("[data-coverage-show]").check()
    page.wait_for_selector("[data-camera-map][data-streets-drawn]", timeout=120_000)
    times = page.evaluate(
        """() => {
            const mark = (name) => performance.getEntriesByName(name)[0].startTime;
            const api = performance.getEntriesByType('resource')
                .find((entry) => entry.name.includes('/api/streets.geojson'));
            const asked = mark('streets-asked');
            return [
                mark('cameras-drawn'),
                api.responseEnd - asked,
                mark('streets-drawn') - asked,
                Number(document.querySelector('[data-camera-map]').dataset.streetsDrawn),
            ];
        }"""
    )
    context.close()
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", type=int, default=158)
    parser.add_argument("--cameras", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--streets-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.streets_only:
        seed_streets(args.grid, args.cameras)
        return

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="kamere-bench-") as directory:
        directory = Path(directory)
        port = free_port()
        env = site_environment(directory, port)
        print(f"Preparing a site in {directory} ...")
        prepare_site(env, 0)
        subprocess.run(  # noqa: S603 (map_render's pages: seed_demo without its cameras)
            [sys.executable, str(ROOT / "bench" / "map_render.py"), "--pages-only"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        started = time.perf_counter()
        subprocess.run(  # noqa: S603
            [
                sys.executable,
                __file__,
                "--streets-only",
                f"--grid={args.grid}",
                f"--cameras={args.cameras}",
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
        print(f"Streets and their coverage made in {time.perf_counter() - started:.0f} s")

        env["GUNICORN_CMD_ARGS"] = f"--bind 127.0.0.1:{port}"
        log = (directory / "gunicorn.log").open("w")
        server = subprocess.Popen(  # noqa: S603 (the Procfile's own command)
            shlex.split(web_command()), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_for(port, "/robots.txt", server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROME_PATH, args=CHROME_FLAGS)
                url = f"http://127.0.0.1:{port}{MAP_PATH}{VIEW}"
                first = visit(browser, url, args.cameras)
                # The whole city's answer, now kept: its size and a plain request's time.
                started = time.perf_counter()
                body = wait_for(port, STREETS_PATH, server)
                kept_ms = (time.perf_counter() - started) * 1000
                for _ in range(16):  # every worker thread has answered the page and the API
                    wait_for(port, MAP_PATH, server)
                    wait_for(port, STREETS_PATH, server)
                visits = [visit(browser, url, args.cameras) for _ in range(args.runs)]
                browser.close()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
            log.close()

    print(
        f"{STREETS_PATH}: {len(body):,} bytes, {len(gzip.compress(body)):,} gzipped; "
        f"a request for the kept answer in {kept_ms:.0f} ms"
    )
    print(f"Map page {MAP_PATH}, headless Chromium, 1280 x 800, {args.cameras:,} cameras:")
    print("  visit                baseline: cameras drawn   layer: API answer  streets drawn")
    print("                       (ms since navigation)     (ms since the switch)")
    rows = [("answer not yet kept", first)]
    rows += [(f"{number} (counts)", times) for number, times in enumerate(visits, start=1)]
    for name, (cameras_drawn, answered, streets_drawn, _count) in rows:
        print(f"  {name:<19}  {cameras_drawn:22.0f}  {answered:17.0f}  {streets_drawn:13.0f}")
    print(f"Segments drawn: {visits[0][3]:,}")
    baseline = [cameras_drawn for cameras_drawn, *_rest in visits]
    layer = [streets_drawn for _cameras, _answered, streets_drawn, _count in visits]
    print(
        f"Median: the map without the layer {statistics.median(baseline):.0f} ms; "
        f"the layer {statistics.median(layer):.0f} ms (slowest {max(layer):.0f} ms)"
    )
    print(f"Target: the layer drawn within {TARGET_SECONDS * 1000:.0f} ms of the switch")
    sys.exit(0 if max(layer) <= TARGET_SECONDS * 1000 else 1)


if __name__ == "__main__":
    main()
