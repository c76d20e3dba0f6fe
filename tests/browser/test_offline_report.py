"""The report form with the network off, then on again, in Chromium (README: "Offline
reports"): the service worker keeps the form, the queue keeps the report and its photo
(downscaled, without its metadata) on the device and sends it once when the connection is back."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from map.models import CameraReport
from tests.map.factories import CameraFactory, phone_photo

from .test_content_security_policy import BLOCKED, TILE_HOST, blank_tile

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REPORT = "/en/map/report/"
KEPT = "Saved on this device: it will be sent when you are online."
# A phone's photo: bigger than the queue keeps (at most 1600 px on its longest side).
PHOTO_SIZE = (2400, 1800)


@pytest.fixture
def site(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return live_server


@pytest.fixture
def context(browser):
    """A phone's browser whose map tiles come from a stand-in (this machine has no internet),
    which, as OpenStreetMap's, allows CORS: the worker keeps tiles it may read."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tile = blank_tile()
    context.route(
        f"https://{TILE_HOST}/**",
        lambda route: route.fulfill(
            status=200,
            body=tile,
            content_type="image/png",
            headers={"Access-Control-Allow-Origin": "*"},
        ),
    )
    yield context
    context.close()


def open_with_worker(page, url):
    """Open the form and wait until its service worker is active: it has kept the form."""
    page.goto(url)
    page.locator("#report-map .leaflet-tile-loaded").first.wait_for()
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def kept_reports(page):
    """The queue as the page's script keeps it, the photo described rather than copied."""
    return page.evaluate(
        """() => KamereOfflineQueue.all().then(items => Promise.all(items.map(item => {
            const copy = {...item, photo: null};
            if (!item.photo) return copy;
            return Promise.all([item.photo.arrayBuffer(), createImageBitmap(item.photo)])
                .then(([buffer, bitmap]) => {
                    copy.photo = {type: item.photo.type, width: bitmap.width,
                                  height: bitmap.height, bytes: Array.from(new Uint8Array(buffer))};
                    return copy;
                });
        })))"""
    )


def test_a_report_made_offline_is_kept_then_sent_once(site, context):
    page = context.new_page()
    blocked = []
    page.on(
        "console", lambda message: BLOCKED.search(message.text) and blocked.append(message.text)
    )
    open_with_worker(page, site.url + REPORT)

    # No signal: the form comes from the worker's copy, with the map's files and tiles.
    context.set_offline(True)
    page.reload()
    assert page.locator("html[data-offline-copy]").count() == 1
    expect(page.locator("#offline-note")).to_contain_text("You are offline.")
    page.locator("#report-map .leaflet-tile-loaded").first.wait_for()
    # The tiles seen online, kept by the worker (its policy lets it fetch from the tile host).
    tiles = f"caches.open('kamere-tiles:{REPORT}').then(cache => cache.keys())"
    assert page.evaluate(f"{tiles}.then(keys => keys.length)") > 0
    page.get_by_label("Latitude").fill("44.812500")
    page.get_by_label("Longitude").fill("20.461200")
    page.get_by_label("Photo (optional)").set_input_files(
        files=[
            {
                "name": "IMG_0042.jpg",
                "mimeType": "image/jpeg",
                "buffer": phone_photo(size=PHOTO_SIZE),
            }
        ]
    )
    page.get_by_label("Note (optional)").fill("Na stubu javne rasvete.")
    page.get_by_role("button", name="Send the report").click()

    # Kept on the device and listed; nothing reached the site.
    expect(page.get_by_text(KEPT)).to_be_visible()
    entries = page.locator("#offline-reports-list > li")
    expect(entries).to_have_count(1)
    expect(entries.first).to_contain_text("Waiting to be sent")
    expect(page.locator("#offline-reports-count")).to_have_text("Waiting to be sent: 1")
    assert not CameraReport.objects.exists()
    (item,) = kept_reports(page)
    assert re.fullmatch(r"[0-9a-f]{32}", item["id"])
    assert item["target"] == REPORT
    assert ["note", "Na stubu javne rasvete."] in item["fields"]
    # The photo as kept: downscaled, and drawn again, without the phone's EXIF (its GPS); upright
    # as the phone held it (its EXIF said: turned a quarter).
    assert (item["photo"]["width"], item["photo"]["height"]) == (1200, 1600)
    assert item["photo"]["type"] == "image/jpeg"
    kept = Image.open(io.BytesIO(bytes(item["photo"]["bytes"])))
    assert kept.getexif() == {}
    assert b"PhoneMaker" not in bytes(item["photo"]["bytes"])
    # A copy of it, to bring back below as if its answer had been lost.
    page.evaluate("KamereOfflineQueue.all().then(items => { window.keptCopy = items[0]; })")

    # The signal is back: it is sent, once, and the list says so with its follow-up page.
    context.set_offline(False)
    expect(entries.first).to_contain_text("Sent", timeout=15000)
    report = CameraReport.objects.get()
    assert report.client_key == item["id"]
    assert report.note == "Na stubu javne rasvete."
    assert report.photo
    with report.photo.open() as file:
        stored = file.read()
    assert Image.open(io.BytesIO(stored)).getexif() == {}
    follow = page.get_by_role("link", name="See what becomes of it")
    assert follow.get_attribute("href") == f"{site.url}{REPORT}follow/{report.follow_token}/"
    expect(page.locator("#offline-reports-count")).to_be_hidden()

    # Another "online" sends nothing more; nor does the same report sent again, as after a
    # lost answer: the site knows its key and answers with its follow-up page.
    context.set_offline(True)
    context.set_offline(False)
    page.evaluate("KamereOfflineQueue.put(window.keptCopy)")
    expect(entries.first).to_contain_text("Waiting to be sent")
    context.set_offline(True)
    context.set_offline(False)
    expect(entries.first).to_contain_text("Sent", timeout=15000)
    assert CameraReport.objects.count() == 1
    assert follow.get_attribute("href") == f"{site.url}{REPORT}follow/{report.follow_token}/"

    # The follow-up page, then the form again: still one report, still listed as sent.
    follow.click()
    page.wait_for_url(re.compile(re.escape(site.url + REPORT) + "follow/"))
    page.goto(site.url + REPORT)
    expect(page.locator("#offline-reports-list > li").first).to_contain_text("Sent")
    assert CameraReport.objects.count() == 1
    assert blocked == []


