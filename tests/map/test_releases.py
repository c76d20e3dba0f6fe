"""Releases of the camera dataset (map/releases/): frozen files at stable addresses, the
changes between two releases, the figures as they stood, the pages, the feed, the admin's
form and the scheduler's monthly proposal.

Files are checked as a client gets them (over the test client, gzipped or not), the data
package with the Frictionless reference library, the feed with feedparser."""

import csv
import datetime
import gzip
import hashlib
import io

import feedparser
import orjson
import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from frictionless import Package, validate

from map.models import Camera, Release, ReleaseProposal
from map.moderation import METRES_PER_DEGREE
from map.releases import publishing
from map.releases.publishing import propose_release, publish_release

from ..factories import make_user
from ..home.factories import site_home
from .factories import CameraFactory, MunicipalityFactory, map_pages

pytestmark = pytest.mark.django_db

SPOT = (44.8125, 20.4612)
CONFIRMED = datetime.datetime(2026, 11, 4, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def storage(fresh_media):
    """Every test's release files in its own empty media directory."""


@pytest.fixture
def site():
    return site_home()


@pytest.fixture
def stari_grad():
    return MunicipalityFactory(name="Stari grad", slug="stari-grad", police_list_count=4)


def camera(**fields):
    defaults = {
        "latitude": SPOT[0],
        "longitude": SPOT[1],
        "facial_recognition": False,
        "last_confirmed_at": CONFIRMED,
    }
    return CameraFactory(**{**defaults, **fields})


def north_of(metres):
    return SPOT[0] + metres / METRES_PER_DEGREE


def get_file(client, number, name, **headers):
    return client.get(f"/api/releases/{number}/{name}", headers=headers)


def body(response):
    return b"".join(response.streaming_content)


def file_json(client, number, name):
    response = get_file(client, number, name)
    assert response.status_code == 200, response.content
    return orjson.loads(body(response))


def test_a_release_freezes_every_camera_on_record_with_its_figures(client, site, stari_grad):
    verified = camera(municipality=stari_grad)
    camera(municipality=stari_grad, latitude=north_of(40))
    reported = camera(status=Camera.Status.REPORTED, municipality=stari_grad)
    retired = camera(status=Camera.Status.RETIRED, retired_at=CONFIRMED)
    camera(status=Camera.Status.REJECTED)

    release = publish_release(note="Prvo izdanje.", note_en="First release.")

    assert release.number == 1
    collection = file_json(client, 1, "cameras.geojson")
    ids = [feature["id"] for feature in collection["features"]]
    assert ids == sorted([verified.pk, verified.pk + 1, reported.pk, retired.pk])
    assert collection["release"]["number"] == 1
    assert collection["release"]["page_url"] == "http://localhost/mapa/izdanja/1/"
    assert collection["licence"]["name"] == "Open Database License (ODbL) 1.0"
    # The same shape as the live API's cameras, links at the site's address.
    first = collection["features"][0]
    assert first["properties"]["page_url"] == f"http://localhost/mapa/kamere/{verified.pk}/"

    figures = file_json(client, 1, "municipalities.json")
    (row,) = figures["municipalities"]
    assert (row["slug"], row["verified_cameras"], row["police_list_count"]) == ("stari-grad", 2, 4)
    assert row["difference"] == -2
    assert (figures["verified_cameras"], figures["reported_cameras"]) == (2, 1)
    assert figures["retired_cameras"] == 1
    assert release.counts == {
        "cameras": 4,
        "added": 4,
        "retired": 0,
        "removed": 0,
        "moved": 0,
        "changed": 0,
    }

    rows = list(csv.DictReader(io.StringIO(body(get_file(client, 1, "cameras.csv")).decode())))
    assert [int(row["id"]) for row in rows] == ids
    assert rows[0]["facial_recognition"] == "false"


def test_the_next_release_lists_what_was_added_retired_removed_moved_and_changed(
    client, site, stari_grad
):
    kept = camera(municipality=stari_grad)
    moving = camera(latitude=north_of(100))
    retiring = camera(latitude=north_of(200))
    changing = camera(latitude=north_of(300), camera_type="dome")
    merged_away = camera(latitude=north_of(400))
    merged_away_id = merged_away.pk
    publish_release()

    Camera.objects.filter(pk=moving.pk).update(latitude=north_of(130))  # 30 m north
    Camera.objects.filter(pk=retiring.pk).update(
        status=Camera.Status.RETIRED, retired_at=timezone.now()
    )
    Camera.objects.filter(pk=changing.pk).update(camera_type="panning", facial_recognition=True)
    merged_away.delete()
    added = camera(latitude=north_of(500), municipality=stari_grad)
    # A correction of 40 cm is a move too: the moves add up to where the files put it.
    Camera.objects.filter(pk=kept.pk).update(latitude=north_of(0.4))

    release = publish_release()

    assert (release.number, release.previous_number) == (2, 1)
    changes = file_json(client, 2, "changes.json")
    assert changes["counts"] == {"added": 1, "retired": 1, "removed": 1, "moved": 2, "changed": 1}
    assert [change["id"] for change in changes["added"]] == [added.pk]
    assert changes["added"][0]["municipality"] == "stari-grad"
    assert [change["id"] for change in changes["retired"]] == [retiring.pk]
    assert changes["retired"][0]["retired_at"]
    assert [change["id"] for change in changes["removed"]] == [merged_away_id]
    corrected, moved = changes["moved"]
    assert (corrected["id"], corrected["distance_m"]) == (kept.pk, pytest.approx(0.4, abs=0.1))
    assert moved["id"] == moving.pk
    assert moved["distance_m"] == pytest.approx(30, abs=0.2)
    (changed,) = changes["changed"]
    assert changed == {
        "id": changing.pk,
        "fields": {
            "camera_type": {"from": "dome", "to": "panning"},
            "facial_recognition": {"from": False, "to": True},
        },
    }
    rows = list(csv.DictReader(io.StringIO(body(get_file(client, 2, "changes.csv")).decode())))
    assert sorted((row["change"], row["field"]) for row in rows) == [
        ("added", ""),
        ("changed", "camera_type"),
        ("changed", "facial_recognition"),
        ("moved", "coordinates"),
        ("moved", "coordinates"),
        ("removed", ""),
        ("retired", ""),
    ]
    assert release.counts["cameras"] == 5  # the retired one is still in the data

    # The page for people says the same.
    page = client.get("/en/map/releases/2/").content.decode()
    assert "Moved: 2" in page and "30.0 m" in page
    assert "Camera type: Dome → Panning" in page
    assert "Capable of facial recognition: no → yes" in page


def test_files_never_change_and_are_served_like_static_files(client, site):
    camera()
    release = publish_release()
    first = body(get_file(client, 1, "cameras.geojson"))
    Camera.objects.update(camera_type="bullet")
    publish_release()

    response = get_file(client, 1, "cameras.geojson")
    assert body(response) == first
    assert hashlib.sha256(first).hexdigest() == release.files["cameras.geojson"]["sha256"]
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Type"] == "application/geo+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Data-Licence"] == "Open Database License (ODbL) 1.0"
    assert response["Link"] == '<https://opendatacommons.org/licenses/odbl/1-0/>; rel="license"'
    assert response["ETag"] == f'"{release.files["cameras.geojson"]["sha256"]}"'
    assert int(response["Content-Length"]) == len(first)
    assert "Accept-Encoding" in response["Vary"]

    again = get_file(client, 1, "cameras.geojson", if_none_match=response["ETag"])
    assert again.status_code == 304

    packed = get_file(client, 1, "cameras.geojson", accept_encoding="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert packed["ETag"] != response["ETag"]
    assert gzip.decompress(body(packed)) == first

    csv_file = get_file(client, 1, "cameras.csv")
    assert csv_file["Content-Disposition"] == 'attachment; filename="release-1-cameras.csv"'


@pytest.mark.parametrize(
    "address",
    [
        "/api/releases/2/cameras.geojson",
        "/api/releases/1/secrets.txt",
        "/api/releases/1/cameras.geojson.gz",
        "/api/releases/99999999999999999999999/cameras.geojson",
    ],
)
def test_what_is_not_a_release_file_is_a_404_in_json(client, site, address):
    camera()
    publish_release()
    response = client.get(address)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "error" in response.json()


def test_no_path_leads_out_of_a_release(client, site, tmp_path):
    camera()
    publish_release()
    (tmp_path / "secret.txt").write_text("a reporter's photo")
    for address in (
        "/api/releases/1/..%2F..%2Fsecret.txt",
        "/api/releases/1/%2E%2E/%2E%2E/secret.txt",
        "/api/releases/1/cameras.geojson%00.txt",
    ):
        response = client.get(address)
        assert response.status_code == 404, address
        assert b"reporter" not in response.content


def test_the_data_package_describes_the_files_as_they_are(client, site, stari_grad, tmp_path):
    camera(municipality=stari_grad, source=Camera.Source.OSM, external_id="osm:node/1")
    publish_release()
    camera(latitude=north_of(50))
    publish_release()

    # Saved as a client downloads them, then read by the Frictionless reference library.
    folder = tmp_path / "release-2"
    folder.mkdir()
    for name in ("datapackage.json", "cameras.geojson", "cameras.csv", "municipalities.json"):
        (folder / name).write_bytes(body(get_file(client, 2, name)))
    for name in ("changes.json", "changes.csv"):
        (folder / name).write_bytes(body(get_file(client, 2, name)))
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(folder / "datapackage.json"))
    assert package.version == "2"
    assert package.licenses[0]["path"] == "https://opendatacommons.org/licenses/odbl/1-0/"
    assert [source["title"] for source in package.sources] == ["© OpenStreetMap contributors"]
    cameras = package.get_resource("cameras").read_rows()
    assert [row["id"] for row in cameras] == list(
        Camera.objects.order_by("id").values_list("id", flat=True)
    )
    assert isinstance(cameras[0]["facial_recognition"], bool)


def test_a_half_written_release_leaves_nothing_behind(site, settings, tmp_path):
    camera()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.map.test_releases.FailingStorage"},
    }
    with pytest.raises(OSError):
        publish_release()
    assert not Release.objects.exists()
    # The files written before the failure were deleted.
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


