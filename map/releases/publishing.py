"""Publishing a release, and the scheduler's monthly proposal of one.

A release is written in two steps: its files under a storage prefix of its own, then its row.
Until the row is committed nobody links to the files; if writing fails, what was written is
deleted; so a release is never half there. Two editors publishing at once both build, and
the second to commit finds the number taken: its files are deleted and it builds again on
top of the first one's release, so that each diff is against the release before it.
"""

import gzip
import hashlib
import logging
import secrets
from datetime import datetime, time

import orjson
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.log_actions import log
from wagtail.models import Site

from home.models import OrganisationSettings
from map.cameras import RECORDED_STATUSES, Camera
from map.versions import bump_camera_data_version

from .changes import KINDS
from .files import release_files, snapshot
from .models import Release, ReleaseProposal

logger = logging.getLogger(__name__)

# Attempts when another release takes the number first; more means something is wrong.
ATTEMPTS = 3
# Of each kind of change, the release's page lists this many; the files list them all.
PREVIEW_LENGTH = 50
# Files smaller than this are not worth a compressed copy.
GZIP_FROM_BYTES = 1024
PUBLISH_PERMISSION = "map.add_release"


class ReleaseConflict(Exception):
    """Other releases kept taking the number: nothing was published."""


class NothingChanged(Exception):
    """The cameras and figures are as the latest release has them: a second copy under
    another number (a double click, two editors answering one proposal) would only confuse."""


class PreviousReleaseUnreadable(Exception):
    """The latest release's cameras cannot be read, so no diff against it can be made."""


def release_page_url(site, number):
    """The release's page, in the default language: the address that cites it."""
    with translation.override(settings.LANGUAGE_CODE):
        return site.root_url + reverse("map:release", args=[number])


def previous_features(release):
    if release is None:
        return []
    name = f"{release.storage_prefix}cameras.geojson"
    try:
        with default_storage.open(name, "rb") as stored:
            return orjson.loads(stored.read())["features"]
    except (OSError, orjson.JSONDecodeError, KeyError) as error:
        raise PreviousReleaseUnreadable(
            f"Release {release.number}'s cameras ({name}) cannot be read: {error!r}. Restore "
            "the file from a backup; the next release is diffed against it."
        ) from error


