"""Requests per second of every anonymous page type against a static file of the same size.

    .venv/bin/python bench/page_speed.py [--cameras 10000] [--seconds 10] [--rounds 5]
        [--connections 16] [--client auto|wrk|python] [--compare-clients]
        [--database-url postgres://user:password@127.0.0.1:5432/kamere] [PATH ...]

Builds a throwaway site as bench/api_throughput.py does (production settings, a temporary
SQLite database or, with --database-url, a temporary PostgreSQL database next to that one,
the database cache table, static files collected, the Procfile's `web:` command, gunicorn
with gunicorn.conf.py, on 127.0.0.1 and a free port), with what `make serve` loads
(`seed_demo`, `update_index`, `sync_site`) plus `--cameras` verified cameras
(bench/fake_cameras.py). It picks a page of every anonymous page type of the demo content
(home, standard page, knowledge index, explainer, glossary, map, campaigns index, petition,
event, join, open data, a camera's page, news index and a news article; or the PATHs given),
fetches each, writes the same bytes as a static file into the static root, reloads gunicorn
(SIGHUP) so that whitenoise serves them, then loads each page and its static twin taking
turns (`--rounds` turns, `--seconds` per address in all) from `--connections` keep-alive
connections. Neither is compressed (the client asks for none), so both send the same bytes.

The client is wrk when it is installed (`apt-get install wrk` on Debian/Ubuntu, `brew install
wrk` on macOS), else a Python client with threads. A static file answers thousands of times
a second: there the Python client, which holds the GIL for each request it parses, is what
limits the figure (about 25 % fewer requests/s than wrk on the same file here), and its
ratios flatter the slower page (`--compare-clients` loads the first static file with both, in
turns, and prints the two rates; bench/http_load.py has the figures). wrk's figures are the
honest ones; the table says which client made them.

The table: page, bytes, the page's and the static file's requests/s, their ratio, the page's
latency p50/p95 under that load (wrk: time to the whole response, an upper bound of the time
to the first byte; Python: time to the headers), the page cache's verdict (the
`X-Page-Cache` header, "-" when the site has no page cache) and the uncached render's TTFB
p50/p95: after the loads, gunicorn is started again with PAGE_CACHE=false (the page cache's
switch, home/page_cache.py; a site without a page cache renders every request anyway) and one
client asks each page `UNCACHED_REQUESTS` times in a row, so the figure is one render's time,
not time spent queueing behind 15 other clients.

Exits 1 if any page gets less than half its static file's requests per second (issue 18's
target). The machine's other work counts in every figure: taking turns spreads it evenly.
"""

import argparse
import http.client
import json
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import http_load
from api_throughput import ROOT, free_port, prepare_site, site_environment, wait_for, web_command
from bbox_query import throwaway_database

TARGET_RATIO = 0.5
UNCACHED_REQUESTS = 40
STATIC_DIRECTORY = "bench-pages"
# The page types, each the first live page of its model in the default language (Serbian,
# whose addresses have no prefix). "camera" is a camera's page (map/views.py), not a model.
PAGE_TYPES = (
    ("home", "home.HomePage"),
    ("standard page", "home.StandardPage"),
    ("knowledge index", "knowledge.KnowledgeIndexPage"),
    ("explainer", "knowledge.ExplainerPage"),
    ("glossary", "knowledge.GlossaryPage"),
    ("map", "map.MapPage"),
    ("open data", None),
    ("camera", None),
    ("campaigns index", "campaigns.CampaignIndexPage"),
    ("petition", "campaigns.PetitionPage"),
    ("event", "campaigns.EventPage"),
    ("join", "campaigns.JoinPage"),
    ("news index", "campaigns.NewsIndexPage"),
    ("news article", "campaigns.NewsPage"),
)


def seed_pages():
    """Runs in the site's environment: `make serve`'s demo content, then prints the pages'
    addresses as JSON ({type: path})."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from map.models import Camera

    for command in ("seed_demo", "update_index", "sync_site"):
        call_command(command, verbosity=0)
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    pages = {}
    for name, model in PAGE_TYPES:
        if model is None:
            continue
        page = (
            apps.get_model(model)
            .objects.live()
            .public()
            .filter(locale=locale)
            .order_by("path")
            .first()
        )
        if page is not None:
            pages[name] = page.get_url()
    camera = Camera.objects.filter(status=Camera.Status.VERIFIED).order_by("id").first()
    with translation.override(settings.LANGUAGE_CODE):
        pages["open data"] = reverse("map:open_data")
        pages["camera"] = reverse("map:camera_page", args=[camera.pk])
    print(json.dumps(pages))


def fetch(port, path):
    """The status and headers of a GET of `path` (body read and dropped)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response
    finally:
        connection.close()


