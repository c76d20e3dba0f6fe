from django.db.models import Q
from wagtail.models import Locale

from home.page_forms import SitePageForm


class ExplainerPageForm(SitePageForm):
    """Offers the topics in the explainer's own language, not every language's copy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        topics = self.fields["topics"]
        locale_id = self.instance.locale_id or Locale.get_default().pk
        chosen = [topic.pk for topic in self.instance.topics.all()]
        topics.queryset = topics.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))
