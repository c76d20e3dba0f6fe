from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        # Publishing an event moves people up when it has more places, and tells them when it
        # is cancelled.
        from . import signals  # noqa: F401
