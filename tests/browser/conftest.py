from urllib.parse import urlsplit

import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(live_server):
    """The live server with the demo content."""
    call_command("seed_demo", verbosity=0)
    return live_server


@pytest.fixture
def requested_hosts(browser_page):
    """The hosts the browser page sends requests to."""
    hosts = set()
    browser_page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    return hosts
