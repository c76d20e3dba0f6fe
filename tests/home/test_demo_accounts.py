"""`make run`'s demo accounts: one per staff role, each logs in and can do its role's work."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page

from home.management.commands.ensure_demo_accounts import ACCOUNTS
from knowledge.models import ExplainerPage

pytestmark = pytest.mark.django_db


def run(command):
    out = StringIO()
    call_command(command, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def local(settings, tmp_path):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    run("seed_demo")
    return tmp_path


def test_each_role_has_an_account_whose_printed_login_works(local, client):
    output = run("ensure_demo_accounts")

    for account in ACCOUNTS:
        password = (local / f"local-{account.username}.txt").read_text().strip()
        assert f"email: {account.email}  password: {password}" in output
        response = client.post("/accounts/login/", {"login": account.email, "password": password})
        assert response.status_code == 302, account.username
        # The admin opens at once: the development settings ask for no second factor.
        assert client.get("/admin/").status_code == 200, account.username
        user = get_user_model().objects.get(username=account.username)
        assert list(user.groups.values_list("name", flat=True)) == [account.group]
        assert not user.is_superuser
        client.logout()

    assert run("ensure_demo_accounts") == output  # the same logins on every `make run`


def test_the_editor_cannot_publish_an_explainer_and_the_reviewer_can(local):
    run("ensure_demo_accounts")
    explainer = ExplainerPage.objects.filter(locale__language_code="sr-latn").first()
    users = get_user_model().objects

    assert not explainer.permissions_for_user(users.get(username="editor")).can_publish()
    assert explainer.permissions_for_user(users.get(username="editor")).can_edit()
    assert explainer.permissions_for_user(users.get(username="reviewer")).can_publish()
    reviewer_tasks = explainer.get_workflow().tasks.first().specific.groups
    assert reviewer_tasks.filter(user__username="reviewer").exists()
    personal_data = users.get(username="personal-data")
    assert not Page.objects.first().permissions_for_user(personal_data).can_edit()


def test_the_moderator_and_the_editor_open_the_camera_reports_queue(local, client):
    run("ensure_demo_accounts")
    for username in ("moderator", "editor"):
        client.force_login(get_user_model().objects.get(username=username))
        response = client.get("/admin/camera-reports/")
        assert response.status_code == 200, username
        assert 'href="/admin/camera-reports/"' in client.get("/admin/").text, username
        client.logout()
    # Reporters' contacts stay with the "Personal data" group.
    assert not get_user_model().objects.get(username="moderator").has_perm("map.view_camerareport")


def test_demo_accounts_refuse_without_debug(settings, tmp_path):
    settings.DEBUG = False
    settings.VAR_DIR = tmp_path
    with pytest.raises(CommandError):
        call_command("ensure_demo_accounts")
    assert not get_user_model().objects.exists()
    assert not list(tmp_path.iterdir())


def test_someone_elses_account_with_a_demo_username_is_left_alone(local):
    owner = get_user_model().objects.create_user(
        "personal-data", email="vlasnik@example.org", password="njena-lozinka"
    )
    run("ensure_demo_accounts")
    owner.refresh_from_db()
    assert owner.check_password("njena-lozinka")
    assert not owner.groups.exists()
    assert not owner.emailaddress_set.filter(email__endswith="@localhost").exists()
