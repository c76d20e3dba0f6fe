"""Point the default Wagtail site at SITE_URL (home/site_address.py)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from home.site_address import sync_default_site


class Command(BaseCommand):
    help = (
        "Set the default site's host name and port from SITE_URL, so that the links in mails, "
        ".ics files and feeds lead to where the site answers. Does nothing when SITE_URL is "
        "not set in the environment."
    )

    def handle(self, *args, **options):
        if not settings.SITE_URL_CONFIGURED:
            self.stdout.write("SITE_URL is not set: the default site is left as it is.")
            return
        try:
            site = sync_default_site(settings.SITE_URL)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if site is not None:
            self.stdout.write(f"The default site now answers at {site.root_url}.")
