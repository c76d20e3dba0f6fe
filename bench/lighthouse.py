"""Lighthouse (mobile) scores of the demo site as production serves it.

    .venv/bin/python bench/lighthouse.py [--runs N] [--desktop] [--base-url URL] [PATH ...]

Installs Lighthouse from npm into var/node/ (once; var/ is not committed), starts `make serve`
on a free port (or audits the server at --base-url), audits each path (default: a page of each
kind in the demo content) with the system Chromium and Lighthouse's default mobile settings
(--desktop: its desktop preset, 1350 x 940), prints the performance, accessibility,
best-practices and SEO scores (0-100) per page with the audits that cost points, stops the
server, and exits 1 if any score is below 100. With --runs N each page is audited N times
and the median of each score counts (Lighthouse's throttled performance figure varies).
Full reports are written to var/lighthouse/.

The machine that runs it may have no internet, and map tiles that fail to load are console
errors that cost best-practices points no visitor's browser would see. So the server it starts
takes its tiles from a stand-in tile server on this machine (a plain tile for every address,
answered at once): the score counts our pages, not the network. Like a tile server with
high-resolution tiles (MAP_TILE_URL with `{r}`, README "Map tiles"), it answers "@2x" addresses
with 512-pixel tiles, which phones' screens need. With --base-url the audited server's own
tiles are used.
"""

import argparse
import io
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
# Lighthouse 13 needs Node 22.19+; 12.8 is the newest release that runs on Node 20.
LIGHTHOUSE_VERSION = "12.8.2"
NODE_DIR = ROOT / "var" / "node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "var" / "lighthouse"
CHROME_PATH = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # The machine has no internet: stop Chromium's own background connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# A page of each kind: home, standard page, map, knowledge base, explainer, campaigns,
# petition, event, a request to an authority, the register of requests and an authority's
# page of it, logging in, reporting a camera. Not search, nor a tracked request's page: they
# are noindex on purpose, which Lighthouse's SEO score counts against them.
DEFAULT_PATHS = [
    "/",
    "/en/",
    "/o-inicijativi/",
    "/mapa/",
    "/znanje/",
    "/znanje/siguran-grad-u-beogradu/",
    "/kampanje/",
    "/kampanje/moratorijum-na-biometrijski-nadzor/",
    "/kampanje/setnja-kamere-novog-beograda/",
    "/kampanje/pitajte-mup-ugovor-siguran-grad/",
    "/kampanje/registar-zahteva/",
    "/kampanje/registar-zahteva/organ/1/",
    "/accounts/login/",
    "/mapa/prijava/",
    "/mapa/izdanja/",
    "/mapa/izdanja/2/",
]


def tool(name):
    return shutil.which(name) or sys.exit(f"{name} is needed but not on PATH")


def ensure_lighthouse():
    package = NODE_DIR / "node_modules" / "lighthouse" / "package.json"
    if package.exists() and json.loads(package.read_text())["version"] == LIGHTHOUSE_VERSION:
        return
    print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {NODE_DIR.relative_to(ROOT)}/")
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    npm_install = [tool("npm"), "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund"]
    subprocess.run(  # noqa: S603 (fixed arguments)
        [*npm_install, "--no-save", "--loglevel=error", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        check=True,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TileHandler(BaseHTTPRequestHandler):
    """Any path: one light PNG tile, cacheable, as a tile server answers; 512 pixels for a
    high-resolution ("@2x") address, 256 otherwise."""

    tiles = {}

    def do_GET(self):
        tile = self.tiles["@2x" in self.path]
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(tile)))
        self.send_header("Cache-Control", "public, max-age=86400")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(tile)

    def log_message(self, format, *args):
        pass


def start_tile_server():
    """The stand-in tile server (see the module's docstring); returns (server, tile URL)."""
    for high_resolution, size in ((False, 256), (True, 512)):
        buffer = io.BytesIO()
        Image.new("RGB", (size, size), (242, 239, 233)).save(buffer, "PNG")
        TileHandler.tiles[high_resolution] = buffer.getvalue()
    server = ThreadingHTTPServer(("127.0.0.1", 0), TileHandler)
    Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}{{r}}.png"


