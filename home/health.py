"""/health/: whether this web process can serve, for a load balancer.

Written here rather than taken from django-health-check: that one answers 500 (a load balancer
reads 503 as "try another node"), shows each check's error text to whoever asks, and runs
checks we do not need (mail, DNS). This answers 200 or 503 with one word per part and nothing
else: no versions, hosts or error messages. Each check is bounded: the database by its
deadlines (portal/database/), Redis by its socket timeouts (settings).
"""

import logging

from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

# A name that is never written: asking whether it exists reaches the storage (a HEAD on an
# object store) without a write on every probe.
STORAGE_PROBE = "health-probe"


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers():
    cache = caches["default"]
    cache.set("health-probe", 1, timeout=10)
    return cache.get("health-probe") == 1


def storage_answers():
    default_storage.exists(STORAGE_PROBE)
    return True


CHECKS = {"database": database_answers, "cache": cache_answers, "storage": storage_answers}


@never_cache
@require_GET
def health(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "failing"
        except Exception:  # any failure is an answer here, and logged
            logger.exception("Health check %s failed.", name)
            results[name] = "failing"
    healthy = all(result == "ok" for result in results.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )
    if not healthy:
        response["Retry-After"] = "30"
    return response
