"""`manage.py anonymise_signatures`: blank signers' personal data six months after signing ends.

A signature says what its signer thinks about surveillance; once a petition has been handed
over, the names and addresses serve nothing, so they go (Signature.objects.anonymise() says
what is kept, and why). The count and the per-municipality totals stay as they were.

A petition and its translations share their signatures, so they are anonymised together:
when every live page of them stopped taking signatures (closed, or its deadline passed) more
than ANONYMISE_AFTER ago, and no page of them is exempted by an editor (`keep_personal_data`).
Pages that are not live take no signatures, so only live ones decide, unless none is live.
Unconfirmed signatures left over are deleted: they were never in the count.

Each petition is done in one transaction. Running it again changes nothing; a petition that is
reopened later, or whose exemption is lifted, is done by the next run that finds personal data
in it. run_schedule runs it hourly.
"""

from collections import defaultdict
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from campaigns.petitions.models import Signature
from campaigns.petitions.pages import PetitionPage

# "Six months" in the privacy policy: half a year, rounded up. A fixed length rather than
# calendar months, which run from 181 to 184 days and would need a date library for little.
ANONYMISE_AFTER = timedelta(days=183)


def due(pages, now):
    """Whether the signatures of these translations of one petition are due for anonymising."""
    if any(page.keep_personal_data for page in pages):
        return False
    deciding = [page for page in pages if page.live] or pages
    ends = [page.ended_at(now) for page in deciding]
    return all(end is not None and end < now - ANONYMISE_AFTER for end in ends)


class Command(BaseCommand):
    help = (
        "Anonymise the signatures of petitions that stopped taking signatures more than six "
        "months ago, unless an editor exempted them. Run hourly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be anonymised; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        translations = defaultdict(list)
        for page in PetitionPage.objects.defer("background").order_by("pk"):
            translations[page.translation_key].append(page)
        due_keys = [key for key, pages in translations.items() if due(pages, now)]
        with_personal_data = set(
            Signature.objects.filter(petition_key__in=due_keys)
            .exclude(email="")
            .values_list("petition_key", flat=True)
            .distinct()
        )
        done = 0
        for key in due_keys:
            pages = translations[key]
            stamped = all(page.personal_data_anonymised_at for page in pages)
            if stamped and key not in with_personal_data:
                continue  # done by an earlier run
            done += 1
            title = pages[0].title
            if dry_run:
                count = Signature.objects.filter(petition_key=key).exclude(email="").count()
                self.stdout.write(f"Would anonymise {count} signature(s) of “{title}”.")
                continue
            with transaction.atomic():
                unconfirmed = Signature.objects.filter(petition_key=key, confirmed_at__isnull=True)
                deleted, _by_model = unconfirmed.delete()
                anonymised = Signature.objects.filter(petition_key=key).anonymise()
                PetitionPage.objects.filter(translation_key=key).update(
                    personal_data_anonymised_at=now
                )
            self.stdout.write(
                f"Anonymised {anonymised} signature(s) of “{title}” and deleted {deleted} "
                "unconfirmed one(s)."
            )
        if dry_run:
            self.stdout.write(f"Dry run: {done} petition(s) due, nothing changed.")
        else:
            self.stdout.write(f"Anonymised the signatures of {done} petition(s).")
