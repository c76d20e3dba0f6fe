"""What pages get while PostgreSQL is stopped, then frozen, and whether the site comes back.

    .venv/bin/python bench/database_outage.py \
        --database-url postgres://kamere:kamere-ci-only@127.0.0.1:5432/kamere [--cluster 15/main]

Needs root on a machine whose PostgreSQL cluster it may stop (CI's): it stops and starts the
cluster with pg_ctlcluster and freezes it with SIGSTOP, so every database on it is away for
a few seconds. It builds a throwaway database next to the given one (demo content), serves it
as `make serve` does (the Procfile's web: gunicorn, two workers, and its worker: run_worker),
then asks for pages in five phases and prints what each request got and how long it took:

    up          PostgreSQL answers                     -> 200
    stopped     the cluster is stopped                 -> 503 with Retry-After, within 2 s
    restarted   the cluster is started again           -> 200 again, same processes
    frozen      every PostgreSQL process is SIGSTOPped -> 503 with Retry-After, within 2 s
    thawed      SIGCONT                                -> 200 again, same processes

and then that the task worker outlived both outages and still sends mail (a job queued after
them is done). Exits 1 if any of it does not hold.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from api_throughput import free_port, get, site_environment, wait_for, web_command
from bbox_query import throwaway_database

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/en/", "/znanje/", "/kampanje/", "/api/municipalities.json", "/health/"]
TARGET_SECONDS = 2.0
# Pages back to 200 within this long after PostgreSQL is: the web processes wait RETRY_SECONDS
# (portal/database/base.py) after a failure before they connect again.
RECOVERY_SECONDS = 15


def cluster(action, name):
    version, cluster_name = name.split("/")
    subprocess.run(["pg_ctlcluster", version, cluster_name, action], check=True)  # noqa: S603, S607


def postgres_pids():
    found = subprocess.run(
        ["pgrep", "-x", "postgres"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    return [int(pid) for pid in found]


def ask(port, path):
    started = time.monotonic()
    try:
        status, _body = get(port, path)
    except OSError as error:
        status = f"no answer ({type(error).__name__})"
    return status, time.monotonic() - started


def phase(name, port, rounds=2):
    results = []
    for _ in range(rounds):
        for path in PAGES:
            status, seconds = ask(port, path)
            results.append((path, status, seconds))
            print(f"{name:10} {path:28} {status!s:>4} {seconds:6.2f} s", flush=True)
    return results


def until_served(port, deadline_seconds):
    started = time.monotonic()
    while time.monotonic() - started < deadline_seconds:
        if all(ask(port, path)[0] == 200 for path in PAGES):
            return time.monotonic() - started
        time.sleep(0.5)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--cluster", default="15/main", help="version/name for pg_ctlcluster")
    args = parser.parse_args()
    failures = []

    def check(what, holds):
        print(f"{'ok  ' if holds else 'FAIL'} {what}", flush=True)
        if not holds:
            failures.append(what)

    with (
        tempfile.TemporaryDirectory(prefix="kamere-outage-") as directory,
        throwaway_database(args.database_url) as database_url,
    ):
        port = free_port()
        env = site_environment(Path(directory), port)
        env.update(
            DATABASE_URL=database_url,
            WEB_CONCURRENCY="2",
            GUNICORN_CMD_ARGS=f"--bind 127.0.0.1:{port}",
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
            LOG_LEVEL="ERROR",
        )
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--noinput", "-v", "0"], ["createcachetable"], ["seed_demo"]):
            subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        worker_log = Path(directory) / "worker.log"
        with worker_log.open("w") as log:
            worker = subprocess.Popen(  # noqa: S603
                [*manage, "run_worker", "--interval", "0.5"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        server = subprocess.Popen(  # noqa: S602 (the Procfile's line, through a shell as runners do)
            web_command(), shell=True, cwd=ROOT, env=env, start_new_session=True
        )
        try:
            wait_for(port, "/", server)
            up = phase("up", port)
            check("up: every page 200", all(status == 200 for _, status, _ in up))

            def outage(name, after, begin, end):
                """Pages while `begin()` has taken PostgreSQL away, then after `end()`."""
                begin()
                try:
                    during = phase(name, port)
                finally:
                    end()
                check(f"{name}: every page 503", all(status == 503 for _, status, _ in during))
                slowest = max(seconds for _, _, seconds in during)
                check(
                    f"{name}: slowest answer {slowest:.2f} s < {TARGET_SECONDS} s",
                    slowest < TARGET_SECONDS,
                )
                back = until_served(port, RECOVERY_SECONDS)
                check(f"{after}: served again after {back} s, no restart", back is not None)
                phase(after, port, rounds=1)

            def signal_postgres(number):
                for pid in pids:
                    os.kill(pid, number)

            outage(
                "stopped",
                "restarted",
                lambda: cluster("stop", args.cluster),
                lambda: cluster("start", args.cluster),
            )
            pids = postgres_pids()
            outage(
                "frozen",
                "thawed",
                lambda: signal_postgres(signal.SIGSTOP),
                lambda: signal_postgres(signal.SIGCONT),
            )

            check("the worker outlived both outages", worker.poll() is None)
            marker = f"outage-bench-{os.getpid()}@example.org"
            subprocess.run(  # noqa: S603
                [
                    *manage,
                    "shell",
                    "-c",
                    "from campaigns.tasks import send_mail; "
                    f"send_mail.enqueue('After the outage', 'Still here.', {marker!r})",
                ],
                cwd=ROOT,
                env=env,
                check=True,
            )
            deadline = time.monotonic() + 30
            while marker not in worker_log.read_text() and time.monotonic() < deadline:
                time.sleep(0.5)
            check(
                "the worker sent a mail queued after the outages", marker in worker_log.read_text()
            )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            worker.terminate()
            server.wait(timeout=30)
            worker.wait(timeout=30)
    print("All held." if not failures else f"{len(failures)} failed: {'; '.join(failures)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
