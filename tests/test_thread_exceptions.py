"""An exception in a thread a test starts (a live server's request thread, a visitor in
tests/campaigns/test_concurrency.py) fails the test it happens in: pyproject.toml turns
pytest's PytestUnhandledThreadExceptionWarning into an error, so that such warnings are never
left to pile up unread in the summary again."""

import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent

A_THREAD_THAT_RAISES = """
import threading


def test_a_thread_raises():
    thread = threading.Thread(target=lambda: 1 / 0, name="server-side")
    thread.start()
    thread.join()
"""


def run_pytest(path, *options):
    # The project's own configuration (pyproject.toml), as `make test` runs it.
    command = [sys.executable, "-m", "pytest", str(path), "-c", str(ROOT / "pyproject.toml")]
    command += ["--rootdir", str(ROOT), "-p", "no:xdist", "-p", "no:cacheprovider", *options]
    return subprocess.run(  # noqa: S603 (the venv's pytest, our own arguments)
        command, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_an_exception_in_a_thread_fails_the_test(tmp_path):
    path = tmp_path / "test_thread.py"
    path.write_text(A_THREAD_THAT_RAISES)
    result = run_pytest(path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 failed" in result.stdout
    assert "Exception in thread server-side" in result.stdout
    assert "ZeroDivisionError" in result.stdout
    # The same test with the warning left a warning passes: the setting is what fails it.
    result = run_pytest(path, "-W", "default::pytest.PytestUnhandledThreadExceptionWarning")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed, 1 warning" in result.stdout


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_request_thread_ending_after_the_server_stopped_sharing_raises_nothing(live_server):
    """What filled the summary with "DatabaseWrapper objects created in a thread can only be
    used in that same thread": a client's keep-alive connection that closes once the server no
    longer shares the test's in-memory SQLite connection (tests/conftest.py's live_server)."""
    lent = live_server.thread.httpd.connections_override
    if not lent:
        pytest.skip("only in-memory SQLite lends the test's connection to the server")
    before = set(threading.enumerate())
    session = requests.Session()
    assert session.get(f"{live_server.url}/robots.txt", timeout=30).status_code == 200
    handlers = [thread for thread in threading.enumerate() if thread not in before]
    assert handlers  # the server's thread for this connection, waiting for its next request
    lent["default"].dec_thread_sharing()  # as pytest-django's LiveServer.stop() does
    try:
        session.close()
        for thread in handlers:
            thread.join(timeout=10)
    finally:
        lent["default"].inc_thread_sharing()
    assert not any(thread.is_alive() for thread in handlers)
