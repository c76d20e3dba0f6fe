"""A proof of work for the sign form: ALTCHA (https://altcha.org), self-hosted.

The browser fetches a challenge from `challenge` (a JSON view), its widget (static/vendor/altcha/)
spends a moment of the visitor's processor on it and puts the solution in the form; the form
checks it here. Nothing goes to a third party, and nothing about the visitor is kept: a
solution's challenge id, until the challenge expires, so that each solution is taken once.

Deterministic mode: the server picks the counter the browser must reach, so every signer pays
about the same, and checks a solution with one HMAC (the challenge's `keySignature`) instead of
redoing the work. Settings (portal/settings/base.py): ALTCHA_COST (PBKDF2 iterations per try),
ALTCHA_MAX_COUNTER (tries, between half of it and all of it) and ALTCHA_EXPIRES (seconds).
"""

import secrets
import time
from datetime import UTC, datetime

import altcha
from django.conf import settings
from django.http import JsonResponse
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from home.ratelimit import increment

ALGORITHM = "PBKDF2/SHA-256"
# A solution is some JSON of about 600 characters in base64; anything much longer is no proof,
# and is refused before it is decoded.
MAX_PAYLOAD_LENGTH = 4000
# What the library raises on input it does not expect; a visitor's bad proof must end in a
# field error, never a server error.
MALFORMED = (ValueError, TypeError, KeyError, AttributeError, RecursionError, OverflowError)


class Outcome:
    VERIFIED = "verified"
    INVALID = "invalid"
    EXPIRED = "expired"
    USED = "used"


def _secret(purpose):
    # Derived from SECRET_KEY, so nothing more to configure or leak; one per use, so that the
    # challenge's signature and the derived key's signature cannot stand in for each other.
    return salted_hmac(f"campaigns.proof_of_work.{purpose}", "altcha").hexdigest()


def new_challenge():
    """A signed challenge, as the widget reads it."""
    most = max(1, settings.ALTCHA_MAX_COUNTER)
    counter = most // 2 + secrets.randbelow(most - most // 2 + 1)
    return altcha.create_challenge(
        ALGORITHM,
        settings.ALTCHA_COST,
        counter=counter,
        expires_at=int(time.time()) + settings.ALTCHA_EXPIRES,
        hmac_secret=_secret("challenge"),
        hmac_key_secret=_secret("key"),
    )


def check(payload):
    """Whether `payload` (the widget's base64 JSON) solves one of our challenges that has not
    expired; Outcome.VERIFIED, INVALID or EXPIRED. Constant work: two HMACs."""
    if not payload or len(payload) > MAX_PAYLOAD_LENGTH:
        return Outcome.INVALID, None
    try:
        result = altcha.verify_solution(
            payload, _secret("challenge"), hmac_key_secret=_secret("key")
        )
    except MALFORMED:
        return Outcome.INVALID, None
    if result.expired:
        return Outcome.EXPIRED, None
    if not result.verified:
        return Outcome.INVALID, None
    # Verified, so the payload parses and its parameters are the ones we signed.
    parameters = altcha.Payload.from_base64(payload).challenge.parameters
    return Outcome.VERIFIED, parameters


def spend(parameters):
    """Take a verified solution's challenge once: False if it was taken before.

    One upsert in the rate limiter's table (home/ratelimit.py), keyed by the challenge's
    random nonce and kept until the challenge expires; the hourly purge deletes it then.
    """
    key = f"proof-of-work:{parameters.nonce}"
    expires = datetime.fromtimestamp(parameters.expires_at, UTC)
    return increment({key: expires})[key] == 1


@never_cache
@require_GET
def challenge(request):
    """A new challenge for the sign form's widget. Never cached: each visitor needs their own.
    One key derivation (ALTCHA_COST iterations) per request, however it is asked."""
    return JsonResponse(new_challenge().to_dict())
