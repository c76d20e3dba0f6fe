"""Every way in: one login (allauth's), its limits on every route, and a second factor that
this session, not only the account, has passed before the admin opens."""

import logging
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from ..home.factories import StandardPageFactory
from .conftest import PASSWORD, current_totp_code, log_in, make_user

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
SIGNATURES = "/admin/signatures/"  # campaigns/wagtail_hooks.py: people's own records
MFA_AUTHENTICATE = "/accounts/2fa/authenticate/"
MFA_REAUTHENTICATE = "/accounts/2fa/reauthenticate/"
# Wagtail's front-end login (Django's LoginView in wagtail.urls), in both languages, and the
# admin's own login.
OLD_LOGIN_ROUTES = ["/_util/login/", "/en/_util/login/", "/admin/login/"]
ALLAUTH_LOGINS = ["/accounts/login/", "/en/accounts/login/"]
WRONG = "pogresna-lozinka"


@pytest.fixture
def staff_with_totp(editor):
    """An editor with an authenticator app, who may also read the signatures."""
    editor.user_permissions.add(Permission.objects.get(codename="view_signature"))
    editor.totp_secret = generate_totp_secret()
    TOTP.activate(editor, editor.totp_secret)
    return editor


def signed_in(client):
    return "_auth_user_id" in client.session


def post_credentials(client, path, user):
    """What Django's login form takes (a username, which allauth's backend also reads as the
    address), and allauth's field names besides."""
    for login in (user.email, user.username):
        response = client.post(
            path, {"username": login, "login": login, "email": login, "password": PASSWORD}
        )
    return response


# The routes


@pytest.mark.parametrize(
    ("path", "login"),
    [("/_util/login/", "/accounts/login/"), ("/en/_util/login/", "/en/accounts/login/")],
)
def test_wagtails_front_end_login_leads_to_allauths(client, home, path, login):
    assert client.get(path)["Location"] == login
    assert client.get(f"{path}?next=/tajna/")["Location"] == f"{login}?next=/tajna/"
    # Only to this site.
    assert client.get(f"{path}?next=https://napadac.example/")["Location"] == login


