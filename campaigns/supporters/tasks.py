"""The mail that tells a supporter their account is deleted."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.contrib.settings.context_processors import SettingProxy
from wagtail.models import Site

from campaigns.tasks import send_mail


@task()
def send_account_deleted_mail(address, language, site_id):
    """Tell a supporter their account is deleted, built here, in their language.

    The account is gone by the time this runs, so nothing else can lead to the address: the
    job holds it (and no text), until purge_task_results removes the finished job a day later.
    """
    site = Site.objects.filter(pk=site_id).first() or Site.objects.get(is_default_site=True)
    with translation.override(language):
        body = render_to_string(
            "campaigns/mail/supporter_deleted.txt", {"settings": SettingProxy(site)}
        )
        send_mail.call(gettext("Your account is deleted"), body, address, language=language)
