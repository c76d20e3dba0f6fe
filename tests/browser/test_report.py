"""A camera report in a real browser: from a citizen's phone to a verified camera."""

import io
import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from PIL import Image
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from map.models import Camera, CameraReport
from map.moderation import METRES_PER_DEGREE
from tests.browser.axe import axe_violations
from tests.map.factories import PHONE_GPS, CameraFactory, phone_photo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TILE_HOST = "tile.openstreetmap.org"
REPORT = "/en/map/report/"


def blank_tile():
    output = io.BytesIO()
    Image.new("RGB", (256, 256), (235, 235, 230)).save(output, "PNG")
    return output.getvalue()


@pytest.fixture
def site(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return live_server


def new_page(browser, **options):
    """A page whose map tiles come from a stand-in: this machine has no internet."""
    context = browser.new_context(**{"viewport": {"width": 390, "height": 844}, **options})
    tile = blank_tile()
    context.route(
        f"https://{TILE_HOST}/**",
        lambda route: route.fulfill(status=200, body=tile, content_type="image/png"),
    )
    return context.new_page()


def fill_details(page):
    page.get_by_label("It looks capable of facial recognition").check()
    page.get_by_label("Dome").check()
    page.get_by_label("Note (optional)").fill("Na stubu javne rasvete.")


def log_in(browser, live_server):
    user = get_user_model().objects.create_superuser(
        "urednica", "urednica@example.org", "tajna-lozinka"
    )
    # Editors log in through allauth, with the address they have verified.
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    # The admin in English, whatever the site's default language.
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_login").fill("urednica@example.org")
    page.locator("#id_password").fill("tajna-lozinka")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")
    return page


def test_report_moderation_and_verification_end_to_end(site, browser):
    hosts = set()

    # A citizen taps the spot on the map and sends a phone photo carrying GPS EXIF.
    citizen = new_page(browser)
    citizen.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    citizen.goto(site.url + REPORT)
    citizen.locator("#report-map .leaflet-tile-loaded").first.wait_for()
    citizen.locator("#report-map").click()
    assert citizen.locator(".leaflet-marker-icon").count() == 1
    latitude = float(citizen.get_by_label("Latitude").input_value())
    assert abs(latitude - 44.8125) < 0.01
    citizen.get_by_label("Photo (optional)").set_input_files(
        files=[{"name": "IMG_0042.jpg", "mimeType": "image/jpeg", "buffer": phone_photo()}]
    )
    fill_details(citizen)
    citizen.get_by_role("button", name="Send the report").click()
    citizen.wait_for_url(re.compile(re.escape(site.url + REPORT) + "follow/[A-Za-z0-9_-]{22}/$"))
    assert hosts == {urlsplit(site.url).netloc, TILE_HOST}
    first = CameraReport.objects.get()
    # The reporter lands on the report's own page: its reference and what becomes of it.
    assert citizen.url == site.url + REPORT + f"follow/{first.follow_token}/"
    expect(citizen.get_by_role("heading", level=1)).to_have_text(f"Your report {first.reference}")
    expect(citizen.get_by_text("Thank you: your report is sent.")).to_be_visible()
    assert first.facial_recognition is True
    assert first.camera_type == "dome"

    # An editor accepts it in the moderation queue, which shows it on the map too.
    editor = log_in(browser, site)
    editor.goto(site.url + "/admin/camera-reports/")
    editor.locator("#moderation-map .leaflet-interactive").first.wait_for()
    editor.get_by_role("button", name="Accept as a new camera").click()
    editor.get_by_text(f"Report {first.pk} is now camera").wait_for()
    camera = Camera.objects.get()
    assert (camera.status, camera.confirmations) == (Camera.Status.REPORTED, 1)

    # A second citizen, without JavaScript, types a position 12 m away.
    second = new_page(browser, java_script_enabled=False)
    second.goto(site.url + REPORT)
    assert second.locator("#report-map").is_hidden()
    second.get_by_label("Latitude").fill(f"{camera.latitude + 12 / METRES_PER_DEGREE:.6f}")
    second.get_by_label("Longitude").fill(f"{camera.longitude:.6f}")
    second.get_by_label("Licence plate reader").check()
    second.get_by_label("Yes").check()
    second.get_by_role("button", name="Send the report").click()
    second.wait_for_url(re.compile(re.escape(site.url + REPORT) + "follow/"))

    # The editor sees the camera as a possible duplicate and merges: two confirmations verify.
    editor.goto(site.url + "/admin/camera-reports/")
    editor.get_by_role("button", name=f"Merge into camera {camera.pk}").click()
    editor.get_by_text("is merged into camera").wait_for()
    camera.refresh_from_db()
    assert camera.status == Camera.Status.VERIFIED
    assert camera.confirmations == 2
    assert camera.verified_at is not None
    assert not CameraReport.objects.filter(status=CameraReport.Status.PENDING).exists()

    # The first citizen's page now says so, and leads to the camera's own page.
    citizen.reload()
    expect(citizen.get_by_text("On the map", exact=True)).to_be_visible()
    citizen.get_by_role("link", name="See the camera's page").wait_for()

    # The photo came through the form and out of the image library without its GPS data.
    with camera.photos.get().image.open_file() as file:
        stored = file.read()
    assert Image.open(io.BytesIO(stored)).getexif() == {}
    assert b"PhoneMaker" not in stored


def test_use_my_location_fills_in_the_position_in_the_browser(site, browser):
    page = new_page(
        browser,
        geolocation={"latitude": 44.80331, "longitude": 20.47122},
        permissions=["geolocation"],
    )
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site.url + REPORT)
    page.get_by_role("button", name="Use my location").click()
    page.get_by_text("Your location is filled in.").wait_for()
    assert page.get_by_label("Latitude").input_value() == "44.803310"
    assert page.get_by_label("Longitude").input_value() == "20.471220"
    # Only the two fields carry it: the location is in no request the page made.
    assert not [url for url in requests if "44.803" in url or "20.471" in url]


