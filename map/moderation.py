"""Editors' decisions on citizens' reports and on cameras.

Each decision is one transaction, records who took it and when, and goes into Wagtail's audit
log. Reviewing a report erases its follow-up email, as the privacy policy promises.
"""

import math
import os
from functools import partial

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.images import get_image_model
from wagtail.log_actions import log

from .geo import EARTH_RADIUS_M, distance_m, municipality_areas, municipality_for
from .models import PUBLIC_STATUSES, Camera, CameraPhoto, CameraReport, Municipality
from .signals import bump_camera_data_version

# Reports and cameras closer than this are probably the same camera.
DUPLICATE_RADIUS_M = 30
# The most other pending reports a report in the queue names (pending_neighbours).
MAX_NEIGHBOURS = 5
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180


# The answers an editor applies to the camera they are about (apply_report).
APPLICABLE = (CameraReport.Kind.MOVED, CameraReport.Kind.CHANGED)
# A "gone" answer counts towards retiring a camera without an editor only with its pin this
# near the camera (retire_if_gone); and only so many are read, which is already plenty.
RETIRE_ANSWER_WITHIN_M = 50
MAX_ANSWERS_READ = 50


class AlreadyReviewed(Exception):
    """Another editor decided on the report first."""


class NotOnTheMap(Exception):
    """The camera a report says is gone is not on the public map (editors rejected or removed
    it): marking it gone would rewrite its history."""


def possible_duplicates(reports, radius_m=DUPLICATE_RADIUS_M):
    """{report id: [(camera, metres), …] nearest first}: cameras near each report.

    One query for all the reports: a small box around each one (using the position index),
    then the exact distance for the few cameras in the boxes.
    """
    reports = list(reports)
    boxes = Q()
    for report in reports:
        boxes |= Q(**box_around(report.latitude, report.longitude, radius_m))
    nearby = {report.pk: [] for report in reports}
    if not reports:
        return nearby
    cameras = list(
        Camera.objects.filter(boxes).exclude(status=Camera.Status.REJECTED).order_by("pk")
    )
    for report in reports:
        for camera in cameras:
            metres = distance_m(
                report.latitude, report.longitude, camera.latitude, camera.longitude
            )
            if metres <= radius_m:
                nearby[report.pk].append((camera, metres))
        nearby[report.pk].sort(key=lambda pair: pair[1])
    return nearby


class Neighbours(list):
    """A report's nearest pending neighbours, [(other report, metres), …], with `more`: how
    many others within reach it does not name."""

    more = 0


def pending_neighbours(reports, radius_m=DUPLICATE_RADIUS_M, limit=MAX_NEIGHBOURS):
    """{report id: Neighbours}: the other pending reports near each report, nearest first, at
    most `limit` of them, which are probably the same camera reported twice.

    Two queries for all the reports, like possible_duplicates; the neighbours may be on another
    page of the queue, so each carries `queue_position`, its 0-based place in the queue's order
    (oldest first), for the link to it. The limit bounds the page, and the counting of places
    in the queue, when one spot has many pending reports (a busy corner, or a flood of them).
    """
    reports = list(reports)
    nearby = {report.pk: Neighbours() for report in reports}
    # Only reports of a new camera: news of a camera on the map is about that camera
    # (pending_about_cameras), and accepting it "as a new camera" would be wrong.
    reports = [report for report in reports if report.kind == CameraReport.Kind.NEW]
    if not reports:
        return nearby
    boxes = Q()
    for report in reports:
        boxes |= Q(**box_around(report.latitude, report.longitude, radius_m))
    pending = CameraReport.objects.filter(
        status=CameraReport.Status.PENDING, kind=CameraReport.Kind.NEW
    )
    # First where they are (a few columns), then, for the few named, the rest.
    candidates = list(
        pending.filter(boxes)
        .order_by("created_at", "pk")
        .values_list("pk", "latitude", "longitude")
    )
    named = {}
    for report in reports:
        within = []
        for pk, latitude, longitude in candidates:
            if pk == report.pk:
                continue
            metres = distance_m(report.latitude, report.longitude, latitude, longitude)
            if metres <= radius_m:
                within.append((metres, pk))
        within.sort()
        nearby[report.pk].more = max(len(within) - limit, 0)
        named[report.pk] = within[:limit]
    others = in_queue({pk for pairs in named.values() for _m, pk in pairs})
    for pk, pairs in named.items():
        nearby[pk].extend((others[other], metres) for metres, other in pairs if other in others)
    return nearby


