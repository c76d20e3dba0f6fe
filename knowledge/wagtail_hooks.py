from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.search import SEARCH_RESULTS_HOOK, SEARCH_SUGGESTIONS_HOOK

from .admin_views import (
    ExplainersDuePanel,
    ExplainersToReviewMenuItem,
    ExplainersToReviewView,
    can_see_report,
    explainers_due,
)
from .models import GlossaryTerm, Topic
from .search import glossary_results, topic_suggestions
from .translation_drafts import (
    ReviewedSubmitPageTranslationView,
    ReviewedUpdateTranslationsView,
    reviewed_convert_to_alias,
    translation_draft_action,
)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "sort_order"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "snippet"
    menu_label = _("Glossary")
    list_display = ["term", "definition"]
    search_fields = ["term", "definition"]
    search_backend_name = None


class KnowledgeViewSetGroup(SnippetViewSetGroup):
    items = [TopicViewSet, GlossaryTermViewSet]
    menu_icon = "help"
    menu_label = _("Knowledge base")
    menu_name = "knowledge"


register_snippet(KnowledgeViewSetGroup)


@hooks.register("register_admin_urls")
def explainers_to_review_urls():
    return [
        path(
            "reports/explainers-to-review/",
            ExplainersToReviewView.as_view(),
            name="knowledge_explainers_to_review",
        ),
        path(
            "reports/explainers-to-review/results/",
            ExplainersToReviewView.as_view(results_only=True),
            name="knowledge_explainers_to_review_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def explainers_to_review_menu_item():
    return ExplainersToReviewMenuItem(
        _("Explainers to review"),
        reverse("knowledge_explainers_to_review"),
        name="explainers-to-review",
        icon_name="calendar-check",
        order=1150,
    )


@hooks.register("construct_homepage_panels")
def add_explainers_due_panel(request, panels):
    if can_see_report(request.user):
        count = explainers_due(request.user).count()
        if count:
            panels.append(ExplainersDuePanel(count))


# Before wagtail-localize's own hook, which would take the post for its translation editor.
hooks.register("before_edit_page", translation_draft_action, order=-1)


@hooks.register("register_admin_urls", order=-1)
def reviewed_update_translations_url():
    # The addresses of wagtail-localize's "Sync translated pages", "Convert to alias" and
    # "Translate this page", listed before its own so that these views answer them (and its
    # links, reversed by wagtail-localize's names, lead here).
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="knowledge_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            reviewed_convert_to_alias,
            name="knowledge_convert_to_alias",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            ReviewedSubmitPageTranslationView.as_view(),
            name="knowledge_submit_page_translation",
        ),
    ]


# The glossary terms a search names, after the map's places (order 0); the topics and the
# glossary when it finds nothing.
hooks.register(SEARCH_RESULTS_HOOK, glossary_results, order=10)
hooks.register(SEARCH_SUGGESTIONS_HOOK, topic_suggestions)
