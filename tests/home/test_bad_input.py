"""Bad input is told, never a server error: the findings of the security review, each as it
was found (form fields, body encodings, NUL characters in query strings); and a database
that does not answer is a 503 that says when to come back."""

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from campaigns.models import PetitionPage
from knowledge.models import KnowledgeIndexPage

pytestmark = pytest.mark.django_db

HUGE_NUMBER = "9" * 5000  # int() refuses strings of over 4,300 digits


@pytest.fixture
def demo(demo_content, db):
    """The demo content (seeded once for the module); each test's changes are rolled back."""


@pytest.fixture
def browser_like():
    """A client that sends the CSRF token as a browser would, and sees error pages as sent."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    return client


def csrf_token(client, path):
    client.get(path)
    return client.cookies["csrftoken"].value


def test_a_huge_municipality_number_is_a_field_error_on_the_petition(client, demo):
    petition = PetitionPage.objects.live().filter(locale__language_code="sr-latn").first()
    with translation.override("sr-latn"):
        sign_url = reverse("petition_sign", args=[petition.pk])
    response = client.post(
        sign_url,
        {
            "first_name": "Ana",
            "last_name": "Petrović",
            "email": "ana@example.org",
            "municipality": HUGE_NUMBER,
            "consent": "on",
        },
    )
    assert response.status_code == 200
    assert "Izaberite opštinu sa spiska." in response.content.decode()


def test_a_huge_municipality_number_is_a_field_error_on_joining(client, demo):
    response = client.post(
        "/pridruzite-se/",
        {
            "email": "ana@example.org",
            "password1": "dugacka-lozinka-42",
            "password2": "dugacka-lozinka-42",
            "first_name": "Ana",
            "municipality": HUGE_NUMBER,
            "consent": "on",
        },
    )
    assert response.status_code == 200
    assert "Izaberite opštinu sa spiska." in response.content.decode()


@pytest.mark.parametrize("path", ["/accounts/login/", "/en/accounts/login/", "/pretraga/"])
@pytest.mark.parametrize("charset", ["utf-16", "latin-1"])
def test_a_form_in_another_encoding_gets_the_sites_400_page(browser_like, demo, path, charset):
    token = csrf_token(browser_like, "/accounts/login/")
    response = browser_like.post(
        path,
        f"csrfmiddlewaretoken={token}&login=a%40example.org&password=x",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
        headers={"x-csrftoken": token},
    )
    assert response.status_code == 400
    html = response.content.decode()
    english = path.startswith("/en/")
    assert ("The request could not be read" if english else "Zahtev nije mogao") in html


def test_too_many_fields_get_the_sites_400_page(browser_like, demo, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    token = csrf_token(browser_like, "/accounts/login/")
    body = "&".join(f"field{index}=x" for index in range(20))
    response = browser_like.post(
        "/accounts/login/",
        f"csrfmiddlewaretoken={token}&{body}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "Zahtev nije mogao" in response.content.decode()


@pytest.mark.parametrize("path", ["/api/cameras.geojson", "/api/cameras.csv"])
def test_a_nul_in_an_api_parameter_is_a_json_400(client, demo, path):
    response = client.get(path, {"municipality": "vracar\x00"}, headers={"accept-language": "en"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "A parameter of this address contains a character that is not allowed.",
        "parameter": "municipality",
    }


def test_a_nul_in_a_page_parameter_gets_the_400_page(client, demo):
    index = KnowledgeIndexPage.objects.get(locale__language_code="sr-latn")
    response = client.get(index.url, {"tag": "gdpr\x00"})
    assert response.status_code == 400
    assert "Zahtev nije mogao" in response.content.decode()
    # The same parameter without the NUL is a filter like any other.
    assert client.get(index.url, {"tag": "gdpr"}).status_code == 200


def database_gone(execute, sql, params, many, context):
    """The database stopped: every statement fails as a lost connection does."""
    raise OperationalError("connection to server failed: Connection refused")


def test_a_lost_database_is_a_503_that_says_when_to_come_back(demo):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(database_gone):
        for path in ("/", "/en/", "/znanje/", "/api/cameras.geojson"):
            response = client.get(path)
            assert response.status_code == 503, path
            assert response["Retry-After"] == "30"
        english = client.get("/en/")
    assert "Our database is not answering just now" in english.content.decode()
    # Back again: the same process serves the page.
    assert client.get("/").status_code == 200


def test_an_error_in_the_code_is_still_a_500(demo):
    def broken(execute, sql, params, many, context):
        raise ZeroDivisionError

    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(broken):
        response = client.get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.mark.parametrize(
    "path",
    [
        "/petitions/999999999999999999999999999999/sign/",
        "/en/petitions/999999999999999999999999999999/sign/",
    ],
)
def test_an_id_too_large_for_any_row_is_not_found(client, demo, path):
    assert client.post(path, {"first_name": "Ana"}).status_code == 404


def test_a_camera_id_too_large_for_any_row_is_a_json_404(client, demo):
    response = client.get("/api/cameras/999999999999999999999999999999.geojson")
    assert response.status_code == 404
    assert response.json()["error"]
