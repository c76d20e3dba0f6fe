"""An independent reviewer's attacks on the releases (map/releases/) that found defects,
each fixed since: a storage that refuses a read, a citation that followed later settings, a
double click publishing the same data twice, files named .gz, moves under a metre lost
across releases, slugs and codes on the page, the feed's note as HTML and its plural, a
zero-padded number as another address, a lost compressed copy."""

import gzip
import re

import feedparser
import orjson
import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from wagtail.models import Site

from home.models import OrganisationSettings
from map.models import Camera, Release
from map.releases.publishing import publish_release

from ..factories import make_user
from ..home.factories import site_home
from .factories import MunicipalityFactory
from .test_releases import body, camera, get_file, north_of

# Every test's release files in its own empty media directory.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]


@pytest.fixture
def site():
    return site_home()


def citation(page):
    (text,) = re.findall(r'class="citation__text">(.*?)</span>', page, re.S)
    return text


class RefusingStorage(FileSystemStorage):
    """A disk or bucket that refuses to be read (permissions changed, a bucket policy):
    an OSError that is neither FileNotFoundError nor ConnectionError."""

    def _open(self, name, mode="rb"):
        raise PermissionError(13, "Permission denied", name)


def test_a_storage_that_refuses_a_read_is_a_503_in_json_not_a_500(client, site, settings):
    camera()
    publish_release()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.map.test_releases_attacks.RefusingStorage"},
    }
    client.raise_request_exception = True
    response = get_file(client, 1, "cameras.geojson")
    assert response.status_code == 503
    assert "error" in response.json()


def test_a_compressed_file_is_not_named_gz_when_the_client_unpacks_it(client, site):
    """The browser undoes Content-Encoding: gzip, then saves the JSON under the name given;
    FileResponse names it after the stored .gz file."""
    camera()
    release = publish_release()
    assert "gzip_bytes" in release.files["datapackage.json"]
    response = get_file(client, 1, "datapackage.json", accept_encoding="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert ".gz" not in response.get("Content-Disposition", "")


def test_a_lost_compressed_copy_falls_back_to_the_plain_file(client, site):
    """The plain file is there and says the same: no reason to answer 503."""
    camera()
    release = publish_release()
    default_storage.delete(f"{release.storage_prefix}datapackage.json.gz")
    response = get_file(client, 1, "datapackage.json", accept_encoding="gzip")
    assert response.status_code == 200
    content = body(response)
    if response.get("Content-Encoding") == "gzip":  # compressed on the way, as any response
        content = gzip.decompress(content)
    assert orjson.loads(content)["version"] == "1"


def test_an_old_release_is_cited_with_the_name_and_licence_it_was_published_under(client, site):
    """The citation is of a frozen release: it must not follow later changes to the
    organisation's settings, and must name the licence its files carry."""
    camera()
    publish_release()
    files_licence = orjson.loads(body(get_file(client, 1, "datapackage.json")))["licenses"]
    before = citation(client.get("/en/map/releases/1/").content.decode())
    assert files_licence[0]["title"] in before

    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.name = "Drugo ime"
    organisation.data_licence_name = "CC BY 4.0"
    organisation.data_licence_url = "https://creativecommons.org/licenses/by/4.0/"
    organisation.save()

    after = citation(client.get("/en/map/releases/1/").content.decode())
    assert after == before
    assert "CC BY 4.0" not in after


def test_moves_under_a_metre_each_are_not_lost_across_releases(client, site):
    """A camera nudged 0.9 m before each of three releases stands 2.7 m from where release
    1 put it, yet no release's changes say it moved: the diffs no longer add up to the
    files."""
    nudged = camera()
    publish_release()
    for step in (1, 2, 3):
        Camera.objects.filter(pk=nudged.pk).update(latitude=north_of(0.9 * step))
        publish_release()

    first, last = (
        orjson.loads(body(get_file(client, number, "cameras.geojson")))["features"][0]
        for number in (1, 4)
    )
    assert first["geometry"] != last["geometry"]
    reported = [
        change
        for number in (2, 3, 4)
        for change in orjson.loads(body(get_file(client, number, "changes.json")))["moved"]
    ]
    assert reported, "the camera moved 2.7 m over three releases; none says so"


def test_a_changed_municipality_reads_as_names_on_the_page(client, site):
    """The list of changes names municipalities in the reader's words, as the lists of
    added and retired cameras do, not by their slugs."""
    old = MunicipalityFactory(name="Stari grad", slug="stari-grad")
    new = MunicipalityFactory(name="Vračar", slug="vracar")
    moved_over = camera(municipality=old)
    publish_release()
    Camera.objects.filter(pk=moved_over.pk).update(municipality=new)
    publish_release()

    page = client.get("/en/map/releases/2/").content.decode()
    assert "stari-grad → vracar" not in page
    assert "Municipality: Stari grad → Vračar" in page


def test_the_feed_shows_an_editors_note_as_text(client, site):
    """The release's page escapes the note; the feed sends it as HTML (type="html"), so a
    reader renders "<b>" as bold and runs the paragraphs together."""
    camera()
    publish_release(note="Manje <b>kamera</b> nego što piše.")
    (entry,) = feedparser.parse(client.get("/en/map/releases/atom.xml").content).entries
    if entry.summary_detail.type != "text/plain":
        assert "<b>" not in entry.summary


def test_the_english_feed_counts_one_camera_in_the_singular(client, site):
    camera()
    publish_release()
    (entry,) = feedparser.parse(client.get("/en/map/releases/atom.xml").content).entries
    assert "1 cameras" not in entry.summary


def test_publishing_twice_with_nothing_changed_makes_no_second_release(client, site):
    """A double click on "Publish" (or two editors answering the same proposal) makes two
    numbered releases of the same data; releases cannot be withdrawn."""
    camera()
    client.force_login(make_user("editor", groups=("Editors",)))
    client.post("/admin/map-releases/", {"note": "Decembar."})
    client.post("/admin/map-releases/", {"note": "Decembar."})
    assert Release.objects.count() == 1


def test_a_zero_padded_number_is_not_another_address_to_cite(client, site):
    """<int:number> takes /en/map/releases/0001/ as release 1: the page then gives that
    address as the one to cite and as its canonical one, and the page cache keeps a copy
    for each way of padding it (a visitor's own entries, which the cache means to refuse)."""
    camera()
    publish_release()
    response = client.get("/en/map/releases/0001/")
    assert response.status_code == 301
    assert response["Location"] == "/en/map/releases/1/"
