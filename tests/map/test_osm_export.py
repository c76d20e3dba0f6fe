"""Back to OpenStreetMap (map/osm_export.py): the .osm file read by pyosmium, an independent
OSM parser (libosmium's), who is left out, escaping, the round trip through the importer, the
proposed tag changes, the report form's licence and the cost of the export."""

import datetime

import defusedxml.ElementTree as ElementTree
import orjson
import osmium
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from map.forms import REPORT_LICENCE_VERSION
from map.importers import CameraImportError, import_cameras
from map.models import Camera, CameraReport
from map.moderation import METRES_PER_DEGREE, accept_report
from map.osm_export import NEAR_OSM_METRES

from ..factories import make_user
from .factories import CameraFactory, CameraReportFactory
from .test_moderation import camera_form_data
from .test_report import post

pytestmark = pytest.mark.django_db

OSM_URL = "/api/osm/cameras.osm"
CHANGES_URL = "/api/osm/tag-changes.json"
SPOT = (44.8125, 20.4612)
CONFIRMED = datetime.datetime(2026, 5, 4, 22, 30, tzinfo=datetime.UTC)


def exportable(**fields):
    """A camera the export takes: verified, found by citizens who accepted the ODbL."""
    defaults = {
        "status": Camera.Status.VERIFIED,
        "source": Camera.Source.CITIZEN,
        "odbl_ok": True,
        "facial_recognition": False,
        "camera_type": "",
        "last_confirmed_at": CONFIRMED,
    }
    return CameraFactory(**{**defaults, **fields})


def north_of(metres, origin=SPOT):
    return {"latitude": origin[0] + metres / METRES_PER_DEGREE, "longitude": origin[1]}


def osm_nodes(content, tmp_path):
    """{id: (latitude, longitude, tags)} as pyosmium reads the file."""
    path = tmp_path / "export.osm"
    path.write_bytes(content)
    return {
        node.id: (node.location.lat, node.location.lon, dict(node.tags))
        for node in osmium.FileProcessor(str(path), osmium.osm.NODE)
    }


def export(client, tmp_path):
    response = client.get(OSM_URL)
    assert response.status_code == 200
    return osm_nodes(response.content, tmp_path)


def test_a_camera_becomes_a_new_node_with_the_surveillance_tags(client, tmp_path):
    camera = exportable(
        latitude=44.81234567,
        longitude=20.46123456,
        surveillance_type="ALPR",
        surveillance="public",
        surveillance_zone="traffic",
        camera_type="fixed",
        direction=0,
        camera_mount="pole",
        height=4.0,
        facial_recognition=True,
        operator="MUP Srbije",
        manufacturer="Huawei",
        model="X1",
    )

    response = client.get(OSM_URL)

    assert response["Content-Disposition"] == 'attachment; filename="kamere-cameras.osm"'
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    root = ElementTree.fromstring(response.content)
    # What JOSM expects of new data: OSM 0.6, and nothing that forbids uploading it.
    assert root.attrib == {"version": "0.6", "generator": "Kamere"}
    (element,) = root
    assert element.get("id") == f"-{camera.pk}"
    assert element.get("action") == "modify"
    assert (element.get("lat"), element.get("lon")) == ("44.8123457", "20.4612346")
    nodes = osm_nodes(response.content, tmp_path)
    latitude, longitude, tags = nodes[-camera.pk]
    assert abs(latitude - camera.latitude) < 1e-7
    assert abs(longitude - camera.longitude) < 1e-7
    note = tags.pop("note")
    assert "http://testserver/" in note
    assert "contributors" in note
    assert tags == {
        "man_made": "surveillance",
        "surveillance:type": "ALPR",
        "surveillance": "public",
        "surveillance:zone": "traffic",
        "camera:type": "fixed",
        "camera:direction": "0",
        "camera:mount": "pole",
        "height": "4",
        "surveillance:recognition": "face",
        "operator": "MUP Srbije",
        "manufacturer": "Huawei",
        "model": "X1",
        # The UTC date it was last seen there.
        "check_date": "2026-05-04",
        "source": "survey",
    }


def test_unknown_details_are_no_tags(client, tmp_path):
    camera = exportable()
    (_latitude, _longitude, tags), *_ = export(client, tmp_path).values()
    del tags["note"]
    assert tags == {
        "man_made": "surveillance",
        "surveillance:type": "camera",
        "check_date": "2026-05-04",
        "source": "survey",
    }
    assert camera.direction is None