def in_queue(pks):
    """{pk: pending report} for these ids, each with `queue_position`, its 0-based place in
    the queue's order (oldest first). One query, none for no ids."""
    if not pks:
        return {}
    pending = CameraReport.objects.filter(status=CameraReport.Status.PENDING)
    earlier = pending.filter(
        Q(created_at__lt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
    )
    others = pending.filter(pk__in=pks).annotate(
        # The number of pending reports before it (a group of one: they share a status).
        queue_position=Coalesce(
            Subquery(
                earlier.order_by().values("status").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            ),
            0,
        )
    )
    return {other.pk: other for other in others}


class AboutTheCamera(list):
    """The other pending reports about the camera a report names (a re-check's answer),
    [other report, …] in the queue's order, at most `limit` of them. `seen` counts all the
    others that say it is there ("still there", "moved", "changed"), `gone` those that say it
    is gone, `more` those not named; `disagree`: counting the report itself, some say the
    camera is there and some that it is gone."""

    seen = gone = more = 0
    disagree = False


def pending_about_cameras(reports, limit=MAX_NEIGHBOURS):
    """{report id: AboutTheCamera} for each report about a camera on the map (any answer of a
    re-check); reports of a new camera have none (pending_neighbours names theirs).

    Two queries however many reports there are: per camera, its pending reports ranked in the
    queue's order (only the first limit + 1 are read: enough to name `limit` besides any one
    of them) with the counts of each kind; then the named ones' places in the queue.
    """
    reports = list(reports)
    about = {report.pk: AboutTheCamera() for report in reports}
    news = [r for r in reports if r.kind != CameraReport.Kind.NEW and r.camera_id is not None]
    if not news:
        return about

    def count(condition):
        said = Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
        return Window(Sum(said), partition_by=[F("camera_id")])

    is_gone = Q(kind=CameraReport.Kind.GONE)
    rows = list(
        CameraReport.objects.filter(
            status=CameraReport.Status.PENDING,
            camera_id__in={report.camera_id for report in news},
        )
        .exclude(kind=CameraReport.Kind.NEW)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("camera_id")],
                order_by=[F("created_at").asc(), F("pk").asc()],
            ),
            seen=count(~is_gone),
            gone=count(is_gone),
        )
        .filter(rank__lte=limit + 1)
        .order_by("camera_id", "rank")
        .values_list("pk", "camera_id", "seen", "gone")
    )
    by_camera = {}
    totals = {}
    for pk, camera_id, seen, gone in rows:
        by_camera.setdefault(camera_id, []).append(pk)
        totals[camera_id] = (seen, gone)
    named = {}
    for report in news:
        seen, gone = totals.get(report.camera_id, (0, 0))
        entry = about[report.pk]
        entry.disagree = seen > 0 and gone > 0
        # The others: all of the camera's pending reports but this one.
        if report.kind == CameraReport.Kind.GONE:
            gone = max(gone - 1, 0)
        else:
            seen = max(seen - 1, 0)
        entry.seen, entry.gone = seen, gone
        named[report.pk] = [pk for pk in by_camera.get(report.camera_id, []) if pk != report.pk][
            :limit
        ]
        entry.more = max(seen + gone - len(named[report.pk]), 0)
    others = in_queue({pk for pks in named.values() for pk in pks})
    for pk, pks in named.items():
        about[pk].extend(others[other] for other in pks if other in others)
    return about


def box_around(latitude, longitude, radius_m):
    """Lookups for a latitude/longitude box that holds every point within radius_m."""
    # A little larger than the circle, so rounding never drops a camera right on its edge.
    dlat = radius_m * 1.01 / METRES_PER_DEGREE
    dlon = dlat / max(math.cos(math.radians(latitude)), 0.01)
    return {
        "latitude__range": (latitude - dlat, latitude + dlat),
        "longitude__range": (longitude - dlon, longitude + dlon),
    }


def accept_report(report, user):
    """Make a pending report a new camera, with one confirmation: the report itself."""
    with transaction.atomic():
        report = pending(report)
        camera = Camera(
            latitude=report.latitude,
            longitude=report.longitude,
            municipality=municipality_at(report.latitude, report.longitude),
            surveillance_type=report.surveillance_type,
            camera_type=report.camera_type,
            facial_recognition=report.facial_recognition,
            status=Camera.Status.REPORTED,
            confirmations=1,
            source=Camera.Source.CITIZEN,
            # May go to OpenStreetMap only if the reporter accepted the ODbL (map/forms.py).
            odbl_ok=bool(report.licence_version),
            first_reported_at=report.created_at,
            last_confirmed_at=report.created_at,
        )
        verify_if_confirmed(camera)
        camera.save()
        attach_photo(camera, report)
        camera.save_revision(user=user, log_action="wagtail.create")
        close(report, CameraReport.Status.ACCEPTED, camera, user)
    return camera


