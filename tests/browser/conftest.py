import threading
from html import escape
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlsplit

import pytest


@pytest.fixture(autouse=True)
def no_context_left_open(request):
    """Close the browsing contexts a test leaves open, before its database goes: with them
    their service workers (the report form's, map/offline.py), which would otherwise go on
    asking the live server for pages during the tests after it."""
    yield
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            context.close()


@pytest.fixture
def demo_site(live_server, seeded_demo):
    """The live server with the demo content."""
    seeded_demo()
    return live_server


@pytest.fixture
def requested_hosts(browser_page):
    """The hosts the browser page sends requests to."""
    hosts = set()
    browser_page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    return hosts


@pytest.fixture
def framing_page():
    """Another site's page that frames ours: `framing_page(embed=url, ...)` serves a page with
    an iframe per argument (titled with its name) from another origin on this machine and
    returns its address. A real server: Chrome keeps pages it did not get from a local address
    (as a fulfilled route) from framing local ones at all."""
    servers = []

    def serve(**frames):
        html = "<!doctype html><title>Another site</title>" + "".join(
            f'<iframe title="{escape(title)}" src="{escape(src)}"></iframe>'
            for title, src in frames.items()
        )
        body = html.encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass  # no request lines in the test's output

        server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()