def start_server(port, log, tile_url):
    """`make serve` in its own process group, so that stopping it stops gunicorn and the worker."""
    return subprocess.Popen(  # noqa: S603 (fixed arguments)
        [tool("make"), "--no-print-directory", "serve", f"PORT={port}"],
        cwd=ROOT,
        env={**os.environ, "MAP_TILE_URL": tile_url},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_until_up(server, url, log_path, timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"make serve stopped (exit {server.returncode}); see {log_path}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own server)
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    sys.exit(f"The site did not answer at {url} within {timeout} s; see {log_path}")


def stop_server(server):
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def audit(url, report_base, desktop=False, attempts=3):
    """Run Lighthouse; return its JSON report (an HTML one is written beside it).

    Lighthouse sometimes fails to find the navigation in Chromium's trace (NO_NAVSTART, a
    known flaky error whose advice is to run it again): such a run is tried again.
    """
    for attempt in range(1, attempts + 1):
        result = subprocess.run(  # noqa: S603 (our own arguments)
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                "--output=html",
                f"--output-path={report_base}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={' '.join(CHROME_FLAGS)}",
                *(["--preset=desktop"] if desktop else []),
            ],
            check=False,
            env={**os.environ, "CHROME_PATH": CHROME_PATH},
        )
        if result.returncode == 0:
            return json.loads(Path(f"{report_base}.report.json").read_text())
        print(f"  Lighthouse failed on {url} (attempt {attempt} of {attempts})", flush=True)
    sys.exit(f"Lighthouse failed {attempts} times on {url}")


def scores(report):
    return {
        name: round(100 * (category["score"] or 0))
        for name, category in report["categories"].items()
    }


def lost_points(report):
    """Titles of the weighted audits that did not pass, per category."""
    audits = report["audits"]
    lost = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            result = audits[ref["id"]]
            if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1:
                value = f" ({result['displayValue']})" if result.get("displayValue") else ""
                lost.append(f"{name}: {result['title']}{value}")
    return lost


def audit_all(args, base):
    results = {}
    for path in args.paths:
        slug = path.strip("/").replace("/", "_").replace("?", "_") or "home"
        if args.desktop:
            slug += "-desktop"
        runs = []
        for run in range(1, args.runs + 1):
            report = audit(base + path, REPORTS / f"{slug}-{run}", desktop=args.desktop)
            runs.append(report)
            if args.runs > 1:
                row = "  ".join(f"{scores(report)[c]:>3}" for c in CATEGORIES)
                print(f"  {path} run {run}: {row}", flush=True)
        results[path] = runs
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS, help="pages to audit")
    parser.add_argument("--runs", type=int, default=1, help="audits per page (median counts)")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset")
    parser.add_argument("--base-url", help="audit this running server instead of make serve")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    ensure_lighthouse()
    REPORTS.mkdir(parents=True, exist_ok=True)
    if args.base_url:
        results = audit_all(args, args.base_url.rstrip("/"))
    else:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log_path = REPORTS / "serve.log"
        print(f"Starting make serve PORT={port} (log: {log_path.relative_to(ROOT)})", flush=True)
        tiles, tile_url = start_tile_server()
        with log_path.open("w") as log:
            server = start_server(port, log, tile_url)
            try:
                wait_until_up(server, base + "/", log_path)
                results = audit_all(args, base)
            finally:
                stop_server(server)
                tiles.shutdown()

    width = max(len(path) for path in args.paths)
    form = "desktop" if args.desktop else "mobile"
    print(f"\nLighthouse {LIGHTHOUSE_VERSION}, {form}, {args.runs} run(s) per page, median:")
    print(f"{'page':<{width}}  " + "  ".join(CATEGORIES))
    failed = False
    for path, runs in results.items():
        median = {c: int(statistics.median(scores(r)[c] for r in runs)) for c in CATEGORIES}
        print(f"{path:<{width}}  " + "  ".join(f"{median[c]:>{len(c)}}" for c in CATEGORIES))
        if min(median.values()) < 100:
            failed = True
            for line in sorted({line for report in runs for line in lost_points(report)}):
                print(f"{'':<{width}}    - {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
