"""Requests per second of /api/cameras.geojson against a static file of the same size.

    .venv/bin/python bench/api_throughput.py [--cameras 10000] [--other-cameras 0]
        [--seconds 10] [--threads 16] [--rounds 5] [--client auto|wrk|python]
        [--database-url postgres://user:password@127.0.0.1:5432/kamere]

Builds a throwaway site in a temporary directory (SQLite database, or with --database-url a
temporary PostgreSQL database next to that one, with the given number of verified cameras,
the database cache table, static files collected) and serves it as `make serve` does:
production settings, HTTPS=false, a local-only SECRET_KEY, the Procfile's `web:` command
(gunicorn with gunicorn.conf.py) bound to 127.0.0.1 on a free port. `--other-cameras N`
adds N cameras the API's default answer leaves out (reported, rejected and retired ones), as
a real database holds beside the verified ones: the answer is the same, so its requests/s
should be too.

It fetches /api/cameras.geojson once, writes the same bytes as a static file, reloads
gunicorn (SIGHUP) so that whitenoise serves the new file, then loads the two addresses
taking turns (`--rounds` turns, `--seconds` per address in all) from `--threads` keep-alive
connections, only to 127.0.0.1, with wrk if it is installed (`apt-get install wrk`), else a
Python client (bench/http_load.py says why wrk's figures are the honest ones). Neither
response is compressed (the client asks for identity), so both send the same bytes.

Prints both figures and their ratio; exits 1 if the API gets less than half the static
file's requests per second, the issue's target.
"""

import argparse
import http.client
import os
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import http_load
from bbox_query import throwaway_database

ROOT = Path(__file__).resolve().parent.parent
API_PATH = "/api/cameras.geojson"
STATIC_NAME = "bench/cameras.geojson"
TARGET_RATIO = 0.5


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(directory, port, database_url=None):
    """`make serve`'s environment, on a database (SQLite in `directory` by default) and
    static root of our own."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="bench-only-local-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="false",
        SITE_URL=f"http://127.0.0.1:{port}",
        VAR_DIR=str(directory),
        STATIC_ROOT=str(directory / "static"),
        DATABASE_URL=database_url or f"sqlite:///{directory / 'db.sqlite3'}",
        LOG_LEVEL="WARNING",
        PATH=f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
    )
    return env


def prepare_site(env, cameras, other_cameras=0):
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput", "--verbosity", "0"],
        ["createcachetable"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            __file__,
            "--seed-only",
            "--cameras",
            str(cameras),
            "--other-cameras",
            str(other_cameras),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


# The other cameras' statuses: a quarter waiting for checks, the rest rejected or retired.
OTHER_STATUSES = {"reported": 1, "rejected": 2, "retired": 1}


def seed(cameras, other_cameras=0):
    """Runs in the site's environment: the cameras, all verified, so all are in the API's
    default answer; the other cameras, none of them in it."""
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import django

    django.setup()
    from fake_cameras import create_cameras

    create_cameras(cameras, {"verified": 1})
    if other_cameras:
        create_cameras(other_cameras, OTHER_STATUSES, seed=2)


def procfile_command(name):
    """The command of the Procfile's `name:` line (web, worker, scheduler, release)."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.removeprefix(f"{name}:").strip()
    raise SystemExit(f"The Procfile has no {name}: line.")


def web_command():
    return procfile_command("web")


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_for(port, path, server, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped; see its log above.")
        try:
            status, body = get(port, path)
            if status == 200:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{path} did not answer 200 within {timeout} s.")


def against_static_twin(env, directory, port, path, static_name, args):
    """Serve the site as the Procfile does, write `path`'s answer as the static file
    `static_name`, and load the two in turns (args: seconds, threads, rounds, client).
    Returns the body and http_load's figures by address."""
    env = {**env, "GUNICORN_CMD_ARGS": f"--bind 127.0.0.1:{port}"}
    log = (directory / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (the Procfile's own command)
        shlex.split(web_command()), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        body = wait_for(port, path, server)
        static_file = directory / "static" / static_name
        static_file.parent.mkdir(parents=True, exist_ok=True)
        static_file.write_bytes(body)
        # Whitenoise lists the static files when a worker starts: restart the workers.
        server.send_signal(signal.SIGHUP)
        static_path = f"/static/{static_name}"
        # Every new worker serves it (the old ones are gone) before the measurement; the
        # site's first answers also fill its caches.
        for _ in range(16):
            assert wait_for(port, static_path, server) == body
            assert wait_for(port, path, server) == body
        paths = [path, static_path]
        loads = http_load.in_turns(
            http_load.client_name(args.client),
            port,
            paths,
            dict.fromkeys(paths, len(body)),
            args.seconds,
            args.threads,
            args.rounds,
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    return body, loads


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cameras", type=int, default=10_000)
    parser.add_argument(
        "--other-cameras", type=int, default=0, help="reported, rejected and retired ones"
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="per address")
    parser.add_argument("--threads", type=int, default=16, help="keep-alive connections")
    parser.add_argument("--rounds", type=int, default=5, help="turns each address takes")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--database-url", help="PostgreSQL to create the throwaway one next to")
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only:
        seed(args.cameras, args.other_cameras)
        return
    client = http_load.client_name(args.client)

    with (
        tempfile.TemporaryDirectory(prefix="kamere-bench-") as directory,
        throwaway_database(args.database_url) as database_url,
    ):
        directory = Path(directory)
        port = free_port()
        env = site_environment(directory, port, database_url)
        print(
            f"Preparing a site with {args.cameras:,} verified cameras and "
            f"{args.other_cameras:,} others in {directory} ..."
        )
        prepare_site(env, args.cameras, args.other_cameras)

        body, loads = against_static_twin(env, directory, port, API_PATH, STATIC_NAME, args)
        api, static = loads[API_PATH].rate, loads[f"/static/{STATIC_NAME}"].rate

    ratio = api / static
    print(
        f"Body: {len(body):,} bytes ({args.cameras:,} cameras; "
        f"{args.other_cameras:,} other cameras in the database)"
    )
    print(
        f"Load: {client}, {args.threads} connections, {args.seconds:g} s per address "
        f"in {args.rounds} turns, 127.0.0.1 only"
    )
    print(f"Static file (whitenoise):  {static:8.1f} requests/s")
    print(
        f"{API_PATH}:      {api:8.1f} requests/s "
        f"(p50 {loads[API_PATH].p50_ms:.1f} ms, p95 {loads[API_PATH].p95_ms:.1f} ms)"
    )
    print(f"Ratio API / static: {ratio:.2f} (target >= {TARGET_RATIO})")
    sys.exit(0 if ratio >= TARGET_RATIO else 1)


if __name__ == "__main__":
    main()
