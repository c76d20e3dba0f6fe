"""Loads the campaigns' demo content: the campaigns page, petitions with signers, requests to
authorities, events and the news."""

from datetime import timedelta

from django.utils import timezone, translation
from wagtail.models import Locale

from campaigns.demo import content, news
from campaigns.emails import normalise_email
from campaigns.events.calendar import BELGRADE
from campaigns.events.pages import EventPage
from campaigns.information_requests.deadlines import Law, answer_due
from campaigns.information_requests.models import Authority
from campaigns.information_requests.pages import RegisterPage, RequestPage
from campaigns.information_requests.register import RegisterEntry
from campaigns.news.models import NewsIndexPage, NewsPage
from campaigns.pages import CampaignIndexPage
from campaigns.petitions.forms import SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION
from campaigns.petitions.models import Signature
from campaigns.petitions.pages import PetitionPage
from campaigns.supporters.pages import JoinPage
from map.models import Municipality

# How long before confirming a demo signer signed.
SIGNING_TIME = timedelta(minutes=5)


def belgrade_time(days, hour, minute=0):
    """`days` from today (negative: ago) at a Belgrade clock time."""
    day = timezone.now().astimezone(BELGRADE) + timedelta(days=days)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def times():
    """Dates relative to now, so a freshly loaded demo is current: an open petition, two
    upcoming events and one past."""
    workshop = belgrade_time(12, 18)
    talk = belgrade_time(19, 19)
    walk = belgrade_time(-25, 11)
    return {
        "moratorium": {"goal": 100, "deadline": belgrade_time(60, 23, 59), "state": "open"},
        "camera_locations": {
            "goal": 15,
            "deadline": belgrade_time(-40, 23, 59),
            "state": PetitionPage.State.SUCCEEDED,
        },
        "workshop": {
            "start": workshop,
            "end": workshop + timedelta(hours=2),
            "latitude": 44.8157,
            "longitude": 20.4640,
            "capacity": 30,
        },
        "talk": {
            "start": talk,
            "end": talk + timedelta(minutes=90),
            "online_url": "https://sastanak.example.org/kamere-akt-o-ai",
        },
        "walk": {
            "start": walk,
            "end": walk + timedelta(hours=2),
            "latitude": 44.8117,
            "longitude": 20.4340,
            "capacity": 25,
            "registration_open": False,
        },
    }


# seed_demo's parts of the campaigns (DEMO_CONTENT in portal/settings/base.py), each returning
# the pages the main menu leads to.


def seed_demo_join_section(seeder):
    """The join page, to which the home pages' join button leads."""
    homes = (seeder.sr_home, seeder.en_home)
    joins = seed_demo_join(seeder, seeder.sr_home, seeder.english)
    for home, join in zip(homes, joins, strict=True):
        if home in seeder.new_pages or join in seeder.new_pages:
            # Reload first: children were added through other instances of this page, and
            # publishing a stale one would write back its old tree fields (numchild).
            home.refresh_from_db()
            home.join_page = join
            home.save_revision().publish()
    return []


def seed_demo_campaigns_section(seeder):
    return [seed_demo_campaigns(seeder, seeder.sr_home, seeder.english)]


def seed_demo_news_section(seeder):
    seed_demo_news(seeder, seeder.sr_home, seeder.english)
    return []


def seed_demo_campaigns(seeder, sr_home, english):
    """Add what is missing of the campaigns under `sr_home` and their English translations.

    `seeder` is the seed_demo command: its ensure_child / ensure_translation create and
    publish pages and remember them. Returns the Serbian campaigns page.
    """
    index = seeder.ensure_child(sr_home, CampaignIndexPage, content.CAMPAIGN_INDEX["sr"])
    seeder.ensure_translation(index, english, content.CAMPAIGN_INDEX["en"])
    when = times()
    mup = ensure_authorities(english)["mup"]
    when["safe_city_contract"] = {"authority": mup}
    when["my_face"] = {"authority": mup}
    pages = [
        (PetitionPage, "moratorium", content.MORATORIUM),
        (PetitionPage, "camera_locations", content.CAMERA_LOCATIONS),
        (RequestPage, "safe_city_contract", content.SAFE_CITY_CONTRACT),
        (RequestPage, "my_face", content.MY_FACE),
        (EventPage, "workshop", content.WORKSHOP),
        (EventPage, "talk", content.AI_ACT_TALK),
        (EventPage, "walk", content.WALK),
    ]
    for page_class, key, fields in pages:
        page = seeder.ensure_child(index, page_class, {**fields["sr"], **when[key]})
        translated = seeder.ensure_translation(page, english, fields["en"])
        if page_class is PetitionPage and page in seeder.new_pages:
            # Signers only on a new petition: a second run must change nothing, also after
            # the retention command has anonymised them.
            signed = add_signatures({"sr-latn": page, "en": translated}, page.deadline)
            seeder.created.append(f"Demo signatures on {page.title}: {signed}")
    register = seeder.ensure_child(index, RegisterPage, content.REGISTER["sr"])
    seeder.ensure_translation(register, english, content.REGISTER["en"])
    if register in seeder.new_pages:
        add_register_entries(mup)
    return index


