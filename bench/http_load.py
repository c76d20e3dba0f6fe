"""Keep-alive HTTP load on one address of 127.0.0.1, for bench/api_throughput.py and
bench/page_speed.py: requests per second and latency percentiles.

Two clients, one interface:

- wrk (https://github.com/wg/wrk; Debian/Ubuntu: `apt-get install wrk`, macOS: `brew install
  wrk`), written in C with an event loop per thread: it sends many thousand requests a second
  from one core, so the server is what it measures. Its latency is the time to the whole
  response; for a page of a few dozen kB on 127.0.0.1 that is the time to its first byte plus
  well under a millisecond, so it is an upper bound of the TTFB.
- a Python client (threads, http.client) when wrk is missing. Under the GIL its threads
  take turns, so it is what limits a fast answer: against a 17 kB static file from the
  same gunicorn, 16 connections, three turns of 4 s each on a shared 2-core machine (load
  about 12), it reached 2,343-2,668 requests/s where wrk reached 3,035-3,540
  (`bench/page_speed.py --compare-clients` prints both). With it a fast server looks slower
  than it is, and a ratio against a static file flatters the slower of the two. Its latency
  is the time to the response's headers (the TTFB), which includes waiting for the GIL.

Both ask for no compression (wrk sends no Accept-Encoding; http.client sends
"identity"), so a page and a static file of the same size send the same bytes.
"""

import http.client
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# wrk's Lua hook that prints what the bench reads, one "name value" per line.
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("requests %d\\n", summary.requests))
  io.write(string.format("duration_us %d\\n", summary.duration))
  io.write(string.format("bytes %d\\n", summary.bytes))
  io.write(string.format("status_errors %d\\n", summary.errors.status))
  io.write(string.format("socket_errors %d\\n",
    summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
  io.write(string.format("p50_us %d\\n", latency:percentile(50)))
  io.write(string.format("p95_us %d\\n", latency:percentile(95)))
end
"""


@dataclass
class Load:
    """What one load of one address gave: requests completed, seconds, latencies in ms."""

    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0


def have_wrk():
    return shutil.which("wrk") is not None


def client_name(client):
    """'wrk' or 'python' for `client` ('auto' picks wrk when it is installed)."""
    if client == "auto":
        return "wrk" if have_wrk() else "python"
    if client == "wrk" and not have_wrk():
        raise SystemExit("wrk is not installed (Debian/Ubuntu: apt-get install wrk).")
    return client


def load(client, port, path, size, seconds, connections, headers=None):
    """`connections` keep-alive clients on http://127.0.0.1:`port``path` for `seconds`.

    Every answer must be a 200 of `size` bytes (None: any size; wrk counts headers too, so it
    checks at least `size` on average), else the bench stops: a ratio against an error page
    would be meaningless.
    """
    if client_name(client) == "wrk":
        return wrk_load(port, path, size, seconds, connections, headers or {})
    return python_load(port, path, size, seconds, connections, headers or {})


def wrk_load(port, path, size, seconds, connections, headers):
    with tempfile.TemporaryDirectory() as directory:
        script = Path(directory) / "report.lua"
        script.write_text(WRK_REPORT)
        command = [
            "wrk",
            f"--threads={min(connections, 2)}",
            f"--connections={connections}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=30s",
            f"--script={script}",
            *(f"--header={name}: {value}" for name, value in headers.items()),
            f"http://127.0.0.1:{port}{path}",
        ]
        output = subprocess.run(  # noqa: S603 (wrk, on this machine's own server)
            command, capture_output=True, text=True, check=True
        ).stdout
    values = dict(re.findall(r"^(\w+) (\d+)$", output, re.MULTILINE))
    values = {name: int(value) for name, value in values.items()}
    if values["status_errors"] or values["socket_errors"]:
        raise SystemExit(f"{path}: {output}")
    requests = values["requests"]
    # Headers included, so a little more than the body each.
    if size is not None and requests and values["bytes"] / requests < size:
        raise SystemExit(f"{path}: {values['bytes'] / requests:.0f} bytes per answer, < {size}")
    return Load(
        requests, values["duration_us"] / 1e6, values["p50_us"] / 1000, values["p95_us"] / 1000
    )


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def python_load(port, path, size, seconds, connections, headers):
    latencies = [[] for _ in range(connections)]
    failures = []
    deadline = time.monotonic() + seconds

    def client(index):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            first_byte = time.perf_counter() - started
            body = response.read()
            if response.status != 200 or (size is not None and len(body) != size):
                failures.append(f"{path}: status {response.status}, {len(body)} bytes")
                return
            latencies[index].append(first_byte * 1000)
        connection.close()

    started = time.monotonic()
    workers = [threading.Thread(target=client, args=(index,)) for index in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if failures:
        raise SystemExit(failures[0])
    elapsed = time.monotonic() - started
    every = [latency for each in latencies for latency in each]
    return Load(len(every), elapsed, percentile(every, 0.5), percentile(every, 0.95))


def in_turns(client, port, paths, sizes, seconds, connections, rounds):
    """Each of `paths` loaded in turn over `rounds` short rounds, `seconds` each in all:
    whatever else the machine does is spread evenly over them. {path: Load}, the latencies
    those of the round with the median rate (percentiles do not add up)."""
    results = {path: [] for path in paths}
    for _ in range(rounds):
        for path in paths:
            results[path].append(
                load(client, port, path, sizes[path], seconds / rounds, connections)
            )
    combined = {}
    for path, loads in results.items():
        middle = sorted(loads, key=lambda each: each.rate)[len(loads) // 2]
        combined[path] = Load(
            sum(each.requests for each in loads),
            sum(each.seconds for each in loads),
            middle.p50_ms,
            middle.p95_ms,
        )
    return combined