def merge_report(report, camera, user):
    """Count a pending report as a confirmation of an existing camera.

    A confirmation is independent unless the same signed-in supporter has already confirmed
    this camera; anonymous reports cannot be told apart, so each one counts.
    """
    with transaction.atomic():
        report = pending(report)
        camera = Camera.objects.select_for_update().get(pk=camera.pk)
        if camera.status == Camera.Status.RETIRED:
            # Seen again after all: an editor puts it back first (its status), then merges.
            raise NotOnTheMap
        repeated = (
            report.reporter_id is not None
            and camera.reports.filter(
                reporter_id=report.reporter_id,
                status__in=[CameraReport.Status.ACCEPTED, CameraReport.Status.MERGED],
            ).exists()
        )
        if not repeated:
            camera.confirmations += 1
            verify_if_confirmed(camera)
        take_in(report, camera, user)
    return camera


def reject_report(report, user, reason=""):
    """Not added (or, for news of a camera, not confirmed); `reason` is shown to the reporter."""
    with transaction.atomic():
        report = pending(report)
        report.reason = reason
        close(report, CameraReport.Status.REJECTED, None, user)


def mark_camera_gone(report, user):
    """A reporter says a camera is gone and an editor agrees: it is retired.

    The camera is kept, with its history and dates, in the open data and on its page, off the
    default map; the report's photo, which shows only where the camera was, is not added.
    """
    with transaction.atomic():
        report = pending(report)
        if report.camera_id is None:
            raise ValueError("Only a report about a camera can mark it gone.")
        camera = Camera.objects.select_for_update().get(pk=report.camera_id)
        if camera.status == Camera.Status.RETIRED:
            pass  # retired by the answers (retire_if_gone): the editor agrees
        elif camera.status in PUBLIC_STATUSES:
            retire(camera, user)
        else:
            raise NotOnTheMap
        drop_photo(report)
        close(report, CameraReport.Status.GONE, camera, user)
    return camera


def retire(camera, user):
    """Off the map as of now, kept with its dates (the caller holds the camera's row lock)."""
    camera.status = Camera.Status.RETIRED
    camera.retired_at = timezone.now()
    camera.save()
    camera.save_revision(user=user, log_action="map.camera.retire")


def gone_answers_that_count(camera):
    """The people whose "gone" answers, waiting for the editors, count towards retiring the
    camera without an editor, and whether anyone said otherwise meanwhile.

    Only answers since it was last confirmed, with their pin within RETIRE_ANSWER_WITHIN_M of
    it, and from a signed-in supporter (once each) or with a photo of the empty spot: an
    anonymous answer without one costs nothing to send. Returns (people, days, disputed): how
    many count, on how many different days (UTC) they came, and whether a "still there",
    "moved" or "changed" answer waits too.
    """
    since = CameraReport.objects.filter(
        camera=camera,
        status=CameraReport.Status.PENDING,
        created_at__gte=camera.last_confirmed_at,
    )
    answers = since.filter(kind=CameraReport.Kind.GONE).filter(
        Q(reporter__isnull=False) | ~Q(photo="")
    )
    people, days = set(), set()
    for pk, reporter, latitude, longitude, created_at in answers.values_list(
        "pk", "reporter", "latitude", "longitude", "created_at"
    )[:MAX_ANSWERS_READ]:
        if distance_m(latitude, longitude, camera.latitude, camera.longitude) > (
            RETIRE_ANSWER_WITHIN_M
        ):
            continue
        people.add(("supporter", reporter) if reporter else ("answer", pk))
        days.add(created_at.date())
    disputed = since.exclude(kind=CameraReport.Kind.GONE).exists()
    return len(people), len(days), disputed


def retire_if_gone(camera):
    """Retire a camera that needs a re-check when CAMERA_RETIRE_AFTER_GONE people have said
    it is gone (gone_answers_that_count), on at least two days, and nobody said otherwise.

    So that the map keeps up with the street where nobody has confirmed a camera for a year,
    without letting anyone hide a camera seen lately: that one only an editor retires. The
    answers stay in the moderation queue beside the retired camera, for an editor to confirm
    ("Mark camera N as gone") or to reject and put the camera back; its history says it was
    retired with no user. Returns whether it did.
    """
    with transaction.atomic():
        camera = Camera.objects.select_for_update().get(pk=camera.pk)
        if not camera.needs_recheck:
            return False
        people, days, disputed = gone_answers_that_count(camera)
        if disputed or people < settings.CAMERA_RETIRE_AFTER_GONE or days < 2:
            return False
        retire(camera, None)
    return True