def test_online_the_form_posts_as_before_with_its_key(site, context):
    page = context.new_page()
    open_with_worker(page, site.url + REPORT)
    page.get_by_label("Latitude").fill("44.812500")
    page.get_by_label("Longitude").fill("20.461200")
    page.get_by_role("button", name="Send the report").click()

    page.wait_for_url(re.compile(re.escape(site.url + REPORT) + "follow/"))
    expect(page.get_by_text("Thank you: your report is sent.")).to_be_visible()
    report = CameraReport.objects.get()
    assert re.fullmatch(r"[0-9a-f]{32}", report.client_key)


def test_a_form_about_a_camera_offline_keeps_its_address(site, context):
    camera = CameraFactory()
    page = context.new_page()
    open_with_worker(page, site.url + REPORT)
    context.set_offline(True)
    page.goto(f"{site.url}{REPORT}?camera={camera.pk}&kind=gone")

    # The plain form, kept by the worker, for the address that names the camera.
    assert page.locator("html[data-offline-copy]").count() == 1
    expect(page.locator("#offline-note")).to_contain_text(
        f"This report is about camera {camera.pk}."
    )
    page.get_by_label("Latitude").fill(f"{camera.latitude:.6f}")
    page.get_by_label("Longitude").fill(f"{camera.longitude:.6f}")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text(KEPT)).to_be_visible()
    (item,) = kept_reports(page)
    assert item["target"] == f"{REPORT}?camera={camera.pk}&kind=gone"

    context.set_offline(False)
    expect(page.locator("#offline-reports-list > li").first).to_contain_text("Sent", timeout=15000)
    report = CameraReport.objects.get()
    assert (report.camera_id, report.kind) == (camera.pk, CameraReport.Kind.GONE)


def photo_like(size):
    """A JPEG as a phone's camera makes one: light, shade and the grain of a sensor (a flat
    picture would make the figure below look better than it is)."""
    shade = Image.linear_gradient("L").resize(size)
    grain = Image.effect_noise(size, 24)
    picture = Image.merge("RGB", (shade, grain, Image.blend(shade, grain, 0.5)))
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=90)
    return output.getvalue()


