"""A redis-server of the tests' own, on a free port of 127.0.0.1 and in a directory of its own,
keeping nothing on disk: the session's (the `redis_server` fixture, tests/conftest.py), or one
that a test stops and starts again."""

import os
import shutil
import subprocess
import time

import pytest
import redis

from tests.test_deploy import free_port

START_TIMEOUT = 10  # seconds for redis-server to answer PING
# Another process may take the free port before redis-server does: then try another.
START_ATTEMPTS = 3


def redis_server_binary():
    """The path of redis-server; the test is skipped without it, except under CI, where a
    skip would hide that these tests never ran."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(
                "redis-server is required in CI but is not installed (.ci/run installs it)."
            )
        pytest.skip("The Redis tests need redis-server (apt-get install redis-server).")
    return binary


class RedisServer:
    def __init__(self, directory, *options):
        self.binary = redis_server_binary()
        self.directory = directory
        self.options = options
        self.port = None
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=5)

    def start(self):
        """Start it (again on the same port, if it ran before) and wait until it answers."""
        for _attempt in range(1 if self.port else START_ATTEMPTS):
            port = self.port or free_port()
            if self.launch(port):
                self.port = port
                return
        pytest.fail(f"redis-server did not start:\n{self.log().read_text()}")

    def launch(self, port):
        with self.log().open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (the system's redis-server)
                [
                    self.binary,
                    *("--port", str(port), "--bind", "127.0.0.1", "--dir", str(self.directory)),
                    # Nothing on disk: no snapshots, no append-only file.
                    *("--save", "", "--appendonly", "no"),
                    *self.options,
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1)
        deadline = time.monotonic() + START_TIMEOUT
        while self.process.poll() is None and time.monotonic() < deadline:
            try:
                if client.ping():
                    return True
            except redis.ConnectionError:
                time.sleep(0.02)
        self.stop()
        return False

    def log(self):
        return self.directory / "redis.log"

    def kill(self):
        """Gone at once, as a crashed or unplugged server: no goodbye to its clients."""
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
