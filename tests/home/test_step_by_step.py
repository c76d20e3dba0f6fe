"""The step-by-step block: a numbered guide whose steps lead straight to the actions."""

import pytest
from wagtail import blocks
from wagtail.models import Page

from home.blocks import BaseStreamBlock, StepByStepBlock, site_action_choices
from tests.map.factories import MapPageFactory
from tests.routes import in_serbian

from .factories import StandardPageFactory, site_home
from .test_pages import translate

pytestmark = pytest.mark.django_db


def link(label="", action="", page=None, url=""):
    return {"label": label, "action": action, "page": page, "url": url}


def step(heading, text, **target):
    return {"heading": heading, "text": f"<p>{text}</p>", "link": link(**target)}


@pytest.fixture
def guide(db):
    """A Serbian and English guide page with a step for each kind of link."""
    home = site_home()
    translate(home, "en", title="Home", slug="home")
    map_page = MapPageFactory(parent=home, title="Mapa", slug="mapa")
    translate(map_page, "en", title="Map", slug="map")
    contact = StandardPageFactory(parent=home, title="Kontakt", slug="kontakt")
    translate(contact, "en", title="Contact", slug="contact")
    body = [
        {
            "type": "step_by_step",
            "value": {
                "title": "Videli ste kameru?",
                "intro": "Tri koraka.",
                "steps": [
                    step("Fotografišite je", "Sa ulice."),
                    step(
                        "Prijavite kameru",
                        "Pošaljite fotografiju.",
                        label="Prijavite kameru",
                        action="report_camera",
                    ),
                    step("Pogledajte mapu", "Tu je.", label="Mapa", action="camera_map"),
                    step("Pišite nam", "Pitajte.", label="Kontakt", page=contact.pk),
                    step("Pročitajte više", "Spolja.", label="Više", url="https://example.org/"),
                ],
            },
        }
    ]
    page = StandardPageFactory(parent=home, title="Vodič", slug="vodic", body=body)
    translate(page, "en", title="Guide", slug="guide")
    return page


def test_steps_are_a_numbered_list_with_headings(client, guide):
    html = client.get("/vodic/").text
    assert '<section class="step-by-step" aria-labelledby="steps-videli-ste-kameru">' in html
    assert '<h2 id="steps-videli-ste-kameru" class="step-by-step__title">' in html
    steps = html.split('<ol class="step-by-step__steps">')[1].split("</ol>")[0]
    assert steps.count('<li class="step-by-step__step">') == 5
    assert '<h3 class="step-by-step__heading">Fotografišite je</h3>' in steps
    # A step without a link has no button.
    first = steps.split('<li class="step-by-step__step">')[1]
    assert "<a " not in first


def test_links_lead_to_the_action_page_or_address_in_the_readers_language(client, guide):
    serbian = client.get("/vodic/").text
    report = in_serbian("map:report")
    assert f'<a class="button" href="{report}">Prijavite kameru</a>' in serbian
    assert '<a class="button" href="/mapa/">Mapa</a>' in serbian
    assert '<a class="button" href="/kontakt/">Kontakt</a>' in serbian
    assert '<a class="button" href="https://example.org/">Više</a>' in serbian
    english = client.get("/en/guide/").text
    assert 'href="/en/map/report/"' in english
    assert 'href="/en/map/"' in english
    assert 'href="/en/contact/"' in english


def test_a_link_to_an_unpublished_page_is_left_out(client, guide):
    Page.objects.get(slug="kontakt").specific.unpublish()
    assert 'href="/kontakt/"' not in client.get("/vodic/").text


def test_the_map_and_the_report_form_are_the_actions_on_offer():
    assert {key for key, _label in site_action_choices()} >= {"report_camera", "camera_map"}


@pytest.mark.parametrize(
    ("target", "field"),
    [
        (link(label="Dva", action="report_camera", url="https://example.org/"), "url"),
        (link(action="report_camera"), "label"),
        (link(label="Nigde"), "url"),
    ],
)
def test_a_link_has_one_target_and_a_text(target, field):
    block = StepByStepBlock()
    value = block.to_python(
        {
            "title": "Vodič",
            "intro": "",
            "steps": [
                {"heading": "Prvi", "text": "<p>Tekst.</p>", "link": target},
                step("Drugi", "Tekst."),
            ],
        }
    )
    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(value)
    # The error is on the first step's link, at the field to correct.
    step_errors = error.value.block_errors["steps"].block_errors
    assert list(step_errors) == [0]
    assert field in step_errors[0].block_errors["link"].block_errors


def test_a_link_may_be_left_out_entirely():
    block = StepByStepBlock()
    value = block.to_python(
        {"title": "Vodič", "intro": "", "steps": [step("Prvi", "A."), step("Drugi", "B.")]}
    )
    block.clean(value)


def test_every_page_can_use_the_guide():
    assert isinstance(BaseStreamBlock().child_blocks["step_by_step"], StepByStepBlock)
