"""`manage.py send_recheck_mails`: the monthly list of cameras to re-check, to the supporters
who asked for it (campaigns/supporters/recheck_mail.py). run_schedule runs it daily; each
supporter gets at most one a month."""

from django.core.management.base import BaseCommand

from campaigns.supporters.recheck_mail import send_recheck_mails


class Command(BaseCommand):
    help = "Queue the monthly mail of cameras to re-check to the supporters due one."

    def handle(self, *args, **options):
        queued = send_recheck_mails()
        self.stdout.write(f"Queued {queued} mail(s) of cameras to re-check.")