def apply_report(report, user):
    """An editor takes a "moved" or "changed" answer into the camera: its new position (and
    municipality), or the device, type and facial recognition the reporter gave. Either way
    someone saw the camera then; neither counts as an independent confirmation."""
    with transaction.atomic():
        report = pending(report)
        if report.camera_id is None or report.kind not in APPLICABLE:
            raise ValueError("Only a moved or changed camera's report is applied.")
        camera = Camera.objects.select_for_update().get(pk=report.camera_id)
        if camera.status not in PUBLIC_STATUSES:
            raise NotOnTheMap
        if report.kind == CameraReport.Kind.MOVED:
            camera.latitude, camera.longitude = report.latitude, report.longitude
            camera.municipality = municipality_at(report.latitude, report.longitude)
            # The old street address names the old place; the new one is the editor's to
            # give (meanwhile the camera is named by the street it is near: map/naming.py).
            camera.address = ""
        else:
            camera.surveillance_type = report.surveillance_type
            camera.camera_type = report.camera_type
            camera.facial_recognition = report.facial_recognition
        take_in(report, camera, user)
    return camera


def take_in(report, camera, user):
    """Close a report as merged into `camera`, which someone saw then, with its photo (the
    caller changed the camera as the report says and holds the row lock)."""
    seen_there(camera, report)
    camera.save()
    attach_photo(camera, report)
    camera.save_revision(user=user, log_action=True)
    close(report, CameraReport.Status.MERGED, camera, user)


def seen_there(camera, report):
    """The camera was there when the report was made: the newest such date counts."""
    camera.last_confirmed_at = max(camera.last_confirmed_at, report.created_at)


def verify_cameras(cameras, user):
    """An editor vouches for these cameras: verified, as of now."""
    return set_status(cameras, Camera.Status.VERIFIED, "map.camera.verify", user)


def reject_cameras(cameras, user):
    return set_status(cameras, Camera.Status.REJECTED, "map.camera.reject", user)


def set_status(cameras, status, action, user):
    now = timezone.now()
    changes = {"status": status, "updated_at": now, "retired_at": None}
    if status == Camera.Status.VERIFIED:
        changes["verified_at"] = now
        changes["last_confirmed_at"] = now
    with transaction.atomic():
        count = Camera.objects.filter(pk__in=[camera.pk for camera in cameras]).update(**changes)
        for camera in cameras:
            log(camera, action, user=user)
        # update() sends no signals: tell the API's cache that the cameras changed.
        bump_camera_data_version()
    return count


def verify_if_confirmed(camera):
    """Enough independent confirmations verify a camera; a new one re-dates the verification."""
    if camera.status not in (Camera.Status.REPORTED, Camera.Status.VERIFIED):
        return
    if camera.confirmations >= settings.CAMERA_VERIFICATION_THRESHOLD:
        camera.status = Camera.Status.VERIFIED
        camera.verified_at = timezone.now()


def pending(report):
    """The report, locked for this transaction; AlreadyReviewed if it is no longer pending."""
    report = CameraReport.objects.select_for_update().get(pk=report.pk)
    if report.status != CameraReport.Status.PENDING:
        raise AlreadyReviewed(report)
    return report


def close(report, status, camera, user):
    report.status = status
    if camera is not None or report.kind == CameraReport.Kind.NEW:
        # A rejected report of a camera on the map keeps naming it: the reporter's follow-up
        # page says which camera was not confirmed.
        report.camera = camera
    report.reviewed_at = timezone.now()
    report.reviewed_by = user
    report.email = ""  # kept only until the report is reviewed (privacy policy)
    report.save()
    log(report, f"map.report.{status}", user=user, data={"camera": camera and camera.pk})


def attach_photo(camera, report):
    """Copy the report's photo into the image library as the camera's; drop the report's copy."""
    if not report.photo:
        return
    name = report.photo.name
    with report.photo.open("rb") as file:
        image = get_image_model()(
            title=gettext("Camera %(number)s, photo from a citizen's report")
            % {"number": camera.pk},
            file=ImageFile(file, name=os.path.basename(name)),
        )
        image.save()
    CameraPhoto.objects.create(camera=camera, image=image)
    drop_photo(report)


def drop_photo(report):
    """Forget the report's photo, and delete its file once the database has committed (files
    are not part of the transaction)."""
    if not report.photo:
        return
    name = report.photo.name
    report.photo = ""
    transaction.on_commit(partial(report.photo.storage.delete, name))


def municipality_at(latitude, longitude):
    """The municipality whose boundary holds the point, or None (also for a broken boundary)."""
    municipalities = Municipality.objects.canonical().filter(boundary__isnull=False)
    try:
        areas = municipality_areas(municipalities)
    except ValueError:
        return None
    return municipality_for(latitude, longitude, areas)
