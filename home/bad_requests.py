"""Requests refused before any view reads them: a query string with a NUL character.

No parameter of this site ever holds a NUL, and PostgreSQL refuses one in text, so a view that
put one into a query failed with a server error (500) instead of telling the client. Views
still validate their own parameters; this is the floor under all of them, Wagtail's included.
"""

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

# The open data API answers in JSON, as its other errors do (map/api.py).
API_PREFIX = "/api/"


class RefuseNulInQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                if request.path.startswith(API_PREFIX):
                    return api_error(request, name.replace("\x00", ""))
                # handler400: the site's page, in the reader's language.
                raise BadRequest("NUL in the query string")
        return self.get_response(request)


def api_error(request, parameter):
    # /api/ has no language prefix: the API answers in the client's Accept-Language.
    with translation.override(translation.get_language_from_request(request)):
        message = _("A parameter of this address contains a character that is not allowed.")
    return JsonResponse(
        {"error": message, "parameter": parameter},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )
