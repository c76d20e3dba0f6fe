"""The production web process, started as the Procfile starts it, serves the site safely.

One gunicorn runs (production settings, a throwaway SQLite database and static root) for
all the tests in this module; the checks go over real HTTP with urllib.
"""

import gzip
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .production import REPO_ROOT, manage, production_env

START_TIMEOUT = 30  # seconds for gunicorn to answer


def procfile_command(process_type):
    for line in (REPO_ROOT / "Procfile").read_text().splitlines():
        name, _, command = line.partition(":")
        if name.strip() == process_type:
            return command.strip()
    raise AssertionError(f"The Procfile has no {process_type}: line")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_manage(env, *args):
    result = manage(env, *args)
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"


def get(url, headers=None):
    """Status, headers and body of a GET, without raising for 4xx/5xx."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (http only)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("deploy")
    static_root = var_dir / "static"
    env = production_env(
        var_dir,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="false",
        STATIC_ROOT=str(static_root),
        WEB_CONCURRENCY="1",
        # The Procfile names `gunicorn`: the one installed next to this Python.
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )
    run_manage(env, "migrate", "--noinput")
    run_manage(env, "createcachetable")
    run_manage(env, "collectstatic", "--noinput")

    port = free_port()
    env["GUNICORN_CMD_ARGS"] = f"--bind 127.0.0.1:{port}"
    log_path = var_dir / "gunicorn.log"
    with log_path.open("wb") as log:
        # Through a shell, as Procfile runners do; its own session so teardown stops it all.
        process = subprocess.Popen(  # noqa: S603
            ["/bin/sh", "-c", procfile_command("web")],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"gunicorn exited with {process.returncode}:\n{log_path.read_text()}")
            try:
                get(f"{base_url}/robots.txt")
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not answer in {START_TIMEOUT} s")
                time.sleep(0.2)
        yield {"url": base_url, "static_root": static_root, "log": log_path}
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_static_files_have_hashed_names_and_are_compressed(server):
    static_root = server["static_root"]
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    hashed_name = next(
        hashed
        for name, hashed in sorted(manifest.items())
        if name.endswith((".css", ".js")) and (static_root / f"{hashed}.gz").exists()
    )
    assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", hashed_name)

    status, headers, _ = get(
        f"{server['url']}/static/{hashed_name}", {"Accept-Encoding": "gzip, br"}
    )

    assert status == 200
    assert headers["Content-Encoding"] in {"gzip", "br"}
    assert "immutable" in headers["Cache-Control"]


def test_security_headers_on_admin_login(server):
    status, headers, _ = get(f"{server['url']}/admin/login/")

    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_debug_is_off(server):
    status, _, body = get(f"{server['url']}/this-does-not-exist/")

    assert status == 404
    assert b"Using the URLconf" not in body


def test_access_log_holds_no_client_ip(server):
    get(f"{server['url']}/admin/login/?probe=access-log")

    # Gunicorn writes the access line just after the response; give it a moment.
    deadline = time.monotonic() + 5
    while "/admin/login/" not in server["log"].read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    access_lines = [line for line in server["log"].read_text().splitlines() if '"GET ' in line]
    assert any("/admin/login/" in line for line in access_lines)
    for line in access_lines:
        assert "127.0.0.1" not in line
        assert "probe=access-log" not in line  # nor query strings


SECRET_PATHS = [
    "/kampanje/peticija/confirm/Sig3cretT0ken:1vAbCd/",
    "/kampanje/peticija/potvrda/Sig3cretT0ken:1vAbCd/",
    "/kampanje/dogadjaj/otkazivanje/Reg1strationT0ken:9xYz/",
    "/en/campaigns/event/cancel/Reg1strationT0ken:9xYz/",
    "/unsubscribe/Unsubscr1beT0ken:5qQq/",
    "/accounts/password/reset/key/1a-ResetKey0f4llauth/",
    "/en/accounts/confirm-email/ConfirmKey0fAllauth/",
]


def test_logs_hold_no_token_of_a_mailed_link(server):
    for path in SECRET_PATHS:
        get(f"{server['url']}{path}")
    deadline = time.monotonic() + 5
    while "/accounts/confirm-email/" not in server["log"].read_text():
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)

    log = server["log"].read_text()
    # Each request left its line (access log, and Django's "Not Found"), token redacted.
    assert log.count("/unsubscribe/[redacted]/") >= 2
    assert "/accounts/password/reset/key/[redacted]/" in log
    for secret in ("Sig3cret", "Reg1stration", "Unsubscr1be", "ResetKey", "ConfirmKey"):
        assert secret not in log


def test_gunicorn_listens_only_where_the_proxy_reaches_it_by_default():
    config = REPO_ROOT / "gunicorn.conf.py"
    script = f"exec(open({str(config)!r}).read()); print(bind)"

    def bind(**variables):
        environment = {"PATH": os.environ["PATH"], "PYTHONPATH": str(REPO_ROOT), **variables}
        return subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert bind(PORT="5000") == "127.0.0.1:5000"
    assert bind(PORT="5000", WEB_BIND_HOST="0.0.0.0") == "0.0.0.0:5000"  # noqa: S104


def test_pages_are_compressed_for_browsers_that_ask(server):
    status, headers, body = get(f"{server['url']}/admin/login/", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert b"<html" in gzip.decompress(body)
    # The security headers come with the compressed page as with any other.
    assert "default-src" in headers["Content-Security-Policy"]

    status, headers, body = get(f"{server['url']}/admin/login/")
    assert status == 200
    assert "Content-Encoding" not in headers
    assert b"<html" in body
