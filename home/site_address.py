"""The default Wagtail site answers where SITE_URL says.

Wagtail builds every absolute link from the Site record's hostname and port, not from the
request or the settings: the links in mails built by the worker, the `.ics` files, the
unsubscribe links. A record left at Wagtail's `localhost:80` sends every mailed link to a
server that is not there, so `make run`, `make serve` and the Procfile's `release` set it from
SITE_URL (`manage.py sync_site`).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(url):
    """(hostname, port) of a Wagtail Site whose root_url is `url`.

    Wagtail's Site.root_url can say https only on port 443 and http on any other port, so an
    address it cannot give back is refused rather than silently changed.
    """
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or port == -1:
        raise ImproperlyConfigured(
            f"SITE_URL must look like https://kamere.example.org, not {url!r}."
        )
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(
            f"SITE_URL is the site's address without a path, query or login, not {url!r}."
        )
    port = port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured(
            f"Wagtail links to https:// only on port 443, so SITE_URL {url!r} cannot be used: "
            "serve HTTPS on 443, or plain HTTP on this port."
        )
    return parts.hostname, port


def sync_default_site(url):
    """Point the default site at `url`; returns the site changed, or None if it already was
    (or there is no default site yet: seed_demo or an editor creates it)."""
    hostname, port = site_address(url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return None
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site
