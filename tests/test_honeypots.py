"""Every public form has the one honeypot (home/forms.py): off-screen for people, hidden from
screen readers, out of the tab order and of the browser's autofill; filled in, nothing is
stored and the answer is the one a person gets."""

import re

import pytest
from django.contrib.auth import get_user_model

from campaigns.models import PetitionPage, Registration, Signature
from map.models import CameraReport
from tests.routes import in_serbian

pytestmark = pytest.mark.django_db

HONEYPOT = re.compile(
    r'<div class="report-form__trap" aria-hidden="true">\s*<div class="field">\s*'
    r'<label for="id_website">[^<]+</label>\s*<input type="text" name="website"([^>]*)>'
)


def form_pages():
    petition = PetitionPage.objects.get(slug="moratorijum-na-biometrijski-nadzor")
    return {
        "report": in_serbian("map:report"),
        "petition": petition.url,
        "event": "/kampanje/radionica-mapiranje-kamera/",
        # allauth's sign-up form, in the join page (its own address leads there).
        "join": "/pridruzite-se/",
    }


def test_every_public_form_hides_its_honeypot_the_same_way(client, demo_content):
    for name, url in form_pages().items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        found = HONEYPOT.search(response.text)
        assert found, name
        assert 'tabindex="-1"' in found.group(1) and 'autocomplete="off"' in found.group(1), name


def test_a_filled_honeypot_stores_nothing(client, demo_content):
    pages = form_pages()
    bot = {"website": "http://spam.example", "email": "bot@example.org", "name": "Bot"}
    before = (Signature.objects.count(), Registration.objects.count(), CameraReport.objects.count())
    users = get_user_model().objects.count()
    report = client.post(pages["report"], {**bot, "latitude": "44.81", "longitude": "20.46"})
    assert report.status_code == 302
    sign = client.post(pages["petition"], {**bot, "first_name": "Bot", "last_name": "Bot"})
    assert sign.status_code == 302
    register = client.post(pages["event"], {**bot, "consent": "on"})
    assert register.status_code == 302 and register["Location"].endswith("/upis/")
    after = (Signature.objects.count(), Registration.objects.count(), CameraReport.objects.count())
    assert after == before
    assert get_user_model().objects.count() == users
