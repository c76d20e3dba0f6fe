"""What the map's moderation tests share: staff users and an editor's logged-in client."""

import pytest
from wagtail.users.models import UserProfile

from .. import factories


def make_user(username, *codenames):
    """A staff user whose own group grants the admin and the named permissions."""
    return factories.make_user(username, permissions=("access_admin", *codenames))


@pytest.fixture
def editor():
    return make_user("editor", "change_camerareport", "add_camera", "change_camera")


@pytest.fixture
def editor_client(request, client, editor):
    """The editor, logged in; the admin speaks Serbian unless the module or test is marked
    `admin_language("en")`, as if the editor had chosen English."""
    marker = request.node.get_closest_marker("admin_language")
    if marker:
        UserProfile.objects.create(user=editor, preferred_language=marker.args[0])
    client.force_login(editor)
    return client