def write_files(prefix, contents):
    """Store `contents` ({name: bytes}) under `prefix`, each text file also gzipped; returns
    {name: its description}. Deletes what it wrote if a write fails."""
    written = []
    described = {}
    try:
        for name, content in contents.items():
            described[name] = {"bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
            written.append(default_storage.save(prefix + name, ContentFile(content)))
            if len(content) >= GZIP_FROM_BYTES:
                # mtime=0: the same bytes give the same compressed file.
                packed = gzip.compress(content, compresslevel=6, mtime=0)
                described[name]["gzip_bytes"] = len(packed)
                written.append(default_storage.save(f"{prefix}{name}.gz", ContentFile(packed)))
    except BaseException:
        delete_files(written)
        raise
    if written != expected_names(prefix, described):
        # The storage chose other names (the prefix was taken): not ours to serve.
        delete_files(written)
        raise ReleaseConflict(f"The storage renamed files under {prefix}.")
    return described


def expected_names(prefix, described):
    names = []
    for name, description in described.items():
        names.append(prefix + name)
        if "gzip_bytes" in description:
            names.append(f"{prefix}{name}.gz")
    return names


def delete_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.exception("A release's file %s could not be deleted.", name)


def publish_release(note="", note_en="", user=None):
    """Freeze the cameras as they are now into the next release; returns it."""
    site = Site.objects.get(is_default_site=True)
    organisation = OrganisationSettings.for_site(site)
    for _attempt in range(ATTEMPTS):
        previous = Release.objects.order_by("-number").first()
        number = previous.number + 1 if previous else 1
        release = Release(
            number=number,
            previous_number=previous.number if previous else None,
            published_at=timezone.now(),
            note=note,
            note_en=note_en,
            # Random, so that no other attempt's files are ever under it.
            storage_prefix=f"releases/{number}-{secrets.token_hex(8)}/",
        )
        features = snapshot(site.root_url)
        contents, changes, figures, data_licence = release_files(
            release,
            features,
            previous_features(previous),
            organisation,
            release_page_url(site, release.number),
        )
        # The licence as the files state it, for the headers they are served with.
        if previous is not None and unchanged(previous, changes, figures):
            raise NothingChanged(f"Nothing changed since release {previous.number}.")
        # Who published it and under which licence, as the files say: its citation keeps
        # them whatever the settings become.
        release.figures = {**figures, "licence": data_licence, "publisher": organisation.name}
        release.counts = {
            "cameras": figures["cameras"],
            **{kind: len(changes[kind]) for kind in KINDS},
        }
        release.changes_preview = {kind: changes[kind][:PREVIEW_LENGTH] for kind in KINDS}
        release.files = write_files(release.storage_prefix, contents)
        try:
            with transaction.atomic():
                release.save()
        except IntegrityError:
            delete_files(expected_names(release.storage_prefix, release.files))
            continue
        log(release, "map.release.publish", user=user)
        transaction.on_commit(bump_camera_data_version)
        return release
    raise ReleaseConflict("Other releases kept taking the number.")


def unchanged(previous, changes, figures):
    """Whether a release with `changes` and `figures` would say what `previous` says."""
    if any(changes[kind] for kind in KINDS):
        return False
    kept = {name: value for name, value in previous.figures.items() if name in figures}
    return kept == figures


@task()
def publish_release_task(note, note_en, user_id):
    """The admin's "Publish" in the worker: building 100,000 cameras takes longer than a
    request should. None when nothing changed since the latest release."""
    user = get_user_model().objects.filter(pk=user_id).first()
    try:
        release = publish_release(note, note_en, user=user)
    except NothingChanged as reason:
        logger.info("No release published: %s", reason)
        return None
    return release.number


def publishers():
    """Active users who may publish releases: superusers, and groups or users granted it."""
    app_label, codename = PUBLISH_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission),
            is_active=True,
        )
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
    )


def changed_since(release):
    """Cameras on record changed since `release` (all of them before the first): a lower
    bound, since a deleted camera leaves nothing to count."""
    if release is None:
        return Camera.objects.filter(status__in=RECORDED_STATUSES).count()
    return Camera.objects.filter(updated_at__gt=release.published_at).count()


def propose_release(now=None):
    """Once a month, if no release was published this month and cameras changed since the
    last one, propose a release: mail the publishers and show it on the dashboard. Returns
    the proposal, or None. Run daily by run_schedule; the month's row makes it once."""
    now = now or timezone.now()
    month = timezone.localdate(now).replace(day=1)
    month_began = timezone.make_aware(datetime.combine(month, time.min))
    latest = Release.objects.order_by("-number").first()
    if latest is not None and latest.published_at >= month_began:
        return None
    changed = changed_since(latest)
    if not changed:
        return None
    with transaction.atomic():
        proposal, created = ReleaseProposal.objects.get_or_create(
            month=month, defaults={"changed_cameras": changed, "proposed_at": now}
        )
    if not created:
        return None
    site = Site.objects.get(is_default_site=True)
    admin_url = site.root_url + reverse("map-releases:index")
    for user in publishers():
        # Staff choose the admin's language in their account; the default otherwise.
        language = getattr(getattr(user, "wagtail_userprofile", None), "preferred_language", "")
        with translation.override(language or settings.LANGUAGE_CODE):
            body = render_to_string(
                "map/mail/release_proposal.txt",
                {"latest": latest, "changed": changed, "admin_url": admin_url, "month": month},
            )
            subject = str(translation.gettext("A release of the camera data is due"))
        EmailMessage(subject, body, to=[user.email]).send()
    return proposal
