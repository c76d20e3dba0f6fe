"""The site's pages are valid HTML by the Nu HTML checker (vnu.jar, run on Java)."""

from datetime import timedelta

import pytest
import wagtail_factories
from django.core.management import call_command
from django.utils import timezone

from campaigns.information_requests.pages import RequestPage
from campaigns.information_requests.register import RegisterEntry
from home.models import HomePage
from knowledge.models import KnowledgeIndexPage
from tests.routes import in_serbian

from .campaigns.factories import InformationRequestFactory
from .home.factories import StandardPageFactory, stored_youtube_embed
from .knowledge.factories import ExplainerPageFactory
from .map.factories import CameraFactory, CameraReportFactory

pytestmark = pytest.mark.django_db

# Path and the status it must answer with: the demo site's pages, a page with every
# StreamField block (see below), the camera map's pages, the campaigns' pages (a confirmation
# link that does not work among them) and the "page not found" page.
PAGES = [
    ("/", 200),
    ("/en/", 200),
    ("/o-inicijativi/", 200),
    ("/en/about/", 200),
    ("/privatnost/", 200),
    ("/en/contact/", 200),
    ("/svi-blokovi/", 200),
    ("/mapa/", 200),
    ("/en/map/?status=all&facial_recognition=true", 200),
    ("/mapa/?place=vra", 200),  # the place search's results
    (in_serbian("map:embed"), 200),
    (in_serbian("map:open_data"), 200),
    # The demo's two releases: the list, and the second with its changes.
    (in_serbian("map:releases"), 200),
    ("/en/map/releases/2/", 200),
    ("/mapa/izdanja/1/", 200),
    # The street coverage's method and its table: the summary, a municipality's streets sorted,
    # and the form's message for a municipality it does not know.
    (in_serbian("map:street_method"), 200),
    ("/en/map/streets/method/", 200),
    (in_serbian("map:streets"), 200),
    (f"{in_serbian('map:streets')}?municipality=stari-grad&sort=name", 200),
    ("/en/map/streets/?municipality=nowhere", 200),
    # The walk that avoids cameras, across the demo's streets, and its form's message.
    ("/en/map/walk/?from=44.792,20.445&to=44.817,20.48", 200),
    (f"{in_serbian('map:walk')}?from_street=Nema+je&to_street=Nema+ni+nje", 200),
    ("/en/map/report/", 200),
    (f"{in_serbian('map:report')}?lat=44.81&lon=20.46", 200),
    ("/en/map/report/thanks/", 200),
    ("/en/map/report/follow/html-validity-follow-up/", 200),
    (f"{in_serbian('map:report')}?camera=990001&kind=gone", 200),
    ("/znanje/", 200),
    ("/en/knowledge/?topic=technology", 200),
    ("/znanje/recnik/", 200),
    ("/znanje/siguran-grad-u-beogradu/", 200),
    ("/znanje/zahtev-za-informacije-i-procena-uticaja/", 200),
    ("/en/knowledge/how-to-report-a-camera/", 200),
    ("/znanje/sve-za-objasnjenja/", 200),
    (f"{in_serbian('search')}?q=kamere", 200),
    # Some words only (the notice) and the places on the map (their group).
    (f"{in_serbian('search')}?q=kako+da+prijavim+kameru+na+Vracaru", 200),
    ("/en/search/?q=nothing-like-this", 200),
    ("/kampanje/", 200),
    ("/en/campaigns/", 200),
    ("/kampanje/moratorijum-na-biometrijski-nadzor/", 200),
    ("/en/campaigns/publish-where-the-cameras-are/", 200),
    ("/kampanje/moratorijum-na-biometrijski-nadzor/hvala/", 200),
    ("/en/campaigns/moratorium-on-biometric-surveillance/confirm/0-0/", 404),
    ("/kampanje/radionica-mapiranje-kamera/", 200),
    ("/en/campaigns/talk-what-the-ai-act-means-for-serbia/", 200),
    ("/kampanje/setnja-kamere-novog-beograda/", 200),
    # A request to an authority (issue 23); its letter, shown after the form, is below.
    ("/kampanje/pitajte-mup-ugovor-siguran-grad/", 200),
    ("/en/campaigns/did-the-police-process-my-face/", 200),
    # The register of requests, its authority's page and one it knows nothing of.
    ("/kampanje/registar-zahteva/", 200),
    ("/en/campaigns/register-of-requests/", 200),
    ("/kampanje/registar-zahteva/organ/999999/", 404),
    ("/en/campaigns/camera-mapping-workshop/registered/", 200),
    ("/en/campaigns/camera-mapping-workshop/confirm/0-0/", 404),
    ("/pridruzite-se/", 200),
    ("/en/join/", 200),
    ("/accounts/login/", 200),
    # Sign-up is the join page's (above): /accounts/signup/ only leads there.
    ("/en/accounts/login/", 200),
    ("/accounts/password/reset/", 200),
    # The news and a step-by-step guide (issue 15).
    ("/vesti/", 200),
    ("/en/news/?tag=mup", 200),
    ("/vesti/ministarstvo-objavilo-spisak-lokacija-kamera/", 200),
    ("/vodic-videli-ste-kameru/", 200),
    ("/en/nope/", 404),
]


