from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapConfig(AppConfig):
    name = "map"
    verbose_name = _("Camera map")

    def ready(self):
        # Connects the receivers that keep the API's cache in step with the data.
        from . import signals  # noqa: F401