def add_register_entries(authority):
    """The demo register's published entries (content.REGISTER_ENTRIES), with no one's name."""
    today = timezone.localdate()
    subject = content.SAFE_CITY_CONTRACT["sr"]["letter_subject"]
    for received_ago, answered_after, outcome, complained_after in content.REGISTER_ENTRIES:
        received_on = today - timedelta(days=received_ago)
        due = answer_due(Law.INFORMATION, received_on)
        answered_on = received_on + timedelta(days=answered_after) if answered_after else None
        RegisterEntry.objects.create(
            authority=authority,
            law=Law.INFORMATION,
            title=content.SAFE_CITY_CONTRACT["sr"]["title"],
            subject=subject,
            received_on=received_on,
            answer_due_on=due,
            answered_on=answered_on,
            outcome=outcome,
            complained_on=(
                (answered_on or due) + timedelta(days=complained_after)
                if complained_after
                else None
            ),
            status=RegisterEntry.Status.PUBLISHED,
            consent_text="Demo",
            consent_version="demo",
            consented_at=timezone.now(),
        )


def ensure_authorities(english):
    """The demo's authorities in Serbian and English, by key; made if missing."""
    serbian = Locale.get_default()
    found = {}
    for key, sides in content.AUTHORITIES.items():
        authority = Authority.objects.filter(locale=serbian, name=sides["sr"]["name"]).first()
        if authority is None:
            authority = Authority.objects.create(locale=serbian, **sides["sr"])
        if authority.get_translation_or_none(english) is None:
            translated = authority.copy_for_translation(english)
            translated.name = sides["en"]["name"]
            translated.save()
        found[key] = authority
    return found


def add_signatures(petitions, last_confirmed):
    """Confirmed signatures of the made-up SIGNERS on a petition ({language: page}), the last
    confirmed at `last_confirmed` at the latest, counted as real ones are: by confirming."""
    last = min(last_confirmed, timezone.now())
    municipalities = {
        municipality.slug: municipality
        for municipality in Municipality.objects.filter(
            locale=petitions["sr-latn"].locale, slug__in={row[1] for row in content.SIGNERS}
        )
    }
    for number, (first_name, slug, show_first_name, language) in enumerate(content.SIGNERS):
        # Spread over the days before: the newest signer is the last in the list.
        confirmed_at = last - timedelta(hours=7 * (len(content.SIGNERS) - number))
        email = f"potpisnik.{number + 1}@example.org"
        signature = Signature(
            petition=petitions[language],
            first_name=first_name,
            last_name=content.SIGNER_LAST_NAME,
            email=email,
            email_normalised=normalise_email(email),
            municipality=municipalities[slug],
            show_first_name=show_first_name,
            language=language,
            mails_sent=1,
        )
        with translation.override(language):
            # The wording in the language the signer read it in, as the form stores it.
            signature.record_consent(
                SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION, confirmed_at - SIGNING_TIME
            )
        signature.save()
        signature.confirm(now=confirmed_at)
    return len(content.SIGNERS)


def seed_demo_join(seeder, sr_home, english):
    """The join page under `sr_home` and its English translation: (Serbian, English)."""
    join = seeder.ensure_child(sr_home, JoinPage, content.JOIN["sr"])
    return join, seeder.ensure_translation(join, english, content.JOIN["en"])


def seed_demo_news(seeder, sr_home, english):
    """The news page under `sr_home` with three items, and their English translations.
    Returns the Serbian news page."""
    index = seeder.ensure_child(sr_home, NewsIndexPage, news.NEWS_INDEX["sr"])
    seeder.ensure_translation(index, english, news.NEWS_INDEX["en"])
    today = timezone.localdate()
    for days_ago, tags, fields in news.NEWS:
        date = today - timedelta(days=days_ago)

        def add_tags(page, tags=tags):
            page.tags.add(*tags)

        page = seeder.ensure_child(index, NewsPage, {**fields["sr"], "date": date}, add_tags)
        seeder.ensure_translation(page, english, fields["en"])
    return index
