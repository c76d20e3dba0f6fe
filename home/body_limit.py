"""Request bodies larger than MAX_REQUEST_BODY get a 413 page before anything reads them.

DATA_UPLOAD_MAX_MEMORY_SIZE bounds the fields of a form, not its files: without this, any
form (a petition, a camera report) would take an upload of any size onto the server's disk,
and a proxy that is missing or misconfigured would be the only limit.

The Content-Length header is all that is needed: Django's WSGI request reads at most that
many bytes of the body, and none at all without it (a chunked body), so a body that is not
refused here is never read past the limit either.
"""

from django.conf import settings
from django.shortcuts import render


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if declared_length(request) > settings.MAX_REQUEST_BODY:
            return request_too_large(request)
        return self.get_response(request)


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django reads nothing of a body whose length it cannot read either


def request_too_large(request):
    limit_mb = settings.MAX_REQUEST_BODY // (1024 * 1024)
    return render(request, "413.html", {"limit_mb": limit_mb}, status=413)
