"""People signing and registering at the same moment, through a real server and its threads.

Each thread is one visitor: its own HTTP session (cookies), its own address behind the proxy
the server trusts, a GET of the form for its CSRF token, then the POST. A barrier releases
the POSTs together, so the requests really overlap on the server. bench/sign_petition.py
measures the same under gunicorn, with more people.

On PostgreSQL each of the live server's threads has its own connection, as gunicorn's do. On
SQLite the test database lives in memory, and the server's threads share the test's one
connection, which cannot hold two transactions at once: there the server takes the requests
one at a time, while the clients still send them together (gunicorn on a SQLite file, in the
bench, runs them side by side).
"""

import re
import threading
from urllib.parse import urlencode, urlsplit

import pytest
import requests
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from wagtail.models import Page, Site

from campaigns.models import PetitionCount, Registration, Signature
from home.models import OrganisationSettings
from tests.home.factories import HomePageFactory
from tests.map.factories import MunicipalityFactory

from .factories import CampaignIndexPageFactory, EventPageFactory, PetitionPageFactory
from .test_petitions import solved_proof

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CONFIRM_LINK = re.compile(r"https?://\S+/(?:confirm|potvrda)/\S+/")
SIGN_FORM_ACTION = re.compile(r'<form class="petition-form[^>]* action="([^"]+)"')


@pytest.fixture
def site(settings):
    """A petition and an event with 5 places under a campaigns page; visitors behind a proxy."""
    # Every thread comes from 127.0.0.1: the proxy's X-Forwarded-For tells them apart, so
    # that the per-client rate limits count each visitor on their own, as in production.
    settings.TRUSTED_PROXY_COUNT = 1
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Početna", slug="pocetna")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    OrganisationSettings.objects.update_or_create(
        site=Site.objects.get(), defaults={"name": "Kamere"}
    )
    index = CampaignIndexPageFactory(parent=home)
    return {
        "petition": PetitionPageFactory(parent=index, slug="peticija", goal=100),
        "event": EventPageFactory(parent=index, slug="tribina", capacity=5),
        "municipality": MunicipalityFactory(name="Vračar", slug="vracar"),
    }


@pytest.fixture
def server(live_server):
    httpd = live_server.thread.httpd
    application = httpd.get_app()
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        turn = threading.Lock()

        def one_at_a_time(environ, start_response):
            with turn:
                return application(environ, start_response)

        httpd.set_app(one_at_a_time)
    before = set(threading.enumerate())
    yield live_server
    # The server answers each client connection in its own thread, which ends (and closes
    # its database connections) only when the client closes the connection. Those threads
    # must end inside the test, while the live server still shares the test's in-memory
    # SQLite connection with them: one ending later raises "DatabaseWrapper objects created
    # in a thread can only be used in that same thread" in a test it has nothing to do with.
    # The visitors close their sessions (see visitor()); wait for the server's side.
    left = [thread for thread in threading.enumerate() if thread not in before]
    for thread in left:
        thread.join(timeout=10)
    httpd.set_app(application)  # the next test wraps the live server's own app, not this one
    assert not [thread.name for thread in left if thread.is_alive()]


def at_once(count, visit):
    """visit(index, ready) in `count` threads; each calls ready.wait() just before its POST.
    Returns the answers in order; the first exception, if any, is raised."""
    ready = threading.Barrier(count, timeout=30)
    answers, errors = [None] * count, []

    def run(index):
        try:
            answers[index] = visit(index, ready)
        except Exception as error:  # raised in the test's thread below
            errors.append(error)
            ready.abort()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    return answers


def visitor(index, address=None):
    """A client of its own; use it in a `with` block, so that its connection closes (and the
    server's thread for it ends) when the visit ends, not at some later garbage collection."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = address or f"198.18.0.{index + 1}"
    return session


def form_token(session, url):
    return open_form(session, url)[0]


def open_form(session, url):
    """GET a page with a form: its CSRF token (the session keeps the cookie; "" on a page
    the page cache shares, which carries none) and the page. The session's posts then say
    where they come from, as a browser's do (portal/csrf.py)."""
    response = session.get(url, timeout=30)
    assert response.status_code == 200
    parts = urlsplit(url)
    session.headers["Origin"] = f"{parts.scheme}://{parts.netloc}"
    token = CSRF_FIELD.search(response.text)
    return token[1] if token else "", response.text


def sign(server, site, email, address=None):
    """A visit that signs the petition with `email` as the others sign, from its own client or
    all from `address`. The proof of work is solved before the barrier, as a browser solves it
    while its visitor types."""
    url = server.url + site["petition"].url

    def visit(index, ready):
        with visitor(index, address) as session:
            token, page = open_form(session, url)
            proof = solved_proof()
            ready.wait()
            data = {
                "csrfmiddlewaretoken": token,
                "first_name": "Ana",
                "last_name": "Petrović",
                "email": email(index),
                "municipality": site["municipality"].pk,
                "consent": "on",
                "altcha": proof,
            }
            action = server.url + SIGN_FORM_ACTION.search(page)[1]  # where a browser posts
            return session.post(action, data, allow_redirects=False, timeout=30)

    return visit


def test_one_email_from_ten_clients_at_once_is_one_signature(server, site):
    petition = site["petition"]
    answers = at_once(10, sign(server, site, lambda _index: "Ista.Osoba@example.org"))
    # Every client sees the same answer: nothing tells whether the address had signed.
    assert {(answer.status_code, answer.headers["Location"]) for answer in answers} == {
        (302, petition.url + "hvala/")
    }
    signature = Signature.objects.get(petition=petition)
    # One confirmation, then the repeats' "already signed" mails up to the cap.
    assert len(mail.outbox) == signature.mails_sent == 5
    assert {message.to[0] for message in mail.outbox} == {"Ista.Osoba@example.org"}


