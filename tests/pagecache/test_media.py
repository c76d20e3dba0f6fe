"""Images and documents on kept pages (home/page_cache.py `media_changed`): editing or deleting
one makes the pages that show it (Wagtail's reference index knows them) render again at once,
and leaves the others kept."""

import re

import pytest
import wagtail_factories

from tests.home.factories import StandardPageFactory
from tests.knowledge.factories import ExplainerPageFactory, KnowledgeIndexPageFactory, heading
from tests.pagecache.test_page_cache import fetch, home, kept  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

LINK_PREVIEW = re.compile(r'<meta property="og:image" content="([^"]+)"')


@pytest.fixture
def image(fresh_media):
    return wagtail_factories.ImageFactory(title="Kamera na uglu", file__width=600, file__height=400)


@pytest.fixture
def pages(home, image):  # noqa: F811
    """A page that shows `image` in its body and its link preview, and one that does not."""
    StandardPageFactory(
        parent=home,
        title="O nama",
        slug="o-nama",
        social_image=image,
        body=[("image", {"image": image, "caption": "Ugao"})],
    )
    StandardPageFactory(parent=home, title="Kontakt", slug="kontakt")


def test_an_images_new_title_shows_at_once_on_the_pages_that_show_it(client, image, pages):
    assert 'alt="Kamera na uglu"' in kept(client, "/o-nama/")
    kept(client, "/kontakt/")
    image.title = "Kamera sa prepoznavanjem lica"
    image.save()
    status, html = fetch(client, "/o-nama/")
    assert status == "miss" and 'alt="Kamera sa prepoznavanjem lica"' in html
    assert fetch(client, "/kontakt/")[0] == "hit"  # shows no image


def test_an_images_new_focal_point_shows_at_once_in_the_link_preview(client, image, pages):
    before = LINK_PREVIEW.search(kept(client, "/o-nama/"))[1]
    image.focal_point_x, image.focal_point_y = 500, 300
    image.focal_point_width, image.focal_point_height = 100, 100
    image.save()
    status, html = fetch(client, "/o-nama/")
    assert status == "miss"
    assert LINK_PREVIEW.search(html)[1] != before  # a crop around the new point


def test_a_deleted_image_leaves_the_pages_that_showed_it_at_once(client, home, image):  # noqa: F811
    StandardPageFactory(parent=home, title="O nama", slug="o-nama", social_image=image)
    assert LINK_PREVIEW.search(kept(client, "/o-nama/"))
    image.delete()
    status, html = fetch(client, "/o-nama/")
    assert status == "miss" and "fill-1200x630" not in html


def test_what_wagtail_fills_in_on_an_image_changes_no_page(client, image, pages):
    """Its size or hash, noted the first time something asks for them (a render may): no
    editor's change, so no page renders again for it."""
    kept(client, "/o-nama/")
    image.file_size = None
    image.get_file_size()  # saves the size it reads from the file
    assert fetch(client, "/o-nama/")[0] == "hit"


def test_a_documents_new_title_shows_at_once_on_the_explainers_that_offer_it(
    client,
    home,  # noqa: F811
    fresh_media,
):
    document = wagtail_factories.DocumentFactory(title="Zakon o zaštiti podataka")
    index = KnowledgeIndexPageFactory(parent=home)
    block = {"type": "document", "value": {"document": document.pk, "title": "", "description": ""}}
    explainer = ExplainerPageFactory(parent=index, slug="zakon", body=[heading("Zakon"), block])
    url = explainer.url
    assert "Zakon o zaštiti podataka" in kept(client, url)
    document.title = "Zakon o zaštiti podataka o ličnosti (2018)"
    document.save()
    status, html = fetch(client, url)
    assert status == "miss" and "Zakon o zaštiti podataka o ličnosti (2018)" in html
