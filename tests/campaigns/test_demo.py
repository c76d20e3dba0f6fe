"""The campaigns' demo content, as `seed_demo` loads it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Site

from campaigns.models import CampaignIndexPage, EventPage, PetitionCount, PetitionPage, Signature
from home.models import NavigationSettings

pytestmark = pytest.mark.django_db


def campaign_pages():
    return [
        *CampaignIndexPage.objects.all(),
        *PetitionPage.objects.all(),
        *EventPage.objects.all(),
    ]


def test_campaigns_are_in_both_languages(demo_content):
    english = Locale.objects.get(language_code="en")
    serbian = Locale.get_default()
    for model, number in [(CampaignIndexPage, 1), (PetitionPage, 2), (EventPage, 3)]:
        originals = model.objects.filter(locale=serbian)
        assert originals.count() == number, model
        for page in originals:
            translation = page.get_translation(english)
            assert page.live and translation.live
            assert translation.title != page.title
    assert CampaignIndexPage.objects.get(locale=serbian).url == "/kampanje/"
    assert CampaignIndexPage.objects.get(locale=english).url == "/en/campaigns/"


def test_an_open_and_a_succeeded_petition(demo_content):
    serbian = PetitionPage.objects.filter(locale=Locale.get_default())
    petitions = {page.current_state(): page for page in serbian}
    assert set(petitions) == {PetitionPage.State.OPEN, PetitionPage.State.SUCCEEDED}
    open_petition = petitions[PetitionPage.State.OPEN]
    assert open_petition.deadline > timezone.now()
    assert len(open_petition.background) >= 2


def test_two_upcoming_events_and_one_past(demo_content):
    events = EventPage.objects.filter(locale=Locale.get_default())
    upcoming = [event for event in events if not event.is_past]
    assert len(upcoming) == 2
    in_person = next(event for event in upcoming if not event.is_online)
    assert in_person.latitude and in_person.longitude and in_person.capacity
    assert in_person.accepts_registrations
    assert any(event.is_online for event in upcoming)
    assert sum(event.is_past for event in events) == 1


def test_each_count_equals_the_valid_signatures(demo_content):
    for petition in PetitionPage.objects.filter(locale=Locale.get_default()):
        valid = Signature.objects.valid().filter(petition_key=petition.translation_key).count()
        assert valid > 0
        assert PetitionCount.objects.get(translation_key=petition.translation_key).count == valid
        assert petition.confirmed_count() == valid
    # Signers read the petition in both languages and choose whether to be shown.
    assert set(Signature.objects.values_list("language", flat=True)) == {"sr-latn", "en"}
    assert Signature.objects.filter(show_first_name=False).exists()
    assert not Signature.objects.filter(confirmed_at__isnull=True).exists()


@pytest.mark.parametrize("language", ["sr-latn", "en"])
def test_every_campaign_page_renders(demo_content, client, language):
    for page in campaign_pages():
        if page.locale.language_code == language:
            assert client.get(page.url).status_code == 200, page.url


@pytest.mark.parametrize(
    ("path", "texts"),
    [
        ("/kampanje/", ["Moratorijum na biometrijski nadzor", "Radionica", "Šetnja"]),
        ("/en/campaigns/", ["A moratorium on biometric surveillance", "Workshop", "Walk"]),
    ],
)
def test_campaigns_page_lists_the_open_petition_and_the_events(demo_content, client, path, texts):
    html = client.get(path).content.decode()
    for text in texts:
        assert text in html
    # The won petition is celebrated below the open ones, not listed among them.
    open_part, _, finished_part = html.partition('id="finished-petitions')
    assert "Objavite gde su kamere" not in open_part
    assert "Objavite gde su kamere" in finished_part or "Publish where the cameras" in finished_part


def test_open_petition_shows_its_count_and_recent_signers(demo_content, client):
    petition = PetitionPage.objects.get(slug="moratorium-on-biometric-surveillance")
    html = client.get(petition.url).content.decode()
    assert f"<strong>{petition.confirmed_count()}</strong> confirmed signatures of 100" in html
    assert "Lazar, Palilula" in html  # the newest signer, in English
    assert "Stefan" not in html  # did not agree to be shown


def test_main_menu_leads_to_campaigns(demo_content):
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    assert "kampanje" in [block.value.slug for block in navigation.main_menu]


def test_second_run_changes_nothing(demo_content):
    def snapshot():
        return (
            sorted((page.pk, page.latest_revision_id) for page in campaign_pages()),
            sorted(PetitionCount.objects.values_list("translation_key", "count")),
            Signature.objects.count(),
            str(NavigationSettings.objects.get().main_menu.raw_data),
        )

    before = snapshot()
    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert snapshot() == before
    assert "nothing changed" in output.getvalue()
