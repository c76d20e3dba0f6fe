"""The petitions' views outside the page's own routes (pages.py): where the sign form posts,
which finds the petition by its id instead of walking Wagtail's page tree, and the count for
partner sites."""

from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST, require_safe

from campaigns.petitions.pages import PetitionPage
from campaigns.petitions.signals import PETITIONS
from campaigns.routing import public_page_at
from home.forms import MAX_ID
from home.languages import content_language

COUNT_MAX_AGE = 30  # seconds partner sites and proxies may reuse the count
# What signing reads of a petition (its state, where it lives); a page shown again with the
# form's errors loads the rest. Loading every field took a fifth of a signature's time.
SIGNING_FIELDS = ("path", "url_path", "translation_key", "locale", "state", "deadline", "closed_at")
# How long the shared cache keeps what signing read of a petition: a new version of the
# petitions (campaigns/petitions/signals.py) makes it stale sooner.
PETITION_TO_SIGN_SECONDS = 600


@require_POST
def sign_petition(request, page_id):
    """Where the sign form posts: the petition found by its id, not by Wagtail's walk down the
    page tree, which cost half of a signature's time."""
    petition, thanks = petition_to_sign(request, page_id)
    return petition.sign(request, thanks=thanks)


def petition_to_sign(request, page_id):
    """The live, public petition `page_id` in the language of the address (/en/ for English
    pages), as Wagtail would serve it, and the address of its thanks page; anything else is
    not found.

    Kept in the shared cache for the next signers: reading the page, the view restrictions and
    the sites' root paths took a third of a signature's time. What is kept is stamped with the
    petitions' version (signals.py), which changes with pages, view restrictions and
    sites; one read fetches both. A petition lives under one site, so the thanks page's address
    is the same for every request.
    """
    if page_id > MAX_ID:
        # No page has it, and SQLite cannot even compare it (the lookup through page_ptr skips
        # Django's range check): not found, as any other unknown id.
        raise Http404
    key = f"campaigns:petition-to-sign:{page_id}:{translation.get_language()}"
    kept = cache.get_many([PETITIONS.key, key])
    version = kept.get(PETITIONS.key) or PETITIONS.new()
    if key in kept and kept[key][0] == version:
        return kept[key][1:]
    petition = get_object_or_404(
        # public(): none under a view restriction, asked in the same query (home/page_queries.py).
        PetitionPage.objects.live().public().only(*SIGNING_FIELDS),
        pk=page_id,
        locale__language_code=content_language(),
    )
    thanks = petition.thanks_url(request)
    cache.set(key, (version, petition, thanks), PETITION_TO_SIGN_SECONDS)
    return petition, thanks


@require_safe
def count_json(request, page_path):
    """`<petition url>count.json`: count, goal and state, for partner sites to show."""
    petition = public_page_at(request, page_path, PetitionPage, PetitionPage.sign)
    response = JsonResponse(
        {
            "count": petition.confirmed_count(),
            "goal": petition.goal,
            "state": petition.current_state().value,
        }
    )
    # Partner sites read it from their visitors' browsers.
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=COUNT_MAX_AGE)
    return response
