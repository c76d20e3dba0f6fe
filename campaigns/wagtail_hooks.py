from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet

from campaigns.events.admin import RegistrationViewSet
from campaigns.information_requests.admin import AuthorityViewSet, RegisterEntryViewSet
from campaigns.people_admin import (
    RECORD_OPENED_ACTION,
    RECORDS_EXPORTED_ACTION,
    RECORDS_LISTED_ACTION,
    RECORDS_SEARCHED_ACTION,
)
from campaigns.petitions.admin import (
    EXPORT_ACTION,
    INVALIDATE_ACTION,
    ExportFormatter,
    InvalidateFormatter,
)
from campaigns.petitions.updates import petition_update_viewset
from campaigns.petitions.viewsets import SignatureViewSet
from campaigns.supporters.admin import SupporterViewSet
from campaigns.supporters.erasure_admin import (
    ERASE_ACTION,
    ErasureFormatter,
    erasure_menu_item,
    erasure_permission,
    erasure_urls,
)
from home.record_access import (
    RecordOpenedFormatter,
    RecordsExportedFormatter,
    RecordsListedFormatter,
    RecordsSearchedFormatter,
)


class CampaignsViewSetGroup(ViewSetGroup):
    # Other campaign viewsets join the menu by being added to this list.
    items = [
        SignatureViewSet(),
        RegistrationViewSet(),
        petition_update_viewset,
        SupporterViewSet(),
        RegisterEntryViewSet(),
    ]
    menu_icon = "mail"
    menu_label = _("Campaigns")
    menu_name = "campaigns"


@hooks.register("register_admin_viewset")
def register_campaigns_viewsets():
    return CampaignsViewSetGroup()


@hooks.register("register_log_actions")
def register_signature_log_actions(actions):
    actions.register_action(INVALIDATE_ACTION)(InvalidateFormatter)
    actions.register_action(EXPORT_ACTION)(ExportFormatter)
    actions.register_action(RECORDS_LISTED_ACTION)(RecordsListedFormatter)
    actions.register_action(RECORDS_SEARCHED_ACTION)(RecordsSearchedFormatter)
    actions.register_action(RECORD_OPENED_ACTION)(RecordOpenedFormatter)
    actions.register_action(RECORDS_EXPORTED_ACTION)(RecordsExportedFormatter)


# Erasure requests (campaigns/supporters/erasure_admin.py): under Settings, for those allowed
# to erase.
hooks.register("register_admin_urls", erasure_urls)
hooks.register("register_settings_menu_item", erasure_menu_item)
hooks.register("register_permissions", erasure_permission)


@hooks.register("register_log_actions")
def register_erasure_log_action(actions):
    actions.register_action(ERASE_ACTION)(ErasureFormatter)


register_snippet(AuthorityViewSet)