class FailingStorage(FileSystemStorage):
    """A disk that fills up while the release's changes are written."""

    def _save(self, name, content):
        if name.endswith("changes.json"):
            raise OSError("No space left on device")
        return super()._save(name, content)


def test_a_number_taken_meanwhile_is_built_again_on_top(site, monkeypatch):
    """Two editors publish at once: the one whose number was taken rebuilds against the
    other's release, so that its changes are against the release before it."""
    camera()
    real_snapshot = publishing.snapshot
    calls = []

    def snapshot_while_another_publishes(origin):
        features = real_snapshot(origin)
        if not calls:
            calls.append("other")
            publish_release(note="the other editor's")
            # A camera reported meanwhile: mine, built again, has something to add.
            camera(latitude=north_of(50))
        return features

    monkeypatch.setattr(publishing, "snapshot", snapshot_while_another_publishes)
    mine = publish_release(note="mine")
    assert (mine.number, mine.previous_number, mine.note) == (2, 1, "mine")
    assert mine.counts["added"] == 1
    other = Release.objects.get(number=1)
    # The failed attempt's files went: only the two releases' files remain.
    stored = {
        f"releases/{folder}/{name}"
        for folder in default_storage.listdir("releases")[0]
        for name in default_storage.listdir(f"releases/{folder}")[1]
    }
    assert stored == {
        f"{release.storage_prefix}{name}{suffix}"
        for release in (other, mine)
        for name, described in release.files.items()
        for suffix in ("", ".gz")
        if suffix == "" or "gzip_bytes" in described
    }


