"""Secrets out of the logs (portal/redaction.py): the report follow-up page's token too."""

import logging

from portal.redaction import RedactTokens, redact


def test_the_follow_up_pages_token_is_redacted():
    # Whoever holds the address sees what became of the report: it is as secret as a
    # mailed link's token, and the access log writes every path.
    for path in ("/map/report/follow/Fo11owT0ken_abc-123/", "/en/map/report/follow/Fo11owT0ken/"):
        line = f'[06/Dec/2026:09:40:00 +0000] "GET {path}" 200 5120 12ms'
        assert "Fo11owT0ken" not in redact(line)
        assert "/map/report/follow/[redacted]/" in redact(line)


def test_djangos_not_found_line_for_a_follow_up_page_is_redacted():
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/map/report/follow/Fo11owT0ken/",),
        None,
    )
    RedactTokens().filter(record)
    assert record.getMessage() == "Not Found: /map/report/follow/[redacted]/"


def test_a_tracked_requests_token_is_redacted_in_every_language():
    # The address is the key to the request's page: whoever reads it may change or delete it.
    for path in (
        "/zahtevi/praceni/Tr4ckT0ken_abc-1/",
        "/cir/zahtevi/praceni/Tr4ckT0ken_abc-1/",
        "/en/requests/tracked/Tr4ckT0ken_abc-1/",
    ):
        line = f'[07/Dec/2026:09:40:00 +0000] "POST {path}" 429 5120 12ms'
        assert "Tr4ckT0ken" not in redact(line), path
        assert "[redacted]/" in redact(line)