def start_server(env, port, directory, name):
    env = {**env, "GUNICORN_CMD_ARGS": f"--bind 127.0.0.1:{port}"}
    log = (directory / f"gunicorn-{name}.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (the Procfile's own command)
        shlex.split(web_command()), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    return server, log


def stop_server(server, log):
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
    log.close()


def uncached_ttfb(port, path, requests):
    """p50 and p95 in ms of the time to the first byte of `requests` requests in a row."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times, verdicts = [], set()
    try:
        for _ in range(requests):
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            times.append((time.perf_counter() - started) * 1000)
            response.read()
            verdicts.add(response.getheader("X-Page-Cache", "-"))
    finally:
        connection.close()
    return http_load.percentile(times, 0.5), http_load.percentile(times, 0.95), verdicts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", metavar="PATH", help="instead of the page types")
    parser.add_argument("--cameras", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="per address")
    parser.add_argument("--rounds", type=int, default=5, help="turns each address takes")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--compare-clients", action="store_true")
    parser.add_argument("--database-url", help="PostgreSQL to create the throwaway one next to")
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only:
        seed_pages()
        return
    client = http_load.client_name(args.client)
    if client == "python":
        print("wrk is not installed (apt-get install wrk): the Python client's figures follow.")

    with (
        tempfile.TemporaryDirectory(prefix="kamere-bench-") as directory,
        throwaway_database(args.database_url) as database_url,
    ):
        directory = Path(directory)
        port = free_port()
        env = site_environment(directory, port, database_url)
        print(f"Preparing a site with the demo content and {args.cameras:,} cameras ...")
        prepare_site(env, args.cameras)
        found = subprocess.run(  # noqa: S603 (this script, in the site's environment)
            [sys.executable, __file__, "--seed-only"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        pages = json.loads(found.strip().splitlines()[-1])
        if args.paths:
            pages = {path: path for path in args.paths}
        static_root = directory / "static" / STATIC_DIRECTORY
        static_root.mkdir(parents=True)

        server, log = start_server(env, port, directory, "cached")
        try:
            bodies, statics = {}, {}
            for number, (name, path) in enumerate(pages.items()):
                bodies[name] = wait_for(port, path, server)
                (static_root / f"page-{number}.html").write_bytes(bodies[name])
                statics[name] = f"/static/{STATIC_DIRECTORY}/page-{number}.html"
            # Whitenoise lists the static files when a worker starts: restart the workers,
            # then make sure every new one serves them (the old ones are gone).
            server.send_signal(signal.SIGHUP)
            for _ in range(8):
                for name in pages:
                    assert wait_for(port, statics[name], server) == bodies[name]
            if args.compare_clients:
                # Both clients on the first static file, taking turns as the pages do.
                name = next(iter(pages))
                clients = ["wrk", "python"] if http_load.have_wrk() else ["python"]
                totals = {each: [0, 0.0] for each in clients}
                for _ in range(args.rounds):
                    for each in clients:
                        done = http_load.load(
                            each,
                            port,
                            statics[name],
                            len(bodies[name]),
                            args.seconds / args.rounds,
                            args.connections,
                        )
                        totals[each][0] += done.requests
                        totals[each][1] += done.seconds
                for each, (requests, seconds) in totals.items():
                    print(
                        f"Static file of {len(bodies[name]):,} bytes, {each} client: "
                        f"{requests / seconds:,.0f} requests/s"
                    )
            results = {}
            for name, path in pages.items():
                # The first answers after the restart fill the page cache, if there is one.
                for _ in range(8):
                    wait_for(port, path, server)
                _status, response = fetch(port, path)
                verdict = response.getheader("X-Page-Cache", "-")
                # A page whose size changes between answers (a token in a form) is loaded
                # against its first answer's size: the static file's.
                loads = http_load.in_turns(
                    client,
                    port,
                    [path, statics[name]],
                    {path: None, statics[name]: len(bodies[name])},
                    args.seconds,
                    args.connections,
                    args.rounds,
                )
                results[name] = (loads[path], loads[statics[name]], verdict)
                print(f"  {name}: {loads[path].rate / loads[statics[name]].rate:.2f}", flush=True)
        finally:
            stop_server(server, log)

        # The uncached render: the page cache switched off (PAGE_CACHE=false), one client.
        server, log = start_server({**env, "PAGE_CACHE": "false"}, port, directory, "uncached")
        uncached = {}
        try:
            for path in pages.values():
                for _ in range(4):  # every worker and thread warmed up
                    wait_for(port, path, server)
            for name, path in pages.items():
                uncached[name] = uncached_ttfb(port, path, UNCACHED_REQUESTS)
        finally:
            stop_server(server, log)

    print()
    print(
        f"{len(pages)} pages, demo content + {args.cameras:,} cameras; {client}, "
        f"{args.connections} keep-alive connections, {args.seconds:g} s per address in "
        f"{args.rounds} turns, 127.0.0.1; latency at {args.connections} clients "
        f"({'whole response' if client == 'wrk' else 'first byte'}); uncached TTFB: "
        f"PAGE_CACHE=false, one client, {UNCACHED_REQUESTS} requests in a row"
    )
    header = (
        f"{'page':<16} {'bytes':>8} {'page/s':>8} {'static/s':>9} {'ratio':>6} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'cache':>6} {'uncached p50/p95 ms':>20}"
    )
    print(header)
    print("-" * len(header))
    slow = []
    for name, (page, static, verdict) in results.items():
        ratio = page.rate / static.rate
        if ratio < TARGET_RATIO:
            slow.append(name)
        p50, p95, verdicts = uncached[name]
        off = "" if verdicts <= {"-", "skip", "miss"} else " (cached!)"
        print(
            f"{name:<16} {len(bodies[name]):>8,} {page.rate:>8,.0f} {static.rate:>9,.0f} "
            f"{ratio:>6.2f} {page.p50_ms:>7.1f} {page.p95_ms:>7.1f} {verdict:>6} "
            f"{p50:>9.1f} / {p95:>5.1f}{off}"
        )
    print(f"Target: every page >= {TARGET_RATIO}x its static file; below: {slow or 'none'}")
    sys.exit(1 if slow else 0)


if __name__ == "__main__":
    main()
