from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        # Connected once the models are loaded, as Django asks: a new version of the petitions
        # when pages, view restrictions or sites change; publishing an event moves people up
        # when it has more places, and tells them when it is cancelled.
        from campaigns.events import signals as event_signals  # noqa: F401
        from campaigns.petitions import signals as petition_signals  # noqa: F401
