"""`purge_report_data`: camera reports keep personal data no longer than the privacy policy says."""

import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from home import ratelimit
from home.models import RateLimitCounter
from home.ratelimit import hit
from map.models import CameraReport
from map.photos import clean_photo

from .factories import CameraReportFactory, phone_photo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def purge(django_capture_on_commit_callbacks):
    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_report_data", stdout=output)
    return output.getvalue()


def test_follow_up_emails_are_erased_after_90_days(django_capture_on_commit_callbacks):
    old = CameraReportFactory(email="old@example.org")
    recent = CameraReportFactory(email="recent@example.org")
    CameraReport.objects.filter(pk=old.pk).update(created_at=days_ago(91))
    CameraReport.objects.filter(pk=recent.pk).update(created_at=days_ago(89))

    assert "Erased 1 follow-up email(s)" in purge(django_capture_on_commit_callbacks)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.email == ""
    assert old.status == CameraReport.Status.PENDING  # still waiting for an editor
    assert recent.email == "recent@example.org"


def test_rejected_reports_and_their_photos_go_30_days_after_the_decision(
    django_capture_on_commit_callbacks,
):
    photo = clean_photo(SimpleUploadedFile("p.jpg", phone_photo()))
    expired = CameraReportFactory(
        status=CameraReport.Status.REJECTED, reviewed_at=days_ago(31), photo=photo
    )
    storage, name = expired.photo.storage, expired.photo.name
    assert storage.exists(name)
    kept = CameraReportFactory(status=CameraReport.Status.REJECTED, reviewed_at=days_ago(29))
    accepted = CameraReportFactory(status=CameraReport.Status.ACCEPTED, reviewed_at=days_ago(300))

    output = purge(django_capture_on_commit_callbacks)

    assert "deleted 1 rejected report(s), 1 photo(s)" in output
    assert set(CameraReport.objects.all()) == {kept, accepted}
    assert not storage.exists(name)


def test_expired_rate_limit_counters_leave_the_database(
    settings, rf, django_capture_on_commit_callbacks, monkeypatch
):
    """Ours in their table, and allauth's in the database cache (production's default)."""
    monkeypatch.setattr(ratelimit, "time", time)  # this test watches real time pass
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_portal_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    request = rf.post("/", REMOTE_ADDR="203.0.113.77")
    hit(request, "expiring", (5, 1))
    hit(request, "lasting", "5/h")
    caches["default"].set("allauth-like-counter", 1, timeout=1)
    caches["default"].set("lasting-entry", 1, timeout=3600)
    assert RateLimitCounter.objects.count() == 2 and cache_rows() == 2
    time.sleep(1.1)

    assert "2 expired rate limit counter(s)" in purge(django_capture_on_commit_callbacks)
    [left] = RateLimitCounter.objects.values_list("key", flat=True)
    assert left.startswith("lasting:")
    assert cache_rows() == 1


def cache_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM test_portal_cache")
        return cursor.fetchone()[0]
