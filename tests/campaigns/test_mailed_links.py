"""Mailed links lead to where the site answers (issue 15): the default site follows SITE_URL."""

import re
from http.cookiejar import CookieJar
from io import StringIO
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site

from campaigns.models import Signature
from home.site_address import site_address
from tests.campaigns.test_petitions import LINK, form_data, petition_tree, sign  # noqa: F401

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1:8123", ("127.0.0.1", 8123)),
        ("http://localhost", ("localhost", 80)),
        ("https://kamere.example.org", ("kamere.example.org", 443)),
        ("https://kamere.example.org:443/", ("kamere.example.org", 443)),
        ("http://[::1]:8000", ("::1", 8000)),
    ],
)
def test_site_url_gives_the_sites_host_and_port(url, address):
    assert site_address(url) == address


@pytest.mark.parametrize(
    "url",
    [
        "kamere.example.org",
        "ftp://kamere.example.org",
        "https://kamere.example.org:8443",  # Wagtail's root_url would say http://
        "http://kamere.example.org:99999",
        "https://kamere.example.org/sr/",
        "https://user@kamere.example.org",
        "",
    ],
)
def test_an_address_wagtail_cannot_give_back_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        site_address(url)


def test_sync_site_leaves_the_site_alone_without_site_url(petition_tree, settings):  # noqa: F811
    settings.SITE_URL_CONFIGURED = False
    output = StringIO()
    call_command("sync_site", stdout=output)
    assert "not set" in output.getvalue()
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_mailed_link_leads_to_where_the_site_answers(
    live_server,
    petition_tree,  # noqa: F811
    settings,
    mailoutbox,
):
    """`make run` on PORT 8123 answers at http://127.0.0.1:8123; the confirmation link in the
    mail must go there (it went to http://localhost/, where nothing answers), and following it
    with a browser's GET and the page's POST confirms the signature."""
    settings.SITE_URL = live_server.url
    settings.SITE_URL_CONFIGURED = True
    call_command("sync_site", stdout=StringIO())
    petition = petition_tree["petition"]
    sign(Client(), petition, form_data(petition_tree["vracar"], email="ana@example.org"))
    [message] = mailoutbox
    link = LINK.search(message.body)[0]
    assert link.startswith(f"{live_server.url}/kampanje/")

    browser = build_opener(HTTPCookieProcessor(CookieJar()))
    with browser.open(link) as response:
        assert response.status == 200
        token = CSRF_INPUT.search(response.read().decode())[1]
    confirm = Request(  # noqa: S310
        link, data=urlencode({"csrfmiddlewaretoken": token}).encode(), headers={"Referer": link}
    )
    with browser.open(confirm) as response:
        assert response.status == 200
    assert Signature.objects.get().confirmed_at is not None
    assert petition.confirmed_count() == 1
