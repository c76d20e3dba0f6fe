"""/health/ for load balancers: 200 when the process can serve, 503 naming the failing part,
and never a detail an outsider could use."""

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


def test_a_healthy_process_says_so(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_a_lost_database_is_a_503_without_details(client):
    secret = "password authentication failed for user kamere at db.internal:5432"

    def database_gone(execute, sql, params, many, context):
        raise OperationalError(secret)

    with connection.execute_wrapper(database_gone):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "failing", "cache": "ok", "storage": "ok"},
    }
    assert b"kamere" not in response.content


def test_a_cache_that_does_not_answer_is_a_503(client, settings):
    # A Redis server nobody listens on (the port of TCP's discard service).
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "failing"
