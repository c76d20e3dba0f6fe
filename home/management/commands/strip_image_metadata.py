"""`manage.py strip_image_metadata`: the images stored before uploads were stripped
(home/images.py) lose their metadata too.

Each original that still carries EXIF, XMP, IPTC, comments or text is stored again without
them, under a new name (so no cache serves the old file), and its renditions, which Wagtail
made with the original's EXIF, are deleted, to be made again from the clean original. Images
without metadata are left as they are, so a second run changes nothing. One image at a time,
each in its own transaction: memory stays that of one image however many there are.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from home.images import has_metadata, replace_file, strip_metadata

BATCH = 100


class Command(BaseCommand):
    help = (
        "Store again, without their EXIF (GPS, device), XMP, IPTC and comments, the image "
        "library's originals that still carry them, and delete their renditions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="only count the images that would change"
        )

    def handle(self, *args, dry_run=False, **options):
        model = get_image_model()
        stripped = unreadable = 0
        for pk in model.objects.order_by("pk").values_list("pk", flat=True).iterator(BATCH):
            image = model.objects.filter(pk=pk).first()
            if image is None:
                continue  # deleted meanwhile
            try:
                with image.open_file() as file:
                    if not has_metadata(file):
                        continue
                    if dry_run:
                        stripped += 1
                        continue
                    clean = strip_metadata(file)
            except (OSError, SourceImageIOError, ValidationError) as error:  # missing, broken
                unreadable += 1
                self.stderr.write(f"Image {pk} left as it is: {error}")
                continue
            old_name, storage = image.file.name, image.file.storage
            with transaction.atomic():
                replace_file(image, clean)
                image.save()
                image.renditions.all().delete()  # their files go with them (Wagtail's signal)
                transaction.on_commit(lambda name=old_name, storage=storage: storage.delete(name))
            stripped += 1
        if not (stripped or unreadable or dry_run):
            return  # quiet when all is clean: seed_demo runs it each time
        verb = "would be stripped" if dry_run else "stripped"
        self.stdout.write(
            f"{stripped} image(s) {verb} of their metadata; {unreadable} could not be read."
        )
