from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images import get_image_model

from .images import strip_before_saving
from .spreadsheets import make_wagtail_exports_safe


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site pages")

    def ready(self):
        build_subpage_resolvers()
        connect_second_factor_signals()
        limit_image_decoding()
        make_wagtail_exports_safe()
        # Imported once the apps are ready: they read Wagtail's models.
        from . import locales, page_cache

        page_cache.connect()
        locales.keep_locales()
        # Whatever saves an image (a seeder, an importer, map moderation), not only the form.
        pre_save.connect(
            strip_before_saving, sender=get_image_model(), dispatch_uid="home.strip_image_metadata"
        )


def limit_image_decoding():
    """Pillow refuses to open, in every process, images of more than twice the editors' limit.

    Its default (179 megapixels, 720 MB decoded) would let anything that decodes an image take
    a worker's memory: Willow decodes an editor's upload before Wagtail counts its pixels, and
    renditions decode originals uploaded before the limit. Past the limit itself Pillow only
    warns; reporters' photos have limits of their own (map/photos.py).
    """
    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def connect_second_factor_signals():
    # Imported once the apps are ready: both read models (allauth.mfa.signals, through
    # AbstractBaseUser), which cannot be imported while the registry fills.
    from allauth.mfa import signals

    from .accounts.staff_mfa import log_failed_second_factor, note_first_factor

    signals.authenticator_added.connect(note_first_factor, dispatch_uid="home.note_first_factor")
    signals.authentication_failed.connect(
        log_failed_second_factor, dispatch_uid="home.log_failed_second_factor"
    )


def build_subpage_resolvers():
    """Build every routable page type's URL resolver now, before a request thread can.

    Wagtail builds it on a page type's first request by reading the class's attributes and
    then storing the resolver on the class: two threads of a fresh gunicorn worker doing that
    at once made one of them fail ("dictionary changed size during iteration", a 500).
    """
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    for model in apps.get_models():
        if issubclass(model, RoutablePageMixin):
            model.get_resolver()
