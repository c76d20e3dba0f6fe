"""The suite's one way to make a user: `make_user`, with what a test needs of the person as
keyword options (an address as allauth records it, groups, permissions, a name, the admin's
language). The per-folder helpers (tests/accounts/conftest.py, tests/map/conftest.py) call it."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.users.models import UserProfile

PASSWORD = "gradsko-oko-2024"


def make_user(
    username="",
    *,
    email="",
    verified=True,
    password=PASSWORD,
    first_name="",
    last_name="",
    groups=(),
    permissions=(),
    admin_access=False,
    language="",
):
    """A user named `username` (by default the part of `email` before the @).

    - `email`: the account's address, recorded as allauth records it (primary; verified unless
      `verified=False`).
    - `groups`: names of groups that already exist (Wagtail's "Editors" and "Moderators", or
      those the review workflow sets up); a name that does not exist fails the test rather
      than making a user without the rights the test means to give.
    - `permissions`: permission codenames, given through a group of the user's own, as an
      administrator would give them.
    - `admin_access`: a member of Wagtail's "Editors" group, which gives the admin and editing
      pages but not publishing (not a superuser).
    - `language`: the admin's language as the user chose it in their account ("en"; by default
      the site's, Serbian).
    """
    username = username or email.partition("@")[0]
    user = get_user_model().objects.create_user(
        username, email=email, password=password, first_name=first_name, last_name=last_name
    )
    if email:
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    if admin_access:
        editors, _ = Group.objects.get_or_create(name="Editors")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(editors)
    if groups:
        found = Group.objects.filter(name__in=groups)
        missing = set(groups) - {group.name for group in found}
        assert not missing, f"no such groups: {sorted(missing)}"
        user.groups.add(*found)
    if permissions:
        granted = Permission.objects.filter(codename__in=permissions)
        missing = set(permissions) - {permission.codename for permission in granted}
        assert not missing, f"no such permissions: {sorted(missing)}"
        own = Group.objects.create(name=f"{username} group")
        own.permissions.set(granted)
        user.groups.add(own)
    if language:
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user