def test_only_verified_citizens_cameras_under_the_odbl_are_exported(client, tmp_path):
    taken = exportable()
    # On the police list too, but citizens reported it: theirs to give.
    reported = CameraReportFactory(licence_version=REPORT_LICENCE_VERSION)
    confirmed = accept_report(reported, make_user("editor"))
    Camera.objects.filter(pk=confirmed.pk).update(
        status=Camera.Status.VERIFIED, on_police_list=True
    )
    left_out = [
        exportable(source=Camera.Source.POLICE, on_police_list=True),
        # Marked citizens', but known only from the police list: no citizen's report.
        exportable(on_police_list=True),
        exportable(source=Camera.Source.DEMO),
        exportable(source=Camera.Source.OSM, external_id="osm:node/1"),
        exportable(external_id="osm:node/2"),  # OSM's, whatever its source says
        exportable(status=Camera.Status.REPORTED),
        exportable(status=Camera.Status.RETIRED),
        exportable(status=Camera.Status.REJECTED),
        exportable(odbl_ok=False),
    ]

    nodes = export(client, tmp_path)

    assert set(nodes) == {-taken.pk, -confirmed.pk}
    assert all(-camera.pk not in nodes for camera in left_out)


def test_accepting_a_report_carries_its_licence_to_the_camera():
    editor = make_user("editor")
    under_odbl = accept_report(CameraReportFactory(licence_version=REPORT_LICENCE_VERSION), editor)
    from_before = accept_report(CameraReportFactory(licence_version=""), editor)
    assert under_odbl.odbl_ok is True
    assert from_before.odbl_ok is False


@pytest.mark.usefixtures("fresh_media")
def test_the_report_form_says_what_is_published_and_records_the_licence(client):
    page = client.get("/en/map/report/").text
    licence = page.index("Open Database License (ODbL) 1.0")
    assert "never your email address" in page[licence - 200 : licence + 200]
    assert licence < page.index("Send the report")

    response = post(client)

    assert response.status_code == 302
    assert CameraReport.objects.get().licence_version == REPORT_LICENCE_VERSION


def test_a_camera_near_an_osm_camera_is_a_proposed_tag_change_not_a_node(client, tmp_path):
    osm_camera = exportable(
        source=Camera.Source.OSM,
        external_id="osm:node/4242",
        latitude=SPOT[0],
        longitude=SPOT[1],
        camera_type="dome",
        source_tags={
            "man_made": "surveillance",
            "surveillance:type": "camera",
            "camera:type": "dome",
            "direction": "E",  # the same as our 90
            "check_date": "2025-01-01",
        },
    )
    near = exportable(
        **north_of(12), camera_type="fixed", direction=90, camera_mount="wall", operator="Grad"
    )
    away = exportable(**north_of(20))

    nodes = export(client, tmp_path)
    changes = orjson.loads(client.get(CHANGES_URL).content)

    assert set(nodes) == {-away.pk}
    assert -osm_camera.pk not in nodes
    (change,) = changes["changes"]
    assert change["osm_id"] == "node/4242"
    assert change["osm_url"] == "https://www.openstreetmap.org/node/4242"
    assert change["camera"] == near.pk
    assert 11.5 < change["distance_m"] < 12.5
    assert change["add"] == {"camera:mount": "wall", "operator": "Grad"}
    assert change["differ"] == {
        "camera:type": {"osm": "dome", "proposed": "fixed"},
        "check_date": {"osm": "2025-01-01", "proposed": "2026-05-04"},
    }
    assert changes["radius_m"] == 15
    assert "© OpenStreetMap contributors" in changes["attribution"]


def test_hostile_text_is_escaped_and_cleaned(client, tmp_path):
    hostile = 'A & B <"quoted"> \'single\' </tag><tag k="x" v="y"/>'
    camera = exportable(
        operator=hostile,
        # No NUL: PostgreSQL stores none, and Django's form fields refuse it.
        manufacturer="line\nbreak\ttab\x0bnul\x1fus\x7fdel\x85c1",
        model="\x01\x02",  # nothing left: no tag
    )

    response = client.get(OSM_URL)

    ElementTree.fromstring(response.content)  # well-formed XML
    _latitude, _longitude, tags = osm_nodes(response.content, tmp_path)[-camera.pk]
    assert tags["operator"] == hostile
    assert tags["manufacturer"] == "line break tab nul us del c1"
    assert "model" not in tags
    assert "x" not in tags


def test_importing_the_export_gives_the_same_cameras(client, tmp_path):
    fields = [
        "surveillance_type",
        "surveillance",
        "surveillance_zone",
        "camera_type",
        "direction",
        "camera_mount",
        "height",
        "facial_recognition",
        "operator",
        "manufacturer",
        "model",
        "last_confirmed_at",
    ]
    exportable(
        surveillance_type="ALPR",
        surveillance="outdoor",
        surveillance_zone="parking",
        camera_type="panning",
        direction=359,
        camera_mount="street_lamp",
        height=5.5,
        facial_recognition=True,
        operator="Grad Beograd & MUP",
        manufacturer="Dahua",
        model="ITC <237>",
    )
    exportable(direction=0, camera_type="dome")
    exportable()
    before = sorted(Camera.objects.values_list("latitude", "longitude", *fields))
    path = tmp_path / "export.osm"
    path.write_bytes(client.get(OSM_URL).content)
    Camera.objects.all().delete()

    result = import_cameras(path)

    assert (result.format, result.created) == ("osmxml", 3)
    after = sorted(Camera.objects.values_list("latitude", "longitude", *fields))
    for old, new in zip(before, after, strict=True):
        assert abs(old[0] - new[0]) < 1e-7
        assert abs(old[1] - new[1]) < 1e-7
        assert old[2:-1] == new[2:-1]
        # OSM's check_date is a day: the last confirmation comes back as that day.
        assert old[-1].date() == new[-1].date()
    assert set(Camera.objects.values_list("source", flat=True)) == {Camera.Source.CITIZEN}


