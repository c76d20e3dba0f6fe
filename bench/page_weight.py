"""What a first visit to each kind of page transfers, as production serves it.

    .venv/bin/python bench/page_weight.py [--base-url URL] [PATH ...]

Starts `make serve` on a free port (or uses the server at --base-url), opens each page
(default: the home page, the map, an explainer and a petition of the demo content) in a fresh
headless Chromium at phone size (390 x 844), with an empty cache, waits until the network is
quiet and prints the bytes that came over the network per page: the HTML, the CSS, the scripts,
the images and the rest, compressed as whitenoise serves them (Brotli or gzip, which Chromium
asks for) and with the response headers. Requests to other hosts (the map's tiles) are not
counted but listed, since their weight depends on the tile server and the place shown.
"""

import argparse
import sys
from collections import defaultdict
from urllib.parse import urlsplit

# Run as a script, bench/ is on the path: the server handling is the Lighthouse script's.
from lighthouse import (
    CHROME_FLAGS,
    CHROME_PATH,
    REPORTS,
    free_port,
    start_server,
    start_tile_server,
    stop_server,
    wait_until_up,
)
from playwright.sync_api import sync_playwright

DEFAULT_PATHS = [
    "/",
    "/mapa/",
    "/znanje/siguran-grad-u-beogradu/",
    "/kampanje/moratorijum-na-biometrijski-nadzor/",
]
KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "image": "images",
    "fetch": "data",
    "xhr": "data",
}
COLUMNS = ["html", "css", "js", "images", "data", "other"]
# Static text files come compressed from `make serve` (whitenoise's .gz files); runserver
# (`make run`, or a --base-url of one) sends them as they are, about twice the weight.
TEXT_TYPES = ("text/css", "javascript", "json", "image/svg+xml")


def uncompressed_text(response):
    """Whether a CDP response is a static text file that came without Content-Encoding. The
    HTML is not counted: the site sends it uncompressed also under `make serve`."""
    headers = {name.lower() for name in response.get("headers", {})}
    mime = response.get("mimeType", "")
    return (
        urlsplit(response.get("url", "")).path.startswith("/static/")
        and any(kind in mime for kind in TEXT_TYPES)
        and "content-encoding" not in headers
    )


def compression_note(uncompressed):
    """The warning printed when text files came uncompressed, or None."""
    if not uncompressed:
        return None
    return (
        f"Note: {len(uncompressed)} text file(s) came without compression (no Content-Encoding),"
        " e.g. " + uncompressed[0] + ". This server does not compress them (`make run`'s "
        "runserver does not), so the figures are about twice what a visit costs. The README's "
        "figures are for `make serve`: run without --base-url to measure it."
    )


def weigh(browser, url):
    """Bytes per kind of resource that a first visit to url transfers from its host."""
    host = urlsplit(url).netloc
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    # encodedDataLength is what came over the wire (compressed, headers included); the
    # decompressed size, which Playwright's response body would give, is not what a visit costs.
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    kinds, sizes, elsewhere, uncompressed = {}, defaultdict(int), set(), []

    def sent(event):
        request_host = urlsplit(event["request"]["url"]).netloc
        if request_host == host:
            kinds[event["requestId"]] = KINDS.get(event.get("type", "").lower(), "other")
        elif not event["request"]["url"].startswith("data:"):
            elsewhere.add(request_host)

    def received(event):
        # A preloaded fetch (the map's GeoJSON) is of type "Other": its MIME type tells.
        if kinds.get(event["requestId"]) == "other" and "json" in event["response"]["mimeType"]:
            kinds[event["requestId"]] = "data"
        if event["requestId"] in kinds and uncompressed_text(event["response"]):
            uncompressed.append(urlsplit(event["response"]["url"]).path)

    def finished(event):
        if event["requestId"] in kinds:
            sizes[kinds[event["requestId"]]] += event["encodedDataLength"]

    session.on("Network.requestWillBeSent", sent)
    session.on("Network.responseReceived", received)
    session.on("Network.loadingFinished", finished)
    page.goto(url, wait_until="networkidle")
    context.close()
    return dict(sizes), sorted(elsewhere), uncompressed


def kilobytes(size):
    return f"{size / 1000:.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS, help="pages to weigh")
    parser.add_argument("--base-url", help="weigh this running server instead of make serve")
    args = parser.parse_args()

    server = None
    base = args.base_url.rstrip("/") if args.base_url else None
    if base is None:
        REPORTS.mkdir(parents=True, exist_ok=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log_path = REPORTS / "serve.log"
        print(f"Starting make serve PORT={port} (log: {log_path})", flush=True)
        log = log_path.open("w")
        # The Lighthouse script's stand-in tiles: the machine may have no internet.
        tiles, tile_url = start_tile_server()
        server = start_server(port, log, tile_url)
    try:
        if server is not None:
            wait_until_up(server, base + "/", log_path)
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROME_PATH, args=CHROME_FLAGS)
            for path in args.paths:
                results[path] = weigh(browser, base + path)
            browser.close()
    finally:
        if server is not None:
            stop_server(server)
            tiles.shutdown()
            log.close()

    width = max(len(path) for path in args.paths)
    print("\nFirst visit, 390 x 844, kB transferred (1 kB = 1000 bytes, with headers):")
    print(f"{'page':<{width}}  " + "  ".join(f"{c:>6}" for c in [*COLUMNS, "total"]))
    uncompressed = []
    for path, (sizes, elsewhere, plain) in results.items():
        uncompressed.extend(name for name in plain if name not in uncompressed)
        row = [sizes.get(column, 0) for column in COLUMNS]
        cells = "  ".join(f"{kilobytes(size):>6}" for size in [*row, sum(row)])
        print(f"{path:<{width}}  {cells}")
        if elsewhere:
            print(f"{'':<{width}}  not counted, from other hosts: {', '.join(elsewhere)}")
    note = compression_note(uncompressed)
    if note:
        print("\n" + note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
