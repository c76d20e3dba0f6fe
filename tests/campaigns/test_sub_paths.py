"""Pages' own sub-routes in the page's language (home/page_routes.py): a Serbian petition's
thanks page is `…/hvala/`, its confirmation link `…/potvrda/<token>/`; English pages keep
`…/thanks/`, `…/confirm/<token>/`. The English words mailed before stay good on Serbian pages
for ever: they redirect (301, 308 for a POST) with the token and the query string."""

import re

import pytest
from django.utils import translation

from campaigns.models import Registration, Signature
from campaigns.petitions.models import confirmation_token
from campaigns.petitions.tasks import signature_mail
from portal.redaction import redact
from tests.campaigns.test_events import campaigns, event, register  # noqa: F401
from tests.campaigns.test_news import news_tree  # noqa: F401
from tests.campaigns.test_petitions import form_data, petition_tree, sign  # noqa: F401
from tests.home.test_pages import translate
from tests.knowledge.factories import KnowledgeIndexPageFactory
from tests.routes import SERBIAN_SUB_PATHS

from .factories import NewsPageFactory, RegistrationFactory, SignatureFactory

pytestmark = pytest.mark.django_db

SIGNATURE_MAIL = "campaigns/mail/signature_confirm.txt"


def links(body):
    return re.findall(r"http://localhost(/\S+/)", body)


# Petitions


@pytest.mark.parametrize(
    ("page", "address", "thanks", "confirm"),
    [
        ("petition", "/kampanje/bez-prepoznavanja-lica/", "hvala/", "potvrda/"),
        ("petition_en", "/en/campaigns/no-facial-recognition/", "thanks/", "confirm/"),
    ],
)
def test_a_petition_sends_signers_to_its_languages_words(
    client,
    petition_tree,  # noqa: F811
    mailoutbox,
    django_capture_on_commit_callbacks,
    page,
    address,
    thanks,
    confirm,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, petition_tree[page], form_data(petition_tree["vracar"]))
    # The form's answer: the thanks page, in the page's language.
    assert response["Location"] == address + thanks
    assert client.get(response["Location"]).status_code == 200
    signature = Signature.objects.get()
    token = confirmation_token(signature)
    [message] = mailoutbox
    assert links(message.body) == [f"{address}{confirm}{token}/"]
    assert client.post(links(message.body)[0]).status_code == 200
    signature.refresh_from_db()
    assert signature.confirmed_at is not None


def test_the_worker_links_by_the_pages_language_not_the_active_one(petition_tree):  # noqa: F811
    """The worker builds a mail in the recipient's language, which may not be the page's
    (a repeat on the translation): the page decides the words."""
    petition, petition_en = petition_tree["petition"], petition_tree["petition_en"]
    signature = SignatureFactory(petition=petition)
    token = confirmation_token(signature)
    with translation.override("en"):
        _subject, body, _to = signature_mail(signature.pk, petition.pk, SIGNATURE_MAIL, "en")
        assert petition.confirmation_url(signature).endswith(f"/potvrda/{token}/")
    assert f"http://localhost/kampanje/bez-prepoznavanja-lica/potvrda/{token}/" in body
    with translation.override("sr-latn"):
        _subject, body, _to = signature_mail(signature.pk, petition_en.pk, SIGNATURE_MAIL, "sr")
    assert f"http://localhost/en/campaigns/no-facial-recognition/confirm/{token}/" in body


def test_a_confirmation_link_mailed_with_the_english_words_still_confirms(
    client,
    petition_tree,  # noqa: F811
):
    petition = petition_tree["petition"]
    signature = SignatureFactory(petition=petition)
    token = confirmation_token(signature)
    old = f"/kampanje/bez-prepoznavanja-lica/confirm/{token}/"
    new = f"/kampanje/bez-prepoznavanja-lica/potvrda/{token}/"
    # A mail scanner's or a reader's GET: on to the Serbian words, token and query kept.
    moved = client.get(old + "?utm_source=mail")
    assert (moved.status_code, moved["Location"]) == (301, new + "?utm_source=mail")
    assert client.head(old)["Location"] == new
    assert client.get(moved["Location"]).status_code == 200
    signature.refresh_from_db()
    assert signature.confirmed_at is None  # a GET confirms nothing, there or here
    # A confirm button on a page loaded from the old words: the browser sends the POST again.
    moved = client.post(old)
    assert (moved.status_code, moved["Location"]) == (308, new)
    confirmed = client.post(old, follow=True)
    assert confirmed.redirect_chain == [(new, 308)] and confirmed.status_code == 200
    signature.refresh_from_db()
    assert signature.confirmed_at is not None
    assert petition.confirmed_count() == 1
    # The old thanks page too; a forged token is still not found where it is led.
    thanks = client.get("/kampanje/bez-prepoznavanja-lica/thanks/")
    assert (thanks.status_code, thanks["Location"]) == (301, SERBIAN_THANKS)
    forged = client.get(old.replace(token[-6:], "000000"), follow=True)
    assert forged.status_code == 404


SERBIAN_THANKS = "/kampanje/bez-prepoznavanja-lica/" + SERBIAN_SUB_PATHS["thanks/"]