def test_releases_json_lists_them_with_their_files(client, site):
    camera()
    publish_release(note="Decembar.", note_en="December.")
    data = client.get("/api/releases.json").json()
    (release,) = data["releases"]
    assert release["number"] == 1
    assert release["note"] == {"sr-latn": "Decembar.", "en": "December."}
    assert release["page_url"] == "http://testserver/mapa/izdanja/1/"
    assert release["files"]["changes.json"]["url"] == (
        "http://testserver/api/releases/1/changes.json"
    )
    assert set(release["files"]) == {
        "cameras.geojson",
        "cameras.csv",
        "municipalities.json",
        "changes.json",
        "changes.csv",
        "datapackage.json",
    }


def test_the_releases_page_in_both_languages_says_how_to_cite(client, site):
    assert "No release has been published yet" in client.get("/en/map/releases/").content.decode()
    camera()
    publish_release(note="Prvo izdanje.", note_en="The first release.")

    serbian = client.get("/mapa/izdanja/").content.decode()
    assert "Kako citirati izdanje" in serbian
    assert "http://testserver/mapa/izdanja/1/" in serbian
    english = client.get("/en/map/releases/").content.decode()
    assert "How to cite a release" in english
    assert "the camera map, release 1 (published" in english
    assert "http://testserver/en/map/releases/1/" in english

    page = client.get("/en/map/releases/1/").content.decode()
    assert "The first release." in page
    assert "This is the first release" in page
    assert client.get("/mapa/izdanja/1/").content.decode().count("Prvo izdanje.") == 1
    assert client.get("/en/map/releases/2/").status_code == 404


