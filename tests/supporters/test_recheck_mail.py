"""The monthly mail of cameras to re-check (issue 20): only to supporters who asked for it, at
most once in 30 days, only when there is something to re-check in their municipality, in their
language, with a one-click unsubscribe whose links work."""

import datetime
import re

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from campaigns.models import Supporter
from campaigns.petitions.models import UNSUBSCRIBE_SALT as PETITION_SALT
from campaigns.supporters.recheck_mail import RECHECK_MAIL_EVERY, unsubscribe_token
from tests.map.factories import CameraFactory, MunicipalityFactory, map_pages

from .conftest import make_supporter

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://localhost(/\S*)")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def zemun(site):
    """Zemun, with two cameras to re-check and one confirmed lately; the map pages."""
    map_pages()
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    CameraFactory(municipality=zemun, address="Glavna 1", last_confirmed_at=days_ago(500))
    CameraFactory(municipality=zemun, address="Glavna 2", last_confirmed_at=days_ago(400))
    CameraFactory(municipality=zemun, address="Glavna 3", last_confirmed_at=days_ago(3))
    return zemun


def run(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_recheck_mails", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_those_who_asked_get_the_cameras_to_re_check_in_their_municipality(
    zemun, site, mailoutbox, django_capture_on_commit_callbacks
):
    asked = make_supporter("ana@example.org", zemun)
    Supporter.objects.filter(pk=asked.pk).update(recheck_mail=True)
    make_supporter("not-asked@example.org", zemun)
    elsewhere = make_supporter("vracar@example.org", site["vracar"])  # nothing to re-check there
    Supporter.objects.filter(pk=elsewhere.pk).update(recheck_mail=True)

    run(django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert mail.to == ["ana@example.org"]
    assert mail.subject == "Kamere za proveru u opštini Zemun"
    body = mail.body
    # The longest unconfirmed first; the one confirmed lately is not named.
    assert body.index("Glavna 1") < body.index("Glavna 2")
    assert "Glavna 3" not in body
    assert "2 kamere" in body
    # Every link answers where the site does.
    links = LINK.findall(body)
    unsubscribe = mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.removeprefix("http://localhost") in links
    client = Client()
    for path in links:
        assert client.get(path).status_code == 200, path


def test_at_most_once_in_30_days(zemun, mailoutbox, django_capture_on_commit_callbacks):
    assert datetime.timedelta(days=30) == RECHECK_MAIL_EVERY  # the promise
    supporter = make_supporter("ana@example.org", zemun)
    Supporter.objects.filter(pk=supporter.pk).update(recheck_mail=True)
    run(django_capture_on_commit_callbacks)
    run(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    Supporter.objects.filter(pk=supporter.pk).update(recheck_mail_sent_at=days_ago(29))
    run(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    Supporter.objects.filter(pk=supporter.pk).update(recheck_mail_sent_at=days_ago(31))
    run(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 2


def test_no_mail_to_an_unverified_address_or_in_english_to_who_joined_in_english(
    zemun, mailoutbox, django_capture_on_commit_callbacks
):
    unverified = make_supporter("new@example.org", zemun, verified=False)
    english = make_supporter("john@example.org", zemun)
    Supporter.objects.filter(pk__in=[unverified.pk, english.pk]).update(recheck_mail=True)
    Supporter.objects.filter(pk=english.pk).update(language="en")
    run(django_capture_on_commit_callbacks)
    (mail,) = mailoutbox
    assert mail.to == ["john@example.org"]
    assert mail.subject == "Cameras to re-check in Zemun"
    assert "/en/map/" in mail.body


def test_one_click_unsubscribes_without_cookies(zemun, mailoutbox):
    supporter = make_supporter("ana@example.org", zemun)
    Supporter.objects.filter(pk=supporter.pk).update(recheck_mail=True)
    path = f"/unsubscribe/rechecks/{unsubscribe_token(supporter)}/"
    client = Client(enforce_csrf_checks=True)
    assert "Zaustavite spisak" in client.get(path).text
    # A mail provider's POST: no cookie, no CSRF token.
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    supporter.refresh_from_db()
    assert not supporter.recheck_mail
    # A petition's unsubscribe token (another salt), or a forged one, is a 404.
    petition_token = signing.dumps(supporter.pk, salt=PETITION_SALT, compress=True)
    assert client.get(f"/unsubscribe/rechecks/{petition_token}/").status_code == 404
    assert client.get("/unsubscribe/rechecks/1/").status_code == 404
    assert client.get(f"/unsubscribe/rechecks/{unsubscribe_token(supporter)}x/").status_code == 404


def test_joining_asks_and_the_details_page_changes_it(site, client):
    page = client.get("/pridruzite-se/").text
    assert 'name="recheck_mail"' in page
    supporter = make_supporter("ana@example.org", site["vracar"], ways=())
    client.force_login(supporter.user)
    edit = "/en/accounts/activity/edit/"
    data = {"first_name": "Ana", "municipality": site["vracar"].pk, "recheck_mail": "on"}
    # The list is for those who map cameras.
    response = client.post(edit, data)
    assert response.status_code == 200
    assert "This list is for those who map cameras" in response.text
    response = client.post(edit, {**data, "ways": ["cameras"]})
    assert response.status_code == 302
    supporter.refresh_from_db()
    assert supporter.recheck_mail
    assert supporter.language == "en"  # the mail speaks the language of the last edit


def test_supporters_who_do_not_map_get_none(zemun, mailoutbox, django_capture_on_commit_callbacks):
    supporter = make_supporter("lawyer@example.org", zemun, ways=("legal",))
    Supporter.objects.filter(pk=supporter.pk).update(recheck_mail=True)
    run(django_capture_on_commit_callbacks)
    assert mailoutbox == []
    assert Supporter.objects.get(pk=supporter.pk).recheck_mail_sent_at is None