def test_the_queue_holds_twenty_reports_with_photos(site, context):
    """The figure of issue 20: 20 reports with a 4000 x 3000 photo each, as the queue keeps them.
    Printed with -s; the limit is a phone's: Safari gives a site about 1 GB, a browser in a
    private window or on a small phone far less."""
    photo = photo_like((4000, 3000))
    page = context.new_page()
    open_with_worker(page, site.url + REPORT)
    page.route(
        "**/bench-photo.jpg",
        lambda route: route.fulfill(status=200, body=photo, content_type="image/jpeg"),
    )
    figures = page.evaluate(
        """async () => {
            const queue = KamereOfflineQueue;
            const before = await navigator.storage.estimate();
            const file = await (await fetch("/bench-photo.jpg")).blob();
            const sizes = [];
            for (let i = 0; i < 20; i++) {
                const kept = await queue.downscale(file);
                sizes.push(kept.size);
                await queue.put({id: queue.newKey(), target: location.pathname, fields: [
                    ["latitude", "44.8125"], ["longitude", "20.4612"], ["note", "x".repeat(500)]],
                    photo: kept, photoField: "photo", createdAt: new Date().toISOString(),
                    status: "waiting"});
            }
            const after = await navigator.storage.estimate();
            return {count: (await queue.all()).length, sizes,
                    used: after.usage - before.usage, quota: after.quota};
        }"""
    )
    photos = sum(figures["sizes"])
    print(
        f"\n20 reports with a {len(photo) / 1e6:.1f} MB 4000 x 3000 photo each: photos "
        f"{photos / 1e6:.1f} MB as kept (largest {max(figures['sizes']) / 1e3:.0f} KB), "
        f"storage used {figures['used'] / 1e6:.1f} MB"
    )
    assert figures["count"] == 20
    # Far below any phone browser's share: a few hundred KB a report.
    assert photos < 20e6
    assert figures["used"] < 30e6
    expect(page.locator("#offline-reports-count")).to_have_text("Waiting to be sent: 20")


def test_a_report_the_site_refuses_waits_for_its_reporter(site, context):
    """A confirmation kept without its photo: the site answers with the form's errors, the list
    says it needs the reporter, who opens it in the form, adds the photo and sends it."""
    camera = CameraFactory()
    confirm = f"{REPORT}?camera={camera.pk}&kind=seen"
    page = context.new_page()
    open_with_worker(page, site.url + REPORT)
    context.set_offline(True)
    page.goto(site.url + confirm)
    page.get_by_label("Latitude").fill(f"{camera.latitude:.6f}")
    page.get_by_label("Longitude").fill(f"{camera.longitude:.6f}")
    page.get_by_label("Note (optional)").fill("Još je tu.")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text(KEPT)).to_be_visible()

    context.set_offline(False)
    entry = page.locator("#offline-reports-list > li").first
    expect(entry).to_contain_text("Needs your attention", timeout=15000)
    expect(entry).to_contain_text("Add a photo of the camera")
    assert not CameraReport.objects.exists()

    page.get_by_role("link", name="Open it in the form").click()
    expect(page.locator("#offline-status")).to_contain_text("change what is needed")
    assert page.get_by_label("Note (optional)").input_value() == "Još je tu."
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "IMG_0043.jpg", "mimeType": "image/jpeg", "buffer": phone_photo()}]
    )
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator("#offline-reports-list > li").first).to_contain_text("Sent", timeout=15000)
    report = CameraReport.objects.get()
    assert (report.camera_id, report.kind, report.note) == (camera.pk, "seen", "Još je tu.")
    assert report.photo


def keep_offline(page, note):
    """Fill in and send the form with no connection: the report is kept."""
    page.get_by_label("Latitude").fill("44.812500")
    page.get_by_label("Longitude").fill("20.461200")
    page.get_by_label("Note (optional)").fill(note)
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text(KEPT)).to_be_visible()


def test_over_the_rate_limit_a_report_waits_for_a_later_try(site, context, settings):
    settings.CAMERA_REPORT_RATE_LIMIT = "1/h"
    page = context.new_page()
    open_with_worker(page, site.url + REPORT)
    context.set_offline(True)
    page.reload()
    keep_offline(page, "Prva.")
    keep_offline(page, "Druga.")
    expect(page.locator("#offline-reports-count")).to_have_text("Waiting to be sent: 2")

    # The first goes; the site answers the second with 429: it stays, waiting.
    context.set_offline(False)
    entries = page.locator("#offline-reports-list > li")
    expect(entries.first).to_contain_text("Sent", timeout=15000)
    expect(entries.nth(1)).to_contain_text("Waiting to be sent")
    expect(page.locator("#offline-reports-count")).to_have_text("Waiting to be sent: 1")
    assert list(CameraReport.objects.values_list("note", flat=True)) == ["Prva."]

    # A later visit of the form, the limit passed: it goes too.
    settings.CAMERA_REPORT_RATE_LIMIT = "10/h"
    page.reload()
    expect(entries.nth(1)).to_contain_text("Sent", timeout=15000)
    assert sorted(CameraReport.objects.values_list("note", flat=True)) == ["Druga.", "Prva."]


def test_without_service_workers_the_form_posts_as_before(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    context.route(f"https://{TILE_HOST}/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(site.url + REPORT)
    page.get_by_label("Latitude").fill("44.812500")
    page.get_by_label("Longitude").fill("20.461200")
    page.get_by_role("button", name="Send the report").click()

    page.wait_for_url(re.compile(re.escape(site.url + REPORT) + "follow/"))
    expect(page.get_by_text("Thank you: your report is sent.")).to_be_visible()
    assert CameraReport.objects.count() == 1
    context.close()