def test_the_atom_feed_lists_releases_with_links_where_the_site_answers(client, site):
    camera()
    publish_release(note_en="The first release.")
    camera(latitude=north_of(20))
    publish_release()
    feed = feedparser.parse(client.get("/en/map/releases/atom.xml").content)
    assert not feed.bozo
    assert [entry.link for entry in feed.entries] == [
        "http://testserver/en/map/releases/2/",
        "http://testserver/en/map/releases/1/",
    ]
    assert "1 added" in feed.entries[0].summary
    assert "The first release." in feed.entries[1].summary


def test_the_live_figures_name_the_release_to_cite(
    client, site, stari_grad, django_capture_on_commit_callbacks
):
    map_pages()
    camera(municipality=stari_grad)
    for address in ("/", "/mapa/"):
        page = client.get(address).content.decode()
        assert "Ovo su trenutne brojke" in page, address
        assert "/mapa/izdanja/1/" not in page
    with django_capture_on_commit_callbacks(execute=True):
        publish_release()
    # Publishing renders the cached pages again.
    for address in ("/", "/mapa/"):
        page = client.get(address).content.decode()
        assert 'href="/mapa/izdanja/1/"' in page, address


def test_a_release_page_costs_the_same_whatever_it_holds(client, site, uncached):
    camera()
    publish_release()
    for metres in range(1, 60):
        camera(latitude=north_of(metres * 10), camera_type="bullet")
    publish_release()

    def queries(address):
        client.get(address)  # the site's settings read once, then kept
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    assert queries("/en/map/releases/2/") == queries("/en/map/releases/1/")


def test_an_editor_publishes_from_the_admin_and_others_cannot(client, site):
    camera()
    editor = make_user("editor", groups=("Editors",))
    client.force_login(editor)
    page = client.get("/admin/map-releases/")
    assert page.status_code == 200
    assert 'name="note_en"' in page.content.decode()
    response = client.post("/admin/map-releases/", {"note": "Novembar.", "note_en": ""})
    assert response.status_code == 302
    release = Release.objects.get()
    assert release.note == "Novembar."

    outsider = make_user("writer", permissions=("access_admin",))
    client.force_login(outsider)
    assert client.get("/admin/map-releases/").status_code in (302, 403)
    client.post("/admin/map-releases/", {"note": "x"})
    assert Release.objects.count() == 1


def test_the_note_is_bounded_with_a_field_message(client, site):
    camera()
    client.force_login(make_user("editor", groups=("Editors",)))
    response = client.post("/admin/map-releases/", {"note": "x" * 2001})
    assert response.status_code == 200
    assert not Release.objects.exists()
    assert "2000" in response.content.decode()


def test_the_scheduler_proposes_a_release_once_a_month(site, mailoutbox):
    publisher = make_user("editor", email="urednik@example.org", groups=("Editors",))
    make_user("writer", email="pisac@example.org", permissions=("access_admin",))
    december = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)

    assert propose_release(december) is None  # nothing to release
    camera()
    proposal = propose_release(december)
    assert proposal.changed_cameras == 1
    (mail,) = mailoutbox
    assert mail.to == [publisher.email]
    assert "http://localhost/admin/map-releases/" in mail.body
    assert propose_release(december + datetime.timedelta(days=1)) is None
    assert len(mailoutbox) == 1

    publish_release()
    # A release this month: nothing to propose, even with changes.
    camera(latitude=north_of(30))
    assert propose_release(timezone.now()) is None
    january = timezone.now() + datetime.timedelta(days=40)
    assert propose_release(january).changed_cameras == 1
    assert ReleaseProposal.objects.count() == 2


def test_the_dashboard_shows_the_proposal_until_a_release_is_out(client, site):
    camera()
    client.force_login(make_user("editor", groups=("Editors",)))
    propose_release()
    assert 'id="release-proposal-section"' in client.get("/admin/").content.decode()
    publish_release()
    assert 'id="release-proposal-section"' not in client.get("/admin/").content.decode()


def test_publish_release_command(site, capsys):
    camera()
    call_command("publish_release", note="Iz komandne linije.")
    assert "Release 1 published: 1 cameras; 1 added" in capsys.readouterr().out
    assert Release.objects.get().note == "Iz komandne linije."
