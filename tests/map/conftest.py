"""What the map's moderation tests share: staff users and an editor's logged-in client."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.users.models import UserProfile


def make_user(username, *codenames):
    """A staff user whose own group grants the admin and the named permissions."""
    user = get_user_model().objects.create_user(username, password="x")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    user.groups.add(group)
    return user


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
