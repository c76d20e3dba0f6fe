"""The limits the README promises, as literal figures: the tests that use these settings read
them from the settings, so a changed default would pass them all unnoticed."""

from home.ratelimit import parse_rate


def test_a_request_body_over_12_mb_is_refused(settings):
    assert settings.MAX_REQUEST_BODY == 12 * 1024 * 1024


def test_the_per_client_limits_are_as_documented(settings):
    # Signatures over these are only flagged for review (README, "Abuse").
    assert [parse_rate(rate) for rate in settings.PETITION_SIGNATURE_RATE_LIMITS] == [
        parse_rate((1, 60)),
        parse_rate((5, 300)),
    ]
    # Camera reports: ten an hour; the counters go when their hour ends (record of processing).
    assert parse_rate(settings.CAMERA_REPORT_RATE_LIMIT) == parse_rate((10, 3600))


def test_a_registration_holds_its_place_for_30_minutes(settings):
    assert settings.REGISTRATION_HOLD_MINUTES == 30


def test_editors_upload_images_and_documents_of_10_mb_and_images_of_18_megapixels(settings):
    # Wagtail checks these itself; the 12 MB body limit leaves room for the form around them.
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 18_000_000


def test_event_registrations_are_limited_to_ten_an_hour_per_client(settings):
    # Ten pass and the eleventh is refused: tests/campaigns/test_events.py.
    assert parse_rate(settings.EVENT_REGISTRATION_RATE_LIMIT) == parse_rate((10, 3600))