def test_the_spot_can_be_chosen_with_the_keyboard(site, browser):
    page = new_page(browser)
    page.goto(site.url + REPORT + "?lat=44.8201&lon=20.4551")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)  # the preset spot
    longitude = page.get_by_label("Longitude")
    typed = longitude.input_value()  # as given in the address
    page.locator("#report-map").focus()
    # Enter at once, while the arrow key's pan is still under way (or, on a slow machine,
    # already over): either way the marker goes where the pan ends, in the middle of the map.
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(longitude).not_to_have_value(typed)
    # Leaflet pans 80 pixels per arrow key; at zoom 18 that is 80 * 360 / (256 * 2**18) degrees.
    assert float(longitude.input_value()) == pytest.approx(20.4551 + 80 * 360 / 2**26, abs=1e-6)
    assert page.get_by_label("Latitude").input_value() == "44.820100"


@pytest.mark.parametrize("with_errors", [False, True])
def test_the_report_form_has_no_axe_violations(site, browser, with_errors):
    page = new_page(browser)
    page.goto(site.url + REPORT)
    page.locator("#report-map .leaflet-tile-loaded").first.wait_for()
    if with_errors:
        page.get_by_label("Email for questions about this report (optional)").fill("ana@")
        page.get_by_role("button", name="Send the report").click()
        page.get_by_role("alert").wait_for()
    assert axe_violations(page) == []


def degrees(dms):
    return dms[0] + dms[1] / 60 + dms[2] / 3600


def test_the_photos_own_location_is_offered_and_used_only_when_chosen(site, browser):
    page = new_page(browser)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site.url + REPORT)
    page.locator("#report-map .leaflet-tile-loaded").first.wait_for()
    latitude, longitude = page.get_by_label("Latitude"), page.get_by_label("Longitude")
    expect(page.get_by_role("button", name="Use the photo's location")).to_be_hidden()
    page.get_by_label("Photo (optional)").set_input_files(
        files=[{"name": "IMG_0042.jpg", "mimeType": "image/jpeg", "buffer": phone_photo()}]
    )
    spot = f"{degrees(PHONE_GPS['latitude']):.6f}, {degrees(PHONE_GPS['longitude']):.6f}"
    page.get_by_text(f"The photo says it was taken at {spot}.").wait_for()
    # Offered, not used: the reporter decides.
    expect(latitude).to_have_value("")
    assert page.get_by_role("button", name="Use the photo's location").is_visible()
    assert page.locator(".leaflet-marker-icon").count() == 0
    page.get_by_role("button", name="Use the photo's location").click()
    expect(page.get_by_role("button", name="Use the photo's location")).to_be_hidden()
    expect(latitude).to_have_value(f"{degrees(PHONE_GPS['latitude']):.6f}")
    expect(longitude).to_have_value(f"{degrees(PHONE_GPS['longitude']):.6f}")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
    page.get_by_text("The photo's location is filled in.").wait_for()
    # Read in the browser by our own copy of exifr; the position is in no request.
    assert any(url.endswith("/static/vendor/exifr/lite.umd.js") for url in requests)
    assert not [url for url in requests if "44.81" in url or "20.46" in url]

    # A photo that says nothing offers nothing.
    blank = io.BytesIO()
    Image.new("RGB", (8, 8)).save(blank, "JPEG")
    page.get_by_label("Photo (optional)").set_input_files(
        files=[{"name": "scan.jpg", "mimeType": "image/jpeg", "buffer": blank.getvalue()}]
    )
    page.get_by_text("The photo does not say where it was taken.").wait_for()
    expect(page.get_by_role("button", name="Use the photo's location")).to_be_hidden()


def test_the_follow_up_page_and_a_camera_report_have_no_axe_violations(site, browser):
    camera = CameraFactory()
    report = CameraReport.objects.create(
        latitude=camera.latitude,
        longitude=camera.longitude,
        kind=CameraReport.Kind.SEEN,
        camera=camera,
        status=CameraReport.Status.MERGED,
    )
    page = new_page(browser)
    page.goto(site.url + REPORT + f"follow/{report.follow_token}/")
    expect(page.get_by_text("Confirmed: your report counts")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(site.url + REPORT + f"?camera={camera.pk}&kind=gone")
    page.locator("#report-map .leaflet-tile-loaded").first.wait_for()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report a camera that is gone")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)  # where the camera is
    assert axe_violations(page) == []