def test_the_importer_reads_osm_xml_as_josm_saves_it(tmp_path):
    path = tmp_path / "josm.osm"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<osm version='0.6' generator='JOSM'>\n"
        "  <bounds minlat='44' minlon='20' maxlat='45' maxlon='21'/>\n"
        "  <node id='123' version='3' lat='44.81' lon='20.46'>\n"
        "    <tag k='man_made' v='surveillance'/><tag k='camera:direction' v='NE'/>\n"
        "  </node>\n"
        "  <node id='-7' action='delete' lat='44.82' lon='20.47'>\n"
        "    <tag k='man_made' v='surveillance'/>\n"
        "  </node>\n"
        "  <node id='-8' lat='44.83' lon='20.48'/>\n"
        "  <way id='-9'><nd ref='-8'/><tag k='man_made' v='surveillance'/></way>\n"
        "</osm>\n"
    )

    result = import_cameras(path)

    camera = Camera.objects.get()
    assert (camera.external_id, camera.source, camera.direction) == ("osm:node/123", "osm", 45)
    assert result.skipped == {
        "deleted in the file": 1,
        "OSM node without tags": 1,
        "OSM way (no single position)": 1,
    }


@pytest.mark.parametrize(
    "text",
    [
        # Billion laughs: entities are never expanded.
        '<?xml version="1.0"?><!DOCTYPE osm [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><osm><node id="1" lat="1" lon="1">'
        '<tag k="note" v="&b;"/></node></osm>',
        '<?xml version="1.0"?><!DOCTYPE osm [<!ENTITY f SYSTEM "file:///etc/passwd">]>'
        '<osm><node id="1" lat="1" lon="1"><tag k="note" v="&f;"/></node></osm>',
        "<osm><node id='1' lat='1' lon='1'>",
        "<gpx></gpx>",
        "<osm><node id='1' lat='north' lon='1'><tag k='a' v='b'/></node></osm>",
    ],
)
def test_a_bad_osm_file_imports_nothing(tmp_path, text):
    path = tmp_path / "bad.osm"
    path.write_text(text)
    with pytest.raises(CameraImportError):
        import_cameras(path)
    assert not Camera.objects.exists()


def test_the_export_costs_the_same_queries_for_more_cameras(client):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    queries(OSM_URL)  # the site's settings, read once per process
    exportable(**north_of(0))
    exportable(source=Camera.Source.OSM, external_id="osm:node/1", **north_of(5))
    few = queries(OSM_URL), queries(CHANGES_URL)
    for step in range(1, 40):
        exportable(**north_of(100 * step))
        exportable(
            source=Camera.Source.OSM, external_id=f"osm:node/{step + 1}", **north_of(100 * step + 5)
        )
    many = queries(OSM_URL), queries(CHANGES_URL)

    assert few == many
    # Kept like the API's other whole-set answers: asked again, nothing is rebuilt.
    assert queries(OSM_URL) < many[0]


def test_the_files_are_kept_until_the_cameras_change(client, tmp_path):
    first = client.get(OSM_URL)
    assert client.get(OSM_URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    camera = exportable()
    assert set(export(client, tmp_path)) == {-camera.pk}


def test_the_open_data_page_tells_mappers_how_to_review_and_upload(client):
    page = client.get("/en/map/data/").text
    section = page[page.index('id="openstreetmap"') :]
    assert 'href="/api/osm/cameras.osm"' in section
    assert 'href="/api/osm/tag-changes.json"' in section
    assert 'href="https://wiki.openstreetmap.org/wiki/Import/Guidelines"' in section
    assert "JOSM" in section
    assert "under your own account" in section
    assert "Open Database License" in section
    assert "known only from the police" in section
    # The page's number is the export's.
    assert f"within {NEAR_OSM_METRES} metres" in section


@pytest.mark.admin_language("en")
def test_an_editor_may_tick_the_licence_in_the_verification_panel(editor_client):
    camera = CameraFactory(odbl_ok=False)
    edit = f"/admin/snippets/map/camera/edit/{camera.pk}/"
    page = editor_client.get(edit).text
    verification = page[page.index("Verification") :]
    assert 'name="odbl_ok"' in verification
    assert "accepted the Open Database License" in verification

    response = editor_client.post(edit, camera_form_data(camera, odbl_ok="on"))

    assert response.status_code == 302
    camera.refresh_from_db()
    assert camera.odbl_ok is True
