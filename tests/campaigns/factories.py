"""Factories for campaign pages and the records people leave on them."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from campaigns.events.forms import REGISTRATION_CONSENT_TEXT, REGISTRATION_CONSENT_VERSION
from campaigns.information_requests.models import Authority, InformationRequest
from campaigns.information_requests.pages import RequestPage
from campaigns.models import (
    CampaignIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    PetitionPage,
    Registration,
    Signature,
)
from campaigns.petitions.forms import SIGNATURE_CONSENT_TEXT, SIGNATURE_CONSENT_VERSION
from tests.map.factories import MunicipalityFactory


class PetitionPageFactory(wagtail_factories.PageFactory):
    """A petition; give it a `parent` campaign index."""

    title = factory.Sequence(lambda n: f"Peticija {n}")
    slug = factory.Sequence(lambda n: f"peticija-{n}")
    demand = "Zabranite biometrijski nadzor na javnim mestima."
    addressed_to = "Skupština grada Beograda"
    goal = 100

    class Meta:
        model = PetitionPage


class SignatureFactory(DjangoModelFactory):
    """A signature; give it a `petition`. Unconfirmed unless given `confirmed_at`."""

    first_name = factory.Sequence(lambda n: f"Ana{n}")
    last_name = "Petrović"
    email = factory.Sequence(lambda n: f"potpisnik{n}@example.org")
    email_normalised = factory.LazyAttribute(lambda o: o.email.lower())
    municipality = factory.SubFactory(MunicipalityFactory)
    language = "sr-latn"
    consent_text = str(SIGNATURE_CONSENT_TEXT)
    consent_version = SIGNATURE_CONSENT_VERSION
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Signature


# Events


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    """The campaigns page; give it a `parent` home page."""

    title = "Kampanje"
    slug = "kampanje"
    intro = "Peticije i događaji."

    class Meta:
        model = CampaignIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An event in a week, for two hours, at a venue with room for all; give it a `parent`."""

    title = factory.Sequence(lambda n: f"Događaj {n}")
    slug = factory.Sequence(lambda n: f"dogadjaj-{n}")
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    venue = "Kulturni centar Grad"
    address = "Braće Krsmanović 4, Beograd"
    latitude = 44.8176
    longitude = 20.4521

    class Meta:
        model = EventPage


class RegistrationFactory(DjangoModelFactory):
    """A confirmed registration; give it an `event`."""

    name = factory.Sequence(lambda n: f"Marko {n}")
    email = factory.Sequence(lambda n: f"ucesnik{n}@example.org")
    email_normalised = factory.LazyAttribute(lambda o: o.email.lower())
    language = "sr-latn"
    status = Registration.Status.CONFIRMED
    consent_text = str(REGISTRATION_CONSENT_TEXT)
    consent_version = REGISTRATION_CONSENT_VERSION
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    """The news page; give it a `parent` home page."""

    title = "Vesti"
    slug = "vesti"
    intro = "Saopštenja i uspesi."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    """A published news item of today; give it a `parent` news page."""

    title = factory.Sequence(lambda n: f"Vest {n}")
    slug = factory.Sequence(lambda n: f"vest-{n}")
    date = factory.LazyFunction(timezone.localdate)
    lead = "Ukratko o vesti."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Tekst vesti.</p>"}])

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        """Published as editors publish, so that it has its publication dates."""
        if create:
            page.save_revision().publish()
            page.refresh_from_db()


# Requests to authorities


class AuthorityFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ministarstvo {n}")
    address = "Kneza Miloša 101\n11000 Beograd"
    request_email = factory.Sequence(lambda n: f"pristup{n}@organ.example")

    class Meta:
        model = Authority


class RequestPageFactory(wagtail_factories.PageFactory):
    """A request for information; give it a `parent` campaign index."""

    title = factory.Sequence(lambda n: f"Pitajte o kamerama {n}")
    slug = factory.Sequence(lambda n: f"zahtev-{n}")
    authority = factory.SubFactory(AuthorityFactory)
    letter_subject = "Zahtev za pristup informacijama od javnog značaja"
    letter = (
        "Na osnovu člana 15. Zakona o slobodnom pristupu informacijama od javnog značaja, "
        "od organa {authority} tražim kopiju ugovora o nabavci kamera.\n\n"
        "Informaciju mi dostavite poštom na moju adresu."
    )

    class Meta:
        model = RequestPage


class InformationRequestFactory(DjangoModelFactory):
    """A tracked request whose author asked for reminders; give it a `page`."""

    authority = factory.LazyAttribute(lambda tracked: tracked.page.authority)
    law = factory.LazyAttribute(lambda tracked: tracked.page.law)
    subject = factory.LazyAttribute(lambda tracked: tracked.page.letter_subject)
    email = factory.Sequence(lambda n: f"trazilac{n}@example.org")
    email_normalised = factory.LazyAttribute(lambda tracked: tracked.email)
    language = "sr-latn"
    received_on = factory.LazyFunction(timezone.localdate)
    confirmed_at = factory.LazyFunction(timezone.now)
    consent_text = "Slažem se."
    consent_version = "2026-1"
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = InformationRequest
