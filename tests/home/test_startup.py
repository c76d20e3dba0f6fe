"""What every process has ready before it serves its first request."""

import subprocess
import sys

from django.conf import settings

ROUTABLE_PAGES_WITHOUT_RESOLVER = """
import django
django.setup()
from django.apps import apps
from wagtail.contrib.routable_page.models import RoutablePageMixin
routable = [m for m in apps.get_models() if issubclass(m, RoutablePageMixin)]
assert routable
print(sorted(m.__name__ for m in routable if "_routablepage_urlresolver" not in m.__dict__))
"""


def test_routable_pages_have_their_resolver_before_the_first_request():
    """Built lazily, two request threads building one at once could crash (home/apps.py)."""
    result = subprocess.run(  # noqa: S603 (this interpreter, our own script)
        [sys.executable, "-c", ROUTABLE_PAGES_WITHOUT_RESOLVER],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.test", "PATH": ""},
    )
    assert result.stdout.strip() == "[]"