@pytest.fixture
def site_pages():
    """The demo site, plus a page with every block the demo content does not use."""
    call_command("seed_demo", verbosity=0)
    # A report of a camera seen again, as its reporter follows it once it is confirmed.
    camera = CameraFactory(pk=990001, address="Kralja Milana 1")
    CameraReportFactory(
        follow_token="html-validity-follow-up",
        kind="seen",
        camera=camera,
        status="merged",
        reviewed_at=camera.first_reported_at,
    )
    video = stored_youtube_embed()
    # Images narrower than some of the widths the block asks for, and one wider than all.
    images = [
        wagtail_factories.ImageFactory(file__width=width, file__height=100)
        for width in (300, 600, 900)
    ]
    StandardPageFactory(
        parent=HomePage.objects.get(locale__language_code="sr-latn"),
        slug="svi-blokovi",
        body=[
            ("heading", {"text": "Odeljak", "level": "h2"}),
            ("heading", {"text": "Pododeljak", "level": "h3"}),
            ("paragraph", '<p>Tekst sa <a href="https://example.org/">vezom</a>.</p>'),
            *[
                ("image", {"image": image, "caption": "Kamera", "credit": "Foto: Kamere"})
                for image in images
            ],
            ("quote", {"quote": "Prvi red\nDrugi red", "attribution": "Neko"}),
            ("call_to_action", {"label": "Pridruži se", "url": "https://example.org/"}),
            ("embed", {"embed": video, "title": "Film"}),
            ("embed", {"embed": "https://vimeo.com/1", "title": "Film bez pregleda"}),
        ],
    )
    # An explainer with the blocks the demo explainers do not use, and a picture on top.
    ExplainerPageFactory(
        parent=KnowledgeIndexPage.objects.get(locale__language_code="sr-latn"),
        slug="sve-za-objasnjenja",
        hero_image=images[2],
        body=[
            ("heading", {"text": "Odeljak", "level": "h2"}),
            ("image", {"image": images[1], "caption": "Kamera", "credit": ""}),
            ("quote", {"quote": "Citat", "attribution": ""}),
            ("embed", {"embed": video, "title": "Film"}),
            (
                "legal_reference",
                {"jurisdiction": "eu", "law": "GDPR", "article": "9", "text": "Tekst"},
            ),
        ],
    )


# The Serbian pages again in Cyrillic (home/scripts.py): the same markup, its text changed.
CYRILLIC_PAGES = [(f"/cir{path}", status) for path, status in PAGES if not path.startswith("/en/")]


def test_pages_have_no_html_errors(client, site_pages, nu_checker):
    pages = {}
    for path, status in PAGES + CYRILLIC_PAGES:
        response = client.get(path)
        assert response.status_code == status, path
        pages[path] = response.content
    # The letter a request page shows for the details sent (and the form's messages).
    requester = {"name": "Ana Primerović", "address": "Njegoševa 12\n11000 Beograd"}
    for path, data in [
        ("/kampanje/pitajte-mup-ugovor-siguran-grad/", requester),
        ("/cir/kampanje/pitajte-mup-ugovor-siguran-grad/", requester),
        ("/en/campaigns/did-the-police-process-my-face/", {**requester, "email": "nije"}),
    ]:
        response = client.post(path, data)
        assert response.status_code == 200, path
        pages[f"POST {path}"] = response.content
    pages.update(tracked_request_pages(client, requester))
    nu_checker(pages)


def tracked_request_pages(client, requester):
    """A tracked request's pages (issue 23): late, with its complaint shown; refused, with the
    form's messages; its deletion; and the request page's "keep track of it" answers."""
    today = timezone.localdate()
    page = RequestPage.objects.get(slug="pitajte-mup-ugovor-siguran-grad")
    late = InformationRequestFactory(page=page, received_on=today - timedelta(days=40))
    refused = InformationRequestFactory(
        page=page,
        received_on=today - timedelta(days=10),
        answered_on=today - timedelta(days=1),
        outcome="refused",
    )
    waiting = InformationRequestFactory(page=page, confirmed_at=None)
    track = "/kampanje/pitajte-mup-ugovor-siguran-grad/pracenje/"
    pages = {}
    for path, data in [
        (f"/zahtevi/praceni/{waiting.token}/", None),
        (f"/zahtevi/praceni/{late.token}/", {"action": "complaint", **requester}),
        (f"/cir/zahtevi/praceni/{late.token}/", {"action": "complaint", **requester}),
        (f"/en/requests/tracked/{refused.token}/", {"action": "progress", "received_on": "x"}),
        (f"/zahtevi/praceni/{refused.token}/", {"action": "complaint", "reasons": "Javni novac."}),
        (track, {"email": "nije", "received_on": "danas"}),
        (track, {"email": "ana@example.org", "received_on": today.isoformat(), "consent": "on"}),
        (f"/zahtevi/praceni/{late.token}/", {"action": "publish", "show_name": "on"}),
        (f"/zahtevi/praceni/{late.token}/", {"action": "publish", "consent": "on"}),
        (f"/zahtevi/praceni/{late.token}/", None),
        (f"/zahtevi/praceni/{waiting.token}/", {"action": "delete"}),
    ]:
        response = client.get(path) if data is None else client.post(path, data, follow=True)
        assert response.status_code == 200, path
        pages[f"{'GET' if data is None else 'POST'} {path} {sorted(data or {})}"] = response.content
    # The authority's page of the register, its entries shown.
    authority = RegisterEntry.published().first().authority
    for path in (f"/kampanje/registar-zahteva/organ/{authority.pk}/",):
        pages[f"GET {path}"] = client.get(path).content
    return pages
