"""One vocabulary: "prijava" is a camera report only, logging in, an event's "upis" and joining
say different words, readers are addressed as "vi", in our strings and in allauth's and
Wagtail's as people meet them; the admin and Wagtail's workflow mails speak each editor's
language."""

import ast
import datetime
import re
from pathlib import Path

import allauth
import polib
import pytest
import wagtail
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import formats, translation
from wagtail.users.models import UserProfile

from knowledge.workflow import REVIEWERS, ensure_review_workflow
from tests.home.factories import site_home

from .knowledge.factories import ExplainerPageFactory, KnowledgeIndexPageFactory

BASE = Path(settings.BASE_DIR)


def serbian():
    return polib.pofile(str(BASE / "locale" / "sr_Latn" / "LC_MESSAGES" / "django.po"))


def translations(entry):
    """The entry's msgstr, or each of its plural forms, without its placeholders (whose names
    are English: %(registrations)d is no "registracija")."""
    texts = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
    return [re.sub(r"%\(\w+\)[sd]|\{\w+\}", "", text) for text in texts]


def entries():
    return [entry for entry in serbian() if not entry.obsolete and entry.msgid]


# The catalogue


def test_prijava_is_only_ever_a_camera_report():
    wrong = [
        (entry.msgid, text)
        for entry in entries()
        for text in translations(entry)
        if re.search(r"prijav", text, re.I)
        and not re.search(r"report|camera", f"{entry.msgctxt or ''} {entry.msgid}", re.I)
    ]
    assert wrong == []


def test_logging_out_registering_and_creating_accounts_have_their_own_words():
    """ "Odjava" is unsubscribing from news only (log out: "izađite iz naloga"); an event's
    registration is an "upis" and an account is "otvoren", never "registrovan". The noun
    "registar" (the public register of requests, in its cases: registra, registru…) is
    another word, where the English says "register"."""
    wrong = [
        (entry.msgid, text)
        for entry in entries()
        for text in translations(entry)
        if (
            re.search(r"odjav", text, re.I)
            and not re.search(r"unsubscribe|news", entry.msgid, re.I)
        )
        or (
            re.search(r"registr", text, re.I)
            and not (
                re.search(r"\bregisters?\b", entry.msgid, re.I)
                and not re.search(r"registr(?!(a|u|om|e|i|ima)?\b)", text, re.I)
            )
        )
    ]
    assert wrong == []


# Markers of the "ti" form: its pronouns and verb forms, and a singular imperative where an
# instruction starts (mid-sentence, many of them are also the third person: "koristi").
TI_WORDS = re.compile(
    r"\b(ti|te|tebe|tebi|tvoj\w*|si|jesi|možeš|imaš|želiš|moraš|ćeš|hoćeš|znaš)\b", re.I
)
IMPERATIVES = (
    "prijavi|pošalji|potvrdi|izaberi|odaberi|unesi|upiši|klikni|dodaj|sačuvaj|obriši|ukloni|"
    "promeni|pogledaj|preuzmi|otvori|zatvori|prikaži|sakrij|uredi|izmeni|odbij|prihvati|"
    "pripoji|proveri|koristi|učitaj|vrati|nastavi|uvećaj|umanji|preskoči|idi|zapamti|napravi|"
    "kreiraj|označi|podeli|kopiraj|pretraži|traži|nađi|pronađi|otkaži|aktiviraj|deaktiviraj|"
    "generiši|upravljaj|resetuj|postavi|uključi|isključi|pokušaj|pritisni|pročitaj|ostani|uđi|"
    "izađi|pridruži|potpiši|javi|piši"
)
TI_IMPERATIVE = re.compile(r"(?:^|[.:;!?]\s+|[„(]|,\s+)(" + IMPERATIVES + r")\b", re.I)


def test_readers_are_addressed_as_vi():
    wrong = [
        (entry.msgid, text)
        for entry in entries()
        for text in translations(entry)
        if TI_WORDS.search(text) or TI_IMPERATIVE.search(text)
    ]
    assert wrong == []


def vocabulary():
    """The (msgctxt, msgid) pairs home/vocabulary.py lists, read as makemessages reads them."""
    tree = ast.parse((BASE / "home" / "vocabulary.py").read_text())
    pairs = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
            "gettext_noop",
            "pgettext_lazy",
        }:
            args = [arg.value for arg in node.args]
            pairs.append((args[0], args[1]) if len(args) == 2 else (None, args[0]))
    return pairs


