"""The site search finds campaign pages by what readers call them, in either language."""

import pytest

from campaigns.models import PetitionPage
from tests.campaigns.test_petitions import petition_tree  # noqa: F401
from tests.routes import in_serbian


@pytest.mark.parametrize(
    ("path", "query", "title"),
    [
        (in_serbian("search"), "potpisi", "Bez prepoznavanja lica"),
        (in_serbian("search"), "peticija", "Bez prepoznavanja lica"),
        (in_serbian("search"), "potpišite peticiju", "Bez prepoznavanja lica"),
        ("/en/search/", "petition", "No facial recognition"),
        ("/en/search/", "signatures", "No facial recognition"),
    ],
)
def test_a_petition_is_found_by_what_readers_call_it(
    client,
    petition_tree,  # noqa: F811
    path,
    query,
    title,
):
    for petition in PetitionPage.objects.all():
        assert "potpis" not in petition.demand.lower() and "petition" not in petition.title.lower()
    response = client.get(path, {"q": query})
    assert title in response.text
