"""Forms on kept pages (portal/csrf.py): a page shared by every visitor carries no CSRF token,
so a visitor's form is taken when the browser says it comes from this site, and refused when
it says it comes from elsewhere or says nothing."""

import pytest
from django.test import Client

from campaigns.petitions.models import Signature
from home.page_cache import STATUS_HEADER
from tests.campaigns.test_petitions import form_data, petition_tree, sign_url  # noqa: F401
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


def browser():
    """A new visitor: own cookies, and Django's CSRF check as a real browser meets it."""
    return Client(enforce_csrf_checks=True)


def signs(client, petition, place, email, **headers):
    data = form_data(place, email=email)
    return client.post(sign_url(petition), data, REMOTE_ADDR="203.0.113.7", **headers)


def test_two_visitors_sign_from_the_same_kept_page(petition_tree):  # noqa: F811
    petition, place = petition_tree["petition"], petition_tree["vracar"]
    pages = [browser().get(petition.url) for _ in range(3)]
    assert pages[-1][STATUS_HEADER] == "hit"
    assert "csrfmiddlewaretoken" not in pages[-1].content.decode()
    for number, email in enumerate(["ana@example.org", "bora@example.org"]):
        response = signs(browser(), petition, place, email, HTTP_ORIGIN=ORIGIN)
        assert response.status_code == 302, response.content
        assert Signature.objects.count() == number + 1
    # Browsers that send Sec-Fetch-Site rather than an Origin the server can compare.
    response = signs(
        browser(), petition, place, "cvijeta@example.org", HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code == 302
    assert sorted(Signature.objects.values_list("email", flat=True)) == [
        "ana@example.org",
        "bora@example.org",
        "cvijeta@example.org",
    ]


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://sub.testserver"},
        {"HTTP_ORIGIN": "null"},
        {},  # says nothing of where it comes from
    ],
)
def test_a_form_sent_from_elsewhere_is_refused_and_says_why(petition_tree, headers):  # noqa: F811
    petition = petition_tree["petition_en"]
    response = signs(browser(), petition, petition_tree["vracar"], "ana@example.org", **headers)
    assert response.status_code == 403
    assert "The form could not be sent" in response.content.decode()
    assert not Signature.objects.exists()


def test_a_logged_in_user_still_needs_the_token(petition_tree):  # noqa: F811
    petition, place = petition_tree["petition"], petition_tree["vracar"]
    client = browser()
    client.force_login(make_user("ana", email="ana@example.org"))
    page = client.get(petition.url)
    assert page[STATUS_HEADER] == "skip"
    html = page.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    refused = signs(client, petition, place, "ana@example.org", HTTP_ORIGIN=ORIGIN)
    assert refused.status_code == 403
    token = client.cookies["csrftoken"].value
    data = {**form_data(place, email="ana@example.org"), "csrfmiddlewaretoken": token}
    taken = client.post(sign_url(petition), data, REMOTE_ADDR="203.0.113.7", HTTP_ORIGIN=ORIGIN)
    assert taken.status_code == 302
    assert Signature.objects.count() == 1