def app_msgids():
    """Every (msgctxt, msgid) of allauth's and Wagtail's admin catalogues."""
    catalogues = [
        Path(allauth.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po",
        Path(wagtail.__file__).parent / "admin" / "locale" / "en" / "LC_MESSAGES" / "django.po",
    ]
    return {(e.msgctxt, e.msgid) for path in catalogues for e in polib.pofile(str(path))}


def test_the_apps_strings_we_override_are_the_apps_and_are_translated():
    pairs = vocabulary()
    assert len(pairs) > 50
    # An app that renames a string after an upgrade leaves our override behind: said here.
    assert [pair for pair in pairs if pair not in app_msgids()] == []
    translated = {(e.msgctxt, e.msgid) for e in serbian().translated_entries()}
    assert [pair for pair in pairs if pair not in translated] == []


# Pages as people see them


@pytest.fixture
def home(db):
    page = site_home()
    return page


def main_text(response):
    """The page's text without the header, whose "Prijavite kameru" is a camera report."""
    text = response.content.decode()
    return text.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_the_login_page_says_log_in_in_serbian(client, home, path):
    """allauth's login, and the admin's, which leads to it."""
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [] or response.request["PATH_INFO"] == "/accounts/login/"
    page = main_text(response)
    assert "Uđite u nalog" in page
    assert "Još nemate nalog?" in page
    assert "Otvorite nalog" in page
    assert "Zapamtite me" in page
    # Labels without Django's colon, as on every other form of the site.
    assert "Zapamtite me:" not in page and "Imejl:" not in page
    assert re.search(r"<title>\s*Uđite u nalog\s*\|", response.content.decode())
    assert not re.search(r"prijav|registr", page, re.I)
    assert "Prijavite se" not in response.content.decode()


def test_the_english_login_page_says_log_in(client, home):
    response = client.get("/en/accounts/login/")
    page = main_text(response)
    assert "Log in" in page
    assert "Create an account" in page
    assert "Sign In" not in page
    assert "sign up" not in page


# The admin and Wagtail's mails in each editor's language


def staff(username, language, *groups, **extra):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="x", **extra
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_the_admin_offers_the_sites_languages_and_speaks_the_editors(client, home):
    english = staff("editor-en", "en", is_superuser=True)
    serbian = staff("editor-sr", "sr-latn", is_superuser=True)

    client.force_login(english)
    # Account → Preferences offers the site's languages, and no others (Wagtail's 40-odd).
    account = client.get("/admin/account/").content.decode()
    select = re.search(r'<select name="[\w-]*preferred_language".*?</select>', account, re.S)
    assert re.findall(r'<option value="([^"]+)"', select[0]) == ["en", "sr-latn"]
    dashboard = client.get("/admin/").content.decode()
    assert '<html lang="en"' in dashboard
    assert '"label": "Log out"' in dashboard

    client.force_login(serbian)
    dashboard = client.get("/admin/").content.decode()
    assert '<html lang="sr-latn"' in dashboard
    # Wagtail's own "Log out" (in the sidebar's JSON), in our words.
    assert '"label": "Iza\\u0111ite iz naloga"' in dashboard


def test_workflow_mails_reach_each_reviewer_in_their_language(home, mailoutbox):
    index = KnowledgeIndexPageFactory(parent=home)
    ensure_review_workflow([index])
    english = staff("reviewer-en", "en", REVIEWERS)
    serbian = staff("reviewer-sr", "sr-latn", REVIEWERS)
    editor = staff("urednik", "sr-latn", "Editors")
    explainer = ExplainerPageFactory(parent=index, title="Kamere i zakon", slug="kamere-i-zakon")
    explainer.save_revision(user=editor)

    explainer.get_workflow().start(explainer, editor)

    mails = {message.to[0]: message for message in mailoutbox}
    to_english, to_serbian = mails[english.email], mails[serbian.email]
    assert to_english.subject.endswith(
        'The page "Kamere i zakon" has been submitted for approval in moderation stage '
        '"Legal and editorial review"'
    )
    assert "Hello reviewer-en," in to_english.body
    assert "You can edit the page here:" in to_english.body
    assert "Stranica „Kamere i zakon“ čeka odobrenje u fazi" in to_serbian.subject
    assert "Zdravo, reviewer-sr," in to_serbian.body
    assert "Stranicu možete urediti ovde:" in to_serbian.body
    assert "page" not in to_serbian.body.replace("/pages/", "")


def test_serbian_dates_put_the_month_in_the_genitive():
    # Not Django's "4. februar 2027.": a day of a month is "4. februara".
    with translation.override("sr-latn"):
        assert formats.date_format(datetime.date(2027, 2, 4)) == "4. februara 2027."
        when = datetime.datetime(2026, 12, 18, 18, 0)
        assert formats.date_format(when, "DATETIME_FORMAT") == "18. decembra 2026. 18:00"
    with translation.override("en"):
        assert formats.date_format(datetime.date(2027, 2, 4)) == "Feb. 4, 2027"
