"""The address of a page's default Open Graph image (home/social_images.py)."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Page

from home import social_images
from home.models import OrganisationSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def default_social_image(context, page):
    """The path of the image drawn from the page's title; its version changes with the title.
    None for what is not a Wagtail page (the view serves pages only)."""
    if not isinstance(page, Page):
        return None
    site_name = OrganisationSettings.for_request(context["request"]).name
    # In the reader's script: a Cyrillic page shares a Cyrillic picture.
    texts = social_images.drawn_texts(page, site_name, get_language())
    image_version = social_images.version(*texts)
    return reverse("social_image", kwargs={"page_id": page.pk, "version": image_version})