def test_twenty_signers_and_their_confirmations_at_once_count_exactly_twenty(server, site):
    petition = site["petition"]
    answers = at_once(20, sign(server, site, lambda index: f"potpisnik{index}@example.org"))
    assert {answer.status_code for answer in answers} == {302}
    links = [CONFIRM_LINK.search(message.body)[0] for message in mail.outbox]
    assert len(links) == 20

    def confirm(index, ready):
        with visitor(index) as session:
            url = server.url + urlsplit(links[index]).path
            token = form_token(session, url)
            ready.wait()
            return session.post(url, {"csrfmiddlewaretoken": token}, timeout=30)

    answers = at_once(20, confirm)
    assert {answer.status_code for answer in answers} == {200}
    assert not any(CSRF_FIELD.search(answer.text) for answer in answers)  # no button left
    count = requests.get(f"{server.url}{petition.url}count.json", timeout=30).json()
    assert count["count"] == 20
    assert PetitionCount.objects.get(translation_key=petition.translation_key).count == 20
    assert Signature.objects.valid().filter(petition=petition).count() == 20


def test_one_client_signing_while_moderators_invalidate_keeps_the_count_exact(server, site):
    """Twelve people behind one address (CGNAT) sign and confirm at once, while moderators
    invalidate two of their email domains, one of them twice at the same moment: every
    confirmed, valid signature counts, over the per-client rate or not, and no other."""
    petition = site["petition"]
    answers = at_once(
        12,
        sign(server, site, lambda index: f"osoba{index}@d{index % 3}.example", "198.18.9.9"),
    )
    assert {answer.status_code for answer in answers} == {302}
    assert Signature.objects.filter(over_client_rate=True).count() == 11  # flagged, no more
    links = [CONFIRM_LINK.search(message.body)[0] for message in mail.outbox]
    moderator = get_user_model().objects.create_superuser("moderator", password="x")
    browser = Client()
    browser.force_login(moderator)
    admin_session = browser.cookies[django_settings.SESSION_COOKIE_NAME].value
    invalidations = ["d0.example", "d1.example", "d0.example"]

    def act(index, ready):
        session = visitor(index, "198.18.9.9") if index < len(links) else requests.Session()
        with session:
            if index < len(links):
                url = server.url + urlsplit(links[index]).path
                data = {"csrfmiddlewaretoken": form_token(session, url)}
            else:
                session.cookies.set(django_settings.SESSION_COOKIE_NAME, admin_session)
                url = f"{server.url}/admin/signatures/invalidate/"
                data = {"petition": petition.pk, "domain": invalidations[index - len(links)]}
                # The preview's page holds the form that invalidates.
                preview = f"{url}?{urlencode({**data, 'preview': '1'})}"
                data["csrfmiddlewaretoken"] = form_token(session, preview)
            ready.wait()
            return session.post(url, data, allow_redirects=False, timeout=30)

    answers = at_once(len(links) + len(invalidations), act)
    # A confirmation that comes after its invalidation is told so (410), never counted.
    assert {answer.status_code for answer in answers} <= {200, 302, 410}
    valid = Signature.objects.valid().filter(petition=petition)
    assert set(valid.values_list("email", flat=True)) == {
        f"osoba{index}@d2.example" for index in range(2, 12, 3)
    }
    assert PetitionCount.objects.get(translation_key=petition.translation_key).count == 4
    count = requests.get(f"{server.url}{petition.url}count.json", timeout=30).json()
    assert count["count"] == 4


def test_fifteen_registrations_and_their_confirmations_at_once_never_exceed_five_places(
    server, site
):
    event = site["event"]
    url = server.url + event.url

    def register(index, ready):
        with visitor(index) as session:
            token = form_token(session, url)
            ready.wait()
            data = {
                "csrfmiddlewaretoken": token,
                "name": f"Učesnik {index}",
                "email": f"ucesnik{index}@example.org",
                "consent": "on",
            }
            return session.post(url, data, allow_redirects=False, timeout=30)

    answers = at_once(15, register)
    assert {(answer.status_code, answer.headers["Location"]) for answer in answers} == {
        (302, event.url + "upis/")
    }
    registrations = Registration.objects.filter(event=event)
    # Registering only holds places, never more than there are.
    assert registrations.filter(status=Registration.Status.HELD).count() == 15
    held = set(registrations.filter(held_until__isnull=False).values_list("email", flat=True))
    assert len(held) == 5

    links = {message.to[0]: CONFIRM_LINK.search(message.body)[0] for message in mail.outbox}
    assert len(links) == 15

    def confirm(index, ready):
        with visitor(index) as session:
            link = server.url + urlsplit(links[f"ucesnik{index}@example.org"]).path
            token = form_token(session, link)
            ready.wait()
            return session.post(link, {"csrfmiddlewaretoken": token}, timeout=30)

    answers = at_once(15, confirm)
    assert {answer.status_code for answer in answers} == {200}
    confirmed = registrations.filter(status=Registration.Status.CONFIRMED)
    # Those whose place was held got it; everyone else is waiting.
    assert set(confirmed.values_list("email", flat=True)) == held
    assert registrations.filter(status=Registration.Status.WAITING).count() == 10
    assert registrations.values("email_normalised").distinct().count() == 15
