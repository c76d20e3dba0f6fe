"""Property-based tests: no input to a public form or an API parameter gives a server error.

Hypothesis sends random unicode (NUL characters and very long values included), lists for
scalars, missing, duplicate and unknown fields, and wrong content types to every form on the
demo content's public pages (found by reading their HTML, so a new field is fuzzed too) and to
every parameter of the open data API. Every answer must be a 2xx, 3xx or 4xx.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.routes import in_serbian

pytestmark = pytest.mark.django_db

FORM_PAGES = [
    "/",
    "/kampanje/",
    "/pridruzite-se/",
    in_serbian("map:report"),
    "/accounts/login/",
    "/en/accounts/password/reset/",
    in_serbian("search"),
]
API_PARAMETERS = {
    "/api/cameras.geojson": [
        "bbox",
        "status",
        "municipality",
        "camera_type",
        "facial_recognition",
        "on_police_list",
    ],
    "/api/municipalities.json": ["format"],
}
API_PARAMETERS["/api/cameras.csv"] = API_PARAMETERS["/api/cameras.geojson"]
CSRF_SECRET = "k" * 32  # a well-formed CSRF cookie, so that the check reads the body
FORM = re.compile(r"<form\b(?P<attributes>[^>]*)>(?P<body>.*?)</form>", re.DOTALL)
FIELD_NAME = re.compile(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"")
ATTRIBUTE = re.compile(r"\b(action|method)=\"([^\"]*)\"")

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Any text a client can send in UTF-8 (lone surrogates cannot be encoded at all).
TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40),
    st.sampled_from(["", "\x00", "0", "-1", "9" * 5000, "a" * 20_000, "true", "all"]),
)
VALUES = st.one_of(TEXT, st.lists(TEXT, min_size=2, max_size=3))


@pytest.fixture
def demo(demo_content, db):
    """The demo content (seeded once for the module); each test's changes are rolled back."""


def forms_on(client, path):
    """(action, method, field names) of each form on the page at `path`."""
    response = client.get(path, follow=True)
    assert response.status_code == 200, path
    found = []
    for form in FORM.finditer(response.content.decode()):
        attributes = dict(ATTRIBUTE.findall(form["attributes"]))
        action = attributes.get("action") or response.request["PATH_INFO"]
        if urlsplit(action).netloc:
            continue  # not ours
        names = sorted(set(FIELD_NAME.findall(form["body"])) - {"csrfmiddlewaretoken"})
        found.append((action, attributes.get("method", "get").lower(), names))
    return found


def assert_answered(response, request):
    assert response.status_code < 500, request


@pytest.fixture
def site_forms(demo):
    client = Client()
    forms = []
    for path in FORM_PAGES:
        forms.extend(forms_on(client, path))
    # The petition and the event: their forms post elsewhere than their pages.
    for petition_or_event in re.findall(
        r'href="(/kampanje/[\w-]+/)"', client.get("/kampanje/").content.decode()
    ):
        forms.extend(forms_on(client, petition_or_event))
    assert len(forms) >= 8
    return forms


@FUZZ
@given(data=st.data())
def test_no_form_input_is_a_server_error(site_forms, data):
    # With CSRF checks, as browsers meet them, a body is read before any view sees it.
    client = Client(raise_request_exception=False, enforce_csrf_checks=data.draw(st.booleans()))
    client.cookies["csrftoken"] = CSRF_SECRET
    action, method, names = data.draw(st.sampled_from(site_forms))
    fields = data.draw(
        st.dictionaries(
            st.one_of(st.sampled_from(names), TEXT.filter(lambda name: "\x00" not in name))
            if names
            else TEXT,
            VALUES,
            max_size=len(names) + 2,
        )
    )
    if method == "get":
        response = client.get(action, fields)
    else:
        content_type = data.draw(
            st.sampled_from(
                [
                    None,  # multipart, as a browser sends a form with a file
                    "application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded; charset=utf-16",
                    "application/json",
                    "text/plain",
                ]
            )
        )
        csrf = {"x-csrftoken": CSRF_SECRET}
        if content_type is None:
            response = client.post(action, fields, headers=csrf)
        else:
            body = "&".join(f"{name}={value}" for name, value in fields.items())
            response = client.post(
                action, body.encode("utf-8"), content_type=content_type, headers=csrf
            )
    assert_answered(response, (action, method, fields))


@FUZZ
@given(
    path=st.sampled_from(sorted(API_PARAMETERS)),
    data=st.data(),
)
def test_no_api_parameter_is_a_server_error(demo, path, data):
    client = Client(raise_request_exception=False)
    parameters = data.draw(
        st.dictionaries(st.sampled_from(API_PARAMETERS[path]), VALUES, max_size=4)
    )
    response = client.get(path, parameters, headers={"accept-language": "en"})
    assert_answered(response, (path, parameters))
    if response.status_code == 400:
        error = response.json()
        assert error["error"] and error["parameter"]
