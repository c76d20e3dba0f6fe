"""Which cache in front of the site Wagtail's frontend_cache purges (WAGTAILFRONTENDCACHE),
from the environment: FRONTEND_CACHE names the kind, the variables below its details."""

import importlib.util

from django.core.exceptions import ImproperlyConfigured

BACKENDS = "wagtail.contrib.frontend_cache.backends"


def frontend_cache(env):
    """WAGTAILFRONTENDCACHE for FRONTEND_CACHE (empty: no cache in front, nothing to purge)."""
    kind = (env("FRONTEND_CACHE") or "").strip().lower()
    if not kind:
        return {}

    def required(name):
        value = env(name)
        if not value:
            raise ImproperlyConfigured(f"FRONTEND_CACHE={kind} needs {name}.")
        return value

    if kind == "cloudflare":
        backend = {
            "BACKEND": f"{BACKENDS}.CloudflareBackend",
            "BEARER_TOKEN": required("CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": required("CLOUDFLARE_ZONEID"),
        }
    elif kind == "cloudfront":
        if importlib.util.find_spec("boto3") is None:
            raise ImproperlyConfigured("FRONTEND_CACHE=cloudfront needs boto3 installed.")
        backend = {
            "BACKEND": f"{BACKENDS}.CloudfrontBackend",
            "DISTRIBUTION_ID": required("CLOUDFRONT_DISTRIBUTION_ID"),
        }
    elif kind == "http":
        # Varnish or nginx: an HTTP PURGE of each address, sent to the cache itself.
        backend = {
            "BACKEND": f"{BACKENDS}.HTTPBackend",
            "LOCATION": required("FRONTEND_CACHE_LOCATION"),
        }
    else:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE must be cloudflare, cloudfront or http, not {kind!r}."
        )
    return {"default": backend}