def test_an_english_petition_has_no_serbian_words(client, petition_tree):  # noqa: F811
    token = confirmation_token(SignatureFactory(petition=petition_tree["petition_en"]))
    assert client.get(f"/en/campaigns/no-facial-recognition/confirm/{token}/").status_code == 200
    # Serbian words are no sub-route of an English page: they would hide its children.
    assert client.get(f"/en/campaigns/no-facial-recognition/potvrda/{token}/").status_code == 404
    # count.json is the same file in both languages, and not under a sub-route.
    assert client.get("/kampanje/bez-prepoznavanja-lica/count.json").status_code == 200
    assert client.get("/kampanje/bez-prepoznavanja-lica/thanks/count.json").status_code == 404


# Events


def test_a_serbian_event_registers_confirms_and_cancels_in_serbian_words(
    client,
    event,  # noqa: F811
    mailoutbox,
):
    response = register(client, "/kampanje/tribina/")
    assert response["Location"] == "/kampanje/tribina/upis/"
    assert client.get(response["Location"]).status_code == 200
    registration = Registration.objects.get()
    [confirm_link] = [link for link in links(mailoutbox[0].body) if link != "/kampanje/tribina/"]
    assert confirm_link == f"/kampanje/tribina/potvrda/{registration.confirmation_token()}/"
    assert client.post(confirm_link).status_code == 200
    assert f"/kampanje/tribina/otkazivanje/{registration.token}/" in links(mailoutbox[1].body)
    # Built with another language active, as in the worker: still the page's words.
    with translation.override("en"):
        assert registration.cancel_url().endswith(
            f"/kampanje/tribina/otkazivanje/{registration.token}/"
        )
    # The page links its calendar file in Serbian; the English name still answers.
    page = client.get("/kampanje/tribina/").text
    assert 'href="/kampanje/tribina/kalendar.ics"' in page
    assert client.get("/kampanje/tribina/event.ics").status_code == 200
    assert client.get("/kampanje/tribina/kalendar.ics").status_code == 200


def test_a_cancel_link_mailed_with_the_english_words_still_cancels(
    client,
    event,  # noqa: F811
):
    registration = RegistrationFactory(event=event)
    old = f"/kampanje/tribina/cancel/{registration.token}/"
    new = f"/kampanje/tribina/otkazivanje/{registration.token}/"
    moved = client.get(old + "?a=1&b=2")
    assert (moved.status_code, moved["Location"]) == (301, new + "?a=1&b=2")
    cancelled = client.post(old, follow=True)
    assert cancelled.redirect_chain == [(new, 308)] and cancelled.status_code == 200
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    moved = client.get("/kampanje/tribina/registered/")
    assert (moved.status_code, moved["Location"]) == (301, "/kampanje/tribina/upis/")


def test_an_english_event_keeps_the_english_words(
    client,
    event,  # noqa: F811
    mailoutbox,
):
    translate(event, "en", title="Public debate", slug="debate")
    response = register(client, "/en/campaigns/debate/", email="eve@example.org")
    assert response["Location"] == "/en/campaigns/debate/registered/"
    registration = Registration.objects.get()
    assert set(links(mailoutbox[0].body)) == {
        "/en/campaigns/debate/",
        f"/en/campaigns/debate/confirm/{registration.confirmation_token()}/",
    }
    with translation.override("sr-latn"):
        assert registration.cancel_url().endswith(
            f"/en/campaigns/debate/cancel/{registration.token}/"
        )
    assert 'href="/en/campaigns/debate/event.ics"' in client.get("/en/campaigns/debate/").text
    assert client.get("/en/campaigns/debate/upis/").status_code == 404


# Feeds


def test_news_and_explainer_feeds_have_serbian_words_and_keep_the_old_ones(
    client,
    news_tree,  # noqa: F811
):
    translate(news_tree["home"], "en", title="Home")
    index_en = translate(news_tree["index"], "en", title="News", slug="news")
    html = client.get("/vesti/").text
    assert 'href="/vesti/rss/"' in html and 'href="/vesti/atom/"' in html
    assert client.get("/vesti/rss/").status_code == 200
    assert client.get("/vesti/atom/").status_code == 200
    for old, new in [("/vesti/feed/", "/vesti/rss/"), ("/vesti/feed/atom/", "/vesti/atom/")]:
        moved = client.get(old)
        assert (moved.status_code, moved["Location"]) == (301, new)
    english = client.get("/en/news/").text
    assert 'href="/en/news/feed/"' in english and 'href="/en/news/feed/atom/"' in english
    assert client.get("/en/news/feed/atom/").status_code == 200
    # An English news item may be called "atom": the Serbian feed's words do not hide it.
    NewsPageFactory(parent=index_en, title="Atom", slug="atom")
    assert client.get("/en/news/atom/").context["page"].title == "Atom"

    KnowledgeIndexPageFactory(parent=news_tree["home"], slug="znanje")
    assert 'href="/znanje/rss/"' in client.get("/znanje/").text
    assert client.get("/znanje/atom/").status_code == 200
    assert client.get("/znanje/feed/")["Location"] == "/znanje/rss/"


def test_the_serbian_words_tokens_stay_out_of_the_logs():
    for path in ("/kampanje/p/potvrda/Sig3cret-T0ken/", "/kampanje/d/otkazivanje/Reg1str4tion/"):
        line = f'"POST {path}" 200'
        assert "Sig3cret" not in redact(line) and "Reg1str4tion" not in redact(line)
