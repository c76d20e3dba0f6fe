"""What approving in the review workflow records (knowledge/review.py), pinned where the
mutation run (`make mutation`) found it unpinned: the reviewer's name fits its field, the
review line is an explainer's alone, and History shows it as a change by the reviewer."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from knowledge.review import reviewer_name
from knowledge.workflow import REVIEWERS, ensure_review_workflow

from ..factories import make_user
from ..home.factories import HomePageFactory, StandardPageFactory
from .factories import ExplainerPageFactory, GlossaryPageFactory, KnowledgeIndexPageFactory
from .workflow import approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    Page.objects.filter(depth=2).delete()
    index = KnowledgeIndexPageFactory(parent=HomePageFactory(slug="pocetna"))
    ensure_review_workflow([index])
    return index


def submit_and_approve(client, page, reviewer):
    page.title = f"{page.title} (izmenjeno)"
    page.save_revision(user=make_user(f"urednik-{page.pk}", groups=["Editors"]))
    page.get_workflow().start(page, page.get_latest_revision().user)
    client.force_login(reviewer)
    assert approve(client, page).status_code == 302
    page.refresh_from_db()
    return page


def test_a_long_name_is_cut_to_the_120_characters_of_the_review_line():
    user = get_user_model()(first_name="A" * 100, last_name="B" * 100)
    assert reviewer_name(user) == "A" * 100 + " " + "B" * 19
    assert reviewer_name(get_user_model()(first_name="A" * 60, last_name="B" * 59)) == (
        "A" * 60 + " " + "B" * 59
    )


@pytest.mark.parametrize("factory", [StandardPageFactory, GlossaryPageFactory])
def test_approving_another_page_type_publishes_it_without_a_review_revision(client, index, factory):
    # A page type named before and one named after knowledge.ExplainerPage: only the
    # explainer's own label gets the review line.
    page = factory(parent=index)
    reviewer = make_user(
        "recenzentkinja", groups=[REVIEWERS], first_name="Ana", last_name="Petrović"
    )
    submit_and_approve(client, page, reviewer)
    revisions = page.revisions.count()

    assert page.live
    assert page.title.endswith("(izmenjeno)")
    assert revisions == 1  # the editor's, none added on approval
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.edit", user=reviewer)


def test_the_review_line_shows_in_history_as_the_reviewers_change(client, index):
    explainer = ExplainerPageFactory(parent=index, slug="pregledano")
    reviewer = make_user(
        "recenzentkinja", groups=[REVIEWERS], first_name="Ana", last_name="Petrović"
    )

    submit_and_approve(client, explainer, reviewer)

    assert explainer.reviewed_on == timezone.localdate()
    assert explainer.reviewed_by == "Ana Petrović"
    entry = PageLogEntry.objects.get(page=explainer, action="wagtail.edit", user=reviewer)
    assert entry.revision == explainer.live_revision
