"""The complaint to the Commissioner when an authority is silent past its term or refuses.

Its words are ours, not editors': what the laws ask a complaint to say (whom it is against,
what was asked and when, what happened, what the complainant proposes) and what must go with
it. In Serbian, the Commissioner's language, in the reader's script, as the request's letter
(letters.py); worded so that it fits anyone who signs it, whatever their gender.

- Information of public importance: a complaint ("žalba", article 22 of the Law on Free
  Access to Information of Public Importance) of the authority's silence, or of its refusal,
  within 15 days of it (deadlines.py).
- One's own personal data: a complaint ("pritužba", article 82 of the Law on Personal Data
  Protection) of the controller's silence past article 21's term, or of its refusal.
"""

from dataclasses import dataclass

from django.utils import formats, translation

from campaigns.information_requests.deadlines import Law
from campaigns.information_requests.letters import Letter, letter_language


@dataclass(frozen=True)
class Wording:
    silence_subject: str
    refusal_subject: str
    received: str
    silence: str
    refusal: str
    proposal: str
    refusal_proposal: str
    attachments: tuple[str, ...]


WORDINGS = {
    Law.INFORMATION: Wording(
        silence_subject=(
            "Žalba zbog nepostupanja po zahtevu za pristup informacijama od javnog značaja"
        ),
        refusal_subject="Žalba protiv odbijanja zahteva za pristup informacijama od javnog značaja",
        received=(
            "Organ vlasti {authority} primio je {received} moj zahtev za pristup "
            "informacijama od javnog značaja: „{subject}“."
        ),
        silence=(
            "Rok za postupanje po zahtevu iz člana 16. Zakona o slobodnom pristupu "
            "informacijama od javnog značaja istekao je {due}, a organ vlasti do danas nije "
            "postupio po zahtevu: nije mi dostavio tražene informacije niti je doneo rešenje "
            "o odbijanju zahteva."
        ),
        refusal=(
            "Odgovor organa vlasti{decision}, kojim je zahtev {refused}, dostavljen mi je "
            "{answered}."
        ),
        proposal=(
            "Na osnovu člana 22. Zakona o slobodnom pristupu informacijama od javnog značaja "
            "izjavljujem žalbu Povereniku za informacije od javnog značaja i zaštitu podataka "
            "o ličnosti i predlažem da Poverenik naloži organu vlasti da mi bez odlaganja "
            "omogući pristup traženim informacijama."
        ),
        refusal_proposal=(
            "Na osnovu člana 22. Zakona o slobodnom pristupu informacijama od javnog značaja "
            "izjavljujem žalbu Povereniku za informacije od javnog značaja i zaštitu podataka "
            "o ličnosti protiv tog odgovora i predlažem da Poverenik poništi rešenje organa "
            "vlasti i naloži mu da mi bez odlaganja omogući pristup traženim informacijama."
        ),
        attachments=(
            "kopija zahteva",
            "dokaz da je organ vlasti primio zahtev (povratnica, potvrda o prijemu ili "
            "poslata elektronska poruka)",
        ),
    ),
    Law.PERSONAL_DATA: Wording(
        silence_subject="Pritužba zbog nepostupanja po zahtevu za pristup podacima o ličnosti",
        refusal_subject="Pritužba zbog odbijanja zahteva za pristup podacima o ličnosti",
        received=(
            "Rukovalac {authority} primio je {received} moj zahtev za pristup podacima o "
            "ličnosti na osnovu člana 26. Zakona o zaštiti podataka o ličnosti: „{subject}“."
        ),
        silence=(
            "Rok za postupanje po zahtevu iz člana 21. Zakona o zaštiti podataka o ličnosti "
            "istekao je {due}, a rukovalac do danas nije postupio po zahtevu niti me je "
            "obavestio o razlozima za nepostupanje."
        ),
        refusal=(
            "Odgovor rukovaoca{decision}, kojim je zahtev {refused}, dostavljen mi je {answered}."
        ),
        proposal=(
            "Na osnovu člana 82. Zakona o zaštiti podataka o ličnosti podnosim pritužbu "
            "Povereniku za informacije od javnog značaja i zaštitu podataka o ličnosti i "
            "predlažem da Poverenik naloži rukovaocu da postupi po mom zahtevu."
        ),
        refusal_proposal=(
            "Na osnovu člana 82. Zakona o zaštiti podataka o ličnosti podnosim pritužbu "
            "Povereniku za informacije od javnog značaja i zaštitu podataka o ličnosti i "
            "predlažem da Poverenik naloži rukovaocu da mi omogući pristup podacima o ličnosti "
            "koje o meni obrađuje."
        ),
        attachments=(
            "kopija zahteva",
            "dokaz da je rukovalac primio zahtev (povratnica, potvrda o prijemu ili poslata "
            "elektronska poruka)",
        ),
    ),
}
# What goes with a complaint of a refusal besides.
REFUSAL_ATTACHMENT = "kopija odgovora kojim je zahtev odbijen"


def file_name(tracked):
    """The complaint's PDF's name, as the law calls it."""
    return "prituzba.pdf" if tracked.law == Law.PERSONAL_DATA else "zalba.pdf"


def day(value):
    return formats.date_format(value, "DATE_FORMAT")


def attachments(tracked):
    """What must go with the complaint, in the letter's language (Serbian)."""
    wording = WORDINGS[Law(tracked.law)]
    if tracked.is_refused:
        return (*wording.attachments, REFUSAL_ATTACHMENT)
    return wording.attachments


def complaint_body(tracked, complainant):
    """The complaint's text: what was asked and when, what happened, the proposal, the
    attachments. `complainant`: for a refusal, its number ("decision") and why they think it
    wrong ("reasons"), as they typed them."""
    wording = WORDINGS[Law(tracked.law)]
    paragraphs = [
        wording.received.format(
            authority=tracked.authority.name,
            received=day(tracked.received_on),
            subject=tracked.subject,
        )
    ]
    if tracked.is_refused:
        refused = "delimično odbijen" if tracked.outcome == tracked.Outcome.PARTLY else "odbijen"
        decision = complainant.get("decision", "")
        paragraphs.append(
            wording.refusal.format(
                decision=f" broj {decision}" if decision else "",
                refused=refused,
                answered=day(tracked.answered_on),
            )
        )
        reasons = complainant.get("reasons", "").strip()
        if reasons:
            paragraphs.append(reasons)
        paragraphs.append(wording.refusal_proposal)
    else:
        paragraphs.append(wording.silence.format(due=day(tracked.answer_due_on)))
        paragraphs.append(wording.proposal)
    listed = "\n".join(
        f"{number}. {item}" for number, item in enumerate(attachments(tracked), start=1)
    )
    paragraphs.append(f"Prilozi:\n{listed}")
    return "\n\n".join(paragraphs)


def complaint_letter(tracked, *, commissioner, complainant, written_on, reading_language):
    """The complaint of `complainant` ({"name", "address", "email", "decision", "reasons"})
    to `commissioner` about `tracked`, as a Letter: shown, given as a PDF and as text for the
    reader's mail."""
    wording = WORDINGS[Law(tracked.law)]
    with translation.override(letter_language(reading_language)):
        subject = wording.refusal_subject if tracked.is_refused else wording.silence_subject
        body = complaint_body(tracked, complainant)
    return Letter.written(
        subject=subject,
        body=body,
        authority=commissioner,
        requester=complainant,
        written_on=written_on,
        reading_language=reading_language,
    )
