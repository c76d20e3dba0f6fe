"""The translation editor's footer, as an Editor sees it in Chromium (issue 15).

wagtail-localize's script draws a footer whose main button, for someone who may not publish,
was "Delete". The page shows Wagtail's footer instead, "Save draft" first, at the bottom of
the screen where an editor reaches for it, and that button saves.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests.knowledge.test_translation_review import translate_this_page, tree  # noqa: F401

from .test_report import new_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 800)])
def test_the_footers_main_button_saves_the_translation(
    live_server,
    browser,
    tree,  # noqa: F811
    django_user_model,
    viewport,
    tmp_path,
):
    editor = django_user_model.objects.create_user(
        "urednik", "urednik@example.org", "tajna-lozinka"
    )
    editor.groups.set(Group.objects.filter(name="Editors"))
    EmailAddress.objects.create(user=editor, email=editor.email, primary=True, verified=True)
    client = Client()
    client.force_login(editor)
    translated = translate_this_page(client, tree["explainer"], tree["english"])

    width, height = viewport
    page = new_page(browser, viewport={"width": width, "height": height})
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_login").fill(editor.email)
    page.locator("#id_password").fill("tajna-lozinka")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[translated.pk]))

    # wagtail-localize's own footer is drawn, and hidden.
    page.locator(".js-translation-editor footer").wait_for(state="attached")
    expect(page.locator(".js-translation-editor footer")).to_be_hidden()
    footers = page.locator("footer.footer:visible")
    expect(footers).to_have_count(1)
    main = footers.locator(".w-dropdown-button > button").first
    expect(main).to_have_text("Sačuvajte nacrt")
    if width >= 800:
        # Fixed at the bottom of the screen, as in Wagtail's page editor (on a phone Wagtail
        # puts its footer after the form).
        box = main.bounding_box()
        assert box["y"] + box["height"] <= height
        assert box["y"] > height / 2
    else:
        main.scroll_into_view_if_needed()
    expect(footers.get_by_text("Obriši")).to_be_hidden()  # in the closed menu
    footers.locator(".w-dropdown__toggle").click()
    submit = footers.get_by_role("button", name="Pošaljite u tok „Recenzija objašnjenja“")
    expect(submit).to_be_visible()
    expect(footers.get_by_text("Obriši")).to_be_visible()
    page.screenshot(path=tmp_path / f"translation-footer-{width}.png")
    page.keyboard.press("Escape")

    main.click()
    expect(page.locator(".messages")).to_contain_text("nacrt")
    translated.refresh_from_db()
    assert translated.latest_revision is not None
