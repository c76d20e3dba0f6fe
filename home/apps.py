from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site pages")

    def ready(self):
        build_subpage_resolvers()


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
