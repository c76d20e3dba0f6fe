"""Secrets out of the logs: the tokens that some addresses carry.

Mailed links put a secret in the path: confirming a signature (`…/confirm/<token>/`, on a
Serbian page `…/potvrda/<token>/`), cancelling an event registration (`…/cancel/<token>/`,
`…/otkazivanje/<token>/`; home/page_routes.py), leaving petition updates
(`/unsubscribe/<token>/`), and allauth's password reset and address confirmation keys; so does
a camera report's follow-up page (`/mapa/prijava/pracenje/<token>/`, `/en/map/report/follow/…`,
and the old `/map/report/follow/…`, which redirects), and a tracked request's page
(`/zahtevi/praceni/<token>/`, `/en/requests/tracked/…`). Whoever
reads a log line with one could act as its owner, so both gunicorn's logs (gunicorn.conf.py)
and Django's (LOGGING) replace them before a line is written.

Plain Python, with no Django import: gunicorn's master loads it before the application.
"""

import logging
import re

REDACTED = "[redacted]"
# The path segment after one of these holds a secret. allauth's reset key is
# `<uidb36>-<key>`, or `<uidb36>-set-password` once allauth has moved the key to the session.
TOKEN_PATH = re.compile(
    r"(/(?:confirm|potvrda|cancel|otkazivanje|unsubscribe|confirm-email|password/reset/key"
    # A report's follow-up page, in English and in Serbian (map/urls.py), and a tracked
    # request's page (portal/urls.py).
    r"|report/follow|prijava/pracenje|requests/tracked|zahtevi/praceni)/)[^/?#\s\"']+"
)


def redact(text):
    return TOKEN_PATH.sub(rf"\g<1>{REDACTED}", text)


class RedactTokens(logging.Filter):
    """A log filter that rewrites the formatted message without the tokens."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
