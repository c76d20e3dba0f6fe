"""What the translation editor's template offers an editor: save a draft, submit for review."""

from django import template

from knowledge.translation_drafts import SAVE_DRAFT, SUBMIT, review_state

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review(context, page):
    state = review_state(page, context["request"].user)
    return {**state, "save_draft": SAVE_DRAFT, "submit": SUBMIT}