@pytest.mark.parametrize("path", OLD_LOGIN_ROUTES)
def test_staff_credentials_posted_to_other_login_routes_give_no_session(
    client, home, staff_with_totp, path
):
    response = post_credentials(client, path, staff_with_totp)

    assert response.status_code == 302
    assert response["Location"].split("?")[0] in ALLAUTH_LOGINS
    assert not signed_in(client)
    for admin_page in (ADMIN, SIGNATURES):
        assert client.get(admin_page)["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("path", ALLAUTH_LOGINS)
def test_allauths_login_is_the_way_in(client, home, supporter, path):
    response = log_in(client, supporter.email, path=path)
    assert response.status_code == 302
    assert signed_in(client)


def test_no_other_form_can_check_a_password(rf, supporter):
    """Django's login form, or any other caller of authenticate(): no user, by username or
    address. Only allauth's login checks passwords (and then the address and second factor)."""
    request = rf.post("/")
    assert authenticate(request, username=supporter.username, password=PASSWORD) is None
    assert authenticate(request, username=supporter.email, password=PASSWORD) is None
    assert authenticate(request, email=supporter.email, password=PASSWORD) is None
    form = AuthenticationForm(request, data={"username": supporter.email, "password": PASSWORD})
    assert not form.is_valid()


def test_private_pages_send_readers_to_allauths_login(client, home):
    private = StandardPageFactory(parent=home, title="Tajna", slug="tajna")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert client.get("/tajna/")["Location"] == "/accounts/login/?next=/tajna/"


def test_private_documents_send_readers_to_allauths_login(client, home):
    collection = Collection.get_first_root_node().add_child(name="Interno")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = get_document_model().objects.create(
        title="Plan", collection=collection, file=ContentFile(b"plan", name="plan.txt")
    )
    url = document.url

    assert client.get(url)["Location"] == f"/accounts/login/?next={url}"


# Unverified addresses


def test_unverified_account_cannot_log_in_anywhere(client, home):
    person = make_user("neprovereni@example.org", verified=False)

    for path in OLD_LOGIN_ROUTES:
        post_credentials(client, path, person)
        assert not signed_in(client), path
    for path in ALLAUTH_LOGINS:
        response = log_in(client, person.email, path=path)
        assert response["Location"].endswith("/accounts/confirm-email/")
        assert not signed_in(client), path


# The second factor, passed in this session


@pytest.mark.parametrize("path", [ADMIN, SIGNATURES])
def test_a_session_that_skipped_the_second_factor_cannot_open_the_admin(
    client, home, staff_with_totp, path
):
    client.force_login(staff_with_totp)  # signed in without allauth's second step

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"{MFA_REAUTHENTICATE}?next={path}"


def test_a_session_from_before_the_second_factor_must_pass_it(client, home, editor):
    log_in(client, editor.email)  # no second factor yet: the password was all there was
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)  # set up later, from another browser
    editor.user_permissions.add(Permission.objects.get(codename="view_signature"))

    response = client.get(SIGNATURES, follow=True)
    assert response.redirect_chain == [(f"{MFA_REAUTHENTICATE}?next={SIGNATURES}", 302)]
    assert 'class="notice notice--warning"' in response.text  # says why
    assert 'name="code"' in response.text
    wrong = client.post(f"{MFA_REAUTHENTICATE}?next={SIGNATURES}", {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get(ADMIN).status_code == 302

    response = client.post(
        f"{MFA_REAUTHENTICATE}?next={SIGNATURES}", {"code": current_totp_code(secret)}
    )

    assert response["Location"] == SIGNATURES
    assert client.get(SIGNATURES).status_code == 200
    assert client.get(ADMIN).status_code == 200


def test_restricted_content_waits_for_the_staffs_second_factor(client, home, staff_with_totp):
    private = StandardPageFactory(parent=home, title="Tajna", slug="tajna")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    collection = Collection.get_first_root_node().add_child(name="Interno")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = get_document_model().objects.create(
        title="Plan", collection=collection, file=ContentFile(b"plan", name="plan.txt")
    )
    public = StandardPageFactory(parent=home, title="Javna", slug="javna")
    client.force_login(staff_with_totp)  # signed in without allauth's second step

    for path in ("/tajna/", document.url):
        assert client.get(path)["Location"] == f"{MFA_REAUTHENTICATE}?next={path}"
    assert client.get(public.url).status_code == 200
    client.post(
        f"{MFA_REAUTHENTICATE}?next=/tajna/",
        {"code": current_totp_code(staff_with_totp.totp_secret)},
    )
    assert client.get("/tajna/").status_code == 200
    assert client.get(document.url).status_code == 200


def test_login_opens_the_admin_after_the_code_not_before(client, home, staff_with_totp):
    response = log_in(client, staff_with_totp.email, path="/accounts/login/?next=/admin/")
    assert response["Location"] == MFA_AUTHENTICATE
    for path in (ADMIN, SIGNATURES):
        assert client.get(path)["Location"].startswith("/admin/login/")
    assert not signed_in(client)

    response = client.post(
        MFA_AUTHENTICATE, {"code": current_totp_code(staff_with_totp.totp_secret)}
    )

    assert response["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200
    assert client.get(SIGNATURES).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/2fa/totp/deactivate/",
        "/accounts/2fa/webauthn/add/",
        "/accounts/2fa/recovery-codes/generate/",
        "/en/accounts/2fa/totp/deactivate/",
    ],
)
def test_a_session_that_skipped_the_second_factor_cannot_swap_it(
    client, home, staff_with_totp, path
):
    """Or it could remove the factor, set up its own, pass that and open the admin."""
    client.force_login(staff_with_totp)

    response = client.get(path)

    reauthenticate = "/en" + MFA_REAUTHENTICATE if path.startswith("/en/") else MFA_REAUTHENTICATE
    assert response["Location"] == f"{reauthenticate}?next={path}"


def test_admin_logout_stays_open_to_a_session_without_the_second_factor(
    client, home, staff_with_totp
):
    client.force_login(staff_with_totp)
    assert client.post("/admin/logout/").status_code == 302
    assert not signed_in(client)


def test_development_setting_leaves_force_login_alone(client, home, staff_with_totp, settings):
    settings.STAFF_REQUIRE_MFA = False
    client.force_login(staff_with_totp)
    assert client.get(SIGNATURES).status_code == 200


# Brute force and enumeration


def test_a_locked_address_cannot_log_in_by_any_route(client, home, editor):
    # allauth's limit: five failures for one address, in either language.
    for attempt in range(5):
        log_in(client, editor.email, password=WRONG, path=ALLAUTH_LOGINS[attempt % 2])

    for path in OLD_LOGIN_ROUTES:
        post_credentials(client, path, editor)
        assert not signed_in(client), path
    for path in ALLAUTH_LOGINS:
        response = log_in(client, editor.email, path=path)
        assert response.status_code == 200
        assert not signed_in(client), path
    assert "Previše neuspelih pokušaja" in log_in(client, editor.email).text


def test_wrong_codes_are_throttled_too(client, home, staff_with_totp):
    log_in(client, staff_with_totp.email)
    for _attempt in range(5):
        client.post(MFA_AUTHENTICATE, {"code": "000000"})

    response = client.post(
        MFA_AUTHENTICATE, {"code": current_totp_code(staff_with_totp.totp_secret)}
    )

    assert response.status_code == 200
    assert not signed_in(client)


def page_for(response, *addresses):
    """A page as the same reader would see it for any of the addresses."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.text)
    for address in addresses:
        text = text.replace(address, "ADDRESS")
    return response.status_code, text


def test_login_answers_alike_for_known_and_unknown_addresses(client, home, supporter):
    unknown = "niko@example.org"
    unverified = make_user("neprovereni@example.org", verified=False).email
    pages = [
        page_for(log_in(client, address, password=WRONG), supporter.email, unknown, unverified)
        for address in (supporter.email, unknown, unverified)
    ]
    assert pages[0][0] == 200
    assert pages[0] == pages[1] == pages[2]

    # The limit for one address counts unknown addresses alike, so it tells nothing either.
    for address in (supporter.email, unknown):
        for _attempt in range(4):
            log_in(client, address, password=WRONG)
    assert page_for(log_in(client, supporter.email, password=WRONG), supporter.email) == (
        page_for(log_in(client, unknown, password=WRONG), unknown)
    )


def test_failures_are_logged_without_addresses(client, home, staff_with_totp, caplog):
    address = "203.0.113.77"
    with caplog.at_level(logging.WARNING):
        log_in(client, "niko@example.org", password=WRONG, REMOTE_ADDR=address)
        log_in(client, staff_with_totp.email, REMOTE_ADDR=address)
        client.post(MFA_AUTHENTICATE, {"code": "000000"}, REMOTE_ADDR=address)

    messages = [record.getMessage() for record in caplog.records]
    assert any(message.startswith("Failed login (client ") for message in messages)
    assert f"Wrong second factor for user {staff_with_totp.pk} " in " ".join(messages)
    assert not any(address in message or "@" in message for message in messages)


MALFORMED_CREDENTIAL = (
    '{"id": "AA", "rawId": "AA", "type": "public-key",'
    ' "response": {"clientDataJSON": "AA", "attestationObject": "AA"}}'
)


@pytest.mark.parametrize(
    "credential",
    [
        MALFORMED_CREDENTIAL,  # fido2: ValueError
        '{"id": "AA", "type": "public-key", "response": {}}',  # KeyError
    ],
)
def test_a_malformed_security_key_answer_is_a_wrong_answer(client, home, supporter, credential):
    log_in(client, supporter.email)
    add = "/accounts/2fa/webauthn/add/"
    # Adding a key asks for the password again, then the ceremony begins.
    client.post(f"/accounts/reauthenticate/?next={add}", {"password": PASSWORD})
    assert client.get(add).status_code == 200

    response = client.post(add, {"name": "Ključ", "credential": credential})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not supporter.authenticator_set.exists()
