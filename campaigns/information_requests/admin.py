"""The authorities in the admin (Snippets → Authorities), where editors keep them."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.information_requests.models import Authority


class AuthorityViewSet(SnippetViewSet):
    model = Authority
    icon = "site"
    menu_label = _("Authorities")
    list_display = ["name", "request_email", "hears_complaints"]
    search_fields = ["name"]
    search_backend_name = None
